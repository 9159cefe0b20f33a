/** The `guardrails` section of landing-zone.yaml: the preventive guardrails and where they are attached. */
import { z } from 'zod';
import { REQUIRE_TAGS_SERVICE_NAMES } from '../../guardrails/require-tags-services';
import { expected } from '../schema-issues';

export const PolicyNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, { error: expected('a policy name (letters, digits, - and _)') });

export const PolicyAttachmentsSchema = z
  .strictObject({
    serviceControlPolicies: z.array(PolicyNameSchema).default([]).describe('Built-in guardrail ids or custom SCP names (scps/<name>.json).'),
    tagPolicies: z.array(PolicyNameSchema).default([]).describe('Built-in tag policy ids.'),
  })
  .describe('Policies attached to one target.');

/** An IAM action or pattern, `service:Action` with `*` and `?` wildcards. */
export const ActionPatternSchema = z
  .string()
  .regex(/^[a-z0-9-]+:[A-Za-z0-9*?]+$/, { error: expected('an IAM action such as "pricingplanmanager:*"') });

export const GuardrailsSchema = z
  .strictObject({
    exemptPrincipalArns: z
      .array(
        z
          .string()
          .regex(/^arn:aws:iam::(\d{12}|\*):(role|user)\/[\w+=,.@/*-]+$/, {
            error: expected('an IAM role or user ARN such as arn:aws:iam::*:role/BreakGlass'),
          }),
      )
      .default([])
      .describe('Principals the protections and the region deny exempt, besides the account access role (a pipeline role, a break-glass role).'),
    regionDeny: z
      .strictObject({
        extraExemptActions: z
          .array(ActionPatternSchema)
          .default([])
          .describe('Actions allowed outside the governed regions besides the Control Tower list.'),
      })
      .default({ extraExemptActions: [] }),
    requireTagsOnCreate: z
      .strictObject({
        services: z
          .array(z.enum(REQUIRE_TAGS_SERVICE_NAMES))
          .min(1)
          .default([...REQUIRE_TAGS_SERVICE_NAMES])
          .describe('Services whose resource creation requires the tags.'),
      })
      .default({ services: [...REQUIRE_TAGS_SERVICE_NAMES] }),
    attachments: z
      .strictObject({
        root: PolicyAttachmentsSchema.optional().describe('Policies on the organization root: every member account.'),
        organizationalUnits: z.record(z.string(), PolicyAttachmentsSchema).default({}).describe('By OU path, e.g. Workloads/Prod.'),
        accounts: z.record(z.string(), PolicyAttachmentsSchema).default({}).describe('By account name.'),
      })
      .default({ organizationalUnits: {}, accounts: {} }),
  })
  .describe('Preventive guardrails: service control policies and tag policies, and where they are attached.');

export type GuardrailsConfig = z.output<typeof GuardrailsSchema>;
export type PolicyAttachmentsConfig = z.output<typeof PolicyAttachmentsSchema>;
