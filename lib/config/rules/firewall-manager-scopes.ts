/**
 * The scope of every Firewall Manager policy: each OU and account it names exists;
 * inclusions or exclusions, not both (Firewall Manager would take the inclusions alone);
 * neither names nothing; within Firewall Manager's quotas (20 OUs, 200 accounts named, 8
 * resource tags per policy); and no security group policy includes the security account,
 * which it must leave out.
 */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { declaredPolicies, SECURITY_GROUP_POLICY_TYPES, type DeclaredPolicy } from '../firewall-manager-plans';
import { resolveTarget } from '../policy-targets';
import type { FirewallManagerScopeConfig } from '../schemas/firewall-manager';

/** Firewall Manager's quotas on one policy's scope. */
const FIREWALL_MANAGER_SCOPE_QUOTAS = {
  organizationalUnits: 20,
  accounts: 200,
  /**
   * The Firewall Manager Developer Guide's quota of tags that include or exclude resources;
   * the API accepts up to 50, but the lower figure is the one AWS documents as its limit.
   */
  resourceTags: 8,
} as const;

type Files = Pick<ConfigurationFiles<'firewallManager' | 'organizationalUnits' | 'coreAccounts'>, 'landingZone' | 'accounts'>;

type Targets = NonNullable<FirewallManagerScopeConfig['include']>;

function targetIssues(targets: Targets, fieldPath: readonly (string | number)[], files: Files): Issue[] {
  const issue = (path: readonly (string | number)[], message: string): Issue => ({ file: files.landingZone.file, path, message });
  if (targets.organizationalUnits.length === 0 && targets.accounts.length === 0) {
    return [issue(fieldPath, 'names no OU and no account; remove it to leave the scope to the other side')];
  }
  const issues: Issue[] = [];
  targets.organizationalUnits.forEach((path, index) => {
    const resolution = resolveTarget({ target: { kind: 'organizational-unit', path }, fieldPath: [...fieldPath, 'organizationalUnits', index] }, files);
    if (!resolution.found) issues.push(resolution.issue);
  });
  targets.accounts.forEach((name, index) => {
    const resolution = resolveTarget({ target: { kind: 'account', name }, fieldPath: [...fieldPath, 'accounts', index] }, files);
    if (!resolution.found) issues.push(resolution.issue);
  });
  const organizationalUnits = targets.organizationalUnits.length;
  if (organizationalUnits > FIREWALL_MANAGER_SCOPE_QUOTAS.organizationalUnits) {
    issues.push(
      issue(
        [...fieldPath, 'organizationalUnits'],
        `expected at most ${FIREWALL_MANAGER_SCOPE_QUOTAS.organizationalUnits} OUs (Firewall Manager's quota per policy), got ${organizationalUnits}; name a parent OU instead, which covers the OUs below it`,
      ),
    );
  }
  if (targets.accounts.length > FIREWALL_MANAGER_SCOPE_QUOTAS.accounts) {
    issues.push(
      issue(
        [...fieldPath, 'accounts'],
        `expected at most ${FIREWALL_MANAGER_SCOPE_QUOTAS.accounts} accounts (Firewall Manager's quota of accounts named in one policy), got ${targets.accounts.length}; name their OUs instead`,
      ),
    );
  }
  return issues;
}

/** Whether an inclusion reaches the security account: by name, or by its OU or one above it. */
function includesSecurityAccount(include: Targets, files: Files): boolean {
  const name = files.landingZone.config.coreAccounts.security;
  const ou = files.accounts.find((account) => account.config.name === name)?.config.ou;
  return include.accounts.includes(name) || (ou !== undefined && include.organizationalUnits.some((path) => ou === path || ou.startsWith(`${path}/`)));
}

function policyIssues({ policy, fieldPath }: DeclaredPolicy, files: Files): Issue[] {
  const { scope } = policy;
  const scopePath = [...fieldPath, 'scope'];
  const issue = (path: readonly (string | number)[], message: string): Issue => ({ file: files.landingZone.file, path, message });
  const issues: Issue[] = [];
  if (scope.include && scope.exclude) {
    issues.push(
      issue(
        scopePath,
        'has both include and exclude: Firewall Manager takes inclusions or exclusions, not both (it would apply the inclusions alone); keep one',
      ),
    );
  }
  if (scope.include) issues.push(...targetIssues(scope.include, [...scopePath, 'include'], files));
  if (scope.exclude) issues.push(...targetIssues(scope.exclude, [...scopePath, 'exclude'], files));
  const tags = Object.keys(scope.resourceTags).length;
  if (tags > FIREWALL_MANAGER_SCOPE_QUOTAS.resourceTags) {
    issues.push(
      issue(
        [...scopePath, 'resourceTags'],
        `expected at most ${FIREWALL_MANAGER_SCOPE_QUOTAS.resourceTags} tags (Firewall Manager's quota per policy), got ${tags}`,
      ),
    );
  }
  if (SECURITY_GROUP_POLICY_TYPES.has(policy.type) && scope.include && includesSecurityAccount(scope.include, files)) {
    issues.push(
      issue(
        [...scopePath, 'include'],
        `reaches the security account ${files.landingZone.config.coreAccounts.security}, which security group policies leave out (its audit and primary groups would be found noncompliant, and removed as unused): include OUs and accounts without it, or use exclude, to which it is added`,
      ),
    );
  }
  return issues;
}

export function firewallManagerScopes(files: Files): Issue[] {
  return declaredPolicies(files.landingZone.config.firewallManager).flatMap((declared) => policyIssues(declared, files));
}
