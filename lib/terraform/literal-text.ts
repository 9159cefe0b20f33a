/**
 * Terraform reads every string of its JSON as a template, object keys included: a tag
 * value `${file("/etc/hostname")}` would be evaluated on the machine that plans, and an IAM
 * policy variable `${aws:username}` taken for an interpolation. Every stack's output goes
 * through `escapeLiteralText` before cdktf resolves it, so that every literal `${` and `%{`
 * (of the configuration or of the code) reaches Terraform escaped as `$${` and `%%{`,
 * whichever resource or argument it is in. References to other resources and stacks are
 * still cdktf tokens at that point, and are left as they are.
 */
import { Token, Tokenization } from 'cdktf';

/** `$${` and `%%{` are Terraform's escapes for a literal `${` and `%{`. */
function escaped(text: string): string {
  // Replacer functions: in a replacement string, `$$` would itself mean one `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A string with its literal text escaped and its tokens as they were. */
export function escapeString(text: string): string {
  if (!text.includes('${') && !text.includes('%{')) return text;
  if (!Token.isUnresolved(text)) return escaped(text);
  const fragments = Tokenization.reverseString(text);
  if (fragments.intrinsic.length > 0 || fragments.escapes.length > 0) {
    throw new Error(`cannot tell literal text from Terraform expressions in ${JSON.stringify(text.slice(0, 80))}`);
  }
  // Each token stands in the text as the marker cdktf gave it: escape the text between the markers.
  const markers = [...new Set(fragments.tokens.map((token) => Token.asString(token)))];
  let result = '';
  let rest = text;
  for (;;) {
    const next = markers.map((marker) => ({ marker, at: rest.indexOf(marker) })).filter(({ at }) => at >= 0);
    if (next.length === 0) return result + escaped(rest);
    const { marker, at } = next.reduce((first, candidate) => (candidate.at < first.at ? candidate : first));
    result += escaped(rest.slice(0, at)) + marker;
    rest = rest.slice(at + marker.length);
  }
}

/** Every string and every object key of a stack element's Terraform JSON, escaped; what needs no escape is returned as it is. */
export function escapeLiteralText(value: unknown): unknown {
  if (typeof value === 'string') return escapeString(value);
  if (value === null || typeof value !== 'object' || Token.isUnresolved(value)) return value;
  if (Array.isArray(value)) {
    const items = value.map(escapeLiteralText);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  const entries = Object.entries(value);
  const escaped = entries.map(([key, entry]) => [escapeString(key), escapeLiteralText(entry)] as const);
  return escaped.some(([key, entry], index) => key !== entries[index][0] || entry !== entries[index][1]) ? Object.fromEntries(escaped) : value;
}

/**
 * Text for a string literal that cdktf writes inside a Terraform expression (a function's
 * argument, the key of a lookup): cdktf escapes its newlines and `${` there, but neither
 * its quotes and backslashes, which would end the literal, nor `%{`, which would start a
 * template directive.
 */
export function expressionText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/%\{/g, () => '%%{');
}
