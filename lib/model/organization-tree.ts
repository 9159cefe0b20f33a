/**
 * The OU tree of the model, walked: up from an OU to the root, and down from an OU (or the
 * root) to every member account below it, nested OUs included. What a guardrail, a grant
 * or a firewall scope attached to a target reaches follows from here.
 */
import type { PolicyTarget } from '../config/policy-targets';
import type { LandingZone, MemberAccount, OrganizationalUnit } from './landing-zone';

/** The OU at `path` and each OU above it, from the top level down to it. */
export function ancestorsOf(landingZone: Pick<LandingZone, 'organizationalUnits'>, path: string): OrganizationalUnit[] {
  const byPath = new Map(landingZone.organizationalUnits.map((ou) => [ou.path, ou]));
  const chain: OrganizationalUnit[] = [];
  for (let ou = byPath.get(path); ou; ou = ou.parentPath === undefined ? undefined : byPath.get(ou.parentPath)) chain.unshift(ou);
  if (chain.length === 0) throw new Error(`no OU at ${path}`);
  return chain;
}

/** Whether the OU at `path` is `ancestorPath` or below it. */
function isWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}/`);
}

/** Every member account in the OU at `path` or in an OU below it, sorted by key. */
export function accountsUnder(landingZone: Pick<LandingZone, 'memberAccounts'>, path: string): MemberAccount[] {
  return landingZone.memberAccounts.filter((account) => isWithin(account.ouPath, path));
}

/** Every member account that something attached to `target` reaches. */
export function accountsReachedBy(landingZone: Pick<LandingZone, 'memberAccounts'>, target: PolicyTarget): MemberAccount[] {
  switch (target.kind) {
    case 'root':
      return [...landingZone.memberAccounts];
    case 'organizational-unit':
      return accountsUnder(landingZone, target.path);
    case 'account':
      return landingZone.memberAccounts.filter((account) => account.name === target.name);
  }
}
