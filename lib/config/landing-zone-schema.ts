/** The shape of `landing-zone.yaml`, the organization-wide settings. */
import { z } from 'zod';
import { AccountNameSchema, AlternateContactsSchema, RegionSchema, TagsSchema } from './common-schema';
import { GuardrailsSchema, QuotasSchema } from './guardrails-schema';
import { LogArchiveSchema, OrganizationTrailSchema } from './logging-schema';
import { AlertsSchema, CostAnomalyDetectionSchema, SecurityServicesSchema, SessionManagerSchema } from './security-services-schema';
import { expected } from './schema-issues';

/** OU names are 1-128 characters; `/` separates the levels of an OU path, so it cannot be part of a name. */
export const OrganizationalUnitNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^/]+$/, { error: 'an OU name cannot contain "/", which separates the levels of an OU path' });

export interface OrganizationalUnitConfig {
  id?: string;
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
    tags: TagsSchema.optional().describe('Tags on the OU itself.'),
    get children() {
      return z
        .record(OrganizationalUnitNameSchema, OrganizationalUnitSchema.nullable())
        .optional()
        .describe('Nested OUs, by name.');
    },
  })
  .describe('An organizational unit.');

export const RequiredTagSchema = z.strictObject({
  key: z.string().min(1).max(128),
  allowedValues: z.array(z.string().max(256)).min(1).optional().describe('When given, the only values accepted.'),
  description: z.string().optional(),
});

const IamRoleNameSchema = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, { error: expected('an IAM role name (1-64 of letters, digits and +=,.@_-)') });

const S3BackendSchema = z.strictObject({
  type: z.literal('s3'),
  bucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: expected('an S3 bucket name') }),
  region: RegionSchema,
  keyPrefix: z
    .string()
    .regex(/^[\w!.*'()/-]*[\w!.*'()-]$/, { error: 'expected an S3 key prefix without a trailing "/"' })
    .default('landing-zone')
    .describe('Each stack keeps its state at <keyPrefix>/<stack>.tfstate.'),
});

const LocalBackendSchema = z.strictObject({
  type: z.literal('local'),
});

export const StateBackendSchema = z
  .discriminatedUnion('type', [S3BackendSchema, LocalBackendSchema], {
    error: (issue) => `expected type "s3" or "local", got ${JSON.stringify((issue.input as { type?: unknown } | undefined)?.type)}`,
  })
  .describe('Where each stack keeps its Terraform state: S3 with a lock file, or local files for trying it out.');

export const PasswordPolicySchema = z.strictObject({
  minimumLength: z.number().int().min(14, { error: 'must be at least 14 (CIS AWS Foundations 1.8)' }).max(128).default(14),
  reusePrevention: z.number().int().min(1).max(24).default(24),
  maxAgeDays: z.number().int().min(1).max(1095).default(90),
});

export const LandingZoneSchema = z
  .strictObject({
    $schema: z.string().optional(),
    organization: z.strictObject({
      name: z.string().min(1).max(128).describe('A name for the organization, shown in summaries.'),
      existingOrganizationId: z
        .string()
        .regex(/^o-[a-z0-9]{10,32}$/, { error: expected('an organization id such as o-a1b2c3d4e5') })
        .optional()
        .describe('Id of an existing organization to adopt (imported rather than created).'),
    }),
    homeRegion: RegionSchema.describe('The region of organization-wide resources (trail, aggregators, budgets).'),
    governedRegions: z
      .array(RegionSchema)
      .min(1)
      .describe('Regions where workloads may run; the home region must be one of them.'),
    requiredTags: z.array(RequiredTagSchema).default([]).describe('Tags every account request must carry.'),
    organizationalUnits: z
      .record(OrganizationalUnitNameSchema, OrganizationalUnitSchema.nullable())
      .describe('The OU tree under the organization root, by name.'),
    accountAccessRole: IamRoleNameSchema.default('OrganizationAccountAccessRole').describe(
      'The role that stacks assume in member accounts, created by AWS Organizations in vended accounts.',
    ),
    coreAccounts: z
      .strictObject({
        logArchive: AccountNameSchema.describe('Name of the log-archive account.'),
        security: AccountNameSchema.describe('Name of the security (audit) account.'),
      })
      .describe('The accounts that hold the logs and administer the security services.'),
    alternateContacts: AlternateContactsSchema.optional().describe(
      'Default alternate contacts for every account; an account request may override each.',
    ),
    accountBaseline: z
      .strictObject({ passwordPolicy: PasswordPolicySchema.default(PasswordPolicySchema.parse({})) })
      .default({ passwordPolicy: PasswordPolicySchema.parse({}) }),
    logArchive: LogArchiveSchema,
    organizationTrail: OrganizationTrailSchema.default(OrganizationTrailSchema.parse({})),
    securityServices: SecurityServicesSchema.default(SecurityServicesSchema.parse({})),
    alerts: AlertsSchema,
    sessionManager: SessionManagerSchema.default(SessionManagerSchema.parse({})),
    costAnomalyDetection: CostAnomalyDetectionSchema.default(CostAnomalyDetectionSchema.parse({})),
    guardrails: GuardrailsSchema.default(GuardrailsSchema.parse({})),
    quotas: QuotasSchema.default(QuotasSchema.parse({})),
    stateBackend: StateBackendSchema,
  })
  .describe('Organization-wide settings of the landing zone.');

export type LandingZoneConfig = z.output<typeof LandingZoneSchema>;
export type StateBackendConfig = z.output<typeof StateBackendSchema>;
export type PasswordPolicyConfig = z.output<typeof PasswordPolicySchema>;
