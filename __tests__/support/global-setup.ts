/**
 * Synthesizes the bundled example once for the whole run, for the tests that only read
 * its output (`exampleOutput()`); the tests that change the example synthesize copies of
 * their own.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { synthesizeLandingZone } from '../../lib/app/synthesize-landing-zone';
import { copyConfiguration } from '../../lib/config/copy-configuration';
import { EXAMPLE_OUTPUT_VARIABLE } from './example-output';

export default async function globalSetup(): Promise<void> {
  const repository = resolve(__dirname, '..', '..');
  const directory = mkdtempSync(join(tmpdir(), 'landing-zone-example-'));
  const configuration = join(directory, 'configuration');
  copyConfiguration(repository, configuration);
  const outdir = join(directory, 'out');
  await synthesizeLandingZone(configuration, { outdir });
  process.env[EXAMPLE_OUTPUT_VARIABLE] = outdir;
}
