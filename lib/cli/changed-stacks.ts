/**
 * `npm run changed-stacks`: the stacks a change needs planned and applied, in waves.
 *
 *   npm run changed-stacks -- --base <ref>             synthesizes the commit into cdktf.out.base and the working tree into cdktf.out
 *   npm run changed-stacks -- --before <dir> --after <dir>
 *   npm run changed-stacks -- --all [--after <dir>]     every stack, for a full plan
 *   npm run changed-stacks -- --waves <file>            waves listed before with --format json, in another format
 *
 * `--format json` for pipelines: `{ "waves": [{ "number", "steps": [{ "stack", "action", "reason", "output", "afterApplying" }] }] }`.
 * `--shards N` spreads each wave over N shards (every step then has its `shard`, 1 to N),
 * balanced by resource count or by the durations of `--timings <reports>`; `--format
 * github-matrix` prints the shards of each wave as GitHub Actions job matrices.
 * `--service-concurrency organizations=4 identity-center=2` caps the applies that change
 * those services' resources across every shard (the waves file carries the caps to the runner).
 */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { UserError } from '../diagnostics';
import { describeWaves, stackWaves, type StackStep, type StackWaves } from '../pipeline/changed-stacks';
import { githubMatrix, shardWaves } from '../pipeline/shards';
import { recordedSeconds, stackCosts } from '../pipeline/stack-costs';
import { parseServiceConcurrency, servicesChangedBetween, THROTTLED_SERVICE_NAMES, type ThrottledService } from '../pipeline/throttled-services';
import { readStackWaves } from '../pipeline/waves-file';
import { readWavesReports } from '../pipeline/waves-report';
import { readSynthesizedOutput, type SynthesizedOutput } from '../review/synthesized-output';
import { synthesizeBase } from './checkouts';
import { configurationDirectory } from './configuration-directory';
import { runCommand } from './run-command';

interface ChangedStacksOptions {
  readonly base?: string;
  readonly before?: string;
  readonly after?: string;
  readonly baseOutdir: string;
  readonly all?: boolean;
  readonly waves?: string;
  readonly format: 'text' | 'json' | 'github-matrix';
  readonly shards?: string;
  readonly timings?: readonly string[];
  readonly serviceConcurrency?: readonly string[];
}

/**
 * The waves, with the caps of --service-concurrency and each step's `services` (what
 * `servicesOf` says the change touches in its stack), sharded as the options say.
 */
function sharded(listed: StackWaves, options: ChangedStacksOptions, servicesOf: (step: StackStep) => readonly ThrottledService[]): StackWaves {
  let waves = listed;
  if (options.serviceConcurrency) {
    const caps = parseServiceConcurrency(options.serviceConcurrency);
    if (typeof caps === 'string') throw new UserError(`--service-concurrency: ${caps}`);
    waves = {
      serviceConcurrency: caps,
      waves: waves.waves.map((wave) => ({
        ...wave,
        steps: wave.steps.map((step) => {
          const services = servicesOf(step);
          return services.length > 0 ? { ...step, services } : step;
        }),
      })),
    };
  }
  if (options.shards === undefined) {
    if (options.timings) throw new UserError('--timings balances shards: give --shards <count> with it');
    return waves;
  }
  if (!/^\d+$/.test(options.shards)) throw new UserError(`--shards: expected a whole number, got ${JSON.stringify(options.shards)}`);
  const steps = waves.waves.flatMap((wave) => wave.steps);
  return shardWaves(waves, Number(options.shards), stackCosts(steps, recordedSeconds(readWavesReports(options.timings ?? []))));
}

function render(waves: StackWaves, format: ChangedStacksOptions['format']): string {
  switch (format) {
    case 'json':
      return JSON.stringify(waves, null, 2);
    case 'github-matrix':
      return githubMatrix(waves);
    default:
      return describeWaves(waves);
  }
}

const program = new Command('changed-stacks')
  .description('List the stacks whose synthesized JSON differs from a base, in dependency order, in waves that can run in parallel.')
  .option('--base <ref>', 'synthesize this commit into --base-outdir and the working tree into --after, and compare them')
  .option('--base-outdir <dir>', 'where --base writes the commit’s output (kept, for destroying removed stacks)', 'cdktf.out.base')
  .option('--before <dir>', 'a synthesized output before the change')
  .option('--after <dir>', 'the synthesized output after the change', 'cdktf.out')
  .option('--all', 'every stack of --after, for a full plan')
  .option('--waves <file>', 'waves listed before with --format json (sharded or not), to print them in another format')
  .option('--shards <count>', 'spread each wave over this many shards (CI jobs), balanced by expected cost, each stack on the same shard from run to run')
  .option('--timings <reports...>', 'JSON reports of earlier runs (npm run waves -- ... --report-json): balance the shards by the seconds each stack took')
  .option(
    '--service-concurrency <service=count...>',
    `at most this many applies that change the service's resources at once, across every shard (services: ${THROTTLED_SERVICE_NAMES.join(', ')})`,
  )
  .addOption(new Option('--format <format>', 'how to print the waves').choices(['text', 'json', 'github-matrix']).default('text'))
  .action((options: ChangedStacksOptions) =>
    runCommand(async () => {
      const sources = [options.base !== undefined, options.before !== undefined, options.all === true, options.waves !== undefined].filter(Boolean).length;
      if (sources !== 1) throw new UserError('give one of --base <ref>, --before <dir> (with --after <dir>), --all, or --waves <file>');
      if (options.waves !== undefined) {
        if (options.shards !== undefined || options.timings || options.serviceConcurrency)
          throw new UserError(`--waves: ${options.waves} was listed already; list the waves again to shard them`);
        process.stdout.write(`${render(readStackWaves(options.waves), options.format)}\n`);
        return;
      }
      if (options.base !== undefined) {
        synthesizeBase(options.base, options.baseOutdir);
        // Loaded only here: listing the waves of outputs already synthesized does not load the app.
        const { synthesizeLandingZone } = await import('../app/synthesize-landing-zone');
        await synthesizeLandingZone(configurationDirectory(), { outdir: resolve(options.after ?? 'cdktf.out') });
      }
      const after = readSynthesizedOutput(resolve(options.after ?? 'cdktf.out'));
      const beforeDirectory = options.base !== undefined ? options.baseOutdir : options.before;
      const before = beforeDirectory === undefined ? undefined : readSynthesizedOutput(resolve(beforeDirectory));
      const waves = stackWaves(before, after);
      const jsonIn = (output: SynthesizedOutput | undefined, stack: string) => (output?.stackNames.includes(stack) ? output.json(stack) : undefined);
      const servicesOf = (step: StackStep) => servicesChangedBetween(jsonIn(before, step.stack), jsonIn(after, step.stack));
      process.stdout.write(`${render(sharded(waves, options, servicesOf), options.format)}\n`);
    }),
  );

void program.parseAsync();
