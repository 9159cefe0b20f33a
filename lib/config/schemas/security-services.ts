/** The `securityServices` section of landing-zone.yaml: what the security account administers. */
import { z } from 'zod';
import { expected } from '../schema-issues';
import { setOf } from './common';
import { nameRecord } from '../../name-record';

/** GuardDuty protection plans, by setting name, with the feature name of the GuardDuty API. */
export const GUARDDUTY_PROTECTIONS = {
  s3DataEvents: 'S3_DATA_EVENTS',
  eksAuditLogs: 'EKS_AUDIT_LOGS',
  malwareProtection: 'EBS_MALWARE_PROTECTION',
  rdsLoginEvents: 'RDS_LOGIN_EVENTS',
  lambdaNetworkLogs: 'LAMBDA_NETWORK_LOGS',
  runtimeMonitoring: 'RUNTIME_MONITORING',
} as const;

export type GuardDutyProtection = keyof typeof GUARDDUTY_PROTECTIONS;

const GUARDDUTY_PROTECTION_DEFAULTS: Record<GuardDutyProtection, boolean> = {
  s3DataEvents: true,
  eksAuditLogs: true,
  malwareProtection: true,
  rdsLoginEvents: true,
  lambdaNetworkLogs: true,
  runtimeMonitoring: false,
};

/** Security Hub standards, by setting name, with the standard's path in its ARN. */
export const SECURITY_HUB_STANDARDS = {
  'aws-foundational-security-best-practices': 'standards/aws-foundational-security-best-practices/v/1.0.0',
  'cis-aws-foundations-benchmark': 'standards/cis-aws-foundations-benchmark/v/3.0.0',
  'nist-800-53': 'standards/nist-800-53/v/5.0.0',
  'pci-dss': 'standards/pci-dss/v/4.0.1',
} as const;

export type SecurityHubStandard = keyof typeof SECURITY_HUB_STANDARDS;

const SECURITY_HUB_STANDARD_NAMES = Object.keys(SECURITY_HUB_STANDARDS) as [SecurityHubStandard, ...SecurityHubStandard[]];

const GuardDutySchema = z
  .strictObject({
    findingPublishingFrequency: z
      .enum(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS'])
      .default('FIFTEEN_MINUTES')
      .describe('How often updated findings are exported to EventBridge (and so alert).'),
    protections: z
      .strictObject(
        Object.fromEntries(
          Object.entries(GUARDDUTY_PROTECTION_DEFAULTS).map(([name, enabled]) => [
            name,
            z.boolean().default(enabled).describe(`${GUARDDUTY_PROTECTIONS[name as GuardDutyProtection]}, on every member account (default ${enabled ? 'on' : 'off'}).`),
          ]),
        ) as Record<GuardDutyProtection, z.ZodDefault<z.ZodBoolean>>,
      )
      .default(GUARDDUTY_PROTECTION_DEFAULTS)
      .describe('Protection plans enabled on the detectors and auto-enabled for every member.'),
  })
  .describe('GuardDuty in every governed region, administered by the security account.');

const StandardsSchema = setOf(z.enum(SECURITY_HUB_STANDARD_NAMES)).min(1);

/** A Security Hub control, by its id such as `IAM.6` or `EC2.19`. */
const ControlIdsSchema = setOf(z.string().regex(/^[A-Za-z0-9]+\.[0-9]+$/, { error: expected('a Security Hub control id such as IAM.6') }));

const SecurityHubPolicySchema = z
  .strictObject({
    standards: StandardsSchema.optional().describe('Standards enabled; those of the organization when absent.'),
    disabledControls: ControlIdsSchema.optional().describe('Controls turned off; those of the organization when absent.'),
  })
  .describe('How the accounts of an OU, and of the OUs below it, differ from the rest of the organization.');

const SecurityHubSchema = z
  .strictObject({
    standards: StandardsSchema.default(['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark']).describe(
      'Standards enabled in every account and governed region.',
    ),
    disabledControls: ControlIdsSchema.default([]).describe('Controls turned off in every account, by id (IAM.6, ...), each for a reason the team can give.'),
    organizationalUnits: nameRecord(z.string(), SecurityHubPolicySchema)
      .default({})
      .describe('By OU path: standards and disabled controls that differ there; an OU below one listed inherits its settings.'),
  })
  .describe('Security Hub in every account and governed region by central configuration, findings aggregated into the home region.');

export const SecurityServicesSchema = z
  .strictObject({
    guardDuty: GuardDutySchema.default(GuardDutySchema.parse({})),
    securityHub: SecurityHubSchema.default(SecurityHubSchema.parse({})),
    inspector: z
      .boolean()
      .default(false)
      .describe('Amazon Inspector (EC2, ECR and Lambda scanning) in every account and governed region, administered by the security account.'),
    macie: z
      .boolean()
      .default(false)
      .describe('Delegate Amazon Macie administration to the security account in every governed region: delegation only, Macie is turned on there and in the members by the security team.'),
    detective: z
      .boolean()
      .default(false)
      .describe('Delegate Amazon Detective administration to the security account in every governed region: delegation only, its behavior graph and members are made by the security team.'),
  })
  .describe('Security services delegated to the security account.');

export type SecurityServicesConfig = z.output<typeof SecurityServicesSchema>;
