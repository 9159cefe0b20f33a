/**
 * Reads a configuration directory: `landing-zone.yaml`, `accounts/*.yaml` and the custom
 * SCPs `scps/*.json` (JSON is read by the YAML parser, for its positions). Each file
 * is parsed with source positions and checked against its schema; then the cross-file
 * rules run. Every problem of every file is collected; nothing is thrown for bad input.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isError, UserError, type Issue, type LineLocator } from '../diagnostics';
import { PolicyDocumentSchema } from '../iam/policy-document';
import { AccountSchema } from './schemas/account';
import {
  ACCOUNTS_DIRECTORY,
  CUSTOM_POLICY_DIRECTORY,
  LANDING_ZONE_FILE,
  type AccountRequest,
  type ConfigurationFiles,
  type CustomPolicyFile,
} from './configuration-files';
import { LandingZoneSchema } from './schemas/landing-zone';
import { CONFIGURATION_RULES, WHOLE_ORGANIZATION_RULES } from './rules';
import { parseWithSchema } from './schema-issues';
import { parseYamlSource, type YamlSource } from './yaml-source';
import { compareText } from '../text-order';

/** Account file names name stacks and state files, so they stay simple. */
const ACCOUNT_KEY = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

export interface ConfigurationReading {
  /** Present when every file has passed its schema; the cross-file rules may still have found errors. */
  readonly files?: ConfigurationFiles;
  /** Errors and warnings of every file. */
  readonly issues: readonly Issue[];
  /** The line of a field in a file that was read. */
  readonly locate: LineLocator;
}

function fileNames(directory: string, pattern: RegExp): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => pattern.test(name))
    .sort(compareText);
}

export function readConfiguration(directory: string): ConfigurationReading {
  if (!existsSync(join(directory, LANDING_ZONE_FILE))) {
    throw new UserError(`No ${LANDING_ZONE_FILE} in ${directory}. Run from the landing zone's directory, or point LZ_CONFIG_DIR at it.`);
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
  const accountFiles = fileNames(join(directory, ACCOUNTS_DIRECTORY), /\.ya?ml$/);
  if (accountFiles.length === 0) {
    issues.push({
      file: `${ACCOUNTS_DIRECTORY}/`,
      path: [],
      message: 'holds no account request (*.yaml); the management, log-archive and security accounts need one each',
    });
  }
  for (const fileName of accountFiles) {
    const file = `${ACCOUNTS_DIRECTORY}/${fileName}`;
    const key = fileName.replace(/\.ya?ml$/, '');
    if (!ACCOUNT_KEY.test(key)) {
      issues.push({
        file,
        path: [],
        message: `file name ${JSON.stringify(key)} must be lowercase letters, digits and inner hyphens (at most 50): it names the account's stacks`,
      });
    }
    const config = read(file, (source) => parseWithSchema(AccountSchema, source.file, source.data));
    if (config) accounts.push({ file, key, config });
  }

  const customPolicies: CustomPolicyFile[] = [];
  for (const fileName of fileNames(join(directory, CUSTOM_POLICY_DIRECTORY), /\.json$/)) {
    const file = `${CUSTOM_POLICY_DIRECTORY}/${fileName}`;
    const config = read(file, (source) => parseWithSchema(PolicyDocumentSchema, source.file, source.data));
    if (config) customPolicies.push({ file, name: fileName.replace(/\.json$/, ''), config });
  }

  if (!landingZone) return { issues, locate };
  const everyFileRead = !issues.some(isError);
  const files: ConfigurationFiles = { landingZone: { file: LANDING_ZONE_FILE, config: landingZone }, accounts, customPolicies };
  const rules = everyFileRead ? [...CONFIGURATION_RULES, ...WHOLE_ORGANIZATION_RULES] : CONFIGURATION_RULES;
  issues.push(...rules.flatMap((rule) => rule(files)));
  return everyFileRead ? { files, issues, locate } : { issues, locate };
}
