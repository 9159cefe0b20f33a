/**
 * The cap on applies that change Organizations or Identity Center resources, across every
 * shard of a run: where changed-stacks places such stacks, each job's share, and what the
 * fake terraform sees when the shards apply at once.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackWaves } from '../../lib/pipeline/changed-stacks';
import { runWaves } from '../../lib/pipeline/run-waves';
import { terraformProcess } from '../../lib/pipeline/terraform-process';
import { shareOf } from '../../lib/pipeline/throttled-services';
import { REPOSITORY, runEntry } from '../support/example-config';
import { type Call, fakeTerraform, mostAtOnce, step, synthesizedOutput, wavesOf } from '../support/fake-pipeline';

const ACCOUNT_PLAN = {
  format_version: '1.2',
  applyable: true,
  resource_changes: [
    {
      address: 'aws_organizations_account.account',
      mode: 'managed',
      type: 'aws_organizations_account',
      name: 'account',
      change: { actions: ['update'], before: { name: 'a' }, after: { name: 'a' }, after_unknown: {} },
    },
  ],
};

/** Six account stacks (an account and its assignments, and `parameters` SSM parameters) and six baselines, in one wave. */
function organization(parameters = 0) {
  const names = Array.from({ length: 6 }, (_, index) => `w${index + 1}`);
  const stacks = Object.fromEntries(names.flatMap((name) => [[`account-${name}`, []] as const, [`baseline-${name}`, []] as const]));
  const types = Object.fromEntries(names.map((name) => [`account-${name}`, ['aws_organizations_account', 'aws_ssoadmin_account_assignment']]));
  const output = synthesizedOutput(stacks, Object.fromEntries(names.map((name) => [`account-${name}`, parameters])), types);
  const plans = Object.fromEntries(names.map((name) => [`account-${name}`, { plan: ACCOUNT_PLAN }]));
  return { output, stacks: Object.keys(stacks), plans };
}

const appliesOf = (calls: readonly Call[], prefix: string) => calls.filter((call) => call.command === 'apply' && call.stack.startsWith(prefix));

/** Runs `npm run waves` as a child process, so that several shards can run at once. */
function waves(args: readonly string[], env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPOSITORY, 'node_modules', '.bin', 'tsx'), [join(REPOSITORY, 'lib', 'cli', 'waves.ts'), ...args], {
      cwd: REPOSITORY,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe('the cap on applies of a throttled service', () => {
  it('splits a cap of K over N shards, the first K mod N shards one more, K in all', () => {
    expect([1, 2, 3, 4].map((shard) => shareOf(2, 4, shard))).toEqual([1, 1, 0, 0]);
    expect([1, 2, 3].map((shard) => shareOf(8, 3, shard))).toEqual([3, 3, 2]);
    for (const [cap, shards] of [
      [5, 8],
      [16, 5],
      [4, 4],
    ])
      expect(Array.from({ length: shards }, (_, index) => shareOf(cap, shards, index + 1)).reduce((sum, share) => sum + share, 0)).toBe(cap);
  });

  it('holds the applies that change Organizations resources in one job to the cap, and plans and other stacks not', async () => {
    const { output, stacks, plans } = organization();
    // The four plans the job runs at once wait for each other (plans are not capped); an
    // account's apply waits for a third to start beside it, which the cap of two never lets
    // happen (it goes on after the timeout): without the cap, three would overlap.
    const fake = fakeTerraform(plans, 40, 20, [
      { command: 'plan', count: 4 },
      { command: 'apply', stackPrefix: 'account-', count: 3, timeoutMs: 4000 },
    ]);
    const result = await runWaves(wavesOf(stacks.map((stack) => step(output, stack))), {
      mode: 'apply',
      concurrency: 4,
      plansDirectory: join(fake.directory, 'plans'),
      retries: 0,
      retryDelaySeconds: 0,
      lockTimeout: '5m',
      serviceConcurrency: { organizations: 2 },
      terraform: terraformProcess(fake.binary),
      log: () => undefined,
    });
    expect(result.steps.every((done) => done.status === 'applied')).toBe(true);
    const calls = fake.calls();
    expect(mostAtOnce(appliesOf(calls, 'account-'))).toBe(2);
    expect(appliesOf(calls, 'account-')).toHaveLength(6);
    expect(mostAtOnce(calls.filter((call) => call.command === 'plan'))).toBe(4);
  });

  it('is listed by changed-stacks: such stacks only in the shards that may apply them, and K at once across every shard', async () => {
    const { output, plans } = organization();
    const fake = fakeTerraform(plans, 40, 20, [{ command: 'apply', stackPrefix: 'account-', count: 3, timeoutMs: 4000 }]);
    const listed = runEntry(
      'lib/cli/changed-stacks.ts',
      ['--all', '--after', output, '--shards', '4', '--service-concurrency', 'organizations=2', 'identity-center=3', '--format', 'json'],
      {},
    );
    expect(listed.stderr).toBe('');
    const sharded = JSON.parse(listed.stdout) as StackWaves;
    expect(sharded.serviceConcurrency).toEqual({ organizations: 2, 'identity-center': 3 });
    const steps = sharded.waves.flatMap((wave) => wave.steps);
    // Every step says what of the capped services the change touches in its stack: all of an account stack, being new.
    expect(new Map(steps.map((done) => [done.stack, done.services]))).toEqual(
      new Map(steps.map((done) => [done.stack, done.stack.startsWith('account-') ? ['identity-center', 'organizations'] : undefined])),
    );
    // organizations=2 leaves shards 3 and 4 no share: account stacks go to 1 and 2, baselines anywhere.
    expect(new Set(steps.filter((done) => done.stack.startsWith('account-')).map((done) => done.shard))).toEqual(new Set([1, 2]));
    expect(new Set(steps.map((done) => done.shard)).size).toBeGreaterThan(2);

    const wavesFile = join(fake.directory, 'waves.json');
    writeFileSync(wavesFile, listed.stdout);
    const env = { TERRAFORM_BINARY: fake.binary, TF_PLUGIN_CACHE_DIR: '' };
    const statuses = await Promise.all(
      [1, 2, 3, 4].map((shard) =>
        waves(
          [
            'apply',
            '--waves',
            wavesFile,
            '--plans-dir',
            join(fake.directory, `plans-${shard}`),
            '--shard',
            `${shard}/4`,
            '--report-json',
            join(fake.directory, `report-${shard}.json`),
          ],
          env,
        ),
      ),
    );
    expect(statuses).toEqual([0, 0, 0, 0]);
    const applied = [1, 2, 3, 4].flatMap((shard) => JSON.parse(readFileSync(join(fake.directory, `report-${shard}.json`), 'utf8')).steps);
    expect(applied).toHaveLength(12);
    expect(mostAtOnce(appliesOf(fake.calls(), 'account-'))).toBeLessThanOrEqual(2);
  });

  it('places anywhere the stacks whose Organizations and Identity Center resources the change leaves as they were', () => {
    const listed = runEntry(
      'lib/cli/changed-stacks.ts',
      ['--before', organization().output, '--after', organization(1).output, '--shards', '4', '--service-concurrency', 'organizations=2', '--format', 'json'],
      {},
    );
    const steps = (JSON.parse(listed.stdout) as StackWaves).waves.flatMap((wave) => wave.steps);
    expect(steps.map((done) => done.stack).sort()).toEqual(['account-w1', 'account-w2', 'account-w3', 'account-w4', 'account-w5', 'account-w6']);
    expect(steps.every((done) => done.services === undefined)).toBe(true);
    expect(steps.some((done) => done.shard! > 2)).toBe(true);
  });

  it('refuses a service it does not know, and applies one at a time what a shard without a share of the cap meets', () => {
    const { output } = organization();
    const bad = runEntry('lib/cli/changed-stacks.ts', ['--all', '--after', output, '--service-concurrency', 'organization=2'], {});
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      '--service-concurrency: expected <service>=<count>, the service one of identity-center, organizations and the count at least 1, such as organizations=4, got "organization=2"\n',
    );

    const fake = fakeTerraform({ 'account-w1': { plan: ACCOUNT_PLAN } });
    const wavesFile = join(fake.directory, 'waves.json');
    writeFileSync(
      wavesFile,
      JSON.stringify({ shards: 4, serviceConcurrency: { organizations: 2 }, waves: [{ number: 1, steps: [step(output, 'account-w1', { shard: 4 })] }] }),
    );
    const applied = runEntry('lib/cli/waves.ts', ['apply', '--waves', wavesFile, '--plans-dir', join(fake.directory, 'plans'), '--shard', '4/4'], {
      TERRAFORM_BINARY: fake.binary,
      TF_PLUGIN_CACHE_DIR: '',
    });
    const dryRun = runEntry('lib/cli/waves.ts', ['apply', '--waves', wavesFile, '--shard', '4/4', '--dry-run'], {});
    expect(dryRun.stdout.split('\n')[1]).toBe(
      'of them, applies changing organizations resources one at a time (this shard has no share of the cap: none is expected here)',
    );
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain(
      '[account-w1] this shard has no share of the organizations cap (the change touches no organizations resource here): applied one at a time',
    );
  });
});
