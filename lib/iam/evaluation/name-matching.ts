/**
 * How IAM matches names against a policy's patterns. Actions: `*` and `?` wildcards, in any
 * case. Strings (`StringLike`): the same, case-sensitively. ARNs, as IAM matches a
 * `Resource` entry and the ARN condition operators: each of
 * the six colon-separated parts of the ARN on its own (the last, the resource, keeps its
 * colons), each with `*` and `?` wildcards, case-sensitively; and a `*` that ends the last
 * part a pattern has matches beyond the colons, so that `arn:aws:iam::*` and `*` match any
 * ARN of IAM and anything at all.
 */
import { iamWildcardPattern } from '../iam-wildcards';
import { literalText, resolveVariables } from './policy-variables';
import type { RequestContext } from './request-context';

const ARN_PARTS = 6;

/** The parts of `text`: split at its first five colons, those inside a policy variable (`${aws:username}`) apart. */
function partsOf(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inVariable = false;
  for (let index = 0; index < text.length && parts.length < ARN_PARTS - 1; index++) {
    if (text.startsWith('${', index)) inVariable = true;
    else if (inVariable && text[index] === '}') inVariable = false;
    else if (!inVariable && text[index] === ':') {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  return [...parts, text.slice(start)];
}

const compiled = new Map<string, RegExp>();

function wildcardMatches(pattern: string, text: string, caseSensitive = true): boolean {
  const cacheKey = `${caseSensitive ? 's' : 'i'}${pattern}`;
  let expression = compiled.get(cacheKey);
  if (!expression) {
    expression = iamWildcardPattern(pattern, caseSensitive);
    compiled.set(cacheKey, expression);
  }
  return expression.test(text);
}

/** Whether the action `action` (`service:Action`) matches the policy's `pattern`. */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatches(pattern, action, false);
}

/** How an ARN compares with a pattern: `unresolved` when the parts without a value for their variables are all that could still decide. */
export type ArnComparison = 'match' | 'no-match' | 'unresolved';

/**
 * The ARN (or other resource name) `text` against `pattern`, whose variables take their
 * values from `context`. A part whose variable has no value is not compared: when every
 * other part matches, the comparison is `unresolved`; a part that does not match decides.
 */
export function compareArn(pattern: string, text: string, context: RequestContext): ArnComparison {
  const patternParts = partsOf(pattern).map((part) => resolveVariables(part, context));
  const textParts = partsOf(literalText(text));
  let unresolved = false;
  for (const [index, part] of patternParts.entries()) {
    if (index >= textParts.length) return 'no-match';
    if (part === undefined) {
      unresolved = true;
      continue;
    }
    if (index === patternParts.length - 1 && patternParts.length < ARN_PARTS && part.endsWith('*')) {
      return wildcardMatches(part, textParts.slice(index).join(':')) ? (unresolved ? 'unresolved' : 'match') : 'no-match';
    }
    if (!wildcardMatches(part, textParts[index])) return 'no-match';
  }
  if (patternParts.length !== textParts.length) return 'no-match';
  return unresolved ? 'unresolved' : 'match';
}

/** Whether `text` matches the string pattern `pattern` (`StringLike`): wildcards anywhere, across colons too. */
export function stringMatches(pattern: string, text: string, caseSensitive = true): boolean {
  return wildcardMatches(pattern, text, caseSensitive);
}
