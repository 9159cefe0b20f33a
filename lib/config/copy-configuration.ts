/** A copy of what a configuration directory holds that is read, to try a change on without touching the original. */
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIGURATION_ENTRIES } from './configuration-files';

export function copyConfiguration(from: string, to: string): void {
  for (const entry of CONFIGURATION_ENTRIES) {
    if (existsSync(join(from, entry))) cpSync(join(from, entry), join(to, entry), { recursive: true });
  }
}
