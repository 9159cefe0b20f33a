/**
 * `npm run review`: what a change does to the organization, risks first.
 *
 *   npm run review -- --base <git ref>           the working tree against a commit, both synthesized
 *   npm run review -- --before <dir> --after <dir>   two synthesized outputs (cdktf.out directories)
 *
 * `--format terminal` (default; colour on a terminal), `markdown` (a pull request comment)
 * or `json` (schemas/review-report.schema.json). `--fail-on risky` exits 2 when a risk is found.
 */
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { UserError } from '../diagnostics';
import { renderReport, type ReportFormat } from '../review/render-text';
import type { ReviewReport } from '../review/report';
import { reviewOutputs } from '../review/review';
import { withStatementMatching } from '../review/statement-matching';
import { readSynthesizedOutput, type SynthesizedOutput } from '../review/synthesized-output';
import { withBaseAndWorkingTree } from './checkouts';
import { runCommand } from './run-command';

interface ReviewOptions {
  readonly base?: string;
  readonly before?: string;
  readonly after?: string;
  readonly format: ReportFormat;
  readonly failOn?: 'risky';
  readonly output?: string;
  readonly fullReport?: string;
}

/** The review of two outputs, with what their changed policies can no longer match. */
function review(before: SynthesizedOutput, after: SynthesizedOutput): Promise<ReviewReport> {
  return withStatementMatching(reviewOutputs(before, after), before, after);
}

async function reviewAgainstBase(base: string): Promise<ReviewReport> {
  return withBaseAndWorkingTree(base, (before, after) => review(readSynthesizedOutput(before), readSynthesizedOutput(after)));
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
          : await review(readSynthesizedOutput(options.before!), readSynthesizedOutput(options.after!));
      const text = renderReport(report, { ...options, colour: options.output === undefined && process.stdout.isTTY === true });
      if (options.output !== undefined) writeFileSync(options.output, text);
      else process.stdout.write(text);
      if (options.failOn === 'risky' && report.risky) process.exitCode = 2;
    }),
  );

void program.parseAsync();
