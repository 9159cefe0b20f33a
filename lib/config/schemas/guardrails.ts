/** The `guardrails` section of landing-zone.yaml: the preventive guardrails and where they are attached. */
import { z } from 'zod';
import { REQUIRE_TAGS_SERVICE_NAMES } from '../../guardrails/require-tags-services';
import { expected } from '../schema-issues';
import { setOf } from './common';
import { nameRecord } from '../../name-record';

export const PolicyNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, { error: expected('a policy name (letters, digits, - and _)') });

export const PolicyAttachmentsSchema = z
  .strictObject({
    serviceControlPolicies: setOf(PolicyNameSchema).default([]).describe('Built-in guardrail ids or custom SCP names (scps/<name>.json).'),
    tagPolicies: setOf(PolicyNameSchema).default([]).describe('Built-in tag policy ids.'),
    resourceControlPolicies: setOf(PolicyNameSchema).default([]).describe('Built-in resource control policy ids (the data perimeter).'),
    declarativePolicies: setOf(PolicyNameSchema).default([]).describe('Built-in EC2 declarative policy ids.'),
    aiServicesOptOutPolicies: setOf(PolicyNameSchema).default([]).describe('Built-in AI services opt-out policy ids.'),
    backupPolicies: setOf(PolicyNameSchema).default([]).describe('Names of backup plans of the backup section.'),
  })
  .describe('Policies attached to one target, by type.');

/** An IAM action or pattern, `service:Action` with `*` and `?` wildcards. */
export const ActionPatternSchema = z
  .string()
  .regex(/^[a-z0-9-]+:[A-Za-z0-9*?]+$/, { error: expected('an IAM action such as "pricingplanmanager:*"') });

export const GuardrailsSchema = z
  .strictObject({
    exemptPrincipalArns: setOf(
      z.string().regex(/^arn:aws:iam::(\d{12}|\*):(role|user)\/[\w+=,.@/*-]+$/, {
        error: expected('an IAM role or user ARN such as arn:aws:iam::*:role/BreakGlass'),
      }),
    )
      .default([])
      .describe('Principals the protections and the region deny exempt, besides the account access role (a pipeline role, a break-glass role).'),
    regionDeny: z
      .strictObject({
        extraExemptActions: setOf(ActionPatternSchema)
          .default([])
          .describe('Actions allowed outside the governed regions besides the Control Tower list.'),
      })
      .default({ extraExemptActions: [] }),
    requireTagsOnCreate: z
      .strictObject({
        services: setOf(z.enum(REQUIRE_TAGS_SERVICE_NAMES))
          .min(1)
          .default([...REQUIRE_TAGS_SERVICE_NAMES])
          .describe('Services whose resource creation requires the tags.'),
      })
      .default({ services: [...REQUIRE_TAGS_SERVICE_NAMES] }),
    dataPerimeter: z
      .strictObject({
        trustedAccountIds: setOf(z.string().regex(/^\d{12}$/, { error: expected('a 12-digit account id in quotes') }))
          .default([])
          .describe('Accounts outside the organization that enforce-organization-identities lets in (a partner, a vendor).'),
      })
      .default({ trustedAccountIds: [] }),
    allowedImages: z
      .strictObject({
        state: z
          .enum(['enabled', 'audit_mode'])
          .default('enabled')
          .describe('enabled: EC2 refuses images of other providers; audit_mode: it only reports them.'),
        providers: setOf(
          z.union([
            z.enum(['amazon', 'aws_marketplace', 'aws_backup_vault']),
            z.string().regex(/^\d{12}$/, { error: expected('amazon, aws_marketplace, aws_backup_vault or a 12-digit account id') }),
          ]),
        )
          .min(1)
          .max(200)
          .default(['amazon'])
          .describe('Who may provide the images that ec2-allowed-images allows: amazon, aws_marketplace, aws_backup_vault or account ids.'),
      })
      .default({ state: 'enabled', providers: ['amazon'] }),
    attachments: z
      .strictObject({
        root: PolicyAttachmentsSchema.optional().describe('Policies on the organization root: every member account.'),
        organizationalUnits: nameRecord(z.string(), PolicyAttachmentsSchema).default({}).describe('By OU path, e.g. Workloads/Prod.'),
        accounts: nameRecord(z.string(), PolicyAttachmentsSchema).default({}).describe('By account name.'),
      })
      .default({ organizationalUnits: {}, accounts: {} }),
  })
  .describe('Preventive guardrails: organization policies of every type, and where they are attached.');

export type GuardrailsConfig = z.output<typeof GuardrailsSchema>;
export type PolicyAttachmentsConfig = z.output<typeof PolicyAttachmentsSchema>;
