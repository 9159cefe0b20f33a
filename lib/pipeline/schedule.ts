/**
 * The expected wall time of a run of sharded waves, as the wave runner would take it: each
 * wave after the one before (a drift check: every stack at once, in no order), each shard
 * of a wave in a job of its own, and in each job at most `concurrency` stacks at a time,
 * each next stack started when one finishes, in the order of the wave. The critical path is
 * the chain of stacks the run waits for: in each wave, the stack its slowest shard ends with.
 * With the caps of `changed-stacks --service-concurrency`, a stack whose apply changes a
 * throttled service's resources also waits for a place of its shard's share, and holds it
 * for its whole time (the runner holds it for the apply alone: the estimate errs long).
 */
import type { StackStep, StackWaves } from './changed-stacks';
import { shareOf, type ServiceConcurrency, type ThrottledService } from './throttled-services';

export interface ScheduleProps {
  /** Jobs: each wave's stacks of shard i run in job i. */
  readonly shards: number;
  /** Stacks one job runs at the same time. */
  readonly concurrency: number;
  /** The expected seconds of each stack. */
  readonly secondsOf: (step: StackStep) => number;
  /**
   * Every stack at once, in no order (a drift check), rather than wave after wave.
   * @default false
   */
  readonly unordered?: boolean;
  /**
   * Seconds a job takes before its first stack (runner, checkout, npm ci, synth, init of the cache).
   * @default 0
   */
  readonly jobSeconds?: number;
  /**
   * The caps on applies of throttled services across the shards, and the services whose
   * resources each stack holds: in a run wave after wave (an apply), such a stack waits for
   * a place of its shard's share.
   * @default no cap
   */
  readonly services?: { readonly caps: ServiceConcurrency; readonly of: (step: StackStep) => readonly ThrottledService[] };
}

export interface CriticalStep {
  readonly wave: number;
  readonly shard: number;
  readonly stack: string;
  /** When the stack ended, in seconds from the start of the run. */
  readonly endsAt: number;
}

export interface Schedule {
  readonly wallSeconds: number;
  /** Seconds of every job added together (what a CI system bills), job start included. */
  readonly jobSeconds: number;
  readonly jobs: number;
  readonly criticalPath: readonly CriticalStep[];
}

/** The index of the earliest of `free`. */
function earliest(free: readonly number[]): number {
  let slot = 0;
  for (let index = 1; index < free.length; index++) if (free[index] < free[slot]) slot = index;
  return slot;
}

/**
 * When each task ends, run in order at most `slots` at a time, each next one as a slot is
 * free, and a task of a capped group also once a place of its group is (`limits`), as the
 * runner's stacks wait in line at a service's cap.
 */
function listSchedule(
  tasks: readonly { readonly seconds: number; readonly groups: readonly string[] }[],
  slots: number,
  limits: ReadonlyMap<string, number>,
): number[] {
  const free = new Array<number>(Math.min(slots, tasks.length)).fill(0);
  const places = new Map([...limits].map(([group, limit]) => [group, new Array<number>(limit).fill(0)]));
  return tasks.map(({ seconds, groups }) => {
    const slot = earliest(free);
    const held = groups.flatMap((group) => {
      const free = places.get(group);
      return free && free.length > 0 ? [{ free, place: earliest(free) }] : [];
    });
    const start = Math.max(free[slot], ...held.map(({ free, place }) => free[place]));
    free[slot] = start + seconds;
    for (const { free: groupFree, place } of held) groupFree[place] = start + seconds;
    return start + seconds;
  });
}

export function scheduleOf({ waves }: StackWaves, props: ScheduleProps): Schedule {
  const start = props.jobSeconds ?? 0;
  const phases = props.unordered ? [{ number: 0, steps: waves.flatMap((wave) => wave.steps) }] : waves;
  const waveOf = new Map(waves.flatMap((wave) => wave.steps.map((step) => [step.stack, wave.number] as const)));
  let now = 0;
  let jobSeconds = 0;
  let jobs = 0;
  const criticalPath: CriticalStep[] = [];
  for (const phase of phases) {
    let slowest: CriticalStep | undefined;
    let phaseEnd = 0;
    for (let shard = 1; shard <= props.shards; shard++) {
      const steps = phase.steps.filter((step) => (step.shard ?? 1) === shard);
      if (steps.length === 0) continue;
      const caps = props.unordered ? undefined : props.services;
      const limits = new Map(Object.entries(caps?.caps ?? {}).map(([service, cap]) => [service, shareOf(cap, props.shards, shard)]));
      const ends = listSchedule(
        steps.map((step) => ({ seconds: props.secondsOf(step), groups: caps?.of(step) ?? [] })),
        props.concurrency,
        limits,
      );
      const last = ends.reduce((latest, end, index) => (end > ends[latest] ? index : latest), 0);
      const end = start + ends[last];
      jobs++;
      jobSeconds += end;
      if (end > phaseEnd) {
        phaseEnd = end;
        slowest = { wave: waveOf.get(steps[last].stack) ?? phase.number, shard, stack: steps[last].stack, endsAt: now + end };
      }
    }
    now += phaseEnd;
    if (slowest) criticalPath.push(slowest);
  }
  return { wallSeconds: now, jobSeconds, jobs, criticalPath };
}

function minutes(seconds: number): string {
  return seconds < 120 ? `${Math.round(seconds)} s` : `${(seconds / 60).toFixed(1)} min`;
}

export function describeSchedule(schedule: Schedule, props: Pick<ScheduleProps, 'shards' | 'concurrency' | 'unordered'>): string {
  const lines = [
    `expected wall time: ${minutes(schedule.wallSeconds)} (${props.shards} shard${props.shards === 1 ? '' : 's'}, ${props.concurrency} stack${props.concurrency === 1 ? '' : 's'} at a time in each${props.unordered ? ', in no order' : ''})`,
    `jobs: ${schedule.jobs}, runner time: ${minutes(schedule.jobSeconds)} in all`,
    'critical path:',
    ...schedule.criticalPath.map(
      (step) => `  ${props.unordered ? '' : `wave ${step.wave}: `}${step.stack} (shard ${step.shard}), done at ${minutes(step.endsAt)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
