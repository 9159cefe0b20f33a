/**
 * Checkouts whose code synthesizes: this one, or a git worktree of another commit beside
 * it (sharing this checkout's node_modules), each run the way its own `cdktf.json` runs the
 * app. The bench compares the speed of two; the review compares what two synthesize.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../diagnostics';
import { CONFIG_DIR_VARIABLE, configurationDirectory } from './configuration-directory';

const REPOSITORY = resolve(__dirname, '..', '..');

export interface Checkout {
  readonly label: string;
  readonly root: string;
  /** The runner and Node.js flags `cdktf synth` starts the app with (its cdktf.json). */
  readonly command: string;
  readonly flags: readonly string[];
}

export function checkoutAt(label: string, root: string): Checkout {
  const app: string = JSON.parse(readFileSync(join(root, 'cdktf.json'), 'utf8')).app;
  const [command, ...rest] = app.split(' ');
  return { label, root, command: command.includes('/') ? join(root, command) : command, flags: rest.filter((word) => word !== 'main.ts') };
}

/** A worktree of `ref` at `root`, beside `repository`, sharing its node_modules. */
export function worktreeOf(repository: string, root: string, ref: string): Checkout {
  try {
    execFileSync('git', ['worktree', 'add', '--detach', root, ref], { cwd: repository, stdio: 'pipe' });
  } catch (error) {
    throw new UserError(`could not check out ${ref}: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`);
  }
  symlinkSync(join(repository, 'node_modules'), join(root, 'node_modules'));
  return checkoutAt(ref, root);
}

export function removeWorktree(repository: string, checkout: Checkout): void {
  spawnSync('git', ['worktree', 'remove', '--force', checkout.root], { cwd: repository });
}

/** Synthesizes the configuration `configuration` of `checkout` with that checkout's own code, as `cdktf synth` would. */
function synthesizeCheckout(checkout: Checkout, configuration: string, outdir: string): void {
  const result = spawnSync(checkout.command, [...checkout.flags, 'main.ts'], {
    cwd: checkout.root,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_OUTDIR: outdir, [CONFIG_DIR_VARIABLE]: configuration },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new UserError(`could not synthesize ${checkout.label}:\n${(result.stderr || result.error?.message || '').trim()}`);
}

/** The configuration directory's place in the repository, which a commit's checkout has at the same place. */
function configurationInRepository(): { readonly configuration: string; readonly inRepository: string } {
  const configuration = resolve(configurationDirectory());
  const inRepository = relative(REPOSITORY, configuration);
  if (inRepository.startsWith('..') || isAbsolute(inRepository)) {
    throw new UserError(
      `--base compares with a commit of this repository, so the configuration must be in it; ${configuration} is not (compare two outputs with --before and --after)`,
    );
  }
  return { configuration, inRepository };
}

/** Where the outputs of commits synthesized for --base are kept: `$LANDING_ZONE_CACHE_DIR`, else node_modules' cache (which pipelines cache with the packages). */
export const CACHE_DIR_VARIABLE = 'LANDING_ZONE_CACHE_DIR';
/** Outputs kept: a main branch's few latest commits, each tens of MB at 1,000 accounts. */
const KEPT_BASE_OUTPUTS = 4;

function baseOutputsDirectory(): string {
  return join(process.env[CACHE_DIR_VARIABLE] || join(REPOSITORY, 'node_modules', '.cache', 'landing-zone'), 'base-outputs');
}

/**
 * What decides the output of commit `base`: its tree (code, configuration, lockfile), the
 * packages installed here that its checkout runs with, Node.js, and where the configuration
 * is. Synthesis is deterministic, so equal keys are equal outputs. Undefined for a ref git
 * does not know (the checkout then says why).
 */
function baseOutputKey(base: string, inRepository: string): string | undefined {
  const tree = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${base}^{tree}`], { cwd: REPOSITORY, encoding: 'utf8' });
  if (tree.status !== 0) return undefined;
  const lockfile = join(REPOSITORY, 'package-lock.json');
  const installed = existsSync(lockfile) ? readFileSync(lockfile) : '';
  return createHash('sha256')
    .update([tree.stdout.trim(), createHash('sha256').update(installed).digest('hex'), process.version, inRepository].join('\n'))
    .digest('hex')
    .slice(0, 32);
}

/** Keeps the outputs used last, and removes the others. */
function pruneBaseOutputs(directory: string): void {
  const outputs = readdirSync(directory)
    .filter((name) => /^[0-9a-f]{32}$/.test(name))
    .map((name) => ({ path: join(directory, name), used: statSync(join(directory, name)).mtimeMs }))
    .sort((first, second) => second.used - first.used);
  for (const stale of outputs.slice(KEPT_BASE_OUTPUTS)) rmSync(stale.path, { recursive: true, force: true });
}

/** What `--base` does with an output kept from before: copies it to `outdir`, and marks it used. */
export function copyKeptOutput(kept: string, outdir: string): void {
  cpSync(kept, resolve(outdir), { recursive: true });
  const now = new Date();
  utimesSync(kept, now, now);
}

/**
 * Synthesizes commit `base` (its code, its configuration) into `outdir`, or copies its output
 * there when this machine synthesized that commit before with the same packages: a review or
 * a list of changed stacks then costs one synthesis, of the working tree.
 */
export function synthesizeBase(base: string, outdir: string): void {
  const { inRepository } = configurationInRepository();
  const key = baseOutputKey(base, inRepository);
  const outputs = baseOutputsDirectory();
  const kept = key === undefined ? undefined : join(outputs, key);
  if (kept !== undefined && existsSync(join(kept, 'manifest.json'))) {
    copyKeptOutput(kept, outdir);
    console.error(`${base}: its output was synthesized before with the same code, configuration and packages, and is reused from ${kept}`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'landing-zone-base-'));
  let checkout: Checkout | undefined;
  try {
    checkout = worktreeOf(REPOSITORY, join(work, 'base'), base);
    synthesizeCheckout(checkout, join(checkout.root, inRepository), resolve(outdir));
  } finally {
    if (checkout) removeWorktree(REPOSITORY, checkout);
    rmSync(work, { recursive: true, force: true });
  }
  if (kept !== undefined) keepBaseOutput(resolve(outdir), kept);
}

/** Copies a synthesized output into the cache, whole or not at all (another run may be writing the same one). */
function keepBaseOutput(outdir: string, kept: string): void {
  const partial = `${kept}.${process.pid}.partial`;
  try {
    mkdirSync(join(kept, '..'), { recursive: true });
    cpSync(outdir, partial, { recursive: true });
    if (!existsSync(kept)) renameSync(partial, kept);
    pruneBaseOutputs(join(kept, '..'));
  } catch {
    // A cache that cannot be written costs the next run a synthesis, nothing else.
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * Runs `compare` on the synthesized output of commit `base` and that of the working tree,
 * both in a temporary directory that is removed afterwards.
 */
export async function withBaseAndWorkingTree<T>(base: string, compare: (before: string, after: string) => T | Promise<T>): Promise<T> {
  const { configuration } = configurationInRepository();
  const work = mkdtempSync(join(tmpdir(), 'landing-zone-review-'));
  try {
    synthesizeBase(base, join(work, 'before'));
    // Loaded here, not with the module: a command that compares two outputs or refuses its options does not load the app.
    const { synthesizeLandingZone } = await import('../app/synthesize-landing-zone');
    await synthesizeLandingZone(configuration, { outdir: join(work, 'after') });
    // Awaited here: the comparison reads both outputs until it is done, and they go once it is.
    return await compare(join(work, 'before'), join(work, 'after'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
