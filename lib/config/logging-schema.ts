/** The `logArchive` and `organizationTrail` sections of landing-zone.yaml. */
import { z } from 'zod';

/** The retention the landing zone's guidance asks of CloudTrail logs at the least. */
export const MINIMUM_LOG_RETENTION_DAYS = 90;

/** CloudWatch Logs accepts only these retention periods. */
export const CLOUDWATCH_LOGS_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const ObjectLockSchema = z
  .strictObject({
    mode: z
      .enum(['GOVERNANCE', 'COMPLIANCE'])
      .default('GOVERNANCE')
      .describe('GOVERNANCE: principals with s3:BypassGovernanceRetention may still delete (the protect-log-archive SCP denies it). COMPLIANCE: nobody can, not even the root user, until retention ends.'),
    retentionDays: z
      .number()
      .int()
      .min(MINIMUM_LOG_RETENTION_DAYS, { error: `must be at least ${MINIMUM_LOG_RETENTION_DAYS} days: CloudTrail's own event history already keeps 90` })
      .max(36_500)
      .default(365)
      .describe('Default retention of every log object written to the trail bucket.'),
  })
  .describe('S3 Object Lock on the trail bucket: log files cannot be deleted or overwritten before retention ends.');

const LogLifecycleSchema = z
  .strictObject({
    archiveAfterDays: z
      .number()
      .int()
      .min(1)
      .default(90)
      .describe('Days after which log objects move to S3 Glacier Flexible Retrieval.'),
    expireAfterDays: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Days after which log objects expire; never, when absent. Must not be shorter than the object lock retention.'),
  })
  .describe('Storage class transition and expiry of the log buckets.');

export const LogArchiveSchema = z
  .strictObject({
    bucketNamePrefix: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,29}$/, { error: 'expected 3-30 lowercase letters, digits and hyphens' })
      .describe('Log archive buckets are named <prefix>-<purpose>-<home region>; the protect-log-archive guardrail covers <prefix>-*.'),
    objectLock: ObjectLockSchema.default(ObjectLockSchema.parse({})),
    lifecycle: LogLifecycleSchema.default(LogLifecycleSchema.parse({})),
    accessLogsExpireAfterDays: z
      .number()
      .int()
      .min(MINIMUM_LOG_RETENTION_DAYS, { error: `must be at least ${MINIMUM_LOG_RETENTION_DAYS} days` })
      .default(365)
      .describe('Days the S3 server access logs of the log buckets are kept.'),
  })
  .describe('The log archive in the log-archive account.');

const TrailNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/, { error: 'expected a trail name: 3-128 letters, digits, periods, underscores and hyphens, starting with a letter or digit' });

export const OrganizationTrailSchema = z
  .strictObject({
    name: TrailNameSchema.default('organization-trail').describe('Name of the organization trail in the management account.'),
    cloudWatchLogs: z
      .strictObject({
        retentionDays: z
          .literal(CLOUDWATCH_LOGS_RETENTION_DAYS, {
            error: (issue) => `expected a retention CloudWatch Logs accepts (${CLOUDWATCH_LOGS_RETENTION_DAYS.join(', ')} days), got ${JSON.stringify(issue.input)}`,
          })
          .default(365)
          .describe(`Days the log group keeps events; one of ${CLOUDWATCH_LOGS_RETENTION_DAYS.join(', ')}.`),
      })
      .optional()
      .describe('When present, the trail also delivers to a CloudWatch Logs group in the management account (for metric filters and queries).'),
    dataEvents: z
      .strictObject({
        s3: z.boolean().default(false).describe('S3 object-level events of every bucket (billed per event).'),
        lambda: z.boolean().default(false).describe('Lambda invocations of every function (billed per event).'),
      })
      .default({ s3: false, lambda: false })
      .describe('Data events beyond the management events every trail records.'),
  })
  .describe('The organization CloudTrail: multi-region, global service events, log file validation, KMS-encrypted, into the log archive.');

export type LogArchiveConfig = z.output<typeof LogArchiveSchema>;
export type OrganizationTrailConfig = z.output<typeof OrganizationTrailSchema>;
