/**
 * The shape of a custom SCP, `scps/<name>.json`: an IAM policy document in the subset
 * that service control policies accept (no Principal; Action or NotAction; Resource or
 * NotResource).
 */
import { z } from 'zod';

const OneOrManyStrings = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const StatementSchema = z
  .strictObject({
    Sid: z.string().regex(/^[A-Za-z0-9]*$/, { error: 'a Sid may hold letters and digits only' }).optional(),
    Effect: z.enum(['Allow', 'Deny']),
    Action: OneOrManyStrings.optional(),
    NotAction: OneOrManyStrings.optional(),
    Resource: OneOrManyStrings.optional(),
    NotResource: OneOrManyStrings.optional(),
    Condition: z.record(z.string(), z.record(z.string(), OneOrManyStrings)).optional(),
  })
  .refine((statement) => (statement.Action === undefined) !== (statement.NotAction === undefined), {
    error: 'a statement needs exactly one of Action and NotAction',
  })
  .refine((statement) => (statement.Resource === undefined) !== (statement.NotResource === undefined), {
    error: 'a statement needs exactly one of Resource and NotResource',
  });

export const CustomPolicySchema = z.strictObject({
  Version: z.literal('2012-10-17'),
  Statement: z.array(StatementSchema).min(1),
});

export type CustomPolicyDocument = z.output<typeof CustomPolicySchema>;
