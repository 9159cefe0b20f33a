/**
 * EventBridge event pattern matching, for tests, as AWS documents it
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html) and as
 * its open-source engine, Event Ruler, behaves. No maintained JavaScript implementation is
 * published on npm, so this is the smallest one the alert tests need, strict rather than
 * lenient: a pattern it does not understand throws instead of quietly not matching.
 *
 * Supported:
 * - nested objects: every field of the pattern must match (and);
 * - a field's array of matchers: any one may match (or); an event array matches when any of
 *   its elements does; null and "" are values of their own;
 * - exact values (string, number, true, false, null);
 * - `{ "prefix": "..." }` on strings;
 * - `{ "anything-but": value | [values] | { "prefix": "..." } }` (the field must be present);
 * - `{ "numeric": [op, n] }` and `[lower-op, n, upper-op, m]` on JSON numbers only;
 * - `{ "exists": true | false }` on leaf values (an object is not a leaf: `exists: false` matches it);
 * - `"$or": [pattern, pattern, ...]` at any level;
 * - array consistency: fields matched inside an array must come from the same element.
 *
 * Not supported (throws): suffix, equals-ignore-case, wildcard, cidr, anything-but with
 * suffix or wildcard, prefix with equals-ignore-case. Not modelled: the numeric range limits
 * and the pattern size quota; numbers compare by value, not by their JSON text.
 */

const NUMERIC_OPERATORS = ['<', '<=', '=', '>', '>='] as const;
type NumericOperator = (typeof NUMERIC_OPERATORS)[number];

type PatternObject = { readonly [key: string]: unknown };

function isObject(value: unknown): value is PatternObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isExactValue(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Does the event match the pattern? Throws when the pattern is invalid or uses an unsupported feature. */
export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  checkPatternObject(pattern, '');
  return matchObject(pattern as PatternObject, event);
}

// ---------------------------------------------------------------------------
// Validation, as EventBridge does it when a rule is created

function fail(path: string, message: string): never {
  throw new Error(`invalid event pattern at ${path || '(root)'}: ${message}`);
}

function checkPatternObject(pattern: unknown, path: string): void {
  if (!isObject(pattern)) fail(path, 'expected an object');
  if (Object.keys(pattern).length === 0) fail(path, 'an empty object matches nothing');
  for (const [key, value] of Object.entries(pattern)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2) fail(at, '"$or" takes an array of at least two patterns');
      value.forEach((branch, index) => checkPatternObject(branch, `${at}[${index}]`));
    } else if (Array.isArray(value)) {
      if (value.length === 0) fail(at, 'empty arrays are not allowed');
      value.forEach((matcher, index) => checkMatcher(matcher, `${at}[${index}]`));
    } else if (isObject(value)) {
      checkPatternObject(value, at);
    } else {
      fail(at, 'a field takes an array of values or a nested pattern object');
    }
  }
}

function checkMatcher(matcher: unknown, path: string): void {
  if (isExactValue(matcher)) return;
  if (!isObject(matcher)) fail(path, 'expected a string, number, boolean, null or a content filter object');
  const keys = Object.keys(matcher);
  if (keys.length !== 1) fail(path, 'a content filter has exactly one operator');
  const [operator] = keys;
  const operand = matcher[operator];
  switch (operator) {
    case 'prefix':
      if (typeof operand !== 'string') fail(path, '"prefix" takes a string');
      return;
    case 'exists':
      if (typeof operand !== 'boolean') fail(path, '"exists" takes true or false');
      return;
    case 'anything-but':
      return checkAnythingBut(operand, path);
    case 'numeric':
      return checkNumeric(operand, path);
    default:
      fail(path, `"${operator}" is not supported by this matcher`);
  }
}

function checkAnythingBut(operand: unknown, path: string): void {
  if (typeof operand === 'string' || typeof operand === 'number') return;
  if (Array.isArray(operand)) {
    if (operand.length === 0) fail(path, '"anything-but" takes a non-empty list');
    const allStrings = operand.every((item) => typeof item === 'string');
    const allNumbers = operand.every((item) => typeof item === 'number');
    if (!allStrings && !allNumbers) fail(path, '"anything-but" takes a list of only strings or only numbers');
    return;
  }
  if (isObject(operand) && Object.keys(operand).length === 1 && typeof operand.prefix === 'string') return;
  fail(path, '"anything-but" takes a string, a number, a list of either, or { "prefix": string }');
}

function checkNumeric(operand: unknown, path: string): void {
  const isOperator = (value: unknown): value is NumericOperator => NUMERIC_OPERATORS.includes(value as NumericOperator);
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) fail(path, '"numeric" takes [op, n] or [op, n, op, m]');
  for (let index = 0; index < operand.length; index += 2) {
    if (!isOperator(operand[index])) fail(path, `"${String(operand[index])}" is not a numeric operator`);
    if (typeof operand[index + 1] !== 'number' || !Number.isFinite(operand[index + 1])) fail(path, '"numeric" compares with finite numbers');
  }
  if (operand.length === 4) {
    const [lower, low, upper, high] = operand as [NumericOperator, number, NumericOperator, number];
    if (!['>', '>='].includes(lower) || !['<', '<='].includes(upper) || low >= high) fail(path, 'a numeric range is a lower bound, then a greater upper bound');
  }
}

// ---------------------------------------------------------------------------
// Matching

/** An event value below an array stands for each of its elements, at any depth. */
function elements(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap(elements) : [value];
}

function field(node: unknown, key: string): unknown {
  return isObject(node) ? node[key] : undefined;
}

function matchObject(pattern: PatternObject, node: unknown): boolean {
  // Every field must hold within one element of an event array: array consistency.
  if (Array.isArray(node)) {
    const items = elements(node);
    return (items.length > 0 ? items : [undefined]).some((element) => matchObject(pattern, element));
  }
  return Object.entries(pattern).every(([key, value]) => {
    if (key === '$or') return (value as PatternObject[]).some((branch) => matchObject(branch, node));
    if (Array.isArray(value)) return matchField(value, field(node, key));
    return matchObject(value as PatternObject, field(node, key));
  });
}

/** The leaf values at a path: scalars, including null; objects are not leaves. */
function leaves(value: unknown): unknown[] {
  return elements(value).filter((element) => element !== undefined && (element === null || typeof element !== 'object'));
}

function matchField(matchers: readonly unknown[], value: unknown): boolean {
  const values = leaves(value);
  return matchers.some((matcher) => {
    if (isObject(matcher) && 'exists' in matcher) return matcher.exists === values.length > 0;
    return values.some((leaf) => matchValue(matcher, leaf));
  });
}

function matchValue(matcher: unknown, value: unknown): boolean {
  if (!isObject(matcher)) return matcher === value;
  const [[operator, operand]] = Object.entries(matcher);
  switch (operator) {
    case 'prefix':
      return typeof value === 'string' && value.startsWith(operand as string);
    case 'anything-but':
      if (isObject(operand)) return typeof value !== 'string' || !value.startsWith(operand.prefix as string);
      return !(Array.isArray(operand) ? operand : [operand]).includes(value);
    case 'numeric':
      return typeof value === 'number' && numericHolds(operand as readonly unknown[], value);
    default:
      throw new Error(`unreachable: "${operator}" passed validation`);
  }
}

function numericHolds(clauses: readonly unknown[], value: number): boolean {
  for (let index = 0; index < clauses.length; index += 2) {
    const bound = clauses[index + 1] as number;
    const holds = { '<': value < bound, '<=': value <= bound, '=': value === bound, '>': value > bound, '>=': value >= bound }[
      clauses[index] as NumericOperator
    ];
    if (!holds) return false;
  }
  return true;
}
