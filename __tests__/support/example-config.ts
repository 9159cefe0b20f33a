/** Copies of the bundled example configuration, to change and synthesize in temporary directories. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { CACHE_DIR_VARIABLE } from '../../lib/cli/checkouts';
import { copyConfiguration } from '../../lib/config/copy-configuration';
import type { AwsRegion } from '../../lib/iam/aws-regions';
import { exampleOutput } from './example-output';

export const REPOSITORY = resolve(__dirname, '..', '..');

const temporaryDirectories: string[] = [];
afterAll(() => temporaryDirectories.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

export function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'landing-zone-test-'));
  temporaryDirectories.push(directory);
  return directory;
}

/** A fresh copy of the example's configuration, every file of it that is read. */
export function copyExample(): string {
  const directory = temporaryDirectory();
  copyConfiguration(REPOSITORY, directory);
  return directory;
}

/** A copy of the example's output as synthesized once for the run, for a test that writes over it. */
export function copyOfExampleOutput(): string {
  const directory = temporaryDirectory();
  cpSync(exampleOutput(), directory, { recursive: true });
  return directory;
}

/**
 * A third level of OUs under Workloads/Prod, `Workloads/Prod/Payments`, with the account
 * `payments-ledger` in it; `requestLines` are added to its request file.
 */
export function addNestedPaymentsUnit(directory: string, requestLines: readonly string[] = []): void {
  editFile(directory, 'landing-zone.yaml', (text) => text.replace(/( {6}Prod:)( \{\})?\n/, '$1\n        children:\n          Payments: {}\n'));
  writeFile(
    directory,
    'accounts/payments-ledger.yaml',
    [
      'name: payments-ledger',
      'email: aws-payments-ledger@example.com',
      'ou: Workloads/Prod/Payments',
      'tags: { owner: payments, environment: prod, cost-center: "4200" }',
      'budget: { monthlyLimitUsd: 100, alertEmails: [payments-leads@example.com] }',
      ...requestLines,
      '',
    ].join('\n'),
  );
}

/** The example's landing-zone.yaml governing one more region: its firewall policies need no id there. */
export function governRegion(directory: string, region: AwsRegion): void {
  editFile(directory, 'landing-zone.yaml', (text) => text.replace('  - eu-central-1\n', `  - eu-central-1\n  - ${region}\n`));
}

/**
 * The minimal configuration the README shows, in a new directory: its `landing-zone.yaml`,
 * and the three request files it describes.
 */
export function minimalConfiguration(): string {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const landingZone = /A minimal configuration: a `landing-zone\.yaml` with\n\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  if (landingZone === undefined) throw new Error("the README's minimal configuration is not where it was");
  const directory = temporaryDirectory();
  writeFile(directory, 'landing-zone.yaml', landingZone);
  mkdirSync(join(directory, 'accounts'));
  const budget = 'budget: { monthlyLimitUsd: 100, alertEmails: [finance@example.com] }';
  writeFile(
    directory,
    'accounts/management.yaml',
    ['name: management', 'email: aws-management@example.com', 'role: management', 'accountId: "111111111111"', budget, ''].join('\n'),
  );
  for (const role of ['log-archive', 'security'])
    writeFile(directory, `accounts/${role}.yaml`, [`name: ${role}`, `email: aws-${role}@example.com`, `role: ${role}`, 'ou: Security', budget, ''].join('\n'));
  return directory;
}

/** Rewrites one file of a configuration directory. */
export function editFile(directory: string, file: string, edit: (text: string) => string): void {
  const path = join(directory, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

export function writeFile(directory: string, file: string, text: string): void {
  writeFileSync(join(directory, file), text);
}

/**
 * Synthesizes a configuration directory in this process; returns the output directory.
 * The app is loaded on the first call, so that a test file that only reads the shared
 * example's output does not load cdktf and every stack.
 */
export async function synthesize(configDirectory: string, outdir = temporaryDirectory()): Promise<string> {
  const { synthesizeLandingZone } = await import('../../lib/app/synthesize-landing-zone');
  await synthesizeLandingZone(configDirectory, { outdir });
  return outdir;
}

export type TerraformJson = Record<string, any>;

export function readStack(outdir: string, stack: string): TerraformJson {
  return JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

/** Every resource of `type` in a synthesized stack. */
export function resources(stack: TerraformJson, type: string): TerraformJson[] {
  return Object.values(stack.resource?.[type] ?? {});
}

/** The one resource of `type`; fails the test when there are more or none. */
export function onlyResource(stack: TerraformJson, type: string): TerraformJson {
  const all = resources(stack, type);
  expect(all).toHaveLength(1);
  return all[0];
}

export function stackNames(outdir: string): string[] {
  return readdirSync(join(outdir, 'stacks')).sort();
}

/** Every file under `directory`, by relative path, with its content. */
export function filesUnder(directory: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(directory, path), readFileSync(path, 'utf8'));
    }
  };
  walk(directory);
  return files;
}

export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a TypeScript entry point of the repository as a user would. */
export function runEntry(entry: string, args: readonly string[], env: Record<string, string>): CommandResult {
  return runEntryIn(REPOSITORY, entry, args, env);
}

const baseOutputCaches = new Map<string, string>();

/** The cache of `--base` outputs of the runs in `root`: its own, never the one of the checkout the tests run in. */
function baseOutputCacheOf(root: string): string {
  if (!baseOutputCaches.has(root)) baseOutputCaches.set(root, temporaryDirectory());
  return baseOutputCaches.get(root)!;
}

/** Runs a TypeScript entry point of the project in `root` (a copy of it, see `temporaryRepository`), from that directory. */
export function runEntryIn(root: string, entry: string, args: readonly string[], env: Record<string, string>): CommandResult {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, entry), ...args], {
    cwd: root,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', [CACHE_DIR_VARIABLE]: baseOutputCacheOf(root), ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
