/**
 * Allowed AMIs: instances start only from images of the providers the landing zone
 * trusts (`guardrails.allowedImages.providers`: Amazon by default, and the accounts that
 * build the organization's images), so that a community image of unknown origin does not
 * run. `audit_mode` reports the images that would be refused without refusing them: the
 * way to find out what runs before enforcing.
 */
import type { DeclarativePolicyEc2Document } from './declarative-policy-ec2';
import type { Guardrail } from './guardrail';

export const ec2AllowedImages: Guardrail<DeclarativePolicyEc2Document> = {
  id: 'ec2-allowed-images',
  type: 'DECLARATIVE_POLICY_EC2',
  description: 'Declarative policy: EC2 discovers and launches only images of the allowed providers (or reports the others, in audit mode).',
  build: (context) => ({
    ec2_attributes: {
      allowed_images_settings: {
        state: { '@@assign': context.allowedImages.state },
        image_criteria: { criteria_1: { allowed_image_providers: { '@@append': [...context.allowedImages.providers] } } },
      },
    },
  }),
};
