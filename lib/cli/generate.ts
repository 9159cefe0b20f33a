/**
 * `npm run generate`: rewrites what is made from the code, so that it never drifts: the
 * JSON Schemas under schemas/ (from the zod schemas) and the README's tables of built-in
 * guardrails, security alerts and review risks (from the catalogues).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_DIRECTORY, schemaFiles } from '../docs/schema-files';
import { withGeneratedBlock } from '../docs/generated-block';
import { README_BLOCKS } from '../docs/readme-blocks';

mkdirSync(JSON_SCHEMA_DIRECTORY, { recursive: true });
for (const [name, content] of Object.entries(schemaFiles())) {
  writeFileSync(join(JSON_SCHEMA_DIRECTORY, name), content);
  console.log(`wrote ${JSON_SCHEMA_DIRECTORY}/${name}`);
}
writeFileSync('README.md', README_BLOCKS.reduce(withGeneratedBlock, readFileSync('README.md', 'utf8')));
console.log(`wrote the ${README_BLOCKS.map((block) => block.name).join(' and the ')} of README.md`);
