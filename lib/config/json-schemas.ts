/**
 * JSON Schemas for editors, generated from the zod schemas (the single source of truth)
 * and committed under `schemas/`, so that YAML files with a `yaml-language-server`
 * header are validated and completed as they are typed.
 */
import { z } from 'zod';
import { AccountSchema } from './schemas/account';
import { LandingZoneSchema } from './schemas/landing-zone';

export const JSON_SCHEMA_DIRECTORY = 'schemas';

function render(schema: z.ZodType, title: string): string {
  const document = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ title, ...document }, null, 2)}\n`;
}

/** File name (under `schemas/`) to content. */
export function jsonSchemaFiles(): Record<string, string> {
  return {
    'landing-zone.schema.json': render(LandingZoneSchema, 'landing-zone.yaml'),
    'account.schema.json': render(AccountSchema, 'Account request (accounts/<name>.yaml)'),
  };
}
