/** The `backup` section of landing-zone.yaml: organization backup plans, attached like any policy (`backupPolicies`). */
import { z } from 'zod';
import { expected } from '../schema-issues';
import { setOf, TagKeySchema, TagValueSchema } from './common';
import { PolicyNameSchema } from './guardrails';
import { nameRecord } from '../../name-record';

const BackupPlanSchema = z
  .strictObject({
    scheduleExpression: z
      .string()
      .regex(/^cron\([^()]{9,200}\)$/, { error: expected('an AWS Backup schedule such as "cron(0 5 ? * * *)"') })
      .default('cron(0 5 ? * * *)')
      .describe('When backups start, in UTC: AWS Backup cron expression (default daily at 05:00).'),
    deleteAfterDays: z.number().int().min(1).max(36_500).describe('Days a recovery point is kept.'),
    moveToColdStorageAfterDays: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Days before a recovery point moves to cold storage (AWS Backup keeps it there at least 90 days more).'),
    tagKey: TagKeySchema.default('backup').describe('Resources with this tag are backed up.'),
    tagValues: setOf(TagValueSchema).min(1).describe('...with one of these values.'),
  })
  .refine((plan) => plan.moveToColdStorageAfterDays === undefined || plan.deleteAfterDays >= plan.moveToColdStorageAfterDays + 90, {
    error: 'AWS Backup keeps a recovery point in cold storage 90 days at least: deleteAfterDays must be at least moveToColdStorageAfterDays + 90',
    path: ['deleteAfterDays'],
  })
  .describe('One backup plan: schedule, retention and the tag that selects resources.');

export const BackupSchema = z
  .strictObject({
    plans: nameRecord(PolicyNameSchema, BackupPlanSchema).describe('By name: the backup policy of the organization named so, attached in guardrails.attachments (backupPolicies).'),
  })
  .describe('Organization backup plans; each account keeps the vault and the role they use.');

export type BackupConfig = z.output<typeof BackupSchema>;
