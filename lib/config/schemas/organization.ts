/** The `organization` section of landing-zone.yaml. */
import { z } from 'zod';
import { expected } from '../schema-issues';
import { plainText, setOf } from './common';

/** The policy types AWS Organizations can enable on a root, as the AWS API spells them. */
export const ORGANIZATION_POLICY_TYPES = [
  'AISERVICES_OPT_OUT_POLICY',
  'BACKUP_POLICY',
  'CHATBOT_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'RESOURCE_CONTROL_POLICY',
  'SERVICE_CONTROL_POLICY',
  'TAG_POLICY',
] as const;

export const OrganizationSchema = z
  .strictObject({
    name: plainText(1, 128).describe('A name for the organization, shown in summaries.'),
    existingOrganizationId: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, { error: expected('an organization id such as o-a1b2c3d4e5') })
      .optional()
      .describe('Id of an existing organization to adopt (imported rather than created).'),
    additionalServiceAccessPrincipals: setOf(z.string().regex(/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/, { error: expected('an AWS service principal such as ram.amazonaws.com') }))
      .default([])
      .describe('Trusted services besides those the landing zone uses: the list is authoritative, and a service not in it loses its trusted access.'),
    additionalPolicyTypes: setOf(z.enum(ORGANIZATION_POLICY_TYPES))
      .default([])
      .describe('Policy types to keep enabled besides those the attached policies need: the list is authoritative, and disabling a type detaches its policies.'),
    centralizedRootAccess: z
      .boolean()
      .default(true)
      .describe(
        'Centralized root access: member accounts have no root credentials, and root tasks are done in root sessions from the management account (trusted access for IAM).',
      ),
  })
  .describe('The organization, created or adopted.');

export type OrganizationConfig = z.output<typeof OrganizationSchema>;
