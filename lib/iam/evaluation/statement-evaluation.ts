/**
 * One statement against one request: whether its action, resource and principal elements
 * match, then, only if they do, each key of its conditions. A statement applies when all of
 * them hold; what matched and what did not is kept, to say why.
 */
import { type ConditionEvaluation, evaluateCondition } from './condition-operators';
import type { EvaluatedStatement, PrincipalElement } from './evaluated-policy';
import { actionMatches, compareArn } from './name-matching';
import type { RequestContext } from './request-context';

/** What is asked: an action on a resource by a principal, with the request's context. */
export interface AuthorizationRequest {
  /** `service:Action`, such as `ec2:RunInstances`. */
  readonly action: string;
  /** The resource's ARN, or `*` for an action that names no resource. */
  readonly resource: string;
  /** An IAM principal's ARN (`arn:aws:iam::111122223333:role/x`, a role session, `...:root`), a service principal (`cloudtrail.amazonaws.com`), or `anonymous`. */
  readonly principal: string;
  readonly context: RequestContext;
}

export interface ElementMatch {
  readonly element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal';
  readonly matched: boolean;
  /** The entry that matched the request (what made an `Action` match, or a `NotAction` fail), or the `NotResource` entry whose variable has no value. */
  readonly entry?: string;
}

export interface StatementEvaluation {
  readonly statement: EvaluatedStatement;
  readonly action: ElementMatch;
  readonly resource: ElementMatch;
  readonly principal?: ElementMatch;
  /** Evaluated only when the action, resource and principal match. */
  readonly conditions: readonly ConditionEvaluation[];
  readonly applies: boolean;
}

function elementMatch(element: ElementMatch['element'], negated: boolean, entry: string | undefined): ElementMatch {
  return { element, matched: (entry === undefined) === negated, entry };
}

/** The account of an IAM principal's ARN, undefined for a service principal or an anonymous request. */
export function accountOfPrincipal(principal: string): string | undefined {
  return /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

/** Whether `principal` is an AWS service acting as itself, such as `cloudtrail.amazonaws.com`. */
export function isServicePrincipal(principal: string): boolean {
  return /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(principal);
}

/** Whether the `AWS` entry `entry` of a `Principal` element names `principal`: the account, the role (and its sessions), the user or the session. */
function namesAwsPrincipal(entry: string, principal: string): boolean {
  if (entry === '*') return true;
  const account = accountOfPrincipal(principal);
  if (/^\d{12}$/.test(entry)) return account === entry;
  const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(entry);
  if (root) return account === root[1];
  if (entry === principal) return true;
  const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(entry);
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
  return role !== null && session !== null && role[1] === session[1] && role[2] === session[2] && role[3] === session[3];
}

function namedPrincipal(value: PrincipalElement, principal: string): string | undefined {
  if (value === '*') return '*';
  const services = (value.Service ?? []).find((entry) => entry.toLowerCase() === principal.toLowerCase());
  const others = [...(value.Federated ?? []), ...(value.CanonicalUser ?? [])].find((entry) => entry === principal);
  const aws = isServicePrincipal(principal) ? undefined : (value.AWS ?? []).find((entry) => namesAwsPrincipal(entry, principal));
  return services ?? others ?? aws;
}

/** What the evaluation knows besides the request: which condition keys AWS types as multivalued. */
export interface KeyTypes {
  multivalued(key: string): boolean;
}

export function evaluateStatement(statement: EvaluatedStatement, request: AuthorizationRequest, keyTypes: KeyTypes): StatementEvaluation {
  const action = elementMatch(
    statement.action.element,
    statement.action.element === 'NotAction',
    statement.action.patterns.find((pattern) => actionMatches(pattern, request.action)),
  );
  const compared = statement.resource.patterns.map((pattern) => ({ pattern, comparison: compareArn(pattern, request.resource, request.context) }));
  const matchedResource = compared.find(({ comparison }) => comparison === 'match');
  const unresolvedResource = compared.find(({ comparison }) => comparison === 'unresolved');
  // A NotResource entry that only a variable without value could tell from the resource: the test fails, and the element with it.
  const resource =
    statement.resource.element === 'NotResource' && unresolvedResource && !matchedResource
      ? { element: statement.resource.element, matched: false, entry: unresolvedResource.pattern }
      : elementMatch(statement.resource.element, statement.resource.element === 'NotResource', matchedResource?.pattern);
  const principal = statement.principal
    ? elementMatch(statement.principal.element, statement.principal.element === 'NotPrincipal', namedPrincipal(statement.principal.value, request.principal))
    : undefined;
  const matches = action.matched && resource.matched && (principal?.matched ?? true);
  const conditions = matches
    ? statement.conditions.map(({ operator, key, values }) => evaluateCondition(operator, key, values, request.context, keyTypes.multivalued(key)))
    : [];
  return { statement, action, resource, principal, conditions, applies: matches && conditions.every((condition) => condition.matched) };
}
