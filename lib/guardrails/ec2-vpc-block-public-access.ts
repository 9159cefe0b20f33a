/**
 * VPC Block Public Access: no traffic from the internet reaches a VPC through an internet
 * gateway, whatever its route tables and security groups say; outbound connections
 * through NAT and egress-only gateways still work. A team that needs a public endpoint
 * excludes that VPC or subnet in its own account (exclusions stay allowed), which is a
 * reviewed, visible decision. For OUs whose workloads are private.
 */
import type { DeclarativePolicyEc2Document } from './declarative-policy-ec2';
import type { Guardrail } from './guardrail';

export const ec2VpcBlockPublicAccess: Guardrail<DeclarativePolicyEc2Document> = {
  id: 'ec2-vpc-block-public-access',
  type: 'DECLARATIVE_POLICY_EC2',
  description: 'Declarative policy: VPC Block Public Access blocks inbound internet traffic, with exclusions allowed per VPC or subnet.',
  build: () => ({
    ec2_attributes: {
      vpc_block_public_access: { internet_gateway_block: { mode: { '@@assign': 'block_ingress' }, exclusions_allowed: { '@@assign': 'enabled' } } },
    },
  }),
};
