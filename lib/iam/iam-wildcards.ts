/** IAM's wildcards: `*` for any run of characters, `?` for any one character; nothing else is special. */
export function iamWildcardPattern(pattern: string, caseSensitive = false): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, caseSensitive ? '' : 'i');
}
