/** The `costAnomalyDetection` section of landing-zone.yaml. */
import { z } from 'zod';
import { EmailSetSchema } from './common';

export const CostAnomalyDetectionSchema = z
  .strictObject({
    thresholdUsd: z.number().positive().default(100).describe('Alert on anomalies whose total impact reaches this many USD.'),
    emails: EmailSetSchema.min(1).max(10).optional().describe('Daily digest recipients; the alert recipients when absent.'),
  })
  .describe('An organization-wide Cost Anomaly Detection monitor in the management account.');

export type CostAnomalyDetectionConfig = z.output<typeof CostAnomalyDetectionSchema>;
