/** The `sessionManager` section of landing-zone.yaml. */
import { z } from 'zod';

export const SessionManagerSchema = z
  .strictObject({
    idleTimeoutMinutes: z.number().int().min(1).max(60).default(15).describe('Idle sessions end after this many minutes.'),
    kmsEncryption: z
      .boolean()
      .default(true)
      .describe('Encrypt session data with a KMS key of the account (one key per account and governed region).'),
  })
  .describe('Session Manager preferences in every account and governed region; session logs go to the log archive.');

export type SessionManagerConfig = z.output<typeof SessionManagerSchema>;
