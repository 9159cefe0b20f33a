/**
 * Checkouts whose code synthesizes: this one, or a git worktree of another commit beside
 * it (sharing this checkout's node_modules), each run the way its own `cdktf.json` runs the
 * app. The bench compares the speed of two; the review compares what two synthesize.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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

/** Synthesizes commit `base` (its code, its configuration) into `outdir`. */
export function synthesizeBase(base: string, outdir: string): void {
  const { inRepository } = configurationInRepository();
  const work = mkdtempSync(join(tmpdir(), 'landing-zone-base-'));
  let checkout: Checkout | undefined;
  try {
    checkout = worktreeOf(REPOSITORY, join(work, 'base'), base);
    synthesizeCheckout(checkout, join(checkout.root, inRepository), resolve(outdir));
  } finally {
    if (checkout) removeWorktree(REPOSITORY, checkout);
    rmSync(work, { recursive: true, force: true });
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
