/**
 * A request explained against one state of the organization: its SCPs and RCPs evaluated
 * for the principal's and the resource's accounts, and the notes of the other policy types
 * that bear on it. The organization's policies come from a source: the model of a
 * configuration (what it synthesizes), or, for the state before a change, a synthesized
 * output read back.
 */
import type { OrganizationPolicyType } from '../guardrails/policy-types';
import { type Evaluation, evaluateOrganizationPolicies, type OrganizationAccount, type PolicyLevel } from '../iam/evaluation/organization-policy-evaluation';
import type { Account, LandingZone } from '../model/landing-zone';
import type { ExplainedRequest } from './explained-request';
import { otherPolicyNotes, type PolicyNote } from './other-policies';
import { policyLevelsOf } from './policy-levels';

/** The policies of one state of the organization. */
export interface PolicySource {
  /** Which state: `the working tree`, a commit, a directory. */
  readonly label: string;
  /** Whether the account of this key is in the organization then. */
  hasAccount(key: string): boolean;
  /** The levels of `type` that reach the account, or undefined when the type is not enabled. */
  levels(account: Account, type: OrganizationPolicyType): readonly PolicyLevel[] | undefined;
}

/** The policies the configuration's model builds, exactly as they are synthesized. */
export function modelPolicySource(landingZone: LandingZone, label: string): PolicySource {
  return {
    label,
    hasAccount: (key) => landingZone.accounts.some((account) => account.key === key),
    levels: (account, type) => policyLevelsOf(landingZone, account, type),
  };
}

export interface Explanation {
  readonly source: string;
  /** Absent when the account asked about is not in the organization in this state. */
  readonly evaluation?: Evaluation;
  readonly notes: readonly PolicyNote[];
}

function organizationAccount(source: PolicySource, request: ExplainedRequest, account: Account | undefined): OrganizationAccount | undefined {
  if (!account || !source.hasAccount(account.key)) return undefined;
  return {
    id: request.idOf(account),
    name: account.name,
    management: account.role === 'management',
    serviceControlPolicies: source.levels(account, 'SERVICE_CONTROL_POLICY'),
    resourceControlPolicies: source.levels(account, 'RESOURCE_CONTROL_POLICY'),
  };
}

export async function explainRequest(request: ExplainedRequest, source: PolicySource): Promise<Explanation> {
  if (!source.hasAccount(request.account.key)) return { source: source.label, notes: [] };
  const evaluation = await evaluateOrganizationPolicies({
    action: request.action,
    resource: request.resource,
    principal: request.principal,
    context: request.context,
    principalAccount: organizationAccount(source, request, request.principalAccount),
    resourceAccount: organizationAccount(source, request, request.resourceAccount),
  });
  const tags = request.entries
    .filter((entry) => /^aws:RequestTag\//i.test(entry.key))
    .map((entry) => [entry.key.slice('aws:RequestTag/'.length), String(entry.value)] as const);
  const notes = otherPolicyNotes((type) => source.levels(request.resourceAccount ?? request.account, type), request.action, tags);
  return { source: source.label, evaluation, notes };
}
