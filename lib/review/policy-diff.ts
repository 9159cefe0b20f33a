/**
 * IAM-shaped documents (SCPs, RCPs, identity, trust, key, bucket, topic and bus policies)
 * compared statement by statement: statements are paired by `Sid` (or, without one, by
 * effect and actions), and each pair is compared as sets of actions, resources, principals
 * and condition values, then said in words. Which change widens and which narrows a
 * statement follows from its effect and the condition operator: removing a value from a
 * `StringNotEquals` of a deny denies more, removing it from a `StringEquals` denies less.
 */
import type { DocumentChange, StatementChange } from './report';

/** What a comparison left out as noise: cdktf's metadata, lists and documents only reordered. */
export interface Noise {
  metadata: number;
  reordered: number;
}

type Effect = 'Allow' | 'Deny';

interface NormalStatement {
  readonly label: string;
  readonly effect: Effect;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly principals: readonly string[];
  /** `operator key` to its values. */
  readonly conditions: ReadonlyMap<string, readonly string[]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isPolicyShaped(document: unknown): boolean {
  return isRecord(document) && (Array.isArray(document.Statement) || isRecord(document.Statement));
}

function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
}

function principalsOf(value: unknown): string[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return strings(value);
  return Object.entries(value).flatMap(([kind, ids]) => strings(ids).map((id) => `${kind}:${id}`));
}

function normalize(statement: unknown, index: number): NormalStatement {
  const body = isRecord(statement) ? statement : {};
  const effect: Effect = body.Effect === 'Deny' ? 'Deny' : 'Allow';
  const actions = strings(body.Action);
  const notActions = strings(body.NotAction);
  const conditions = new Map<string, string[]>();
  for (const [operator, keys] of Object.entries(isRecord(body.Condition) ? body.Condition : {})) {
    for (const [key, values] of Object.entries(isRecord(keys) ? keys : {})) conditions.set(`${operator} ${key}`, strings(values));
  }
  const label =
    typeof body.Sid === 'string' && body.Sid !== ''
      ? body.Sid
      : `${effect} ${[...actions, ...notActions.map((action) => `not ${action}`)].slice(0, 3).join(', ') || `statement ${index + 1}`}`;
  return {
    label,
    effect,
    actions,
    notActions,
    resources: strings(body.Resource),
    notResources: strings(body.NotResource),
    principals: [...principalsOf(body.Principal), ...principalsOf(body.NotPrincipal).map((principal) => `not ${principal}`)],
    conditions,
  };
}

function statementsOf(document: unknown): NormalStatement[] {
  if (!isRecord(document)) return [];
  const statements = Array.isArray(document.Statement) ? document.Statement : document.Statement === undefined ? [] : [document.Statement];
  return statements.map(normalize);
}

function setChange(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((entry) => !before.includes(entry)).sort(), removed: before.filter((entry) => !after.includes(entry)).sort() };
}

/** `StringNotEquals`, `ArnNotLike`, `NotIpAddress`, with their `ForAnyValue:`/`ForAllValues:`/`...IfExists` forms. */
export function isNegatedOperator(operator: string): boolean {
  return /Not/.test(operator.replace(/^For(Any|All)Values:/, ''));
}

const PRINCIPAL_KEYS = /^aws:(PrincipalArn|PrincipalAccount|PrincipalOrgID|PrincipalOrgPaths|userid|username|PrincipalTag\/.*)$/i;

/** A condition on who calls: on a deny, a negated one names who is exempt. */
export function isPrincipalKey(key: string): boolean {
  return PRINCIPAL_KEYS.test(key);
}

function list(values: readonly string[]): string {
  return values.length <= 6 ? values.join(', ') : `${values.slice(0, 6).join(', ')} and ${values.length - 6} more`;
}

function conditionSentences(effect: Effect, change: StatementChange['conditions'][number]): string[] {
  const { operator, key, added, removed, status } = change;
  const negated = isNegatedOperator(operator);
  if (effect === 'Allow') {
    if (status === 'added') return [`now requires ${operator} ${key} ${list(added)}`];
    if (status === 'removed') return [`no longer requires ${operator} ${key}`];
    return [
      ...(added.length > 0 ? [`${operator} ${key} now also accepts ${list(added)}`] : []),
      ...(removed.length > 0 ? [`${operator} ${key} no longer accepts ${list(removed)}`] : []),
    ];
  }
  if (negated && isPrincipalKey(key)) {
    if (status === 'removed') return [`no longer exempts anyone by ${key}`];
    return [...(added.length > 0 ? [`now exempts ${list(added)}`] : []), ...(removed.length > 0 ? [`no longer exempts ${list(removed)}`] : [])];
  }
  if (status === 'added') return [`now denies only where ${operator} ${key} ${list(added)}`];
  if (status === 'removed') return [`now denies whatever ${key} is (${operator} removed)`];
  const widened = negated ? removed : added;
  const narrowed = negated ? added : removed;
  const what = key === 'aws:RequestedRegion' ? '' : `${key} `;
  return [
    ...(widened.length > 0 ? [`now also denies ${what}${list(widened)}`] : []),
    ...(narrowed.length > 0 ? [`no longer denies ${what}${list(narrowed)}`] : []),
  ];
}

function sentencesOf(change: Omit<StatementChange, 'sentences'>): string[] {
  const verb = change.effect === 'Deny' ? 'denies' : 'allows';
  if (change.status === 'removed')
    return [
      `statement ${change.sid} is removed: it no longer ${verb} ${list([...change.actions.removed, ...change.notActions.removed.map((action) => `all but ${action}`)])}`,
    ];
  const sentences: string[] = [];
  if (change.status === 'added')
    sentences.push(
      `statement ${change.sid} is added: it ${verb} ${list([...change.actions.added, ...change.notActions.added.map((action) => `all but ${action}`)])}`,
    );
  else {
    if (change.actions.added.length > 0) sentences.push(`now also ${verb} ${list(change.actions.added)}`);
    if (change.actions.removed.length > 0) sentences.push(`no longer ${verb} ${list(change.actions.removed)}`);
    if (change.notActions.added.length > 0) sentences.push(`no longer ${verb} ${list(change.notActions.added)} (now excepted)`);
    if (change.notActions.removed.length > 0) sentences.push(`now also ${verb} ${list(change.notActions.removed)} (no longer excepted)`);
    if (change.resources.added.length > 0) sentences.push(`now also ${verb} on ${list(change.resources.added)}`);
    if (change.resources.removed.length > 0) sentences.push(`no longer ${verb} on ${list(change.resources.removed)}`);
  }
  if (change.status === 'changed' || change.effect === 'Allow') {
    if (change.principals.added.length > 0) sentences.push(`now also admits ${list(change.principals.added)}`);
    if (change.principals.removed.length > 0 && change.status === 'changed') sentences.push(`no longer admits ${list(change.principals.removed)}`);
  }
  if (change.status === 'changed') for (const condition of change.conditions) sentences.push(...conditionSentences(change.effect, condition));
  return sentences;
}

function compareStatements(sid: string, before: NormalStatement | undefined, after: NormalStatement | undefined): StatementChange | undefined {
  const empty: NormalStatement = {
    label: sid,
    effect: (after ?? before)!.effect,
    actions: [],
    notActions: [],
    resources: [],
    notResources: [],
    principals: [],
    conditions: new Map(),
  };
  const a = before ?? empty;
  const b = after ?? empty;
  const conditions: StatementChange['conditions'] = [];
  for (const condition of [...new Set([...a.conditions.keys(), ...b.conditions.keys()])].sort()) {
    const [operator, ...key] = condition.split(' ');
    const { added, removed } = setChange(a.conditions.get(condition) ?? [], b.conditions.get(condition) ?? []);
    const status = !a.conditions.has(condition) ? 'added' : !b.conditions.has(condition) ? 'removed' : 'changed';
    if (added.length > 0 || removed.length > 0 || status !== 'changed') conditions.push({ operator, key: key.join(' '), added, removed, status });
  }
  const change = {
    sid,
    status: !before ? ('added' as const) : !after ? ('removed' as const) : ('changed' as const),
    effect: b.effect,
    actions: setChange(a.actions, b.actions),
    notActions: setChange(a.notActions, b.notActions),
    resources: setChange(a.resources, b.resources),
    notResources: setChange(a.notResources, b.notResources),
    principals: setChange(a.principals, b.principals),
    conditions,
  };
  const unchanged =
    change.status === 'changed' &&
    a.effect === b.effect &&
    [change.actions, change.notActions, change.resources, change.notResources, change.principals].every(
      (set) => set.added.length === 0 && set.removed.length === 0,
    ) &&
    conditions.length === 0;
  if (unchanged) return undefined;
  return { ...change, sentences: sentencesOf(change) };
}

function byLabel(statements: readonly NormalStatement[]): Map<string, NormalStatement> {
  const labelled = new Map<string, NormalStatement>();
  for (const statement of statements) {
    let label = statement.label;
    for (let number = 2; labelled.has(label); number++) label = `${statement.label} (${number})`;
    labelled.set(label, statement);
  }
  return labelled;
}

/** The label each statement of `document` is paired by, in the order of its statements. */
export function statementLabels(document: unknown): string[] {
  return [...byLabel(statementsOf(document)).keys()];
}

export function policyDocumentChanges(attribute: string, before: unknown, after: unknown, noise: Noise): DocumentChange | undefined {
  const a = byLabel(statementsOf(before));
  const b = byLabel(statementsOf(after));
  const statements = [...new Set([...a.keys(), ...b.keys()])]
    .map((sid) => compareStatements(sid, a.get(sid), b.get(sid)))
    .filter((change): change is StatementChange => change !== undefined);
  const version = isPolicyShaped(before) && isPolicyShaped(after) && (before as { Version?: unknown }).Version !== (after as { Version?: unknown }).Version;
  if (statements.length === 0 && !version) {
    noise.reordered++;
    return undefined;
  }
  return {
    attribute,
    kind: 'policy',
    statements,
    changes: version ? [{ path: 'Version', before: isRecord(before) ? before.Version : undefined, after: isRecord(after) ? after.Version : undefined }] : [],
  };
}
