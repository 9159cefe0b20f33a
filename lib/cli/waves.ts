/**
 * `npm run waves -- plan|apply|drift --waves <file>`: runs Terraform on the stacks of
 * `npm run changed-stacks -- --format json`, wave by wave, a few stacks at a time.
 *
 *   plan    plans each stack into --plans-dir (<stack>.tfplan, and <stack>.json for plan-summary)
 *   apply   applies the saved plans that still hold, else plans afresh and applies what has no risk
 *   drift   plans every stack (waves of changed-stacks --all) and reports those that drifted
 *
 * With --dry-run it only prints what it would run, in which order (no Terraform, no AWS).
 *
 * Exit codes: 0 done; 1 bad arguments or waves file; 2 drift found, or an apply stopped at a
 * risk; 3 a stack failed. Terraform is `$TERRAFORM_BINARY`, else `terraform` on PATH.
 */
import { writeFileSync } from 'node:fs';
import { Argument, Command, InvalidArgumentError } from 'commander';
import { runWaves, type WaveMode } from '../pipeline/run-waves';
import { terraformProcess } from '../pipeline/terraform-process';
import { readStackWaves } from '../pipeline/waves-file';
import { renderWavesMarkdown, renderWavesText } from '../pipeline/waves-report';
import { runCommand } from './run-command';
import { describeDryRun } from './waves-dry-run';

interface WavesOptions {
  readonly waves: string;
  readonly concurrency: number;
  readonly plansDir: string;
  readonly retries: number;
  readonly retryDelay: number;
  readonly lockTimeout: string;
  readonly acceptRisk?: boolean;
  readonly report?: string;
  readonly terraform: string;
  readonly dryRun?: boolean;
}

function wholeNumber(minimum: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < minimum)
      throw new InvalidArgumentError(`expected a whole number of at least ${minimum}, got ${JSON.stringify(value)}`);
    return Number(value);
  };
}

function duration(value: string): string {
  if (!/^\d+[smh]$/.test(value)) throw new InvalidArgumentError(`expected a duration such as 30s, 5m or 1h, got ${JSON.stringify(value)}`);
  return value;
}

const program = new Command('waves')
  .description('Plan, apply or check for drift the stacks of changed-stacks, wave after wave, a few stacks at a time.')
  .addArgument(new Argument('<mode>', 'what to do with each stack').choices(['plan', 'apply', 'drift']))
  .requiredOption('--waves <file>', 'the waves: the output of npm run --silent changed-stacks -- --format json')
  .option('--concurrency <count>', 'stacks of a wave run at the same time (the Organizations and account APIs throttle)', wholeNumber(1), 4)
  .option('--plans-dir <dir>', 'where plans are written, and where apply finds the saved ones', 'plans')
  .option('--retries <count>', 'further attempts of a stack after throttling or a new account not usable yet', wholeNumber(0), 4)
  .option('--retry-delay <seconds>', 'seconds before the first retry; each further one waits twice as long', wholeNumber(0), 30)
  .option('--lock-timeout <duration>', 'how long to wait for a state lock another run holds', duration, '5m')
  .option('--accept-risk', 'apply: apply a fresh plan even when it has a risk (the change was approved with its risk)')
  .option('--report <file>', 'write a Markdown report of the run there (for a pull request comment or an issue)')
  .option('--terraform <path>', 'the Terraform binary', process.env.TERRAFORM_BINARY || 'terraform')
  .option('--dry-run', 'print what would run, wave by wave, and run nothing (no Terraform, no AWS)')
  .action((mode: WaveMode, options: WavesOptions) =>
    runCommand(async () => {
      const waves = readStackWaves(options.waves);
      if (options.dryRun) {
        console.log(describeDryRun(waves, { mode, concurrency: options.concurrency, plansDirectory: options.plansDir }));
        return;
      }
      const result = await runWaves(waves, {
        mode,
        concurrency: options.concurrency,
        plansDirectory: options.plansDir,
        retries: options.retries,
        retryDelaySeconds: options.retryDelay,
        lockTimeout: options.lockTimeout,
        acceptRisk: options.acceptRisk === true,
        initOneAtATime: Boolean(process.env.TF_PLUGIN_CACHE_DIR),
        terraform: terraformProcess(options.terraform),
        log: (line) => console.log(line),
      });
      process.stdout.write(`\n${renderWavesText(result)}`);
      if (options.report !== undefined) writeFileSync(options.report, renderWavesMarkdown(result));
      process.exitCode = result.exitCode;
    }),
  );

void program.parseAsync();
