/** The `accountBaseline` section of landing-zone.yaml: what every account's baseline sets. */
import { z } from 'zod';

export const PasswordPolicySchema = z.strictObject({
  minimumLength: z.number().int().min(14, { error: 'must be at least 14 (CIS AWS Foundations 1.8)' }).max(128).default(14),
  reusePrevention: z.number().int().min(1).max(24).default(24),
  maxAgeDays: z.number().int().min(1).max(1095).default(90),
});

export const AccountBaselineSchema = z
  .strictObject({ passwordPolicy: PasswordPolicySchema.default(PasswordPolicySchema.parse({})) })
  .default({ passwordPolicy: PasswordPolicySchema.parse({}) });

export type PasswordPolicyConfig = z.output<typeof PasswordPolicySchema>;
