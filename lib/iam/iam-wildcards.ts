/** IAM's wildcards in an action, ARN or condition value: `*` any run of characters, `?` any one. */
export function iamWildcardPattern(pattern: string, caseSensitive = false): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, caseSensitive ? '' : 'i');
}
