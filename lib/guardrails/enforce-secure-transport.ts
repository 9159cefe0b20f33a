/**
 * No plain HTTP to the organization's buckets, queues, keys, secrets and STS, as a
 * resource control policy: every bucket and queue policy here says it already, but a
 * resource that a team creates with a policy of its own would not, and an RCP reaches
 * every principal, those of other organizations included.
 */
import { DATA_PERIMETER_SERVICES, everyActionOf } from './data-perimeter-services';
import type { Guardrail } from './guardrail';
import type { ResourcePolicyDocument } from '../iam/policy-document';

export const enforceSecureTransport: Guardrail<ResourcePolicyDocument> = {
  id: 'enforce-secure-transport',
  type: 'RESOURCE_CONTROL_POLICY',
  description: 'Denies requests over plain HTTP to S3, SQS, KMS, Secrets Manager and STS resources, from any principal.',
  build: () => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EnforceSecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: everyActionOf(DATA_PERIMETER_SERVICES),
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
      },
    ],
  }),
};
