/**
 * Checkouts whose code synthesizes: this one, or a git worktree of another commit beside
 * it (sharing this checkout's node_modules), each run the way its own `cdktf.json` runs the
 * app. The bench compares the speed of two; the review compares what two synthesize.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../diagnostics';

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
