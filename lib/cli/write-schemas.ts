/** `npm run schema`: regenerates the editor JSON Schemas under schemas/ from the zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_DIRECTORY, jsonSchemaFiles } from '../config/json-schemas';

mkdirSync(JSON_SCHEMA_DIRECTORY, { recursive: true });
for (const [name, content] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(join(JSON_SCHEMA_DIRECTORY, name), content);
  console.log(`wrote ${JSON_SCHEMA_DIRECTORY}/${name}`);
}
