/**
 * Whether a policy's `Resource` pattern can name a resource of an ARN format of AWS's
 * service authorization data: `arn:aws:eks:*:*:cluster/*` and
 * `arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}` can both be the same
 * ARN; `arn:aws:s3:::logs/*` and `arn:${Partition}:s3:::${BucketName}` never are.
 */
import { iamWildcardPattern } from './iam-wildcards';

/** One position of a pattern: a character, `?` (any one character), or a run of characters of a class. */
type Token = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'one' } | { readonly kind: 'run'; readonly excludes: string };

/** The variables of ARN formats whose values never hold these characters: S3 bucket names have no `/`. */
const RESTRICTED_VARIABLES: Readonly<Record<string, string>> = { bucketname: '/' };

/** A policy's pattern: `*`, `?`, and policy variables such as `${aws:username}`, which stand for any text. */
function patternTokens(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    const variable = char === '$' && pattern[index + 1] === '{' ? pattern.indexOf('}', index) : -1;
    if (variable > 0) {
      tokens.push({ kind: 'run', excludes: '' });
      index = variable;
    } else if (char === '*') tokens.push({ kind: 'run', excludes: '' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: char.toLowerCase() });
  }
  return tokens;
}

/** An ARN format of the data: `${Name}` (and the odd `{Name}`) variables, and literal `*` for any text. */
function formatTokens(format: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < format.length; index++) {
    const char = format[index];
    const start = char === '$' && format[index + 1] === '{' ? index + 2 : char === '{' ? index + 1 : -1;
    const end = start > 0 ? format.indexOf('}', start) : -1;
    if (end > 0) {
      tokens.push({ kind: 'run', excludes: RESTRICTED_VARIABLES[format.slice(start, end).toLowerCase()] ?? '' });
      index = end;
    } else if (char === '*') tokens.push({ kind: 'run', excludes: '' });
    else tokens.push({ kind: 'char', char: char.toLowerCase() });
  }
  return tokens;
}

/** Whether some text matches both token lists: a walk of the product of the two automata. */
function intersect(left: readonly Token[], right: readonly Token[]): boolean {
  const seen = new Set<number>();
  const width = right.length + 1;
  const stack: [number, number][] = [[0, 0]];
  const visit = (i: number, j: number) => {
    if (!seen.has(i * width + j)) {
      seen.add(i * width + j);
      stack.push([i, j]);
    }
  };
  seen.add(0);
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    if (i === left.length && j === right.length) return true;
    const a = left[i];
    const b = right[j];
    if (a?.kind === 'run') visit(i + 1, j);
    if (b?.kind === 'run') visit(i, j + 1);
    if (a === undefined || b === undefined) continue;
    // Two runs reading one character together get nowhere: either may end first, above.
    if (a.kind === 'run') {
      if (b.kind === 'char' ? !a.excludes.includes(b.char) : b.kind === 'one') visit(i, j + 1);
    } else if (b.kind === 'run') {
      if (a.kind === 'one' || !b.excludes.includes(a.char)) visit(i + 1, j);
    } else if (a.kind === 'one' || b.kind === 'one' || a.char === b.char) visit(i + 1, j + 1);
  }
  return false;
}

/**
 * The five fields an ARN starts with (`arn`, partition, service, region, account) and its
 * resource, which may hold `:` itself; `undefined` for a pattern with fewer fields (`arn:*`),
 * which is matched as one text.
 */
function fieldsOf(tokens: readonly Token[]): Token[][] | undefined {
  const fields: Token[][] = [[]];
  for (const token of tokens) {
    if (fields.length < 6 && token.kind === 'char' && token.char === ':') fields.push([]);
    else fields[fields.length - 1].push(token);
  }
  return fields.length === 6 ? fields : undefined;
}

const intersections = new Map<string, boolean>();

/**
 * Whether `pattern` (a policy's Resource) can name a resource of the ARN format `format`.
 * A pattern of six fields is matched field by field: no ARN's partition, service, region
 * or account holds a `:`, so a `*` there never reaches into the resource.
 */
export function patternNamesFormat(pattern: string, format: string): boolean {
  const key = `${pattern}\n${format}`;
  let result = intersections.get(key);
  if (result === undefined) {
    const left = patternTokens(pattern);
    const right = formatTokens(format);
    const leftFields = fieldsOf(left);
    const rightFields = fieldsOf(right);
    result = leftFields && rightFields ? leftFields.every((field, index) => intersect(field, rightFields[index])) : intersect(left, right);
    intersections.set(key, result);
  }
  return result;
}

/** An action without resource types is requested on `*`, which only a pattern of wildcards matches. */
export function matchesEverything(pattern: string): boolean {
  return iamWildcardPattern(pattern, true).test('*');
}

/** `arn:aws:eks:*:*:cluster/*`: an ARN format written as a pattern a policy can use. */
export function formatAsPattern(format: string): string {
  return format.replace(/\$\{Partition\}/g, 'aws').replace(/\$?\{[^}]*\}/g, '*');
}
