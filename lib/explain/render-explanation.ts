/**
 * An explained request, for a terminal (level by level: which policies apply, which
 * statement decides and why) and as JSON for tools (`decision`, `by` and the rest). The
 * organization's id, while the organization does not exist yet, reads as such.
 */
import { ORGANIZATION_ID_PLACEHOLDER } from '../guardrails/guardrail';
import { policyKindOf, type OrganizationPolicyType } from '../guardrails/policy-types';
import { parseOperator, type ConditionEvaluation } from '../iam/evaluation/condition-operators';
import type {
  Alternative,
  ChainEvaluation,
  Decider,
  Evaluation,
  LevelEvaluation,
  Outcome,
  PolicyAttachmentTarget,
  PolicyEvaluation,
} from '../iam/evaluation/organization-policy-evaluation';
import type { ContextValue } from '../iam/evaluation/request-context';
import type { StatementEvaluation } from '../iam/evaluation/statement-evaluation';
import type { Explanation } from './explanation';
import { ANY_ROLE } from '../iam/evaluation/derived-keys';
import type { ExplainedRequest } from './explained-request';

export type ExplanationFormat = 'terminal' | 'json';

const THIS_ORGANIZATION = "<this organization's id>";

function shown(text: string): string {
  return text.split(ORGANIZATION_ID_PLACEHOLDER).join(THIS_ORGANIZATION);
}

function valueText(value: ContextValue): string {
  return typeof value === 'string' ? shown(value) : `[${value.map(shown).join(', ')}]`;
}

function listed(values: readonly string[]): string {
  const shownValues = values.map(shown);
  return shownValues.length > 6 ? `${shownValues.slice(0, 5).join(', ')} and ${shownValues.length - 5} more` : shownValues.join(', ');
}

export function targetText(target: PolicyAttachmentTarget): string {
  switch (target.kind) {
    case 'root':
      return 'the root';
    case 'organizational-unit':
      return `OU ${target.path}`;
    case 'account':
      return `account ${target.name}`;
  }
}

function typeLabel(type: OrganizationPolicyType): string {
  return policyKindOf(type).label;
}

function statementName(statement: { readonly index: number; readonly sid?: string }): string {
  return statement.sid ?? `number ${statement.index + 1}`;
}

/** `denied by ...`: the deciding statement or level, in words. */
export function deciderText(by: Decider): string {
  if (by.policy === undefined) return `no ${typeLabel(by.type)} attached to ${targetText(by.target)} allows it`;
  return `statement ${statementName(by.statement!)} of the ${typeLabel(by.type)} ${by.policy}, attached to ${targetText(by.target)}`;
}

function outcomeText(outcome: Outcome): string {
  if (outcome.decision === 'not-denied') return 'not denied by the organization';
  return outcome.reason === 'explicit-deny' ? `denied by an explicit deny: ${deciderText(outcome.by!)}` : `denied: ${deciderText(outcome.by!)}`;
}

function conditionText(condition: ConditionEvaluation, open: (key: string) => boolean): string {
  const operator = parseOperator(condition.operator);
  const { key } = condition;
  const label = `(${condition.operator})`;
  if (condition.requestValue === undefined) {
    const missing = open(key) ? `${key} is not given` : `${key} is not in the request`;
    if (operator.family === 'null') return `${missing}, as ${label} ${condition.matched ? 'asks' : 'does not ask'}`;
    return `${missing}: ${label} ${condition.matched ? 'holds' : 'fails'} for a missing key`;
  }
  const was = `${key} was ${valueText(condition.requestValue)}`;
  if (operator.family === 'null') return `${key} is in the request, as ${label} ${condition.matched ? 'asks' : 'does not ask'}`;
  const matchedValue = condition.matchedValue === undefined ? undefined : shown(condition.matchedValue);
  if (matchedValue !== undefined) return `${was}, matching ${matchedValue} ${label}`;
  return `${was}, ${condition.values.length === 1 ? 'not' : 'none of'} ${listed(condition.values)} ${label}`;
}

/** Why a statement applies, or which of its conditions failed, line by line. */
function reasonsOf(evaluation: StatementEvaluation, open: (key: string) => boolean): string[] {
  const { statement, action, resource, conditions } = evaluation;
  const lines: string[] = [];
  if (action.element === 'Action') lines.push(`the action matched ${action.entry}`);
  else lines.push(`the action is none of the ${statement.action.patterns.length} NotAction entries`);
  if (!resource.matched)
    lines.push(
      `the resource ${resource.element === 'Resource' ? `matches none of ${listed(statement.resource.patterns)}` : `matched NotResource entry ${resource.entry}`}`,
    );
  else if (resource.element === 'NotResource') lines.push('the resource is none of the NotResource entries');
  else if (resource.entry !== '*') lines.push(`the resource matched ${resource.entry}`);
  if (evaluation.principal && evaluation.principal.entry !== '*')
    lines.push(
      `the principal ${evaluation.principal.matched ? 'is' : 'is not'} ${evaluation.principal.element === 'Principal' ? 'named' : 'left out'} by ${evaluation.principal.entry ?? 'the statement'}`,
    );
  const shownConditions = evaluation.applies ? conditions : conditions.filter((condition) => !condition.matched);
  return [...lines, ...shownConditions.map((condition) => conditionText(condition, open))];
}

function policyLines(evaluated: PolicyEvaluation, open: (key: string) => boolean): string[] {
  const { policy, statements } = evaluated;
  const name = policy.awsManaged ? `${policy.name} (AWS managed)` : policy.name;
  const applying = statements.filter((statement) => statement.applies);
  const denies = applying.filter((statement) => statement.statement.effect === 'Deny');
  const allows = applying.filter((statement) => statement.statement.effect === 'Allow');
  const nearMisses = statements.filter((statement) => !statement.applies && statement.action.matched);
  const head = denies.length > 0 ? 'DENIES' : allows.length > 0 ? 'allows' : nearMisses.length > 0 ? 'does not apply' : 'does not name the action';
  const lines = [`    ${name}: ${head}`];
  for (const statement of [...denies, ...(policy.awsManaged ? [] : allows)]) {
    lines.push(`      ${statement.statement.effect} statement ${statementName(statement.statement)}:`);
    lines.push(...reasonsOf(statement, open).map((reason) => `        - ${reason}`));
  }
  for (const statement of nearMisses) {
    lines.push(`      ${statement.statement.effect} statement ${statementName(statement.statement)}, not applied:`);
    lines.push(...reasonsOf(statement, open).map((reason) => `        - ${reason}`));
  }
  return lines;
}

function levelLines(level: LevelEvaluation, open: (key: string) => boolean): string[] {
  return [
    `  ${targetText(level.target)}${level.allowed ? '' : ': no statement here allows the request'}`,
    ...level.policies.flatMap((policy) => policyLines(policy, open)),
  ];
}

function chainLines(title: string, chain: ChainEvaluation, open: (key: string) => boolean): string[] {
  if (!chain.applies) return [`${title}: none apply: ${chain.reason}.`];
  return [`${title} of ${chain.account.name}, the root first:`, ...chain.levels.flatMap((level) => levelLines(level, open))];
}

function assumedText(alternative: Alternative, key: string): string {
  const value = alternative.assumed.get(key);
  if (value === undefined) return `${key} missing`;
  if (alternative.unnamed.includes(key)) return `${key} set to a value no policy names`;
  return `${key}=${valueText(value)}`;
}

function hintFor(key: string): string {
  if (/^aws:ResourceTag\//i.test(key)) return `--resource-tag ${key.slice('aws:ResourceTag/'.length)}=<value>`;
  return `--context ${key}=<value>`;
}

function oneOf(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : items[0];
}

/** The ways one key could be that lead to one outcome: `aws:x=a, b or c`, `aws:x missing, or set to a value no policy names`. */
function waysText(key: string, ways: readonly Alternative[]): string {
  const named = ways.filter((way) => way.assumed.get(key) !== undefined && !way.unnamed.includes(key)).map((way) => valueText(way.assumed.get(key)!));
  const parts = [
    ...(named.length > 0 ? [`=${oneOf(named)}`] : []),
    ...(ways.some((way) => way.assumed.get(key) === undefined) ? [' missing'] : []),
    ...(ways.some((way) => way.unnamed.includes(key)) ? [' set to a value no policy names'] : []),
  ];
  return `${key}${parts[0]}${parts
    .slice(1)
    .map((part) => `, or${part}`)
    .join('')}`;
}

/** One line a way the keys could be; for one key, one line an outcome with every value that leads to it. */
function alternativeLines(alternatives: readonly Alternative[], keys: readonly string[]): string[] {
  if (keys.length > 1)
    return alternatives.map((alternative) => `  with ${keys.map((key) => assumedText(alternative, key)).join(', ')}: ${outcomeText(alternative.outcome)}`);
  const byOutcome = new Map<string, Alternative[]>();
  for (const alternative of alternatives) {
    const outcome = outcomeText(alternative.outcome);
    byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), alternative]);
  }
  return [...byOutcome].map(([outcome, ways]) => `  with ${waysText(keys[0], ways)}: ${outcome}`);
}

function decisionLines(evaluation: Evaluation): string[] {
  if (evaluation.decision !== 'depends') return [`Decision: ${outcomeText(evaluation.asGiven).replace(/^\w/, (first) => first.toUpperCase())}.`];
  const keys = evaluation.dependsOn;
  return [
    `Decision: depends on ${keys.join(', ')}, which the request does not give (${keys.map(hintFor).join(', ')}):`,
    ...alternativeLines(evaluation.alternatives, keys),
    ...(evaluation.exhaustive ? [] : ['  (too many combinations to try them all: each key was varied on its own)']),
  ];
}

const OUT_OF_VIEW = [
  'identity policies, permission sets and permissions boundaries of the principal, and session policies',
  "the resource's own policy (bucket, key, queue, secret or trust policy) and VPC endpoint policies",
  'policies changed outside the landing zone, and AWS managed KMS keys, which RCPs do not reach',
];

function requestLines(request: ExplainedRequest): string[] {
  const principal = request.principalGiven
    ? shown(request.principal)
    : `${request.principal} (a role of ${request.account.name} that no policy names: give --principal for another)`;
  const lines = [
    `${request.action} on ${request.resource}${request.resourceGiven ? '' : ` (a resource of the action's type: give --resource for another)`}`,
    `by ${principal}, in ${request.region}`,
  ];
  if (/^arn:[^:]+:sts::\d{12}:assumed-role\//.test(request.principal))
    lines.push(
      "A session's aws:PrincipalArn is its role's ARN, path included, which the session's ARN does not show: give the role's ARN (--principal) for a role with a path.",
    );
  if (!request.accountIdKnown) lines.push(`${request.account.name} has no account id yet (the landing zone creates it): ${request.accountId} stands for it.`);
  // The time is in the JSON form; here it would only make each run's text differ.
  const context = request.entries
    .filter((entry) => !/^aws:(CurrentTime|EpochTime)$/i.test(entry.key))
    .map((entry) => `${entry.key}=${valueText(entry.value)}${entry.source === 'assumed' ? ' (assumed)' : ''}`);
  lines.push(`Request context: ${context.join(', ')}.`);
  if (request.ignoredKeys.length > 0) lines.push(`Left out, as AWS sends no such key with ${request.action}: ${request.ignoredKeys.join(', ')}.`);
  return lines;
}

function explanationLines(request: ExplainedRequest, explanation: Explanation): string[] {
  const { evaluation } = explanation;
  if (!evaluation) return [`${request.account.name} is not in the organization in ${explanation.source}.`];
  const open = (key: string) => request.context.open(key) !== undefined;
  return [
    ...decisionLines(evaluation),
    '',
    ...chainLines('Service control policies', evaluation.asGiven.serviceControlPolicies, open),
    '',
    ...chainLines('Resource control policies', evaluation.asGiven.resourceControlPolicies, open),
    ...(explanation.notes.length > 0
      ? [
          '',
          'Other policies bearing on the request:',
          ...explanation.notes.map((note) => `  ${typeLabel(note.type)} ${note.policy} (${targetText(note.target)}): ${note.note}`),
        ]
      : []),
  ];
}

function decisionOf(explanation: Explanation): string {
  return explanation.evaluation?.decision ?? 'absent';
}

export function renderExplanationText(request: ExplainedRequest, after: Explanation, before?: Explanation): string {
  const lines = [...requestLines(request), ''];
  if (before) {
    const summary = (explanation: Explanation) =>
      explanation.evaluation
        ? explanation.evaluation.decision === 'depends'
          ? `depends on ${explanation.evaluation.dependsOn.join(', ')}`
          : outcomeText(explanation.evaluation.asGiven)
        : 'the account is not in the organization';
    const changed = decisionOf(before) !== decisionOf(after) || JSON.stringify(byOf(before)) !== JSON.stringify(byOf(after));
    lines.push(`Before (${before.source}): ${summary(before)}.`, `After (${after.source}): ${summary(after)}.`);
    lines.push(changed ? 'The change alters the decision.' : 'The change leaves the decision as it was.', '');
  }
  lines.push(...explanationLines(request, after), '');
  lines.push('Out of view (a request the organization does not deny may still be denied there):', ...OUT_OF_VIEW.map((line) => `  - ${line}`));
  return `${lines.join('\n')}\n`;
}

function targetJson(target: PolicyAttachmentTarget): Record<string, string> {
  return { ...target };
}

function byJson(by: Decider | undefined): Record<string, unknown> | null {
  if (!by) return null;
  return {
    type: by.type,
    target: targetJson(by.target),
    ...(by.policy === undefined ? {} : { policy: by.policy, statement: by.statement!.sid ?? null, statementIndex: by.statement!.index }),
  };
}

function byOf(explanation: Explanation): Record<string, unknown> | null {
  return explanation.evaluation && explanation.evaluation.decision !== 'depends' ? byJson(explanation.evaluation.asGiven.by) : null;
}

function chainJson(chain: ChainEvaluation, open: (key: string) => boolean): Record<string, unknown> {
  if (!chain.applies) return { applies: false, reason: chain.reason };
  return {
    applies: true,
    account: chain.account,
    levels: chain.levels.map((level) => ({
      target: targetJson(level.target),
      allowed: level.allowed,
      policies: level.policies.map(({ policy, statements }) => ({
        name: policy.name,
        awsManaged: policy.awsManaged === true,
        statements: statements
          .filter((statement) => statement.action.matched)
          .map((statement) => ({
            index: statement.statement.index,
            sid: statement.statement.sid ?? null,
            effect: statement.statement.effect,
            applies: statement.applies,
            because: reasonsOf(statement, open),
          })),
      })),
    })),
  };
}

function explanationJson(request: ExplainedRequest, explanation: Explanation): Record<string, unknown> {
  const { evaluation } = explanation;
  if (!evaluation) return { source: explanation.source, decision: null, inOrganization: false };
  const open = (key: string) => request.context.open(key) !== undefined;
  return {
    source: explanation.source,
    decision: evaluation.decision,
    reason: evaluation.decision === 'depends' ? null : evaluation.asGiven.reason,
    by: byOf(explanation),
    dependsOn: evaluation.dependsOn,
    alternatives: evaluation.alternatives.map((alternative) => ({
      when: Object.fromEntries(
        evaluation.dependsOn.map((key) => [key, alternative.unnamed.includes(key) ? { anyOtherValue: true } : (alternative.assumed.get(key) ?? null)]),
      ),
      decision: alternative.outcome.decision,
      by: byJson(alternative.outcome.by),
    })),
    serviceControlPolicies: chainJson(evaluation.asGiven.serviceControlPolicies, open),
    resourceControlPolicies: chainJson(evaluation.asGiven.resourceControlPolicies, open),
    otherPolicies: explanation.notes.map((note) => ({ type: note.type, policy: note.policy, target: targetJson(note.target), note: note.note })),
  };
}

export function renderExplanationJson(request: ExplainedRequest, after: Explanation, before?: Explanation): string {
  const document = {
    request: {
      account: request.account.name,
      accountId: request.accountId,
      accountIdKnown: request.accountIdKnown,
      action: request.action,
      resource: request.resource,
      principal: request.principal,
      principalIsStandIn: !request.principalGiven && request.principal.endsWith(`:role/${ANY_ROLE}`),
      region: request.region,
      organizationIdKnown: request.organizationId !== ORGANIZATION_ID_PLACEHOLDER,
      context: Object.fromEntries(request.entries.map((entry) => [entry.key, { value: entry.value, source: entry.source }])),
      ignoredKeys: request.ignoredKeys,
    },
    ...explanationJson(request, after),
    ...(before ? { before: explanationJson(request, before) } : {}),
    outOfView: OUT_OF_VIEW,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
