/**
 * `npm run generate`: rewrites what is made from the code, so that it never drifts: the
 * editor JSON Schemas under schemas/ (from the zod schemas) and the README's table of
 * built-in guardrails (from each guardrail's id and description).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_DIRECTORY, jsonSchemaFiles } from '../config/json-schemas';
import { withGuardrailTable } from '../docs/guardrail-table';

mkdirSync(JSON_SCHEMA_DIRECTORY, { recursive: true });
for (const [name, content] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(join(JSON_SCHEMA_DIRECTORY, name), content);
  console.log(`wrote ${JSON_SCHEMA_DIRECTORY}/${name}`);
}
writeFileSync('README.md', withGuardrailTable(readFileSync('README.md', 'utf8')));
console.log('wrote the guardrail table of README.md');
