/** The `securityServices`, `alerts`, `sessionManager` and `costAnomalyDetection` sections of landing-zone.yaml. */
import { z } from 'zod';
import { DEFAULT_ALERT_EVENT_BUS_NAME } from '../resource-names';
import { EmailSchema } from './common-schema';

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

const SecurityHubSchema = z
  .strictObject({
    standards: z
      .array(z.enum(SECURITY_HUB_STANDARD_NAMES))
      .min(1)
      .default(['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark'])
      .describe('Standards enabled in every governed region.'),
  })
  .describe('Security Hub in every governed region, findings aggregated into the home region.');

export const SecurityServicesSchema = z
  .strictObject({
    guardDuty: GuardDutySchema.default(GuardDutySchema.parse({})),
    securityHub: SecurityHubSchema.default(SecurityHubSchema.parse({})),
    inspector: z.boolean().default(false).describe('Delegate Amazon Inspector administration to the security account in every governed region.'),
    macie: z.boolean().default(false).describe('Delegate Amazon Macie administration to the security account in every governed region.'),
    detective: z.boolean().default(false).describe('Delegate Amazon Detective administration to the security account in every governed region.'),
  })
  .describe('Security services delegated to the security account.');

export const AlertsSchema = z
  .strictObject({
    emails: z.array(EmailSchema).min(1).describe('Who receives security alerts (each confirms an SNS subscription).'),
    guardDutyMinimumSeverity: z
      .number()
      .min(1)
      .max(8.9)
      .default(7)
      .describe('GuardDuty findings at or above this severity alert (4-6.9 medium, 7-8.9 high).'),
    eventBusName: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,256}$/, { error: 'expected an event bus name: letters, digits, ".", "_" and "-"' })
      .refine((name) => name !== 'default', { error: 'the central bus cannot be the default bus' })
      .default(DEFAULT_ALERT_EVENT_BUS_NAME)
      .describe('The central event bus in the security account, home region.'),
  })
  .describe('Organization-wide security alerts: every account forwards matching events to a central bus in the security account.');

export const SessionManagerSchema = z
  .strictObject({
    idleTimeoutMinutes: z.number().int().min(1).max(60).default(15).describe('Idle sessions end after this many minutes.'),
    kmsEncryption: z
      .boolean()
      .default(true)
      .describe('Encrypt session data with a KMS key of the account (one key per account and governed region).'),
  })
  .describe('Session Manager preferences in every account and governed region; session logs go to the log archive.');

export const CostAnomalyDetectionSchema = z
  .strictObject({
    thresholdUsd: z.number().positive().default(100).describe('Alert on anomalies whose total impact reaches this many USD.'),
    emails: z.array(EmailSchema).min(1).max(10).optional().describe('Daily digest recipients; the alert recipients when absent.'),
  })
  .describe('An organization-wide Cost Anomaly Detection monitor in the management account.');

export type SecurityServicesConfig = z.output<typeof SecurityServicesSchema>;
export type AlertsConfig = z.output<typeof AlertsSchema>;
export type SessionManagerConfig = z.output<typeof SessionManagerSchema>;
export type CostAnomalyDetectionConfig = z.output<typeof CostAnomalyDetectionSchema>;
