/**
 * `npm run plan-summary -- <plan.json>...`: the review of Terraform plans, each the output of
 * `terraform show -json <planfile>` in a file named after its stack. Same formats and
 * `--fail-on` as `npm run review`.
 */
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { reviewPlans } from '../review/plan-summary';
import { renderReport, type ReportFormat } from '../review/render-text';
import { FAIL_ON, type FailOn, failsAt } from '../review/severity';
import { acknowledgedRisks, today } from './acknowledged-risks';
import { configurationDirectory } from './configuration-directory';
import { runCommand } from './run-command';
import { withAcknowledgements } from '../review/acknowledgements';

interface PlanSummaryOptions {
  readonly format: ReportFormat;
  readonly failOn?: FailOn;
  readonly output?: string;
  readonly configDir?: string;
  readonly fullReport?: string;
}

const program = new Command('plan-summary')
  .description('Review Terraform plans (terraform show -json): risks first, then every resource change, drift apart.')
  .argument('<plans...>', 'JSON plans, each named after its stack: account-payments-qa.json')
  .addOption(new Option('--format <format>', 'how to print the report').choices(['terminal', 'markdown', 'json']).default('terminal'))
  .addOption(
    new Option('--fail-on <severity>', 'exit 2 when a plan has a risk not acknowledged of this severity or worse (any, or risky, for every risk)').choices(
      FAIL_ON,
    ),
  )
  .option('--output <file>', 'write the report to this file instead of printing it')
  .option('--config-dir <dir>', 'where review.acknowledged is read from (default: LZ_CONFIG_DIR, else the working directory)')
  .option('--full-report <file>', 'with --format markdown: write the whole report there, and name it in a comment that has to leave parts out')
  .action((plans: string[], options: PlanSummaryOptions) =>
    runCommand(async () => {
      const report = withAcknowledgements(reviewPlans(plans), await acknowledgedRisks(options.configDir ?? configurationDirectory()), today());
      const text = renderReport(report, { ...options, colour: options.output === undefined && process.stdout.isTTY === true });
      if (options.output !== undefined) writeFileSync(options.output, text);
      else process.stdout.write(text);
      if (options.failOn !== undefined && failsAt(report.risks, options.failOn)) process.exitCode = 2;
    }),
  );

void program.parseAsync();
