/** Policy documents as arguments of synthesized resources. */
import { Token } from 'cdktf';
import { terraformLiteral, type PolicyDocument, type ResourcePolicyDocument } from './policy-document';

/**
 * A policy document for a Terraform argument: compact JSON in which every literal string
 * has its policy variables escaped, while a value that is a reference to another resource
 * or stack (an account id read from a remote state, a key ARN) stays a reference.
 */
export function terraformPolicy(document: ResourcePolicyDocument | PolicyDocument): string {
  return JSON.stringify(document, (_key, value: unknown) =>
    typeof value === 'string' && !Token.isUnresolved(value) ? terraformLiteral(value) : value,
  );
}
