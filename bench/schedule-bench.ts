/**
 * The schedule of a pipeline at scale: the waves of a synthesized organization of 1,000
 * accounts (and of 5,000, its workload stacks repeated five times), sharded N ways, and the
 * wall time and runner time `npm run waves -- schedule` predicts for a full drift check (every
 * stack, in no order), a full deploy (wave after wave) that touches no Organizations or
 * Identity Center resource (a provider upgrade, a baseline setting), and a first deploy, which
 * creates every account and its assignments under the caps of the sample workflows, with
 * per-stack durations from `--timings` reports of a real run when given, else modelled from
 * each stack's size.
 */
import { stackWaves, type StackStep, type StackWaves } from '../lib/pipeline/changed-stacks';
import { scheduleOf } from '../lib/pipeline/schedule';
import { shardWaves } from '../lib/pipeline/shards';
import { recordedSeconds, stackCosts, type DurationModel } from '../lib/pipeline/stack-costs';
import { readWavesReports } from '../lib/pipeline/waves-report';
import { servicesChangedBetween, type ServiceConcurrency } from '../lib/pipeline/throttled-services';
import { readSynthesizedOutput } from '../lib/review/synthesized-output';

/**
 * A modelled plan of a stack no report timed: Terraform's start, init from the plugin cache
 * and the provider's start, then the reads of each resource. A model, not a measurement:
 * `--timings` with the JSON report of a real drift check replaces it.
 */
const MODEL: DurationModel = { stackSeconds: 20, resourceSeconds: 0.5 };
/** A modelled job's start before its first stack: runner, checkout, npm ci, setup-terraform, artifacts. */
const JOB_SECONDS = 90;
const SHARDS = [1, 4, 8, 16, 32, 64, 128, 256];
const CONCURRENCY = 4;
/** The caps of the sample workflows, on a deploy's applies of Organizations and Identity Center resources. */
const DEPLOY_CAPS: ServiceConcurrency = { organizations: 4, 'identity-center': 2 };
const DRIFT_TARGET_MINUTES = 30;

/** The waves with every workload stack `times` times (account-workload-0001 and its copies -x2 ... -x5). */
function repeated({ waves }: StackWaves, times: number): StackWaves {
  return {
    waves: waves.map((wave) => ({
      ...wave,
      steps: wave.steps.flatMap((step) =>
        step.stack.includes('workload-')
          ? Array.from({ length: times }, (_, copy) => (copy === 0 ? step : { ...step, stack: `${step.stack}-x${copy + 1}` }))
          : [step],
      ),
    })),
  };
}

const minutes = (seconds: number) => `${(seconds / 60).toFixed(1)} min`;

/** Prints the table of accounts × shards → wall and runner time, for the synthesized output of a 1,000-account organization. */
export function benchmarkSchedule(outdir: string, synthSeconds: number, timings: readonly string[]): void {
  const output = readSynthesizedOutput(outdir);
  const base = stackWaves(undefined, output);
  const recorded = recordedSeconds(readWavesReports(timings));
  const sizeOf = stackCosts(
    base.waves.flatMap((wave) => wave.steps),
    recorded,
    MODEL,
  );
  const secondsOf = (step: StackStep) => sizeOf({ ...step, stack: step.stack.replace(/-x\d+$/, '') });
  // A first deploy: every stack new.
  const servicesOf = (step: StackStep) => servicesChangedBetween(undefined, output.json(step.stack.replace(/-x\d+$/, '')));
  console.log(
    `\nschedule of a full drift check and a full deploy, ${CONCURRENCY} stacks at a time per job, ${
      recorded.size > 0
        ? `durations of ${recorded.size} stacks from --timings, the others modelled`
        : `modelled durations (${MODEL.stackSeconds} s a stack + ${MODEL.resourceSeconds} s a resource)`
    }, ${JOB_SECONDS} s to start each job, one synth (${synthSeconds.toFixed(1)} s) before the shards; the first deploy capped at ${Object.entries(DEPLOY_CAPS)
      .map(([service, cap]) => `${cap} stacks of ${service}`)
      .join(' and ')} at a time across the shards, each holding its place for its whole time:`,
  );
  console.log('accounts  stacks  shards  drift wall  drift runner time  deploy wall  deploy runner time  first deploy wall  first deploy runner time');
  for (const times of [1, 5]) {
    const waves = repeated(base, times);
    const steps = waves.waves.flatMap((wave) => wave.steps);
    const firstDeploy: StackWaves = {
      serviceConcurrency: DEPLOY_CAPS,
      waves: waves.waves.map((wave) => ({ ...wave, steps: wave.steps.map((step) => ({ ...step, services: servicesOf(step) })) })),
    };
    let fastest: number | undefined;
    for (const shards of SHARDS) {
      const props = { shards, concurrency: CONCURRENCY, secondsOf, jobSeconds: JOB_SECONDS };
      const drift = scheduleOf(shardWaves(waves, shards, secondsOf), { ...props, unordered: true });
      const deploy = scheduleOf(shardWaves(waves, shards, secondsOf), props);
      const first = scheduleOf(shardWaves(firstDeploy, shards, secondsOf), {
        ...props,
        services: { caps: DEPLOY_CAPS, of: (step) => step.services ?? [] },
      });
      const driftWall = drift.wallSeconds + synthSeconds * times;
      if (fastest === undefined && driftWall <= DRIFT_TARGET_MINUTES * 60) fastest = shards;
      console.log(
        `${String(times * 1_000).padStart(8)}  ${String(steps.length).padStart(6)}  ${String(shards).padStart(6)}  ${minutes(driftWall).padStart(10)}  ${minutes(drift.jobSeconds).padStart(17)}  ${minutes(deploy.wallSeconds + synthSeconds * times).padStart(11)}  ${minutes(deploy.jobSeconds).padStart(18)}  ${minutes(first.wallSeconds + synthSeconds * times).padStart(17)}  ${minutes(first.jobSeconds).padStart(24)}`,
      );
    }
    console.log(
      fastest === undefined
        ? `  ${times * 1_000} accounts: no shard count here checks for drift in <= ${DRIFT_TARGET_MINUTES} min  MISS`
        : `  ${times * 1_000} accounts: a drift check in <= ${DRIFT_TARGET_MINUTES} min from ${fastest} shards  PASS`,
    );
  }
}
