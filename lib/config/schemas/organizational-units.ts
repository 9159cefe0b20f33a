/** The OU tree of landing-zone.yaml: each OU by name, with its tags, nested OUs and, to adopt it, its id. */
import { z } from 'zod';
import { expected } from '../schema-issues';
import { plainText, TagsSchema } from './common';
import { nameRecord } from '../../name-record';

/** OU names are 1-128 characters; `/` separates the levels of an OU path, so it cannot be part of a name. */
export const OrganizationalUnitNameSchema = plainText(1, 128).regex(/^[^/]+$/, { error: 'an OU name cannot contain "/", which separates the levels of an OU path' });

/** What an OU holds, as the review weighs it: production and core weigh most. */
export const ENVIRONMENTS = ['production', 'non-production', 'sandbox', 'suspended', 'core'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface OrganizationalUnitConfig {
  id?: string;
  environment?: Environment;
  tags?: Record<string, string>;
  children?: Record<string, OrganizationalUnitConfig | null>;
}

export const OrganizationalUnitSchema: z.ZodType<OrganizationalUnitConfig> = z
  .strictObject({
    id: z
      .string()
      .regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, { error: expected('an OU id such as ou-ab12-cd34ef56') })
      .optional()
      .describe('Id of an existing OU to adopt (imported rather than created).'),
    environment: z
      .enum(ENVIRONMENTS)
      .optional()
      .describe(
        'What the OU holds: production, non-production, sandbox, suspended or core. Nested OUs without one take their parent\'s. The review weighs changes reaching production and core accounts most; the management, security and log-archive accounts are core wherever they are.',
      ),
    tags: TagsSchema.optional().describe('Tags on the OU itself.'),
    get children() {
      return nameRecord(OrganizationalUnitNameSchema, OrganizationalUnitSchema.nullable())
        .optional()
        .describe('Nested OUs, by name.');
    },
  })
  .describe('An organizational unit.');
