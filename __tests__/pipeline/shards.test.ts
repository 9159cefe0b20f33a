/**
 * Waves spread over shards (CI jobs): every stack in exactly one shard, the shards of a wave
 * balanced within the stated bound, a stack staying on its shard when an account is added,
 * the matrices GitHub Actions reads, and a schedule that predicts a run.
 */
import { join } from 'node:path';
import type { StackStep, StackWaves } from '../../lib/pipeline/changed-stacks';
import { runWaves, type WavesResult } from '../../lib/pipeline/run-waves';
import { scheduleOf } from '../../lib/pipeline/schedule';
import { githubMatrix, shardWaves, SLACK } from '../../lib/pipeline/shards';
import { recordedSeconds, stackCosts } from '../../lib/pipeline/stack-costs';
import { terraformProcess } from '../../lib/pipeline/terraform-process';
import { runEntry } from '../support/example-config';
import { fakeTerraform, step, synthesizedOutput, wavesOf } from '../support/fake-pipeline';

/** An organization's account and baseline waves, its stacks of uneven cost. */
function organization(accounts: number): StackWaves {
  const numbers = Array.from({ length: accounts }, (_, index) => index + 1);
  return wavesOf(
    numbers.map((number) => step('out', `account-workload-${number}`)),
    numbers.map((number) => step('out', `baseline-workload-${number}`)),
  );
}
const costOf = (step: StackStep) => (step.stack.startsWith('account-') ? 3 : 40 + (step.stack.length % 7) * 5);
const shardsOf = (waves: StackWaves) => new Map(waves.waves.flatMap((wave) => wave.steps.map((step) => [step.stack, step.shard])));

describe('shards', () => {
  const waves = shardWaves(organization(1_000), 16, costOf);

  it('puts every stack of a wave in exactly one shard, from 1 to N', () => {
    for (const wave of waves.waves) {
      expect(wave.steps).toHaveLength(1_000);
      expect(new Set(wave.steps.map((step) => step.stack)).size).toBe(1_000);
      for (const step of wave.steps) expect(step.shard).toBeGreaterThanOrEqual(1);
      for (const step of wave.steps) expect(step.shard).toBeLessThanOrEqual(16);
    }
    expect(waves.shards).toBe(16);
  });

  it('balances the shards of each wave: none above (1 + slack) times the mean plus its largest stack', () => {
    for (const wave of waves.waves) {
      const loads = new Array<number>(16).fill(0);
      for (const step of wave.steps) loads[step.shard! - 1] += costOf(step);
      const mean = loads.reduce((sum, load) => sum + load, 0) / 16;
      const largest = Math.max(...wave.steps.map(costOf));
      expect(Math.max(...loads)).toBeLessThanOrEqual(mean * (1 + SLACK) + largest);
      expect(Math.min(...loads)).toBeGreaterThan(mean / 2);
    }
  });

  it('keeps every stack on its shard when an account is added: only the new account’s stacks are placed', () => {
    const before = shardsOf(waves);
    const after = shardsOf(shardWaves(organization(1_001), 16, costOf));
    const moved = [...before].filter(([stack, shard]) => after.get(stack) !== shard).map(([stack]) => stack);
    expect(moved).toEqual([]);
    expect(after.size).toBe(before.size + 2);
  });

  it('gives GitHub Actions one matrix per wave, of the shards that have a stack in it, and one of them all', () => {
    const small = shardWaves(wavesOf([step('out', 'management')], [step('out', 'account-a'), step('out', 'account-b'), step('out', 'account-c')]), 3, () => 1);
    const matrix = JSON.parse(githubMatrix(small));
    expect(matrix.waves).toBe(2);
    expect(matrix['wave-1'].shard).toHaveLength(1);
    expect(matrix['wave-1'].shard[0]).toBe(small.waves[0].steps[0].shard);
    expect(matrix['wave-2'].shard).toEqual([...new Set(small.waves[1].steps.map((step) => step.shard))].sort());
    expect(matrix.all.shard).toEqual([...new Set(small.waves.flatMap((wave) => wave.steps.map((step) => step.shard)))].sort());
  });

  it('is listed by changed-stacks --shards, balanced by resource count, and refuses more shards than a matrix runs', () => {
    const output = synthesizedOutput({ big: [], 'small-a': [], 'small-b': [], 'small-c': [] }, { big: 30, 'small-a': 9, 'small-b': 9, 'small-c': 9 });
    const listed = runEntry('lib/cli/changed-stacks.ts', ['--all', '--after', output, '--shards', '2', '--format', 'json'], {});
    expect(listed.stderr).toBe('');
    const [wave] = (JSON.parse(listed.stdout) as StackWaves).waves;
    const big = wave.steps.find((each) => each.stack === 'big')!.shard;
    expect(wave.steps.filter((each) => each.shard === big).map((each) => each.stack)).toEqual(['big']);
    const tooMany = runEntry('lib/cli/changed-stacks.ts', ['--all', '--after', output, '--shards', '257'], {});
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr).toBe('--shards: expected 1 to 256 (GitHub Actions runs at most 256 jobs of one matrix), got 257\n');
  });
});

describe('the schedule', () => {
  it('predicts a capped apply: stacks of a throttled service wait in line for their shard’s share of the cap, the others not', () => {
    const accounts = Array.from({ length: 6 }, (_, index) => step('out', `account-${index}`));
    const baselines = Array.from({ length: 2 }, (_, index) => step('out', `baseline-${index}`));
    const services = { caps: { organizations: 2 }, of: (each: StackStep) => (each.stack.startsWith('account-') ? (['organizations'] as const) : []) };
    const props = { concurrency: 4, secondsOf: () => 10 };
    // One job: two accounts at a time beside the baselines, 3 rounds of 10 s.
    expect(scheduleOf(wavesOf([...accounts, ...baselines]), { ...props, shards: 1, services }).wallSeconds).toBe(30);
    expect(scheduleOf(wavesOf([...accounts, ...baselines]), { ...props, shards: 1 }).wallSeconds).toBe(20);
    // Two jobs, a share of one each: the accounts, three in each shard, one at a time.
    const sharded = wavesOf([...accounts.map((each, index) => ({ ...each, shard: (index % 2) + 1 })), ...baselines.map((each) => ({ ...each, shard: 2 }))]);
    expect(scheduleOf(sharded, { ...props, shards: 2, services }).wallSeconds).toBe(30);
    // A drift check is not capped.
    expect(scheduleOf(sharded, { ...props, shards: 2, services, unordered: true }).wallSeconds).toBe(20);
  });

  it('predicts the wall time of a sharded run with the fake terraform from its stacks’ durations, its shards balanced by an earlier run’s', async () => {
    const stacks = { management: [], ...Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`account-${index}`, ['management']])) };
    const output = synthesizedOutput(stacks);
    const fake = fakeTerraform({}, 250, 250);
    const props = { mode: 'plan' as const, plansDirectory: join(fake.directory, 'plans'), retries: 0, retryDelaySeconds: 0, lockTimeout: '5m' };
    const terraform = terraformProcess(fake.binary);
    const waves = wavesOf(
      [step(output, 'management')],
      Object.keys(stacks)
        .slice(1)
        .map((stack) => step(output, stack)),
    );
    const recorded = await runWaves(waves, { ...props, concurrency: 1, terraform, log: () => undefined });

    const sharded = shardWaves(
      waves,
      2,
      stackCosts(
        waves.waves.flatMap((wave) => wave.steps),
        recordedSeconds([recorded]),
      ),
    );
    // The run: each wave after the one before, each shard of it a job of its own.
    const started = Date.now();
    const results: WavesResult[] = [];
    for (const wave of sharded.waves)
      results.push(
        ...(await Promise.all(
          [1, 2].map((shard) =>
            runWaves(
              { waves: [{ ...wave, steps: wave.steps.filter((each) => each.shard === shard) }] },
              { ...props, concurrency: 2, terraform, log: () => undefined },
            ),
          ),
        )),
      );
    const measured = (Date.now() - started) / 1000;
    // The schedule of the stacks' own durations in this run: on a loaded machine, stacks side by
    // side take longer than the same stacks one at a time, and that is not the schedule's to know.
    const expected = scheduleOf(sharded, { shards: 2, concurrency: 2, secondsOf: stackCosts([], recordedSeconds(results)) });
    expect(results.flatMap((result) => result.steps).every((done) => done.status === 'planned')).toBe(true);
    expect(expected.criticalPath.map((done) => done.wave)).toEqual([1, 2]);
    expect(expected.criticalPath[0].stack).toBe('management');
    expect(Math.abs(expected.wallSeconds - measured)).toBeLessThanOrEqual(0.25 * measured);
  });
});
