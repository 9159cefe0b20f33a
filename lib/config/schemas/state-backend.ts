/** The `stateBackend` section of landing-zone.yaml: where each stack keeps its Terraform state. */
import { z } from 'zod';
import { quoted } from '../../diagnostics';
import { expected } from '../schema-issues';
import { RegionSchema } from './common';

const S3BackendSchema = z.strictObject({
  type: z.literal('s3'),
  bucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: expected('an S3 bucket name') }),
  region: RegionSchema,
  keyPrefix: z
    .string()
    .regex(/^[\w!.*'()/-]*[\w!.*'()-]$/, { error: 'expected an S3 key prefix without a trailing "/"' })
    .default('landing-zone')
    .describe('Each stack keeps its state at <keyPrefix>/<stack>.tfstate.'),
});

const LocalBackendSchema = z.strictObject({
  type: z.literal('local'),
});

export const StateBackendSchema = z
  .discriminatedUnion('type', [S3BackendSchema, LocalBackendSchema], {
    error: (issue) => {
      const type = (issue.input as { type?: unknown } | undefined)?.type;
      return type === undefined ? 'is required: "s3" or "local"' : `expected type "s3" or "local", got ${typeof type === 'string' ? quoted(type) : String(type)}`;
    },
  })
  .describe('Where each stack keeps its Terraform state: S3 with a lock file, or local files for trying it out.');

export type StateBackendConfig = z.output<typeof StateBackendSchema>;
