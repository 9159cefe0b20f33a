/**
 * IMDSv2 by default on every new instance: instance credentials can then only be read
 * with a session token, which the server-side request forgeries that leaked IMDSv1
 * credentials cannot get. The hop limit of 2 lets containers on the instance reach it.
 * A default, not an enforcement, as AWS says of this attribute: a launch that asks for
 * IMDSv1 still gets it, and the `ec2-imdsv2-check` detective control reports it.
 */
import type { DeclarativePolicyEc2Document } from './declarative-policy-ec2';
import type { Guardrail } from './guardrail';

export const ec2Imdsv2ByDefault: Guardrail<DeclarativePolicyEc2Document> = {
  id: 'ec2-imdsv2-by-default',
  type: 'DECLARATIVE_POLICY_EC2',
  description: 'Declarative policy: new EC2 instances default to IMDSv2 (session tokens required), with a hop limit of 2.',
  build: () => ({
    ec2_attributes: {
      instance_metadata_defaults: {
        http_tokens: { '@@assign': 'required' },
        http_put_response_hop_limit: { '@@assign': '2' },
        http_endpoint: { '@@assign': 'no_preference' },
        instance_metadata_tags: { '@@assign': 'no_preference' },
      },
    },
  }),
};
