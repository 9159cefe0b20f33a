/** Builds the Firewall Manager part of the model from a configuration that passed every check. */
import { firewallManagerPlans, SECURITY_GROUP_POLICY_TYPES } from '../config/firewall-manager-plans';
import { firewallManagerNeedsResourceSharing } from '../config/organization-integrations';
import type { FirewallManagerScopeConfig } from '../config/schemas/firewall-manager';
import type { LandingZoneConfig } from '../config/schemas/landing-zone';
import { wafAccessLogsBucketName, wafLogBucketName } from '../resource-names';
import type { FirewallManager, FirewallManagerScope, FirewallManagerTargets } from './firewall-manager';
import type { Account, MemberAccount } from './landing-zone';

type Targets = NonNullable<FirewallManagerScopeConfig['include']>;

function targetsOf(targets: Targets, accounts: readonly Account[]): FirewallManagerTargets {
  return {
    organizationalUnitPaths: targets.organizationalUnits,
    accounts: targets.accounts.map((name) => {
      const account = accounts.find((candidate) => candidate.name === name);
      // The firewall-manager-scopes rule has rejected a scope naming an account without a request.
      if (!account) throw new Error(`firewall scope names the account ${name}, which has no request, after validation`);
      return account;
    }),
  };
}

/**
 * A security group policy leaves the security account out, as AWS recommends for the
 * administrator account: its audit and primary groups would be found noncompliant, and a
 * usage audit would delete them, since no resource uses them. Firewall Manager takes
 * inclusions or exclusions, not both, so the account is added to the exclusions; the
 * firewall-manager-scopes rule has rejected an inclusion that reaches it.
 */
function scopeOf(config: FirewallManagerScopeConfig, accounts: readonly Account[], administrator?: MemberAccount): FirewallManagerScope {
  const include = config.include ? targetsOf(config.include, accounts) : undefined;
  const exclude = config.exclude ? targetsOf(config.exclude, accounts) : undefined;
  const leftOut = administrator && !include && !exclude?.accounts.includes(administrator) ? [administrator] : [];
  return {
    include,
    exclude:
      leftOut.length > 0 ? { organizationalUnitPaths: exclude?.organizationalUnitPaths ?? [], accounts: [...(exclude?.accounts ?? []), ...leftOut] } : exclude,
    resourceTags: config.resourceTags,
    excludeResourceTags: config.excludeResourceTags,
  };
}

export function buildFirewallManager(
  config: Pick<LandingZoneConfig, 'firewallManager' | 'logArchive'>,
  governedRegions: LandingZoneConfig['governedRegions'],
  accounts: readonly Account[],
  securityAccount: MemberAccount,
): FirewallManager | undefined {
  const firewallManager = config.firewallManager;
  const plans = firewallManagerPlans(firewallManager, governedRegions);
  if (!firewallManager || plans.length === 0) return undefined;
  const policies = plans.map((plan) => ({
    ...plan,
    scope: scopeOf(plan.policy.scope, accounts, SECURITY_GROUP_POLICY_TYPES.has(plan.policy.type) ? securityAccount : undefined),
  }));
  const loggingRegions = [...new Set(policies.filter((policy) => policy.policy.type === 'waf' && policy.policy.logging).map((policy) => policy.region))];
  return {
    policies,
    referenceSecurityGroupVpcs: firewallManager.referenceSecurityGroupVpcs,
    dnsFirewallDomainLists: firewallManager.dnsFirewallDomainLists,
    wafLogBuckets: loggingRegions.map((region) => ({
      region,
      bucketName: wafLogBucketName(config.logArchive.bucketNamePrefix, region),
      accessLogsBucketName: wafAccessLogsBucketName(config.logArchive.bucketNamePrefix, region),
    })),
    logLifecycle: config.logArchive.lifecycle,
    shieldAdvancedSubscription: policies.some((policy) => policy.policy.type === 'shieldAdvanced'),
    resourceSharing: firewallManagerNeedsResourceSharing(firewallManager),
  };
}
