/**
 * Reads a configuration directory: `landing-zone.yaml`, the request files `accounts/*.yaml`
 * (or `.yml`), the custom SCPs `scps/*.json`, the inline policies of permission sets
 * `permission-sets/*.json`, the custom runbooks `runbooks/*.yaml` (or `.yml`, `.json`) and
 * the custom conformance packs `conformance-packs/*.yaml`.
 * Each file is read safely
 * (`source-files.ts`), parsed with source positions, and checked against its schema
 * (landing-zone.yaml section by section); then the cross-file rules run over what passed.
 * Every problem of every file is collected; nothing is thrown for bad input.
 */
import { existsSync } from 'node:fs';
import { isError, quoted, UserError, type Issue, type LineLocator } from '../diagnostics';
import { PolicyDocumentSchema } from '../iam/policy-document';
import { prototypeFree } from '../name-record';
import {
  ACCOUNTS_DIRECTORY,
  CONFORMANCE_PACK_DIRECTORY,
  PERMISSION_SET_POLICY_DIRECTORY,
  RUNBOOK_DIRECTORY,
  CUSTOM_POLICY_DIRECTORY,
  LANDING_ZONE_FILE,
  type AccountRequest,
  type ConfigurationFiles,
  type ConformancePackFile,
  type CustomPolicyFile,
  type LandingZoneSection,
  type RunbookFile,
} from './configuration-files';
import { parseJsonSource } from './json-source';
import { CONFIGURATION_RULES } from './rules';
import { parseWithSchema } from './schema-issues';
import { AccountSchema } from './schemas/account';
import { ConformancePackTemplateSchema } from './schemas/conformance-pack';
import { PolicyNameSchema } from './schemas/guardrails';
import { PermissionSetSchema } from './schemas/identity-center';
import { LandingZoneSchema, type LandingZoneConfig } from './schemas/landing-zone';
import { RunbookDocumentSchema } from './schemas/runbook';
import { ConfigurationDirectory, type ConfigurationEntry } from './source-files';
import type { ParsedSource, SourceDocument } from './source-document';
import { parseYamlSource } from './yaml-source';

/** What a request file may be named (without its extension): it names the account's stacks and state files, so it stays simple. */
export const ACCOUNT_KEY = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

/** A YAML document passed on to AWS as JSON (a conformance pack template, a runbook). */
function parseVerbatimYamlSource(file: string, text: string): ParsedSource {
  return parseYamlSource(file, text, { verbatim: true });
}

/** What is read in each folder; every other entry there is named in a warning. */
const REQUEST_FILE = /^[^.].*\.ya?ml$/;
const POLICY_FILE = /^[^.].*\.json$/;
const RUNBOOK_FILE = /^[^.].*\.(?:ya?ml|json)$/;
const CONFORMANCE_PACK_FILE = /^[a-zA-Z][-a-zA-Z0-9]{0,50}\.yaml$/;

export interface ConfigurationReading {
  /** Present when every file has passed its schema; the cross-file rules may still have found errors. */
  readonly files?: ConfigurationFiles;
  /** Errors and warnings of every file. */
  readonly issues: readonly Issue[];
  /** The line of a field in a file that was read. */
  readonly locate: LineLocator;
  /** The issues of the rules that look AWS's data up (actions and condition keys), once they have. */
  readonly lookedUp: Promise<readonly Issue[]>;
}

interface LandingZoneSections {
  readonly config?: LandingZoneConfig;
  readonly sections: Partial<LandingZoneConfig>;
  /** The sections that passed their schemas, an optional one that is absent included. */
  readonly passed: ReadonlySet<string>;
  readonly issues: readonly Issue[];
}

/** landing-zone.yaml as a whole when it passes its schema, else each section that passes its own. */
function landingZoneSections(source: SourceDocument): LandingZoneSections {
  const whole = parseWithSchema(LandingZoneSchema, source.file, source.data);
  if (whole.value) return { config: whole.value, sections: whole.value, passed: new Set(Object.keys(LandingZoneSchema.shape)), issues: [] };
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { sections: {}, passed: new Set(), issues: whole.issues };
  const sections: Record<string, unknown> = {};
  const passed = new Set<string>();
  for (const [section, schema] of Object.entries(LandingZoneSchema.shape)) {
    const result = schema.safeParse((data as Record<string, unknown>)[section]);
    if (!result.success) continue;
    passed.add(section);
    if (result.data !== undefined) sections[section] = prototypeFree(result.data);
  }
  return { sections: sections as Partial<LandingZoneConfig>, passed, issues: whole.issues };
}

/** An entry of `accounts/`, `scps/`, `permission-sets/` or `conformance-packs/` that is not read, and why. */
function notReadWarning(entry: ConfigurationEntry, what: string): Issue {
  const message =
    entry.kind === 'directory'
      ? `is a folder and is not read: ${what} are read from ${entry.file.split('/')[0]}/ itself, not from its folders`
      : `is not read: ${what} are named like this`;
  return { file: entry.file, path: [], severity: 'warning', message };
}

/** What to do when the directory holds no landing-zone.yaml, for a command that takes its directory from LZ_CONFIG_DIR or the working directory. */
const FIND_THE_CONFIGURATION = "Run from the landing zone's directory, or point LZ_CONFIG_DIR at it.";

/** Every file of the configuration in `directory`, read and checked; `findIt` says how to name another directory, should this one hold no landing-zone.yaml. */
export function readConfiguration(directory: string, findIt: string = FIND_THE_CONFIGURATION): ConfigurationReading {
  const noConfiguration = new UserError(`No ${LANDING_ZONE_FILE} in ${directory}. ${findIt}`);
  if (!existsSync(directory)) throw noConfiguration;
  const root = new ConfigurationDirectory(directory);
  const landingZoneEntry = root.entry(LANDING_ZONE_FILE);
  if (landingZoneEntry.kind === 'missing') throw noConfiguration;
  const sources = new Map<string, SourceDocument>();
  const issues: Issue[] = [];
  const locate: LineLocator = (file, path) => sources.get(file)?.lineOf(path);

  /** The parsed document of a file, or nothing when it cannot be read or parsed (the issues say why). */
  function parse(entry: ConfigurationEntry, syntax: (file: string, text: string) => ParsedSource): SourceDocument | undefined {
    if (entry.kind !== 'file') {
      issues.push({ file: entry.file, path: [], message: entry.problem ?? (entry.kind === 'directory' ? 'is a folder, not a file' : 'does not exist') });
      return undefined;
    }
    const read = root.read(entry.file);
    if ('issue' in read) {
      issues.push(read.issue);
      return undefined;
    }
    const parsed = syntax(entry.file, read.text);
    issues.push(...parsed.issues);
    if (parsed.source) sources.set(entry.file, parsed.source);
    return parsed.source;
  }

  function validated<T>(source: SourceDocument | undefined, schema: Parameters<typeof parseWithSchema>[0]): T | undefined {
    if (!source) return undefined;
    const result = parseWithSchema(schema, source.file, source.data);
    issues.push(...result.issues);
    return result.value as T | undefined;
  }

  const landingZoneSource = parse(landingZoneEntry, parseYamlSource);
  const landingZone: LandingZoneSections = landingZoneSource ? landingZoneSections(landingZoneSource) : { sections: {}, passed: new Set(), issues: [] };
  issues.push(...landingZone.issues);

  let everyFileRead = true;
  /** The entries of a folder, none when it is missing; nothing when it is no folder that can be read, and an issue says why. */
  function entriesOf(folder: string): readonly ConfigurationEntry[] | undefined {
    const { entries, issue } = root.entriesOf(folder);
    if (!issue) return entries;
    issues.push(issue);
    everyFileRead = false;
    return undefined;
  }

  const accounts: AccountRequest[] = [];
  const accountEntries = entriesOf(ACCOUNTS_DIRECTORY);
  const requestEntries = (accountEntries ?? []).filter(
    (entry) => REQUEST_FILE.test(entry.file.slice(ACCOUNTS_DIRECTORY.length + 1)) && entry.kind !== 'directory',
  );
  for (const entry of accountEntries ?? []) {
    if (requestEntries.includes(entry)) continue;
    if (entry.kind === 'directory' && REQUEST_FILE.test(entry.file.slice(ACCOUNTS_DIRECTORY.length + 1))) {
      issues.push({ file: entry.file, path: [], message: `is a folder named like a request file; request files are files in ${ACCOUNTS_DIRECTORY}/ itself` });
      everyFileRead = false;
    } else issues.push(notReadWarning(entry, 'request files (<name>.yaml or <name>.yml)'));
  }
  if (accountEntries && requestEntries.length === 0) {
    issues.push({
      file: `${ACCOUNTS_DIRECTORY}/`,
      path: [],
      message: 'holds no account request (*.yaml); the management, log-archive and security accounts need one each',
    });
  }
  const fileOfKey = new Map<string, string>();
  for (const entry of requestEntries) {
    const key = entry.file.slice(ACCOUNTS_DIRECTORY.length + 1).replace(/\.ya?ml$/, '');
    const sameKey = fileOfKey.get(key);
    if (sameKey) {
      issues.push({
        file: entry.file,
        path: [],
        message: `requests the same account as ${sameKey}: a request file is named after its account; keep one of them`,
      });
      everyFileRead = false;
      continue;
    }
    fileOfKey.set(key, entry.file);
    if (!ACCOUNT_KEY.test(key)) {
      issues.push({
        file: entry.file,
        path: [],
        message: `file name ${quoted(key)} must be lowercase letters, digits and inner hyphens (at most 50): it names the account's stacks`,
      });
    }
    const config = validated<AccountRequest['config']>(parse(entry, parseYamlSource), AccountSchema);
    if (config) accounts.push({ file: entry.file, key, config });
    else everyFileRead = false;
  }

  /** The policy documents of a folder, `<folder>/<name>.json`, each by name; `named` says whether what names them can give that name, and what it is. */
  function policyFiles(folder: string, what: string, named: { readonly accepts: (name: string) => boolean; readonly rule: string }): CustomPolicyFile[] {
    const read: CustomPolicyFile[] = [];
    for (const entry of entriesOf(folder) ?? []) {
      const name = entry.file.slice(folder.length + 1);
      if (!POLICY_FILE.test(name) || entry.kind === 'directory') {
        issues.push(notReadWarning(entry, `${what} (<name>.json)`));
        continue;
      }
      const policyName = name.replace(/\.json$/, '');
      if (!named.accepts(policyName)) {
        issues.push({ file: entry.file, path: [], message: `file name ${quoted(policyName)} must be ${named.rule}; rename the file` });
        everyFileRead = false;
        continue;
      }
      const config = validated<CustomPolicyFile['config']>(parse(entry, parseJsonSource), PolicyDocumentSchema);
      if (config) read.push({ file: entry.file, name: policyName, config });
      else everyFileRead = false;
    }
    return read;
  }
  const customPolicies = policyFiles(CUSTOM_POLICY_DIRECTORY, 'custom SCPs', {
    accepts: (name) => PolicyNameSchema.safeParse(name).success,
    rule: 'letters, digits, - and _, a letter or digit first (at most 128): guardrails.attachments name the policy by it',
  });
  const permissionSetPolicies = policyFiles(PERMISSION_SET_POLICY_DIRECTORY, 'inline policies of permission sets', {
    accepts: (name) => PermissionSetSchema.shape.inlinePolicyFile.safeParse(name).success,
    rule: 'lowercase letters, digits and -, a letter or digit first: inlinePolicyFile names the policy by it',
  });
  const conformancePacks: ConformancePackFile[] = [];
  for (const entry of entriesOf(CONFORMANCE_PACK_DIRECTORY) ?? []) {
    const name = entry.file.slice(CONFORMANCE_PACK_DIRECTORY.length + 1);
    if (!CONFORMANCE_PACK_FILE.test(name) || entry.kind === 'directory') {
      issues.push(notReadWarning(entry, 'conformance packs (<name>.yaml: a letter, then letters, digits and -)'));
      continue;
    }
    const config = validated<ConformancePackFile['config']>(parse(entry, parseVerbatimYamlSource), ConformancePackTemplateSchema);
    if (config) conformancePacks.push({ file: entry.file, name: name.replace(/\.yaml$/, ''), config });
    else everyFileRead = false;
  }

  const runbooks: RunbookFile[] = [];
  const runbookOfName = new Map<string, string>();
  for (const entry of entriesOf(RUNBOOK_DIRECTORY) ?? []) {
    const fileName = entry.file.slice(RUNBOOK_DIRECTORY.length + 1);
    if (!RUNBOOK_FILE.test(fileName) || entry.kind === 'directory') {
      issues.push(notReadWarning(entry, 'runbooks (<name>.yaml, <name>.yml or <name>.json)'));
      continue;
    }
    const name = fileName.replace(/\.(?:ya?ml|json)$/, '');
    const sameName = runbookOfName.get(name);
    if (sameName) {
      issues.push({ file: entry.file, path: [], message: `is the runbook ${name} as well as ${sameName}; keep one of them` });
      everyFileRead = false;
      continue;
    }
    runbookOfName.set(name, entry.file);
    const config = validated<RunbookFile['config']>(
      parse(entry, fileName.endsWith('.json') ? parseJsonSource : parseVerbatimYamlSource),
      RunbookDocumentSchema,
    );
    if (config) runbooks.push({ file: entry.file, name, config });
    else everyFileRead = false;
  }

  const readCleanly = !issues.some(isError);
  const later: Promise<Issue[]>[] = [];
  if (landingZoneSource) {
    const { sections, passed } = landingZone;
    // Each rule reads only the sections it declares, and runs only when they all passed their schemas.
    const partial = {
      landingZone: { file: LANDING_ZONE_FILE, config: sections as LandingZoneConfig },
      accounts,
      customPolicies,
      permissionSetPolicies,
      runbooks,
      conformancePacks,
    };
    for (const rule of CONFIGURATION_RULES) {
      const runs = rule.sections.every((section: LandingZoneSection) => passed.has(section)) && (everyFileRead || !rule.wholeOrganization);
      if (!runs) continue;
      const found = rule.check(partial);
      if (Array.isArray(found)) issues.push(...found);
      else later.push(found);
    }
  }
  const lookedUp = Promise.all(later).then((found) => found.flat());
  const { config } = landingZone;
  if (!config || !readCleanly) return { issues, locate, lookedUp };
  return {
    files: { landingZone: { file: LANDING_ZONE_FILE, config }, accounts, customPolicies, permissionSetPolicies, runbooks, conformancePacks },
    issues,
    locate,
    lookedUp,
  };
}
