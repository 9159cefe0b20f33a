/**
 * Schema validation with messages in the project's formula ("expected ..., got ..."),
 * turned into issues that name the file and the field.
 */
import type { z } from 'zod';
import { didYouMean, expectedOneOf, quoted, type Issue } from '../diagnostics';
import { prototypeFree } from '../name-record';

/** A value as a message shows it: a short excerpt of a text, YAML's spelling of the numbers JSON has none for. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  return String(value);
}

/** What a value is, without a word of what it says. */
function kindOf(value: unknown): string {
  if (typeof value === 'string') return `a text of ${[...value].length} characters`;
  return describeValue(value);
}

function article(type: string): string {
  if (type === 'object' || type === 'record') return 'a map';
  if (type === 'array') return 'a list';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function sizeMessage(origin: string, bound: string, limit: number | bigint, input: unknown): string {
  const unit = origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '';
  const size = typeof input === 'string' || Array.isArray(input) ? input.length : input;
  return `expected ${bound} ${limit}${unit}, got ${typeof size === 'number' ? size : describeValue(size)}`;
}

/**
 * The message of each kind of schema issue. An unknown-keys issue gets one line per key,
 * in the order of `issue.keys`, so that `schemaIssues` can give each key its own issue.
 */
const messageOf: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (expected ${article(issue.expected)})`
        : `expected ${article(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      if (issue.input === undefined) return `is required (expected one of ${issue.values.map(String).join(', ')})`;
      return typeof issue.input === 'string'
        ? expectedOneOf('one of', issue.values.map(String), issue.input)
        : `expected one of ${issue.values.map(String).join(', ')}, got ${describeValue(issue.input)}`;
    case 'invalid_key':
      return `is refused as a key: ${issue.issues.map((inner) => inner.message).join('; ')}`;
    case 'unrecognized_keys': {
      const def = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
      const known = Object.keys(def?.shape ?? {}).filter((key) => key !== '$schema');
      return issue.keys.map((key) => `unknown key (expected one of ${known.join(', ')})${didYouMean(known, key)}`).join('\n');
    }
    case 'too_small':
      return sizeMessage(issue.origin, issue.inclusive === false ? 'more than' : 'at least', issue.minimum, issue.input);
    case 'too_big':
      return sizeMessage(issue.origin, issue.inclusive === false ? 'less than' : 'at most', issue.maximum, issue.input);
    case 'invalid_format':
      return `expected ${article(issue.format)} format, got ${describeValue(issue.input)}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}, got ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
};

/**
 * A schema-level message for a value of the wrong shape: `expected <what>, got <value>`,
 * with a "did you mean" among `candidates`. A missing value is left to `messageOf`.
 */
export function expected(what: string, candidates: readonly string[] = []) {
  return (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined
      ? undefined
      : `expected ${what}, got ${describeValue(issue.input)}${typeof issue.input === 'string' ? didYouMean(candidates, issue.input) : ''}`;
}

/** Like `expected`, for a value of the wrong type only: a value of the right type but out of bounds keeps its own message. */
export function expectedType(what: string) {
  const message = expected(what);
  return (issue: { code?: string; input?: unknown }): string | undefined => (issue.code === 'invalid_type' ? message(issue) : undefined);
}

export type SchemaResult<T> = { readonly value: T; readonly issues: readonly Issue[] } | { readonly value?: undefined; readonly issues: readonly Issue[] };

/** Parses `data` of `file` with `schema`; every problem becomes an issue at its field. */
export function parseWithSchema<S extends z.ZodType>(schema: S, file: string, data: unknown): SchemaResult<z.output<S>> {
  const result = schema.safeParse(data, { error: messageOf, reportInput: true });
  if (result.success) return { value: prototypeFree(result.data), issues: [] };
  const issues: Issue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (path.length === 0 && issue.code === 'invalid_type') {
      // The file as a whole is no map: it may not be configuration at all, so nothing of it is quoted.
      issues.push({ file, path, message: `is not a map of settings: it holds ${kindOf(data)}` });
    } else if (issue.code === 'unrecognized_keys') {
      const messages = issue.message.split('\n');
      issue.keys.forEach((key, index) => issues.push({ file, path: [...path, key], message: messages[index] ?? 'unknown key' }));
    } else {
      issues.push({ file, path, message: issue.message });
    }
  }
  return { issues };
}
