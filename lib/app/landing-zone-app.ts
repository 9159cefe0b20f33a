/** The cdktf app of a landing zone: one stack per Terraform state, built from the model. */
import { App } from 'cdktf';
import { AccountBaselineStack } from '../../stacks/account-baseline-stack';
import { AccountStack } from '../../stacks/account-stack';
import { FirewallManagerStack } from '../../stacks/firewall-manager-stack';
import { LogArchiveStack } from '../../stacks/log-archive-stack';
import { ManagementStack } from '../../stacks/management-stack';
import { OrganizationServicesStack } from '../../stacks/organization-services-stack';
import { SecurityStack } from '../../stacks/security-stack';
import {
  accountBaselineStackName,
  accountStackName,
  FIREWALL_MANAGER_STACK,
  LOG_ARCHIVE_STACK,
  MANAGEMENT_STACK,
  ORGANIZATION_SERVICES_STACK,
  SECURITY_STACK,
} from '../../stacks/stack-outputs';
import { alertRulesFor } from '../alerts/alert-rules';
import { alertForwardingPlan } from '../alerts/forwarding-plan';
import type { Account, LandingZone } from '../model/landing-zone';
import { stateBackendFor } from '../terraform/state-backend';

export interface LandingZoneAppOptions {
  /** @default the cdktf CLI's output directory, else `cdktf.out` */
  readonly outdir?: string;
}

export function buildLandingZoneApp(landingZone: LandingZone, options: LandingZoneAppOptions = {}): App {
  const app = new App({ outdir: options.outdir });
  const stateBackend = stateBackendFor(landingZone.stateBackend);
  const { homeRegion, governedRegions, passwordPolicy, managementAccount, memberAccounts, logArchiveAccount, securityAccount, accountAccessRole } = landingZone;
  const managementAccountId = managementAccount.existingAccountId;

  const management = new ManagementStack(app, MANAGEMENT_STACK, {
    organization: landingZone.organization,
    serviceAccessPrincipals: landingZone.serviceAccessPrincipals,
    enabledPolicyTypes: landingZone.enabledPolicyTypes,
    organizationalUnits: landingZone.organizationalUnits,
    policies: landingZone.policies,
    rootPolicies: landingZone.rootPolicies,
    managementAccountId,
    homeRegion,
    stateBackend,
  });

  const accountStacks = new Map<string, AccountStack>();
  for (const account of memberAccounts) {
    const accountStack = new AccountStack(app, accountStackName(account), { account, accountAccessRole, managementAccountId, homeRegion, stateBackend });
    accountStack.addDependency(management);
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
  return app;
}
