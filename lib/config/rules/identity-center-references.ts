/**
 * Every name the Identity Center settings and the request files' `access` entries use is
 * defined: permission sets, groups, customer managed policies, inline policy files; every
 * grant's target exists.
 */
import { expectedOneOf, type FieldPath, type Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { resolveTarget } from '../policy-targets';

type Files = Pick<ConfigurationFiles<'identityCenter' | 'organizationalUnits'>, 'landingZone' | 'accounts' | 'permissionSetPolicies'>;

export function identityCenterReferences({ landingZone, accounts, permissionSetPolicies }: Files): Issue[] {
  const identityCenter = landingZone.config.identityCenter;
  const issues: Issue[] = [];
  const at = (file: string, path: FieldPath, message: string) => issues.push({ file, path, message });
  const permissionSets = Object.keys(identityCenter?.permissionSets ?? {});
  const groups = Object.keys(identityCenter?.groups ?? {});
  const policies = Object.keys(identityCenter?.customerManagedPolicies ?? {});
  const policyFiles = permissionSetPolicies.map((policy) => policy.name);

  const checkPrincipalAndSets = (file: string, path: FieldPath, entry: { readonly group?: string; readonly permissionSets: readonly string[] }) => {
    if (entry.group !== undefined && !groups.includes(entry.group)) {
      at(file, [...path, 'group'], expectedOneOf(`a group of ${landingZone.file} identityCenter.groups`, groups, entry.group));
    }
    entry.permissionSets.forEach((name, index) => {
      if (!permissionSets.includes(name))
        at(
          file,
          [...path, 'permissionSets', index],
          expectedOneOf(`a permission set of ${landingZone.file} identityCenter.permissionSets`, permissionSets, name),
        );
    });
  };

  if (identityCenter) {
    for (const [name, set] of Object.entries(identityCenter.permissionSets)) {
      const path = ['identityCenter', 'permissionSets', name];
      set.customerManagedPolicies.forEach((policy, index) => {
        if (!policies.includes(policy))
          at(
            landingZone.file,
            [...path, 'customerManagedPolicies', index],
            expectedOneOf('a policy of identityCenter.customerManagedPolicies', policies, policy),
          );
      });
      const boundary = set.permissionsBoundary?.customerManagedPolicy;
      if (boundary !== undefined && !policies.includes(boundary)) {
        at(
          landingZone.file,
          [...path, 'permissionsBoundary', 'customerManagedPolicy'],
          expectedOneOf('a policy of identityCenter.customerManagedPolicies', policies, boundary),
        );
      }
      if (set.inlinePolicyFile !== undefined && !policyFiles.includes(set.inlinePolicyFile)) {
        at(landingZone.file, [...path, 'inlinePolicyFile'], expectedOneOf('a file permission-sets/<name>.json', policyFiles, set.inlinePolicyFile));
      }
    }
    identityCenter.grants.forEach((grant, index) => {
      const path = ['identityCenter', 'grants', index];
      checkPrincipalAndSets(landingZone.file, path, grant);
      grant.organizationalUnits.forEach((ouPath, ouIndex) => {
        const resolution = resolveTarget(
          { target: { kind: 'organizational-unit', path: ouPath }, fieldPath: [...path, 'organizationalUnits', ouIndex] },
          { landingZone, accounts },
        );
        if (!resolution.found) issues.push(resolution.issue);
      });
      grant.accounts.forEach((name, accountIndex) => {
        const resolution = resolveTarget({ target: { kind: 'account', name }, fieldPath: [...path, 'accounts', accountIndex] }, { landingZone, accounts });
        if (!resolution.found) issues.push(resolution.issue);
      });
    });
  }
  for (const account of accounts) {
    if (account.config.access.length > 0 && !identityCenter) {
      at(account.file, ['access'], `grants permission sets, but ${landingZone.file} has no identityCenter section to define them`);
      continue;
    }
    account.config.access.forEach((entry, index) => checkPrincipalAndSets(account.file, ['access', index], entry));
  }
  return issues;
}
