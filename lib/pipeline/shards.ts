/**
 * The steps of each wave spread over N shards (one CI job each), balanced by what each
 * stack is expected to cost, and stable: a stack's shard depends on the stack's name first,
 * so that it stays on the shard whose job has its providers cached when other stacks come
 * and go.
 *
 * Rendezvous hashing gives each stack its own order of preference over the shards (the
 * highest hash of stack and shard first). In each wave, stacks take their first choice that
 * has room below a cap of (1 + SLACK) times the wave's mean load; a stack that fits nowhere
 * goes to the least loaded shard. Hence no shard of a wave carries more than (1 + SLACK)
 * times the mean plus its largest stack, and adding a stack moves another only when a shard
 * was at its cap. Stacks are placed in the order of their own hash, not of the wave, so that
 * a new stack does not reorder the others.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../diagnostics';
import type { StackStep, StackWaves } from './changed-stacks';
import { shardsFor, type ServiceConcurrency } from './throttled-services';

/** How far above a wave's mean load a shard may go before a stack takes its next choice. */
export const SLACK = 0.15;

/** GitHub Actions runs at most 256 jobs of one matrix. */
const MOST_SHARDS = 256;

function hash(text: string): bigint {
  return createHash('sha256').update(text).digest().readBigUInt64BE(0);
}

const compare = (a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0);

/** The shards (0-based) in `stack`'s order of preference. */
function preferences(stack: string, shards: number): number[] {
  const scores = Array.from({ length: shards }, (_, shard) => ({ shard, score: hash(`${stack}\0${shard + 1}`) }));
  return scores.sort((a, b) => compare(a.score, b.score)).map((entry) => entry.shard);
}

/** Each step of `steps` with its shard, from 1 to `shards`. */
function shardWave(steps: readonly StackStep[], shards: number, costOf: (step: StackStep) => number, caps: ServiceConcurrency): StackStep[] {
  const costs = new Map(steps.map((step) => [step.stack, Math.max(0, costOf(step))]));
  const total = [...costs.values()].reduce((sum, cost) => sum + cost, 0);
  const cap = (total / shards) * (1 + SLACK);
  const loads = new Array<number>(shards).fill(0);
  const shardOf = new Map<string, number>();
  const order = [...steps].sort((a, b) => compare(hash(a.stack), hash(b.stack)) || (a.stack < b.stack ? -1 : 1));
  for (const step of order) {
    const cost = costs.get(step.stack) ?? 0;
    const allowed = shardsFor(step.services ?? [], caps, shards);
    const choices = preferences(step.stack, shards).filter((choice) => choice < allowed);
    const shard = choices.find((choice) => loads[choice] + cost <= cap) ?? choices.reduce((least, choice) => (loads[choice] < loads[least] ? choice : least));
    loads[shard] += cost;
    shardOf.set(step.stack, shard + 1);
  }
  return steps.map((step) => ({ ...step, shard: shardOf.get(step.stack) }));
}

/**
 * The waves spread over `shards`; under the waves' caps, a step that touches a throttled
 * service (its `services`) only over the shards that may apply it (the first K of a cap of K
 * below `shards`).
 */
export function shardWaves(stackWaves: StackWaves, shards: number, costOf: (step: StackStep) => number): StackWaves {
  if (!Number.isInteger(shards) || shards < 1 || shards > MOST_SHARDS)
    throw new UserError(`--shards: expected 1 to ${MOST_SHARDS} (GitHub Actions runs at most ${MOST_SHARDS} jobs of one matrix), got ${shards}`);
  return {
    ...stackWaves,
    shards,
    waves: stackWaves.waves.map((wave) => ({ ...wave, steps: shardWave(wave.steps, shards, costOf, stackWaves.serviceConcurrency ?? {}) })),
  };
}

/**
 * The matrices of the sharded waves for GitHub Actions, on one line (for `$GITHUB_OUTPUT`):
 * `all` every shard that has a stack (a drift check), `wave-<n>` the shards of wave n, and
 * `waves` how many waves there are. A shard with no stack in a wave gets no job in it.
 */
export function githubMatrix({ waves }: StackWaves): string {
  const shardsOf = (steps: readonly StackStep[]) => ({ shard: [...new Set(steps.map((step) => step.shard ?? 1))].sort((a, b) => a - b) });
  const matrix: Record<string, unknown> = { waves: waves.length, all: shardsOf(waves.flatMap((wave) => wave.steps)) };
  for (const wave of waves) matrix[`wave-${wave.number}`] = shardsOf(wave.steps);
  return JSON.stringify(matrix);
}
