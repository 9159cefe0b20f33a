import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../../lib/config/json-schemas';
import { JSON_SCHEMA_DIRECTORY, schemaFiles } from '../../lib/docs/schema-files';
import { generatedBlockText, withGeneratedBlock } from '../../lib/docs/generated-block';
import { guardrailBuilderPath } from '../../lib/docs/guardrail-table';
import { README_BLOCKS } from '../../lib/docs/readme-blocks';
import { BUILT_IN_GUARDRAILS } from '../../lib/guardrails/catalogue';
import { REPOSITORY } from '../support/example-config';

describe('editor JSON Schemas', () => {
  it.each(Object.entries(schemaFiles()))('schemas/%s is generated from the current zod schema (npm run generate)', (name, content) => {
    expect(readFileSync(join(REPOSITORY, JSON_SCHEMA_DIRECTORY, name), 'utf8')).toBe(content);
  });

  it('is named by the header of every example file', () => {
    expect(readFileSync(join(REPOSITORY, 'landing-zone.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/schemas\/landing-zone\.schema\.json\n/);
    for (const name of readdirSync(join(REPOSITORY, 'accounts'))) {
      expect({ name, header: readFileSync(join(REPOSITORY, 'accounts', name), 'utf8').split('\n')[0] }).toEqual({
        name,
        header: '# yaml-language-server: $schema=../schemas/account.schema.json',
      });
    }
  });

  it('rejects unknown keys, as the loader does', () => {
    const landingZone = JSON.parse(jsonSchemaFiles()['landing-zone.schema.json']);
    expect(landingZone.additionalProperties).toBe(false);
    expect(JSON.parse(jsonSchemaFiles()['account.schema.json']).additionalProperties).toBe(false);
  });
});

describe('the README tables made from the code', () => {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');

  it.each(README_BLOCKS.map((block) => [block.name, block] as const))('the %s is generated from the current catalogue (npm run generate)', (_name, block) => {
    expect(withGeneratedBlock(readme, block)).toBe(readme);
    expect(readme).toContain(generatedBlockText(block));
  });

  it.each(BUILT_IN_GUARDRAILS.map((guardrail) => guardrail.id))('links the file where the guardrail %s is built', (id) => {
    expect(existsSync(join(REPOSITORY, guardrailBuilderPath(id)))).toBe(true);
  });
});
