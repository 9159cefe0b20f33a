/** Text and policy documents as arguments of synthesized resources. */
import { Token } from 'cdktf';
import type { PolicyDocument, ResourcePolicyDocument } from '../iam/policy-document';

/**
 * Terraform reads every JSON string as a template: `${aws:username}` in a policy would be
 * taken for an interpolation. `$${` and `%%{` are Terraform's escapes for a literal.
 */
export function terraformLiteral(text: string): string {
  // Replacer functions: in a replacement string, `$$` would itself mean one `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * A policy document for a Terraform argument: compact JSON in which every literal string
 * has its policy variables escaped, while a value that is a reference to another resource
 * or stack (an account id read from a remote state, a key ARN) stays a reference.
 */
export function terraformPolicy(document: ResourcePolicyDocument | PolicyDocument): string {
  return JSON.stringify(document, (_key, value: unknown) => (typeof value === 'string' && !Token.isUnresolved(value) ? terraformLiteral(value) : value));
}
