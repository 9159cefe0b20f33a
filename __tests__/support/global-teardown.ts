import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXAMPLE_OUTPUT_VARIABLE } from './example-output';

export default function globalTeardown(): void {
  const outdir = process.env[EXAMPLE_OUTPUT_VARIABLE];
  if (outdir) rmSync(dirname(outdir), { recursive: true, force: true });
}
