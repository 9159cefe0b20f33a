/**
 * Reads a configuration directory: `landing-zone.yaml` and `accounts/*.yaml`. Each file
 * is parsed with source positions and checked against its schema; then the cross-file
 * rules run. Every problem of every file is collected; nothing is thrown for bad input.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isError, UserError, type Issue, type LineLocator } from '../diagnostics';
import { AccountSchema } from './account-schema';
import { ACCOUNTS_DIRECTORY, LANDING_ZONE_FILE, type AccountRequest, type ConfigurationFiles } from './configuration-files';
import { LandingZoneSchema } from './landing-zone-schema';
import { CONFIGURATION_RULES, WHOLE_ORGANIZATION_RULES } from './rules';
import { parseWithSchema } from './schema-issues';
import { parseYamlSource, type YamlSource } from './yaml-source';

/** Account file names name stacks and state files, so they stay simple. */
const ACCOUNT_KEY = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

export interface ConfigurationReading {
  /** Present when no file has an error. */
  readonly files?: ConfigurationFiles;
  /** Errors and warnings of every file. */
  readonly issues: readonly Issue[];
  /** The line of a field in a file that was read. */
  readonly locate: LineLocator;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function accountFileNames(directory: string): string[] {
  const accountsDirectory = join(directory, ACCOUNTS_DIRECTORY);
  if (!existsSync(accountsDirectory)) return [];
  return readdirSync(accountsDirectory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort(compareText);
}

export function readConfiguration(directory: string): ConfigurationReading {
  if (!existsSync(join(directory, LANDING_ZONE_FILE))) {
    throw new UserError(
      `No ${LANDING_ZONE_FILE} in ${directory}. Run from the landing zone's directory, or point LZ_CONFIG_DIR at it.`,
    );
  }
  const sources = new Map<string, YamlSource>();
  const issues: Issue[] = [];
  const locate: LineLocator = (file, path) => sources.get(file)?.lineOf(path);

  function read<T>(file: string, parse: (source: YamlSource) => { value?: T; issues: readonly Issue[] }): T | undefined {
    const parsed = parseYamlSource(file, readFileSync(join(directory, file), 'utf8'));
    issues.push(...parsed.issues);
    if (!parsed.source) return undefined;
    sources.set(file, parsed.source);
    const result = parse(parsed.source);
    issues.push(...result.issues);
    return result.value;
  }

  const landingZone = read(LANDING_ZONE_FILE, (source) => parseWithSchema(LandingZoneSchema, source.file, source.data));

  const accounts: AccountRequest[] = [];
  const fileNames = accountFileNames(directory);
  if (fileNames.length === 0) {
    issues.push({ file: `${ACCOUNTS_DIRECTORY}/`, path: [], message: 'holds no account request (*.yaml); the management, log-archive and security accounts need one each' });
  }
  for (const fileName of fileNames) {
    const file = `${ACCOUNTS_DIRECTORY}/${fileName}`;
    const key = fileName.replace(/\.ya?ml$/, '');
    if (!ACCOUNT_KEY.test(key)) {
      issues.push({ file, path: [], message: `file name ${JSON.stringify(key)} must be lowercase letters, digits and inner hyphens (at most 50): it names the account's stacks` });
    }
    const config = read(file, (source) => parseWithSchema(AccountSchema, source.file, source.data));
    if (config) accounts.push({ file, key, config });
  }

  if (!landingZone) return { issues, locate };
  const everyFileRead = !issues.some(isError);
  const files: ConfigurationFiles = { landingZone: { file: LANDING_ZONE_FILE, config: landingZone }, accounts };
  const rules = everyFileRead ? [...CONFIGURATION_RULES, ...WHOLE_ORGANIZATION_RULES] : CONFIGURATION_RULES;
  issues.push(...rules.flatMap((rule) => rule(files)));
  return issues.some(isError) ? { issues, locate } : { files, issues, locate };
}
