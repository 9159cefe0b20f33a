/**
 * The scope of a Firewall Manager policy as `aws_fms_policy` takes it: the OUs (by id) and
 * accounts to include or to exclude, the resource tags, and the resource types. An OU in
 * the scope stands for every account in it and in the OUs below it, those that join later
 * too, so that an account vended into it is covered with no change to the policy.
 */
import type { FmsPolicyConfig } from '@cdktf/provider-aws/lib/fms-policy';
import type { FirewallManagerScope, FirewallManagerTargets } from '../model/firewall-manager';
import type { Account } from '../model/landing-zone';
import { terraformMap } from '../terraform/map-keys';

/** How the policy names OUs and accounts: by ids, which may be read from other stacks' states. */
export interface ScopeIds {
  readonly organizationalUnitId: (path: string) => string;
  readonly accountId: (account: Account) => string;
}

type ScopeArguments = Pick<FmsPolicyConfig, 'includeMap' | 'excludeMap' | 'resourceTags' | 'excludeResourceTags'>;

function targetMap({ organizationalUnitPaths, accounts }: FirewallManagerTargets, ids: ScopeIds): { orgunit?: string[]; account?: string[] } {
  return {
    ...(organizationalUnitPaths.length > 0 ? { orgunit: organizationalUnitPaths.map(ids.organizationalUnitId) } : {}),
    ...(accounts.length > 0 ? { account: accounts.map(ids.accountId) } : {}),
  };
}

export function scopeArguments(scope: FirewallManagerScope, ids: ScopeIds): ScopeArguments {
  return {
    ...(scope.include ? { includeMap: targetMap(scope.include, ids) } : {}),
    ...(scope.exclude ? { excludeMap: targetMap(scope.exclude, ids) } : {}),
    ...(Object.keys(scope.resourceTags).length > 0 ? { resourceTags: terraformMap(scope.resourceTags) } : {}),
    excludeResourceTags: scope.excludeResourceTags,
  };
}

/** One type as `resource_type`; several as `resource_type_list`, which does not take a list of one. */
export function resourceTypeArguments(resourceTypes: readonly string[]): Pick<FmsPolicyConfig, 'resourceType' | 'resourceTypeList'> {
  return resourceTypes.length === 1 ? { resourceType: resourceTypes[0] } : { resourceTypeList: [...resourceTypes] };
}
