/**
 * No public EBS snapshot: a snapshot is the whole disk. `block_all_sharing` also makes
 * private again any snapshot that was already public.
 */
import type { DeclarativePolicyEc2Document } from './declarative-policy-ec2';
import type { Guardrail } from './guardrail';

export const ec2BlockPublicSnapshots: Guardrail<DeclarativePolicyEc2Document> = {
  id: 'ec2-block-public-snapshots',
  type: 'DECLARATIVE_POLICY_EC2',
  description: 'Declarative policy: EBS snapshots cannot be public, those shared already included.',
  build: () => ({ ec2_attributes: { snapshot_block_public_access: { state: { '@@assign': 'block_all_sharing' } } } }),
};
