/**
 * `npm run review`: what a change does to the organization, risks first.
 *
 *   npm run review -- --base <git ref>           the working tree against a commit, both synthesized
 *   npm run review -- --before <dir> --after <dir>   two synthesized outputs (cdktf.out directories)
 *
 * `--format terminal` (default; colour on a terminal), `markdown` (a pull request comment)
 * or `json` (schemas/review-report.schema.json). `--fail-on critical|high|medium|any` exits 2 when a risk of that
 * severity or worse is found and not acknowledged (`risky` is `any`).
 */
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { UserError } from '../diagnostics';
import { renderReport, type ReportFormat } from '../review/render-text';
import { FAIL_ON, type FailOn, failsAt } from '../review/severity';
import type { ReviewReport } from '../review/report';
import { reviewOutputs } from '../review/review';
import { withRequestFlips } from '../review/request-flips';
import { withStatementMatching } from '../review/statement-matching';
import { readSynthesizedOutput, type SynthesizedOutput } from '../review/synthesized-output';
import { withBaseAndWorkingTree } from './checkouts';
import { acknowledgedRisks, today } from './acknowledged-risks';
import { configurationDirectory } from './configuration-directory';
import { runCommand } from './run-command';
import { withAcknowledgements } from '../review/acknowledgements';

interface ReviewOptions {
  readonly base?: string;
  readonly before?: string;
  readonly after?: string;
  readonly format: ReportFormat;
  readonly failOn?: FailOn;
  readonly output?: string;
  readonly configDir?: string;
  readonly fullReport?: string;
}

/** The review of two outputs, with what their changed policies can no longer match, and the requests their changed SCPs and RCPs flip. */
async function review(before: SynthesizedOutput, after: SynthesizedOutput): Promise<ReviewReport> {
  return withRequestFlips(await withStatementMatching(reviewOutputs(before, after), before, after), before, after);
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
  .addOption(
    new Option('--fail-on <severity>', 'exit 2 when the change has a risk not acknowledged of this severity or worse (any, or risky, for every risk)').choices(
      FAIL_ON,
    ),
  )
  .option('--output <file>', 'write the report to this file instead of printing it')
  .option('--config-dir <dir>', 'where review.acknowledged is read from (default: LZ_CONFIG_DIR, else the working directory)')
  .option('--full-report <file>', 'with --format markdown: write the whole report there, and name it in a comment that has to leave parts out')
  .action((options: ReviewOptions) =>
    runCommand(async () => {
      if (options.base !== undefined && (options.before !== undefined || options.after !== undefined))
        throw new UserError('give --base, or --before and --after, not both');
      if (options.base === undefined && (options.before === undefined || options.after === undefined))
        throw new UserError('give --base <ref>, or both --before <dir> and --after <dir>');
      const reviewed =
        options.base !== undefined
          ? await reviewAgainstBase(options.base)
          : await review(readSynthesizedOutput(options.before!), readSynthesizedOutput(options.after!));
      const report = withAcknowledgements(reviewed, await acknowledgedRisks(options.configDir ?? configurationDirectory()), today());
      const text = renderReport(report, { ...options, colour: options.output === undefined && process.stdout.isTTY === true });
      if (options.output !== undefined) writeFileSync(options.output, text);
      else process.stdout.write(text);
      if (options.failOn !== undefined && failsAt(report.risks, options.failOn)) process.exitCode = 2;
    }),
  );

void program.parseAsync();
