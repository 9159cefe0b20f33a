/**
 * No AMI made public: an image carries whatever its instance held (keys, data, the
 * software of the platform), and sharing one with everyone is a single API call.
 */
import type { DeclarativePolicyEc2Document } from './declarative-policy-ec2';
import type { Guardrail } from './guardrail';

export const ec2BlockPublicAmiSharing: Guardrail<DeclarativePolicyEc2Document> = {
  id: 'ec2-block-public-ami-sharing',
  type: 'DECLARATIVE_POLICY_EC2',
  description: 'Declarative policy: AMIs cannot be newly shared in public.',
  build: () => ({ ec2_attributes: { image_block_public_access: { state: { '@@assign': 'block_new_sharing' } } } }),
};
