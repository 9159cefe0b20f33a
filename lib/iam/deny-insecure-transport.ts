/** The statement every resource policy here starts with: no request over plain HTTP. */
import type { OneOrMany, ResourcePolicyStatement } from './policy-document';

export function denyInsecureTransport(action: string, resource: OneOrMany<string>): ResourcePolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: action,
    Resource: resource,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
