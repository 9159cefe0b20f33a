/**
 * The waves a runner is given: the file `npm run changed-stacks -- --format json` wrote,
 * read back and checked against the same types, so that a hand-edited or truncated file
 * is refused with the field that is wrong before any Terraform runs.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatFieldPath, UserError } from '../diagnostics';
import type { StackStep, StackWaves } from './changed-stacks';
import { THROTTLED_SERVICE_NAMES } from './throttled-services';

export const StackStepSchema = z.strictObject({
  stack: z.string().regex(/^[\w.-]+$/, { error: 'expected a stack name' }),
  action: z.enum(['apply', 'destroy']),
  reason: z.enum(['added', 'changed', 'removed', 'all']),
  output: z.string().min(1),
  afterApplying: z.array(z.string()),
  shard: z.number().int().min(1).optional(),
  services: z.array(z.enum(THROTTLED_SERVICE_NAMES)).optional(),
}) satisfies z.ZodType<StackStep>;

const StackWavesSchema = z.strictObject({
  shards: z.number().int().min(1).optional(),
  serviceConcurrency: z.strictObject(Object.fromEntries(THROTTLED_SERVICE_NAMES.map((service) => [service, z.number().int().min(1).optional()]))).optional(),
  waves: z.array(
    z.strictObject({
      number: z.number().int().min(1),
      steps: z.array(StackStepSchema),
    }),
  ),
}) satisfies z.ZodType<StackWaves>;

const PRODUCED_BY = 'npm run --silent changed-stacks -- --format json > <file>';

/**
 * The JSON file `file` as `schema` checks it, field by field: what does not exist, is no JSON
 * or has another shape is a clear error naming the file, the field and `expected`.
 */
export function readCheckedJson<T>(file: string, schema: z.ZodType<T>, expected: string): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not JSON';
    throw new UserError(`${file} ${reason}: expected ${expected}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length > 0 ? ` ${formatFieldPath(issue.path as (string | number)[])}:` : '';
    throw new UserError(`${file}${field} ${issue.message} (expected ${expected})`);
  }
  return parsed.data;
}

export function readStackWaves(file: string): StackWaves {
  return readCheckedJson(file, StackWavesSchema, `the waves that ${PRODUCED_BY} writes`);
}
