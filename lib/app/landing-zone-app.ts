/** The cdktf app of a landing zone: one stack per Terraform state, built from the model. */
import { App, type TerraformStack } from 'cdktf';
import { AccountBaselineStack } from '../../stacks/account-baseline-stack';
import { AccountStack } from '../../stacks/account-stack';
import { FirewallManagerStack } from '../../stacks/firewall-manager-stack';
import { DetectiveControlsStack } from '../../stacks/detective-controls-stack';
import { IdentityCenterStack } from '../../stacks/identity-center-stack';
import { ChatChannelStack } from '../../stacks/chat-channel-stack';
import { IncidentResponseStack } from '../../stacks/incident-response-stack';
import { LogArchiveStack } from '../../stacks/log-archive-stack';
import { ManagementStack } from '../../stacks/management-stack';
import { OrganizationServicesStack } from '../../stacks/organization-services-stack';
import { SecurityStack } from '../../stacks/security-stack';
import {
  accountBaselineStackName,
  accountStackName,
  FIREWALL_MANAGER_STACK,
  DETECTIVE_CONTROLS_STACK,
  IDENTITY_CENTER_MANAGEMENT_STACK,
  IDENTITY_CENTER_STACK,
  INCIDENT_RESPONSE_STACK,
  chatChannelStackName,
  LOG_ARCHIVE_STACK,
  MANAGEMENT_STACK,
  ORGANIZATION_SERVICES_STACK,
  SECURITY_STACK,
} from '../../stacks/stack-outputs';
import { alertRulesFor } from '../alerts/alert-rules';
import { alertForwardingPlan } from '../alerts/forwarding-plan';
import { incidentRulesFor, pagingRulesFor } from '../incident-response/incident-rules';
import { remediation } from '../incident-response/remediation-catalogue';
import { assignmentsByStack, type IdentityCenter } from '../model/identity-center';
import type { Account, LandingZone } from '../model/landing-zone';
import { type StateBackend, stateBackendFor } from '../terraform/state-backend';

export interface LandingZoneAppOptions {
  /** @default the cdktf CLI's output directory, else `cdktf.out` */
  readonly outdir?: string;
}

export function buildLandingZoneApp(landingZone: LandingZone, options: LandingZoneAppOptions = {}): App {
  const app = new App({ outdir: options.outdir });
  const stateBackend = stateBackendFor(landingZone.stateBackend);
  const { homeRegion, governedRegions, passwordPolicy, managementAccount, memberAccounts, logArchiveAccount, securityAccount, accountAccessRole } = landingZone;
  const managementAccountId = managementAccount.existingAccountId;

  const { identityCenter } = landingZone;
  const identityCenterAdministratorId = identityCenter && identityCenterAdministratorIdOf(landingZone, identityCenter);
  const management = new ManagementStack(app, MANAGEMENT_STACK, {
    organization: landingZone.organization,
    serviceAccessPrincipals: landingZone.serviceAccessPrincipals,
    enabledPolicyTypes: landingZone.enabledPolicyTypes,
    organizationalUnits: landingZone.organizationalUnits,
    policies: landingZone.policies,
    rootPolicies: landingZone.rootPolicies,
    centralizedRootAccess: landingZone.organization.centralizedRootAccess,
    managementAccountId,
    homeRegion,
    stateBackend,
    identityCenterAdministratorId,
  });

  const identityCenterStacks = identityCenter
    ? identityCenterStacksFor(app, identityCenter, { administratorId: identityCenterAdministratorId, managementAccountId, accountAccessRole, stateBackend })
    : [];
  for (const stack of identityCenterStacks) stack.addDependency(management);
  /** A stack that assigns permission sets reads their ARNs from the Identity Center stacks. */
  const assignsAfterIdentityCenter = (stack: TerraformStack, assignments: readonly unknown[]) => {
    if (assignments.length > 0) for (const identityCenterStack of identityCenterStacks) stack.addDependency(identityCenterStack);
  };

  const accountStacks = new Map<string, AccountStack>();
  for (const account of memberAccounts) {
    const accountStack = new AccountStack(app, accountStackName(account), {
      account,
      accountAccessRole,
      managementAccountId,
      homeRegion,
      stateBackend,
      identityCenter,
    });
    accountStack.addDependency(management);
    if (identityCenter) assignsAfterIdentityCenter(accountStack, assignmentsByStack(identityCenter, account).accountStack);
    accountStacks.set(account.key, accountStack);
  }
  const accountStackOf = (key: string) => {
    const stack = accountStacks.get(key);
    if (!stack) throw new Error(`no account stack for ${key}`);
    return stack;
  };

  const logArchive = new LogArchiveStack(app, LOG_ARCHIVE_STACK, {
    logArchiveAccount,
    securityAccount,
    managementAccountId,
    accountAccessRole,
    homeRegion,
    logArchive: landingZone.logArchive,
    trailName: landingZone.organizationTrail.name,
    stateBackend,
  });
  logArchive.addDependency(accountStackOf(logArchiveAccount.key));
  logArchive.addDependency(accountStackOf(securityAccount.key));

  const organizationServices = new OrganizationServicesStack(app, ORGANIZATION_SERVICES_STACK, {
    managementAccountId,
    securityAccount,
    homeRegion,
    governedRegions,
    organizationTrail: landingZone.organizationTrail,
    trailBucket: landingZone.logArchive.buckets.cloudTrail,
    securityServices: landingZone.securityServices,
    costAnomalyDetection: landingZone.costAnomalyDetection,
    resourceSharing: landingZone.firewallManager?.resourceSharing,
    stateBackend,
  });
  organizationServices.addDependency(logArchive);

  const security = new SecurityStack(app, SECURITY_STACK, {
    securityAccount,
    accountAccessRole,
    managementAccountId,
    homeRegion,
    governedRegions,
    securityServices: landingZone.securityServices,
    alerts: landingZone.alerts,
    alertRules: alertRulesFor(landingZone),
    stateBackend,
  });
  security.addDependency(organizationServices);

  if (landingZone.firewallManager) {
    const firewallManager = new FirewallManagerStack(app, FIREWALL_MANAGER_STACK, {
      securityAccount,
      accountAccessRole,
      homeRegion,
      firewallManager: landingZone.firewallManager,
      stateBackend,
    });
    // The administrator is registered by organization-services, after the OUs and accounts exist; the security services come first.
    firewallManager.addDependency(security);
  }
  const { incidentResponse } = landingZone;
  if (incidentResponse && (incidentResponse.chat || incidentResponse.incidentManager || incidentResponse.paging.length > 0)) {
    const incidentResponseStack = new IncidentResponseStack(app, INCIDENT_RESPONSE_STACK, {
      securityAccount,
      accountAccessRole,
      homeRegion,
      eventBusName: landingZone.alerts.eventBusName,
      alertRules: alertRulesFor(landingZone),
      incidentRules: incidentRulesFor(landingZone),
      pagingRules: pagingRulesFor(landingZone),
      incidentResponse,
      stateBackend,
    });
    incidentResponseStack.addDependency(security);
    const { chat } = incidentResponse;
    const channels = [
      ...(chat?.slack ?? []).map((slack) => ({ name: slack.name, channel: { slack } })),
      ...(chat?.teams ?? []).map((teams) => ({ name: teams.name, channel: { teams } })),
    ];
    for (const { name, channel } of channels) {
      new ChatChannelStack(app, chatChannelStackName({ name }), {
        securityAccount,
        accountAccessRole,
        homeRegion,
        channel,
        guardrailPolicyArns: chat!.guardrailPolicyArns,
        stateBackend,
      }).addDependency(incidentResponseStack);
    }
  }

  const alertForwardingOf = alertForwardingPlan(landingZone);
  const inspectorAdministratorOf = (account: Account) =>
    landingZone.securityServices.inspector && account !== securityAccount ? { account: securityAccount, roleName: accountAccessRole } : undefined;
  const baselineSettings = {
    homeRegion,
    governedRegions,
    passwordPolicy,
    stateBackend,
    logArchiveBuckets: landingZone.logArchive.buckets,
    sessionManager: landingZone.sessionManager,
    backupVaults: landingZone.policies.some((policy) => policy.type === 'BACKUP_POLICY'),
    identityCenter: identityCenter && { settings: identityCenter, managementAccountId },
    remediations: (incidentResponse?.remediations ?? []).map(remediation),
  };
  const managementBaseline = new AccountBaselineStack(app, accountBaselineStackName(managementAccount), {
    ...baselineSettings,
    account: managementAccount,
    access: { kind: 'management', managementAccountId },
    alertForwarding: alertForwardingOf(managementAccount),
    inspectorAdministrator: inspectorAdministratorOf(managementAccount),
    setAlternateContacts: true,
  });
  const baselines = [managementBaseline];
  for (const account of memberAccounts) {
    const baseline = new AccountBaselineStack(app, accountBaselineStackName(account), {
      ...baselineSettings,
      account,
      access: { kind: 'member', roleName: accountAccessRole },
      alertForwarding: alertForwardingOf(account),
      inspectorAdministrator: inspectorAdministratorOf(account),
    });
    baseline.addDependency(accountStackOf(account.key));
    baselines.push(baseline);
  }
  // Config delivers to the log archive's bucket and events go to the security account's bus: both must exist first.
  for (const baseline of baselines) {
    baseline.addDependency(logArchive);
    baseline.addDependency(security);
  }
  if (identityCenter) {
    [managementAccount, ...memberAccounts].forEach((account, index) =>
      assignsAfterIdentityCenter(baselines[index], assignmentsByStack(identityCenter, account).baseline),
    );
  }

  const organizationControls = landingZone.organizationDetectiveControls;
  if (organizationControls.controls.length > 0 || organizationControls.conformancePacks.length > 0) {
    const detectiveControls = new DetectiveControlsStack(app, DETECTIVE_CONTROLS_STACK, {
      securityAccount,
      accountAccessRole,
      homeRegion,
      governedRegions,
      detectiveControls: organizationControls,
      stateBackend,
    });
    // AWS Config makes each organization rule in every account, and refuses it where the account's recorder is not on yet.
    for (const stack of [security, ...baselines]) detectiveControls.addDependency(stack);
  }
  return app;
}

/** The id of Identity Center's delegated administrator, an adopted member account: validation has made sure of it. */
function identityCenterAdministratorIdOf(landingZone: LandingZone, identityCenter: IdentityCenter): string | undefined {
  const name = identityCenter.delegatedAdministratorName;
  if (name === undefined) return undefined;
  const id = landingZone.memberAccounts.find((candidate) => candidate.name === name)?.existingAccountId;
  if (id === undefined) throw new Error(`Identity Center administrator ${name} is not an adopted member account after validation`);
  return id;
}

interface IdentityCenterPlacement {
  /** @default none: the management account administers Identity Center */
  readonly administratorId?: string;
  readonly managementAccountId: string;
  readonly accountAccessRole: string;
  readonly stateBackend: StateBackend;
}

/** `identity-center` where Identity Center is administered, and `identity-center-management` when the management account must manage some permission sets itself. */
function identityCenterStacksFor(app: App, identityCenter: IdentityCenter, placement: IdentityCenterPlacement): IdentityCenterStack[] {
  const { administratorId, managementAccountId, accountAccessRole, stateBackend } = placement;
  const stacks = [
    new IdentityCenterStack(app, IDENTITY_CENTER_STACK, {
      identityCenter,
      permissionSets: identityCenter.permissionSets.filter((set) => !set.managedFromManagementAccount),
      withGroupsAndAttributes: true,
      accountId: administratorId ?? managementAccountId,
      roleName: administratorId === undefined ? undefined : accountAccessRole,
      stateBackend,
    }),
  ];
  const fromManagement = identityCenter.permissionSets.filter((set) => set.managedFromManagementAccount);
  if (fromManagement.length > 0) {
    stacks.push(
      new IdentityCenterStack(app, IDENTITY_CENTER_MANAGEMENT_STACK, {
        identityCenter,
        permissionSets: fromManagement,
        withGroupsAndAttributes: false,
        accountId: managementAccountId,
        stateBackend,
      }),
    );
  }
  return stacks;
}
