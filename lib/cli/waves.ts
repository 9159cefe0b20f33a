/**
 * `npm run waves -- plan|apply|drift --waves <file>`: runs Terraform on the stacks of
 * `npm run changed-stacks -- --format json`, wave by wave, a few stacks at a time.
 *
 *   plan      plans each stack into --plans-dir (<stack>.tfplan, and <stack>.json for plan-summary)
 *   apply     applies the saved plans that still hold, else plans afresh and applies what has no risk
 *   drift     plans every stack (waves of changed-stacks --all) and reports those that drifted
 *   report    merges the JSON reports of several jobs (the shards of the waves) into one
 *   schedule  the expected wall time of the waves in shards, and its critical path
 *
 * With --dry-run, plan, apply and drift only print what they would run, in which order (no
 * Terraform, no AWS). The caps of `changed-stacks --service-concurrency`, in the waves file,
 * bound the applies that change Organizations or Identity Center resources: this job takes
 * its shard's share of each.
 *
 * Exit codes: 0 done; 1 bad arguments, waves file or report; 2 drift found, or an apply stopped
 * at a risk; 3 a stack failed, or was blocked by one that did. Terraform is `$TERRAFORM_BINARY`,
 * else `terraform` on PATH.
 */
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { UserError } from '../diagnostics';
import type { StackStep, StackWaves } from '../pipeline/changed-stacks';
import { runWaves, UNFINISHED, type StepResult, type WaveMode } from '../pipeline/run-waves';
import { terraformProcess } from '../pipeline/terraform-process';
import { describeSchedule, scheduleOf } from '../pipeline/schedule';
import { recordedSeconds, stackCosts } from '../pipeline/stack-costs';
import { shareOf, THROTTLED_SERVICE_NAMES, type ServiceConcurrency } from '../pipeline/throttled-services';
import { readStackWaves } from '../pipeline/waves-file';
import { mergeWavesResults, readWavesReports, renderWavesJson, renderWavesMarkdown, renderWavesText } from '../pipeline/waves-report';
import { runCommand } from './run-command';
import { describeDryRun } from './waves-dry-run';

interface RunOptions {
  readonly waves: string;
  readonly concurrency: number;
  readonly plansDir: string;
  readonly retries: number;
  readonly retryDelay: number;
  readonly lockTimeout: string;
  readonly acceptRisk?: boolean;
  readonly report?: string;
  readonly reportJson?: string;
  readonly shard?: Shard;
  readonly wave?: number;
  readonly earlierReports?: readonly string[];
  readonly resume?: readonly string[];
  readonly terraform: string;
  readonly dryRun?: boolean;
}

interface Shard {
  readonly index: number;
  readonly count: number;
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

function shard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > Number(match[2]))
    throw new InvalidArgumentError(`expected i/N with i from 1 to N, such as 2/8, got ${JSON.stringify(value)}`);
  return { index: Number(match[1]), count: Number(match[2]) };
}

/** The steps of `waves` this job runs: one wave, one shard, or the stacks a resumed run left. */
function selected(waves: StackWaves, options: RunOptions, rerun: ReadonlySet<string> | undefined): StackWaves {
  const { shard: chosen, wave } = options;
  if (chosen && waves.shards !== chosen.count)
    throw new UserError(
      `${options.waves} is ${waves.shards === undefined ? 'not sharded' : `sharded ${waves.shards} ways`}: list the waves with changed-stacks --shards ${chosen.count}`,
    );
  if (wave !== undefined && !waves.waves.some((each) => each.number === wave))
    throw new UserError(`${options.waves} has no wave ${wave} (its waves: 1 to ${waves.waves.length})`);
  return {
    ...waves,
    waves: waves.waves
      .filter((each) => wave === undefined || each.number === wave)
      .map((each) => ({
        ...each,
        steps: each.steps.filter((step) => (!chosen || step.shard === chosen.index) && (!rerun || rerun.has(step.stack))),
      }))
      .filter((each) => each.steps.length > 0),
  };
}

async function run(mode: WaveMode, options: RunOptions): Promise<void> {
  const earlier: StepResult[] = readWavesReports(options.earlierReports ?? []).flatMap((report) => report.steps);
  let rerun: Set<string> | undefined;
  if (options.resume) {
    const resumed = mergeWavesResults(readWavesReports(options.resume));
    if (resumed.mode !== mode) throw new UserError(`--resume: the report is of a ${resumed.mode}, not of a ${mode}`);
    rerun = new Set(resumed.steps.filter((step) => UNFINISHED.includes(step.status)).map((step) => step.step.stack));
    earlier.push(...resumed.steps.filter((step) => !rerun!.has(step.step.stack)));
    console.log(`resuming: ${rerun.size} stack${rerun.size === 1 ? '' : 's'} failed, stopped or blocked in ${options.resume.join(', ')}`);
  }
  const waves = selected(readStackWaves(options.waves), options, rerun);
  const caps = waves.serviceConcurrency ?? {};
  const serviceConcurrency = Object.fromEntries(
    THROTTLED_SERVICE_NAMES.flatMap((service) => {
      const cap = caps[service];
      if (cap === undefined) return [];
      return [[service, options.shard ? shareOf(cap, options.shard.count, options.shard.index) : cap]];
    }),
  ) as ServiceConcurrency;
  if (options.dryRun) {
    console.log(describeDryRun(waves, { mode, concurrency: options.concurrency, plansDirectory: options.plansDir, serviceConcurrency }));
    return;
  }
  const result = await runWaves(waves, {
    mode,
    serviceConcurrency,
    concurrency: options.concurrency,
    plansDirectory: options.plansDir,
    retries: options.retries,
    retryDelaySeconds: options.retryDelay,
    lockTimeout: options.lockTimeout,
    acceptRisk: options.acceptRisk === true,
    initOneAtATime: Boolean(process.env.TF_PLUGIN_CACHE_DIR),
    terraform: terraformProcess(options.terraform),
    log: (line) => console.log(line),
    earlier,
  });
  process.stdout.write(`\n${renderWavesText(result)}`);
  if (options.report !== undefined) writeFileSync(options.report, renderWavesMarkdown(result));
  if (options.reportJson !== undefined) writeFileSync(options.reportJson, renderWavesJson(result));
  process.exitCode = result.exitCode;
}

const program = new Command('waves').description(
  'Plan, apply or check for drift the stacks of changed-stacks, wave after wave, a few stacks at a time; merge the reports of several jobs; predict a schedule.',
);

const WHAT: Record<WaveMode, string> = {
  plan: 'plan each stack into --plans-dir, for the review and the apply after it',
  apply: 'apply the saved plans that still hold, else plan afresh and apply what has no risk',
  drift: 'plan every stack and report those whose real state differs',
};

for (const mode of ['plan', 'apply', 'drift'] as const)
  program
    .command(mode)
    .description(WHAT[mode])
    .requiredOption('--waves <file>', 'the waves: the output of npm run --silent changed-stacks -- --format json')
    .option(
      '--concurrency <count>',
      'stacks of a wave (of all of them, for drift) run at the same time (the Organizations and account APIs throttle)',
      wholeNumber(1),
      4,
    )
    .option('--plans-dir <dir>', 'where plans are written, and where apply finds the saved ones', 'plans')
    .option('--retries <count>', 'further attempts of a stack after throttling or a new account not usable yet', wholeNumber(0), 4)
    .option('--retry-delay <seconds>', 'seconds before the first retry; each further one waits twice as long', wholeNumber(0), 30)
    .option('--lock-timeout <duration>', 'how long to wait for a state lock another run holds', duration, '5m')
    .option('--accept-risk', 'apply: apply a fresh plan even when it has a risk (the change was approved with its risk)')
    .option('--shard <i/N>', 'run only the stacks of shard i (the waves listed with changed-stacks --shards N)', shard)
    .option('--wave <number>', 'run only this wave (a pipeline that runs each wave in a job of its own)', wholeNumber(1))
    .option('--earlier-reports <files...>', "JSON reports of this run's earlier waves, run by other jobs: their failures block their dependents here")
    .option('--resume <reports...>', 'run again only the stacks that failed, stopped or were blocked in these JSON reports of an earlier run')
    .option('--report <file>', 'write a Markdown report of the run there (for a pull request comment or an issue)')
    .option('--report-json <file>', 'write a JSON report of the run there (for report, --resume, --earlier-reports and --timings)')
    .option('--terraform <path>', 'the Terraform binary', process.env.TERRAFORM_BINARY || 'terraform')
    .option('--dry-run', 'print what would run, wave by wave, and run nothing (no Terraform, no AWS)')
    .action((options: RunOptions) => runCommand(() => run(mode, options)));

program
  .command('report')
  .description('merge the JSON reports of several jobs of one run (the shards of its waves) into one report')
  .argument('<reports...>', 'JSON reports that --report-json wrote')
  .addOption(new Option('--format <format>', 'how to print it').choices(['text', 'markdown', 'json']).default('text'))
  .option('--output <file>', 'write it there rather than to standard output')
  .action((reports: string[], options: { readonly format: 'text' | 'markdown' | 'json'; readonly output?: string }) =>
    runCommand(() => {
      const merged = mergeWavesResults(readWavesReports(reports));
      const render = { text: renderWavesText, markdown: renderWavesMarkdown, json: renderWavesJson }[options.format];
      if (options.output === undefined) process.stdout.write(render(merged));
      else writeFileSync(options.output, render(merged));
      process.exitCode = merged.exitCode;
    }),
  );

interface ScheduleOptions {
  readonly waves: string;
  readonly shards: number;
  readonly concurrency: number;
  readonly timings?: readonly string[];
  readonly stackSeconds?: number;
  readonly resourceSeconds?: number;
  readonly jobSeconds: number;
  readonly unordered?: boolean;
}

function seconds(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError(`expected seconds, such as 20 or 0.5, got ${JSON.stringify(value)}`);
  return Number(value);
}

program
  .command('schedule')
  .description(
    'the expected wall time of the waves in shards, a few stacks at a time in each, and the critical path; with the caps of changed-stacks --service-concurrency, those too',
  )
  .requiredOption('--waves <file>', 'the waves, sharded: npm run --silent changed-stacks -- --shards <N> --format json')
  .requiredOption('--shards <count>', 'the shards the waves were listed for', wholeNumber(1))
  .requiredOption('--concurrency <count>', 'stacks a job runs at the same time', wholeNumber(1))
  .option('--timings <reports...>', 'JSON reports of earlier runs: the seconds each stack took')
  .option('--stack-seconds <seconds>', 'a stack no report timed: seconds it takes whatever its size (init, provider start)', seconds)
  .option('--resource-seconds <seconds>', 'a stack no report timed: seconds per resource or data source of its JSON', seconds)
  .option('--job-seconds <seconds>', 'seconds a job takes before its first stack (runner, npm ci, synth)', seconds, 0)
  .option('--unordered', 'every stack at once, in no order, as a drift check runs')
  .action((options: ScheduleOptions) =>
    runCommand(() => {
      const waves = readStackWaves(options.waves);
      if (waves.shards !== options.shards)
        throw new UserError(
          `${options.waves} is ${waves.shards === undefined ? 'not sharded' : `sharded ${waves.shards} ways`}: list the waves with changed-stacks --shards ${options.shards}`,
        );
      const modelled = options.stackSeconds !== undefined || options.resourceSeconds !== undefined;
      const recorded = recordedSeconds(readWavesReports(options.timings ?? []));
      if (!modelled && recorded.size === 0)
        throw new UserError('give the seconds stacks take: --timings <reports> of an earlier run, or --stack-seconds and --resource-seconds to model them');
      const steps = waves.waves.flatMap((wave) => wave.steps);
      const model = modelled ? { stackSeconds: options.stackSeconds ?? 0, resourceSeconds: options.resourceSeconds ?? 0 } : undefined;
      const props = { shards: options.shards, concurrency: options.concurrency, unordered: options.unordered === true, jobSeconds: options.jobSeconds };
      const services = waves.serviceConcurrency && { caps: waves.serviceConcurrency, of: (step: StackStep) => step.services ?? [] };
      process.stdout.write(describeSchedule(scheduleOf(waves, { ...props, services, secondsOf: stackCosts(steps, recorded, model) }), props));
    }),
  );

void program.parseAsync();
