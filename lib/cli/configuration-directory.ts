/** The configuration directory: LZ_CONFIG_DIR when set, else the working directory; or the one a command's --config-dir names. */
import { resolve } from 'node:path';

export const CONFIG_DIR_VARIABLE = 'LZ_CONFIG_DIR';

export function configurationDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  return resolve(environment[CONFIG_DIR_VARIABLE] || '.');
}

/** The directory of a command that takes --config-dir, and how to name another should it hold no landing-zone.yaml, in the words of how it was chosen. */
export function chosenConfigurationDirectory(
  flag: string | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): { readonly directory: string; readonly findIt: string } {
  if (flag !== undefined) return { directory: resolve(flag), findIt: 'Name with --config-dir the directory that holds it.' };
  return {
    directory: configurationDirectory(environment),
    findIt: environment[CONFIG_DIR_VARIABLE]
      ? `${CONFIG_DIR_VARIABLE} names it: point it at the directory that holds landing-zone.yaml, or name that directory with --config-dir.`
      : "Run from the landing zone's directory, or name it with --config-dir.",
  };
}
