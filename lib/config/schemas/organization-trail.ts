/** The `organizationTrail` section of landing-zone.yaml. */
import { z } from 'zod';

/** CloudWatch Logs accepts only these retention periods. */
export const CLOUDWATCH_LOGS_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

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

export type OrganizationTrailConfig = z.output<typeof OrganizationTrailSchema>;
