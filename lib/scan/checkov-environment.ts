/**
 * checkov, pinned, in a Python virtual environment of its own under a cache directory:
 * installed the first time (about a minute), reused while the pinned version is the one
 * installed there. Nothing is installed for the machine's Python.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../diagnostics';

/** The checkov release the baseline was made with; a new release is a reviewed change of both. */
export const CHECKOV_VERSION = '3.3.30';

/** `$LANDING_ZONE_CACHE_DIR`, else `$XDG_CACHE_HOME/landing-zone`, else `~/.cache/landing-zone`. */
export function defaultCacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.LANDING_ZONE_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'landing-zone');
}

function run(command: string, args: readonly string[], what: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw new UserError(`could not ${what}: ${result.error.message}; npm run scan needs Python 3.9 or later as python3 (or $PYTHON)`);
  if (result.status !== 0)
    throw new UserError(`could not ${what} (exit ${result.status}):\n${(result.stderr || result.stdout).trim().split('\n').slice(-10).join('\n')}`);
}

/** The checkov executable of the pinned version, installed into `cacheDirectory` if it is not there yet. */
export function checkovExecutable(cacheDirectory: string, python = process.env.PYTHON ?? 'python3', log: (line: string) => void = () => {}): string {
  const environment = join(cacheDirectory, `checkov-${CHECKOV_VERSION}`);
  const marker = join(environment, 'installed-version');
  const executable = join(environment, 'bin', 'checkov');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === CHECKOV_VERSION && existsSync(executable)) {
    log(`checkov ${CHECKOV_VERSION} from ${environment}`);
    return executable;
  }
  const started = Date.now();
  rmSync(environment, { recursive: true, force: true });
  mkdirSync(cacheDirectory, { recursive: true });
  run(python, ['-m', 'venv', environment], `make a Python virtual environment in ${environment}`);
  run(
    join(environment, 'bin', 'pip'),
    ['install', '--disable-pip-version-check', '--quiet', `checkov==${CHECKOV_VERSION}`],
    `install checkov ${CHECKOV_VERSION}`,
  );
  writeFileSync(marker, CHECKOV_VERSION);
  log(`installed checkov ${CHECKOV_VERSION} into ${environment} in ${Math.round((Date.now() - started) / 1000)} s`);
  return executable;
}

/** checkov's JSON report of the Terraform JSON under `directory`; failed checks do not fail the run, the baseline decides. */
export function runCheckov(executable: string, directory: string): string {
  const result = spawnSync(
    executable,
    ['--framework', 'terraform_json', '--directory', directory, '--output', 'json', '--quiet', '--compact', '--soft-fail', '--skip-download'],
    { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.error) throw new UserError(`could not run checkov: ${result.error.message}`);
  if (result.status !== 0) throw new UserError(`checkov failed (exit ${result.status}):\n${result.stderr.trim().split('\n').slice(-10).join('\n')}`);
  return result.stdout;
}
