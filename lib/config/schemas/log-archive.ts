/** The `logArchive` section of landing-zone.yaml: the buckets of the log archive account. */
import { z } from 'zod';

/** The retention the landing zone's guidance asks of CloudTrail logs at the least. */
export const MINIMUM_LOG_RETENTION_DAYS = 90;

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

export type LogArchiveConfig = z.output<typeof LogArchiveSchema>;
