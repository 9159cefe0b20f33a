/**
 * The policies of each type that reach an account, level by level, as the model builds them
 * (the text the management stack writes into every `aws_organizations_policy`): the root,
 * each OU from the top down to the account's, then the account. AWS attaches FullAWSAccess
 * and RCPFullAWSAccess to every root, OU and account once their type is enabled; they head
 * each level of SCPs and RCPs here as AWS evaluates them.
 */
import { ORGANIZATION_ID_PLACEHOLDER } from '../guardrails/guardrail';
import { policyKindOf, type OrganizationPolicyType } from '../guardrails/policy-types';
import { type OrganizationAccount, type PolicyAttachmentTarget, type PolicyLevel, policyLevel } from '../iam/evaluation/organization-policy-evaluation';
import type { Account, LandingZone } from '../model/landing-zone';
import { ancestorsOf } from '../model/organization-tree';

/** The organization's id as the policies read it: the adopted organization's, else the placeholder the management stack replaces. */
export function organizationIdOf(landingZone: Pick<LandingZone, 'organization'>): string {
  return landingZone.organization.existingOrganizationId ?? ORGANIZATION_ID_PLACEHOLDER;
}

/** The levels of `type` for `account`, or undefined when the organization does not enable the type. */
export function policyLevelsOf(landingZone: LandingZone, account: Account, type: OrganizationPolicyType): PolicyLevel[] | undefined {
  if (!landingZone.enabledPolicyTypes.includes(type)) return undefined;
  const { attachmentKey } = policyKindOf(type);
  const byName = new Map(landingZone.policies.filter((policy) => policy.type === type).map((policy) => [policy.name, policy]));
  const level = (target: PolicyAttachmentTarget, names: readonly string[]) =>
    policyLevel(
      type,
      target,
      names.map((name) => ({ name, document: JSON.parse(byName.get(name)!.content) })),
    );
  const units = account.ouPath === undefined ? [] : ancestorsOf(landingZone, account.ouPath);
  return [
    level({ kind: 'root' }, landingZone.rootPolicies[attachmentKey]),
    ...units.map((unit) => level({ kind: 'organizational-unit', path: unit.path }, unit.policies[attachmentKey])),
    level({ kind: 'account', name: account.name }, account.policies[attachmentKey]),
  ];
}

/** The account with its SCPs and RCPs, as the evaluator takes it; `id` the account's id or what stands for it. */
export function organizationAccountOf(landingZone: LandingZone, account: Account, id: string): OrganizationAccount {
  return {
    id,
    name: account.name,
    management: account.role === 'management',
    serviceControlPolicies: policyLevelsOf(landingZone, account, 'SERVICE_CONTROL_POLICY'),
    resourceControlPolicies: policyLevelsOf(landingZone, account, 'RESOURCE_CONTROL_POLICY'),
  };
}
