/**
 * The policies of each type that reach an account, level by level, read back from a
 * synthesized output alone (as the review reads everything): the root, each OU down to the
 * account's, then the account, each policy's text as Terraform will send it (its escapes
 * undone, the organization's id in place of the reference to it), AWS's FullAWSAccess and
 * RCPFullAWSAccess heading each level of their type, as AWS attaches them. What a change
 * to the guardrails does to a request is the evaluator's answer over these levels before
 * and after.
 */
import { MANAGEMENT_STACK } from '../../stacks/stack-outputs';
import type { OrganizationPolicyType } from '../guardrails/policy-types';
import { type PolicyAttachmentTarget, type PolicyLevel, policyLevel } from '../iam/evaluation/organization-policy-evaluation';
import type { OrganizationView } from './organization-view';
import type { SynthesizedOutput } from './synthesized-output';

const ORGANIZATION_ID_REFERENCE = 'aws_organizations_organization.organization.id';

/** A policy's text as Terraform evaluates the string it is written in; `organizationId` for the reference to the organization's id. */
export function policyTextOf(content: string, organizationId: string): string {
  return content.replace(/(\$?)\$\{([^}]*)\}|%%\{/g, (match, escape: string, reference: string | undefined) => {
    if (match === '%%{') return '%{';
    if (escape) return `\${${reference}}`;
    if (reference === ORGANIZATION_ID_REFERENCE) return organizationId;
    throw new Error(`a policy refers to \${${reference}}, which the review cannot resolve`);
  });
}

/** The policy types the management stack enables on the root. */
export function enabledPolicyTypesIn(output: SynthesizedOutput): readonly string[] {
  const organizations = Object.values(output.json(MANAGEMENT_STACK).resource?.aws_organizations_organization ?? {}) as { enabled_policy_types?: string[] }[];
  return organizations[0]?.enabled_policy_types ?? [];
}

/** The OU at `path` and each above it, from the top level down. */
function unitsDownTo(path: string): string[] {
  const names = path.split('/');
  return names.map((_name, index) => names.slice(0, index + 1).join('/'));
}

/**
 * The levels of `type` for the account `accountKey` of the view, or undefined when the
 * output does not enable the type or has no such account.
 */
export function policyLevelsInView(
  view: OrganizationView,
  enabledTypes: readonly string[],
  accountKey: string,
  type: OrganizationPolicyType,
  organizationId: string,
): PolicyLevel[] | undefined {
  const account = view.accounts.get(accountKey);
  if (!account || !enabledTypes.includes(type)) return undefined;
  const level = (target: PolicyAttachmentTarget, names: ReadonlySet<string> | undefined) =>
    policyLevel(
      type,
      target,
      [...(names ?? [])].flatMap((name) => {
        const facts = view.policies.get(name);
        return facts?.type === type ? [{ name, document: JSON.parse(policyTextOf(facts.content, organizationId)) }] : [];
      }),
    );
  return [
    level({ kind: 'root' }, view.rootPolicies),
    ...(account.ouPath === undefined ? [] : unitsDownTo(account.ouPath)).map((path) =>
      level({ kind: 'organizational-unit', path }, view.unitPolicies.get(path)),
    ),
    level({ kind: 'account', name: account.name }, view.accountPolicies.get(accountKey)),
  ];
}
