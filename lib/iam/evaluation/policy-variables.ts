/**
 * Policy variables, as IAM puts them into a `Resource` entry or a string or ARN condition
 * value: `${aws:username}`, `${aws:PrincipalTag/team}`, with a default for a key that has no
 * value (`${aws:PrincipalTag/team, 'shared'}`), and `${*}`, `${?}`, `${$}` for the literal
 * characters. A variable whose key has no single value (absent, or multivalued) and no
 * default leaves the whole text without a value: it then equals and matches nothing.
 *
 * A `*` or `?` that must be taken literally (from `${*}`, `${?}` or from a key's value) is
 * written as a private-use character, and so is every `*` and `?` of the text it is matched
 * against (`literalText`): the wildcards left in a resolved text are the policy's own.
 */
import { iamWildcardPattern } from '../iam-wildcards';
import type { RequestContext } from './request-context';

const LITERAL_STAR = '\uE000';
const LITERAL_QUESTION_MARK = '\uE001';

/** `text` with its `*` and `?` taken literally, as a resolved pattern writes them. */
export function literalText(text: string): string {
  return text.replace(/\*/g, LITERAL_STAR).replace(/\?/g, LITERAL_QUESTION_MARK);
}

/** A resolved text as the policy's author would read it: literal characters back to themselves. */
export function readableText(text: string): string {
  return text.replace(new RegExp(LITERAL_STAR, 'g'), '*').replace(new RegExp(LITERAL_QUESTION_MARK, 'g'), '?');
}

const VARIABLE = /\$\{([^}]*)\}/g;
const KEY_WITH_DEFAULT = /^\s*([^\s,']+)\s*(?:,\s*'([^']*)'\s*)?$/;
const LITERALS: ReadonlyMap<string, string> = new Map([
  ['*', LITERAL_STAR],
  ['?', LITERAL_QUESTION_MARK],
  ['$', '$'],
]);

/** The condition keys that `text`'s variables read. */
export function variableKeys(text: string): string[] {
  return [...text.matchAll(VARIABLE)].flatMap(([, inside]) => {
    const parsed = KEY_WITH_DEFAULT.exec(inside);
    return parsed && !LITERALS.has(inside) ? [parsed[1]] : [];
  });
}

/** `text` with each variable replaced by its value, or undefined when one has no value. */
export function resolveVariables(text: string, context: RequestContext): string | undefined {
  let unresolved = false;
  const resolved = text.replace(VARIABLE, (whole, inside: string) => {
    const literal = LITERALS.get(inside);
    if (literal !== undefined) return literal;
    const parsed = KEY_WITH_DEFAULT.exec(inside);
    if (!parsed) return whole;
    const value = context.value(parsed[1]);
    if (typeof value === 'string') return literalText(value);
    if (parsed[2] !== undefined) return literalText(parsed[2]);
    unresolved = true;
    return whole;
  });
  return unresolved ? undefined : resolved;
}

/**
 * The values of `key` that would make `text` (a pattern with variables) match `subject`, read
 * off the subject where the variable stands; other variables and wildcards match anything.
 */
export function valuesMatching(text: string, key: string, subject: string): string[] {
  let groups = 0;
  const source = text
    .split(VARIABLE)
    .map((part, index) => {
      if (index % 2 === 0) return iamWildcardPattern(part).source.slice(1, -1);
      const parsed = KEY_WITH_DEFAULT.exec(part);
      if (parsed && parsed[1].toLowerCase() === key.toLowerCase()) {
        groups++;
        return '(.*?)';
      }
      return LITERALS.has(part) ? `\\${part}` : '.*';
    })
    .join('');
  if (groups === 0) return [];
  const match = new RegExp(`^${source}$`, 'i').exec(subject);
  return match ? [...new Set(match.slice(1).filter((value) => value.length > 0))] : [];
}
