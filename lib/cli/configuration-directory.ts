/** The configuration directory: LZ_CONFIG_DIR when set, else the working directory. */
import { resolve } from 'node:path';

export const CONFIG_DIR_VARIABLE = 'LZ_CONFIG_DIR';

export function configurationDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  return resolve(environment[CONFIG_DIR_VARIABLE] || '.');
}
