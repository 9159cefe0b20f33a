/** The shape of `landing-zone.yaml`, the organization-wide settings: one section a file. */
import { z } from 'zod';
import { expected } from '../schema-issues';
import { AccountBaselineSchema } from './account-baseline';
import { AlertsSchema } from './alerts';
import { BackupSchema } from './backup';
import { AccountNameSchema, AlternateContactsSchema, plainText, RegionSchema, setOf, TagKeySchema, TagValueSchema } from './common';
import { CostAnomalyDetectionSchema } from './cost-anomaly-detection';
import { FirewallManagerSchema } from './firewall-manager';
import { DetectiveControlsSchema } from './detective-controls';
import { GuardrailsSchema } from './guardrails';
import { IdentityCenterSchema } from './identity-center';
import { IncidentResponseSchema } from './incident-response';
import { LogArchiveSchema } from './log-archive';
import { OrganizationSchema } from './organization';
import { OrganizationTrailSchema } from './organization-trail';
import { OrganizationalUnitNameSchema, OrganizationalUnitSchema } from './organizational-units';
import { QuotasSchema } from './quotas';
import { SecurityServicesSchema } from './security-services';
import { SessionManagerSchema } from './session-manager';
import { StateBackendSchema } from './state-backend';
import { ReviewSchema } from './review';
import { nameRecord } from '../../name-record';

export const RequiredTagSchema = z.strictObject({
  key: TagKeySchema,
  allowedValues: setOf(TagValueSchema).min(1).optional().describe('When given, the only values accepted.'),
  description: plainText(0, 256).optional(),
});

const IamRoleNameSchema = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, { error: expected('an IAM role name (1-64 of letters, digits and +=,.@_-)') });

export const LandingZoneSchema = z
  .strictObject({
    $schema: z.string().optional(),
    organization: OrganizationSchema,
    homeRegion: RegionSchema.describe('The region of organization-wide resources (trail, aggregators, budgets).'),
    governedRegions: setOf(RegionSchema)
      .min(1)
      .describe('Regions where workloads may run; the home region must be one of them.'),
    requiredTags: setOf(RequiredTagSchema, (tag) => tag.key).default([]).describe('Tags every account request must carry.'),
    organizationalUnits: nameRecord(OrganizationalUnitNameSchema, OrganizationalUnitSchema.nullable())
      .describe('The OU tree under the organization root, by name.'),
    accountAccessRole: IamRoleNameSchema.default('OrganizationAccountAccessRole').describe(
      'The role that stacks assume in member accounts, created by AWS Organizations in vended accounts.',
    ),
    coreAccounts: z
      .strictObject({
        logArchive: AccountNameSchema.describe('Name of the log-archive account.'),
        security: AccountNameSchema.describe('Name of the security (audit) account.'),
        organizationalUnits: z
          .strictObject({
            logArchive: z.string().min(1).describe('The OU path the log-archive account stays in; its request file names the same.'),
            security: z.string().min(1).describe('The OU path the security account stays in; its request file names the same.'),
          })
          .describe('The OU each core account stays in: a request file that moves one is refused unless this says so too.'),
      })
      .describe('The accounts that hold the logs and administer the security services, and the OU each stays in.'),
    alternateContacts: AlternateContactsSchema.optional().describe(
      'Default alternate contacts for every account; an account request may override each.',
    ),
    accountBaseline: AccountBaselineSchema,
    logArchive: LogArchiveSchema,
    organizationTrail: OrganizationTrailSchema.default(OrganizationTrailSchema.parse({})),
    securityServices: SecurityServicesSchema.default(SecurityServicesSchema.parse({})),
    alerts: AlertsSchema,
    sessionManager: SessionManagerSchema.default(SessionManagerSchema.parse({})),
    costAnomalyDetection: CostAnomalyDetectionSchema.default(CostAnomalyDetectionSchema.parse({})),
    identityCenter: IdentityCenterSchema.optional(),
    suspendedOrganizationalUnit: z
      .string()
      .min(1)
      .default('Suspended')
      .describe('The OU (path) that suspended and closing accounts are moved to; attach deny-all to it.'),
    firewallManager: FirewallManagerSchema.optional().describe('Firewall Manager policies; none when absent.'),
    incidentResponse: IncidentResponseSchema.optional(),
    guardrails: GuardrailsSchema.default(GuardrailsSchema.parse({})),
    backup: BackupSchema.optional(),
    detectiveControls: DetectiveControlsSchema.default(DetectiveControlsSchema.parse({})),
    quotas: QuotasSchema.default(QuotasSchema.parse({})),
    stateBackend: StateBackendSchema,
    review: ReviewSchema.default(ReviewSchema.parse({})),
  })
  .describe('Organization-wide settings of the landing zone.');

export type LandingZoneConfig = z.output<typeof LandingZoneSchema>;
