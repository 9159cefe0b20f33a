/**
 * A git repository of a test's own, for the commands that compare with a commit
 * (`--base`): a copy of the project's files, committed once, so that the tests run alike in
 * a clone, a worktree or an exported tree (a release archive, `git archive`) that has no
 * repository at all.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY, temporaryDirectory } from './example-config';

/** What the project's directory may hold besides its files: installed packages, outputs, the repository. */
const NOT_COPIED = new Set(['.git', 'node_modules', 'cdktf.out', 'cdktf.out.base', 'coverage']);

/** Runs git in `root` with its own identity, whatever the machine's settings and the environment of the run. */
export function git(root: string, ...args: readonly string[]): string {
  const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  return execFileSync(
    'git',
    ['-c', 'user.name=Landing Zone Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd: root, env: { ...environment, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }, encoding: 'utf8', stdio: 'pipe' },
  );
}

/** A new repository holding the project (sharing its node_modules) with one commit of it, HEAD; returns its root. */
export function temporaryRepository(): string {
  const root = temporaryDirectory();
  cpSync(REPOSITORY, root, { recursive: true, filter: (source) => !NOT_COPIED.has(relative(REPOSITORY, source).split('/')[0]) });
  git(root, 'init', '--quiet');
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--message', 'the project as the test found it');
  // After the commit: git would take the link for a file and check it out into every worktree.
  symlinkSync(join(REPOSITORY, 'node_modules'), join(root, 'node_modules'));
  return root;
}
