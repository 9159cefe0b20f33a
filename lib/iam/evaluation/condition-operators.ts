/**
 * IAM's condition operators, as AWS documents them ("IAM JSON policy elements: Condition
 * operators"), applied to one key of a `Condition` block:
 *
 * - the values of one key are alternatives: a positive operator matches when the request's
 *   value matches one of them, a negated one (`StringNotEquals`, `ArnNotLike`,
 *   `NotIpAddress` ...) when it matches none;
 * - a key missing from the request matches no value: a positive operator is false, a
 *   negated one true; `...IfExists` is true whatever the operator; `Null` asks only
 *   whether the key is there;
 * - `ForAnyValue:` is true when one of the request's values passes (false for a missing or
 *   empty key), `ForAllValues:` when every one does (true for a missing or empty key);
 * - string and ARN values take policy variables (`policy-variables.ts`);
 * - numbers are decimals; dates are ISO 8601 or seconds since the epoch; `Bool` compares
 *   `true` and `false` in any case; `BinaryEquals` compares the bytes of base64 values;
 *   `IpAddress` takes CIDR blocks of IPv4 and IPv6.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { type ArnComparison, compareArn, stringMatches } from './name-matching';
import { literalText, readableText, resolveVariables } from './policy-variables';
import { type ContextValue, type RequestContext, valuesOf } from './request-context';

export type OperatorFamily = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

interface BaseOperator {
  readonly family: OperatorFamily;
  /** True for the operators that match when no value does. */
  readonly negated: boolean;
  /** The positive test of one request value against one (resolved) policy value; ARNs are compared part by part instead, variables with them (`compareArn`). */
  readonly test?: (requestValue: string, policyValue: string) => boolean;
}

function numberOf(text: string): number {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : NaN;
}

function dateOf(text: string): number {
  if (/^\s*[-+]?\d+(\.\d+)?\s*$/.test(text)) return Number(text) * 1000;
  return /^\d{4}-\d{2}-\d{2}/.test(text.trim()) ? Date.parse(text) : NaN;
}

function compared(parse: (text: string) => number, holds: (request: number, policy: number) => boolean) {
  return (requestValue: string, policyValue: string) => {
    const [request, policy] = [parse(requestValue), parse(policyValue)];
    return !Number.isNaN(request) && !Number.isNaN(policy) && holds(request, policy);
  };
}

const blockLists = new Map<string, BlockList | undefined>();

/** The block of a CIDR (`10.0.0.0/8`, `2001:db8::/32`) or of a single address; undefined when it is neither. */
function blockOf(cidr: string): BlockList | undefined {
  if (blockLists.has(cidr)) return blockLists.get(cidr);
  const [address, prefix, ...rest] = cidr.trim().split('/');
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  const length = prefix === undefined ? (family === 'ipv4' ? 32 : 128) : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
  let block: BlockList | undefined;
  if (family && rest.length === 0 && length >= 0 && length <= (family === 'ipv4' ? 32 : 128)) {
    block = new BlockList();
    block.addSubnet(address, length, family);
  }
  blockLists.set(cidr, block);
  return block;
}

function inBlock(address: string, cidr: string): boolean {
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  return family !== undefined && blockOf(cidr)?.check(address, family) === true;
}

function base64Equal(a: string, b: string): boolean {
  return Buffer.from(a, 'base64').equals(Buffer.from(b, 'base64'));
}

const stringEquals = (request: string, policy: string) => readableText(policy) === request;
const stringEqualsIgnoringCase = (request: string, policy: string) => readableText(policy).toLowerCase() === request.toLowerCase();
const stringLike = (request: string, policy: string) => stringMatches(policy, literalText(request));
const numeric = (holds: (a: number, b: number) => boolean) => compared(numberOf, holds);
const date = (holds: (a: number, b: number) => boolean) => compared(dateOf, holds);
const equal = (a: number, b: number) => a === b;

const OPERATORS: ReadonlyMap<string, BaseOperator> = new Map<string, BaseOperator>([
  ['StringEquals', { family: 'string', negated: false, test: stringEquals }],
  ['StringNotEquals', { family: 'string', negated: true, test: stringEquals }],
  ['StringEqualsIgnoreCase', { family: 'string', negated: false, test: stringEqualsIgnoringCase }],
  ['StringNotEqualsIgnoreCase', { family: 'string', negated: true, test: stringEqualsIgnoringCase }],
  ['StringLike', { family: 'string', negated: false, test: stringLike }],
  ['StringNotLike', { family: 'string', negated: true, test: stringLike }],
  ['NumericEquals', { family: 'numeric', negated: false, test: numeric(equal) }],
  ['NumericNotEquals', { family: 'numeric', negated: true, test: numeric(equal) }],
  ['NumericLessThan', { family: 'numeric', negated: false, test: numeric((a, b) => a < b) }],
  ['NumericLessThanEquals', { family: 'numeric', negated: false, test: numeric((a, b) => a <= b) }],
  ['NumericGreaterThan', { family: 'numeric', negated: false, test: numeric((a, b) => a > b) }],
  ['NumericGreaterThanEquals', { family: 'numeric', negated: false, test: numeric((a, b) => a >= b) }],
  ['DateEquals', { family: 'date', negated: false, test: date(equal) }],
  ['DateNotEquals', { family: 'date', negated: true, test: date(equal) }],
  ['DateLessThan', { family: 'date', negated: false, test: date((a, b) => a < b) }],
  ['DateLessThanEquals', { family: 'date', negated: false, test: date((a, b) => a <= b) }],
  ['DateGreaterThan', { family: 'date', negated: false, test: date((a, b) => a > b) }],
  ['DateGreaterThanEquals', { family: 'date', negated: false, test: date((a, b) => a >= b) }],
  ['Bool', { family: 'bool', negated: false, test: (request, policy) => request.toLowerCase() === policy.toLowerCase() }],
  ['BinaryEquals', { family: 'binary', negated: false, test: base64Equal }],
  ['IpAddress', { family: 'ip', negated: false, test: inBlock }],
  ['NotIpAddress', { family: 'ip', negated: true, test: inBlock }],
  ['ArnEquals', { family: 'arn', negated: false }],
  ['ArnLike', { family: 'arn', negated: false }],
  ['ArnNotEquals', { family: 'arn', negated: true }],
  ['ArnNotLike', { family: 'arn', negated: true }],
]);

export interface ParsedOperator {
  /** The operator without its set prefix and `IfExists`: `StringNotEquals`, `Null` ... */
  readonly base: string;
  readonly family: OperatorFamily;
  readonly negated: boolean;
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  readonly ifExists: boolean;
}

/** The parts of a condition operator such as `ForAllValues:StringLikeIfExists`; throws for one IAM does not have. */
export function parseOperator(operator: string): ParsedOperator {
  const set = /^(ForAnyValue|ForAllValues):/.exec(operator)?.[1] as ParsedOperator['set'];
  const withoutSet = set ? operator.slice(set.length + 1) : operator;
  const ifExists = withoutSet !== 'Null' && withoutSet.endsWith('IfExists');
  const base = ifExists ? withoutSet.slice(0, -'IfExists'.length) : withoutSet;
  if (base === 'Null') return { base, family: 'null', negated: false, set, ifExists };
  const known = OPERATORS.get(base);
  if (!known) throw new Error(`${operator} is not an IAM condition operator`);
  return { base, family: known.family, negated: known.negated, set, ifExists };
}

/** What one key of a condition block was compared with, and how it came out. */
export interface ConditionEvaluation {
  readonly operator: string;
  readonly key: string;
  /** The policy's values, as written. */
  readonly values: readonly string[];
  /** The request's value; undefined when the request does not have the key. */
  readonly requestValue?: ContextValue;
  readonly matched: boolean;
  /** The policy value the request's value matched, if one did. */
  readonly matchedValue?: string;
}

function comparable(family: OperatorFamily, requestValue: string): boolean {
  if (family === 'numeric') return !Number.isNaN(numberOf(requestValue));
  if (family === 'date') return !Number.isNaN(dateOf(requestValue));
  return true;
}

/**
 * `operator` with `key` and the policy's `values`, against the request's context. A test that
 * cannot be made fails, whether it asks for a match or for a mismatch ("any attempt to match
 * it fails", as IAM says of a variable without a value): a policy value whose variable has no
 * value, a request value that is no number or date for a numeric or date operator, and a
 * multivalued key (`multivalued`, as AWS types it) under an operator without a set prefix.
 */
export function evaluateCondition(operator: string, key: string, values: readonly string[], context: RequestContext, multivalued = false): ConditionEvaluation {
  const parsed = parseOperator(operator);
  const requestValue = context.value(key);
  const result = (matched: boolean, matchedValue?: string): ConditionEvaluation => ({ operator, key, values, requestValue, matched, matchedValue });

  if (parsed.family === 'null') {
    const present = requestValue !== undefined;
    const passing = values.find((value) => (value.toLowerCase() === 'true' ? !present : value.toLowerCase() === 'false' && present));
    return result(passing !== undefined, passing);
  }
  if (requestValue === undefined) {
    if (parsed.ifExists) return result(true);
    return result(parsed.set === 'ForAllValues' || (parsed.set === undefined && parsed.negated));
  }
  const requestValues = valuesOf(requestValue);
  if (parsed.set === undefined && (multivalued || requestValues.length === 0)) return result(false);
  if (requestValues.length === 0) return result(parsed.set === 'ForAllValues');

  const { test } = OPERATORS.get(parsed.base)!;
  const resolved = values.map((value) => ({ value, resolved: parsed.family === 'string' ? resolveVariables(value, context) : value }));
  const compare = (one: string, entry: (typeof resolved)[number]): ArnComparison => {
    if (parsed.family === 'arn') return compareArn(entry.value, one, context);
    if (entry.resolved === undefined) return 'unresolved';
    return test!(one, entry.resolved) ? 'match' : 'no-match';
  };
  const matching = (one: string) => resolved.find((entry) => compare(one, entry) === 'match');
  const passes = (one: string) =>
    comparable(parsed.family, one) && (parsed.negated ? resolved.every((entry) => compare(one, entry) === 'no-match') : matching(one) !== undefined);
  const matched = parsed.set === 'ForAllValues' ? requestValues.every(passes) : requestValues.some(passes);
  const witness = requestValues.map(matching).find((entry) => entry !== undefined);
  return result(matched, witness?.value);
}
