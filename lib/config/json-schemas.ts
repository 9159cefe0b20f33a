/**
 * JSON Schemas for editors, generated from the zod schemas (the single source of truth)
 * and committed under `schemas/`, so that YAML files with a `yaml-language-server`
 * header are validated and completed as they are typed.
 */
import { z } from 'zod';
import { AccountSchema } from './schemas/account';
import { LandingZoneSchema } from './schemas/landing-zone';

export const JSON_SCHEMA_DIRECTORY = 'schemas';

/** A zod schema as a JSON Schema file: what is written (`input`, defaults optional) or what is read (`output`). */
export function renderJsonSchema(schema: z.ZodType, title: string, io: 'input' | 'output' = 'input'): string {
  const document = z.toJSONSchema(schema, { io, target: 'draft-2020-12' });
  return `${JSON.stringify({ title, ...document }, null, 2)}\n`;
}

/** The editors' schemas: file name (under `schemas/`) to content. */
export function jsonSchemaFiles(): Record<string, string> {
  return {
    'landing-zone.schema.json': renderJsonSchema(LandingZoneSchema, 'landing-zone.yaml'),
    'account.schema.json': renderJsonSchema(AccountSchema, 'Account request (accounts/<name>.yaml)'),
  };
}
