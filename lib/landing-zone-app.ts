/** The cdktf app of a landing zone: one stack per Terraform state, built from the model. */
import { App } from 'cdktf';
import { AccountBaselineStack, type AccountBaselineStackProps } from '../stacks/account-baseline-stack';
import { AccountStack } from '../stacks/account-stack';
import { LogArchiveStack } from '../stacks/log-archive-stack';
import { ManagementStack, serviceAccessPrincipalsFor } from '../stacks/management-stack';
import { OrganizationServicesStack } from '../stacks/organization-services-stack';
import { SecurityStack } from '../stacks/security-stack';
import { alertRulesFor, forwardingRulesOf } from './alerts/alert-rules';
import type { AwsRegion } from './config/aws-regions';
import { memberAccounts, type Account, type LandingZone } from './model/landing-zone';
import {
  accountBaselineStackName,
  accountStackName,
  LOG_ARCHIVE_STACK,
  MANAGEMENT_STACK,
  ORGANIZATION_SERVICES_STACK,
  SECURITY_STACK,
} from './stack-names';
import { stateBackendFor } from './state-backend';

export interface LandingZoneAppOptions {
  /** @default the cdktf CLI's output directory, else `cdktf.out` */
  readonly outdir?: string;
}

/** Global services (IAM, CloudFront and its WAF, console sign-in) emit their events in us-east-1. */
const GLOBAL_SERVICES_REGION: AwsRegion = 'us-east-1';

export function buildLandingZoneApp(landingZone: LandingZone, options: LandingZoneAppOptions = {}): App {
  const app = new App({ outdir: options.outdir });
  const stateBackend = stateBackendFor(landingZone.stateBackend);
  const { homeRegion, governedRegions, passwordPolicy, managementAccount, logArchiveAccount, securityAccount, accountAccessRole } = landingZone;
  const managementAccountId = managementAccount.existingAccountId;

  const management = new ManagementStack(app, MANAGEMENT_STACK, {
    organization: landingZone.organization,
    serviceAccessPrincipals: serviceAccessPrincipalsFor(landingZone.securityServices),
    organizationalUnits: landingZone.organizationalUnits,
    policies: landingZone.policies,
    rootPolicies: landingZone.rootPolicies,
    managementAccountId,
    homeRegion,
    stateBackend,
  });

  const accountStacks = new Map<string, AccountStack>();
  for (const account of memberAccounts(landingZone)) {
    const ouPath = account.ouPath;
    if (ouPath === undefined) throw new Error(`${account.file}: member account without an OU after validation`);
    const accountStack = new AccountStack(app, accountStackName(account), {
      account: { ...account, ouPath },
      accountAccessRole,
      managementAccountId,
      homeRegion,
      stateBackend,
      managementStackName: MANAGEMENT_STACK,
    });
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
    logArchiveStackName: LOG_ARCHIVE_STACK,
    securityServices: landingZone.securityServices,
    costAnomalyDetection: landingZone.costAnomalyDetection,
    stateBackend,
  });
  organizationServices.addDependency(logArchive);

  const alertRules = alertRulesFor(landingZone);
  const security = new SecurityStack(app, SECURITY_STACK, {
    securityAccount,
    accountAccessRole,
    managementAccountId,
    homeRegion,
    governedRegions,
    securityServices: landingZone.securityServices,
    alerts: landingZone.alerts,
    alertRules,
    stateBackend,
  });
  security.addDependency(organizationServices);

  const forwardingRegions = [...new Set([...governedRegions, GLOBAL_SERVICES_REGION])];
  // Shared by every account but the delegated administrator, which receives every account's findings and forwards its own only.
  const sharedForwarding = new Map(forwardingRegions.map((region) => [region, forwardingRulesOf(landingZone, { region })]));
  const alertForwardingOf = (account: Account): AccountBaselineStackProps['alertForwarding'] => ({
    regions: forwardingRegions,
    rulesIn:
      account === securityAccount
        ? (region, accountId) => forwardingRulesOf(landingZone, { region, administratorAccountId: accountId })
        : (region) => sharedForwarding.get(region) ?? forwardingRulesOf(landingZone, { region }),
    securityAccount,
    eventBusName: landingZone.alerts.eventBusName,
  });
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
    setAlternateContacts: true,
  });
  const baselines = [managementBaseline];
  for (const account of memberAccounts(landingZone)) {
    const baseline = new AccountBaselineStack(app, accountBaselineStackName(account), {
      ...baselineSettings,
      account,
      access: { kind: 'member', roleName: accountAccessRole },
      alertForwarding: alertForwardingOf(account),
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
