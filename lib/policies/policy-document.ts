/** IAM policy documents as the guardrails and the stacks build them, and their exact text. */

export type OneOrMany<T> = T | readonly T[];

/** `{ operator: { key: value(s) } }`, e.g. `{ StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } }`. */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, OneOrMany<string>>>>>;

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** Who a resource policy (bucket, key, event bus, topic) speaks to. */
export type PolicyPrincipal = '*' | { readonly AWS: OneOrMany<string> } | { readonly Service: OneOrMany<string> };

export interface ResourcePolicyStatement extends PolicyStatement {
  readonly Principal: PolicyPrincipal;
}

export interface ResourcePolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly ResourcePolicyStatement[];
}

export function asList<T>(value: OneOrMany<T> | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * The text AWS receives and counts against the size quota: compact JSON (whitespace
 * counts), which also keeps newlines out of Terraform strings.
 */
export function policyText(document: unknown): string {
  return JSON.stringify(document);
}

/**
 * Terraform reads every JSON string as a template: `${aws:username}` in a policy would be
 * taken for an interpolation. `$${` and `%%{` are Terraform's escapes for a literal.
 */
export function terraformLiteral(text: string): string {
  // Replacer functions: in a replacement string, `$$` would itself mean one `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
