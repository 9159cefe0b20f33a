/**
 * `npm run review`: what a change does to the organization, risks first.
 *
 *   npm run review -- --base <git ref>           the working tree against a commit, both synthesized
 *   npm run review -- --before <dir> --after <dir>   two synthesized outputs (cdktf.out directories)
 *
 * `--format terminal` (default; colour on a terminal), `markdown` (a pull request comment)
 * or `json` (schemas/review-report.schema.json). `--fail-on risky` exits 2 when a risk is found.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { synthesizeLandingZone } from '../app/synthesize-landing-zone';
import { UserError } from '../diagnostics';
import { renderReport, type ReportFormat } from '../review/render-text';
import type { ReviewReport } from '../review/report';
import { reviewOutputs } from '../review/review';
import { readSynthesizedOutput } from '../review/synthesized-output';
import { type Checkout, removeWorktree, worktreeOf } from './checkouts';
import { CONFIG_DIR_VARIABLE, configurationDirectory } from './configuration-directory';
import { runCommand } from './run-command';

const REPOSITORY = resolve(__dirname, '..', '..');

interface ReviewOptions {
  readonly base?: string;
  readonly before?: string;
  readonly after?: string;
  readonly format: ReportFormat;
  readonly failOn?: 'risky';
  readonly output?: string;
  readonly fullReport?: string;
}

/** Synthesizes the configuration of `checkout` (at the same place in it as the working tree's) with that checkout's own code. */
function synthesizeCheckout(checkout: Checkout, configuration: string, outdir: string): void {
  const result = spawnSync(checkout.command, [...checkout.flags, 'main.ts'], {
    cwd: checkout.root,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_OUTDIR: outdir, [CONFIG_DIR_VARIABLE]: configuration },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new UserError(`could not synthesize ${checkout.label}:\n${(result.stderr || result.error?.message || '').trim()}`);
}

async function reviewAgainstBase(base: string): Promise<ReviewReport> {
  const configuration = resolve(configurationDirectory());
  const inRepository = relative(REPOSITORY, configuration);
  if (inRepository.startsWith('..') || isAbsolute(inRepository)) {
    throw new UserError(
      `--base compares with a commit of this repository, so the configuration must be in it; ${configuration} is not (compare two outputs with --before and --after)`,
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'landing-zone-review-'));
  let checkout: Checkout | undefined;
  try {
    checkout = worktreeOf(REPOSITORY, join(work, 'base'), base);
    synthesizeCheckout(checkout, join(checkout.root, inRepository), join(work, 'before'));
    await synthesizeLandingZone(configuration, { outdir: join(work, 'after') });
    return reviewOutputs(readSynthesizedOutput(join(work, 'before')), readSynthesizedOutput(join(work, 'after')));
  } finally {
    if (checkout) removeWorktree(REPOSITORY, checkout);
    rmSync(work, { recursive: true, force: true });
  }
}

const program = new Command('review')
  .description('Review a change to the synthesized landing zone: risks first, what it does to the organization, every stack in detail.')
  .option('--base <ref>', 'synthesize this commit and the working tree, and compare them')
  .option('--before <dir>', 'a synthesized output (cdktf.out) before the change')
  .option('--after <dir>', 'a synthesized output (cdktf.out) after the change')
  .addOption(new Option('--format <format>', 'how to print the report').choices(['terminal', 'markdown', 'json']).default('terminal'))
  .addOption(new Option('--fail-on <what>', 'exit 2 when the change has a risk').choices(['risky']))
  .option('--output <file>', 'write the report to this file instead of printing it')
  .option('--full-report <file>', 'with --format markdown: write the whole report there, and name it in a comment that has to leave parts out')
  .action((options: ReviewOptions) =>
    runCommand(async () => {
      if (options.base !== undefined && (options.before !== undefined || options.after !== undefined))
        throw new UserError('give --base, or --before and --after, not both');
      if (options.base === undefined && (options.before === undefined || options.after === undefined))
        throw new UserError('give --base <ref>, or both --before <dir> and --after <dir>');
      const report =
        options.base !== undefined
          ? await reviewAgainstBase(options.base)
          : reviewOutputs(readSynthesizedOutput(options.before!), readSynthesizedOutput(options.after!));
      const text = renderReport(report, { ...options, colour: options.output === undefined && process.stdout.isTTY === true });
      if (options.output !== undefined) writeFileSync(options.output, text);
      else process.stdout.write(text);
      if (options.failOn === 'risky' && report.risky) process.exitCode = 2;
    }),
  );

void program.parseAsync();
