/** The `guardrails` and `quotas` sections of landing-zone.yaml. */
import { z } from 'zod';
import { REQUIRE_TAGS_SERVICE_NAMES } from '../../scps/require-tags-services';
import { expected } from './schema-issues';

/** AWS Organizations quotas, as the current AWS quota page gives them (SCP figures since May 2026). */
export const AWS_ORGANIZATIONS_QUOTAS = {
  serviceControlPolicySize: 10_240,
  serviceControlPoliciesPerTarget: 10,
  tagPolicySize: 10_000,
  tagPoliciesPerTarget: 10,
  policiesPerOrganization: 1_000,
  organizationalUnitDepth: 5,
} as const;

type QuotaName = keyof typeof AWS_ORGANIZATIONS_QUOTAS;

function quota(name: QuotaName, what: string) {
  const limit = AWS_ORGANIZATIONS_QUOTAS[name];
  return z
    .number()
    .int()
    .positive()
    .max(limit, { error: `may only lower the AWS quota, which is ${limit}` })
    .default(limit)
    .describe(`${what} (AWS: ${limit}); set lower to keep a margin.`);
}

export const QuotasSchema = z
  .strictObject({
    serviceControlPolicySize: quota('serviceControlPolicySize', 'Characters of one SCP as synthesized, whitespace included'),
    serviceControlPoliciesPerTarget: quota('serviceControlPoliciesPerTarget', 'SCPs attached to one root, OU or account, FullAWSAccess included'),
    tagPolicySize: quota('tagPolicySize', 'Characters of one tag policy'),
    tagPoliciesPerTarget: quota('tagPoliciesPerTarget', 'Tag policies attached to one root, OU or account'),
    policiesPerOrganization: quota('policiesPerOrganization', 'Policies of one type in the organization'),
    organizationalUnitDepth: quota('organizationalUnitDepth', 'Levels of OUs under the root'),
  })
  .describe('AWS Organizations quotas that validation enforces.');

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
export type QuotasConfig = z.output<typeof QuotasSchema>;
