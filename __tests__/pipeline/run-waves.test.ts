/**
 * The wave runner against a fake terraform (`__tests__/support/fake-terraform.js`): the
 * calls it makes, in which order and how many at once, its retries, its use of saved plans,
 * and what it reports.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackStep, StackWaves } from '../../lib/pipeline/changed-stacks';
import { runWaves, type WaveMode, type WaveRunnerProps } from '../../lib/pipeline/run-waves';
import { terraformProcess } from '../../lib/pipeline/terraform-process';
import { renderWavesMarkdown, renderWavesText } from '../../lib/pipeline/waves-report';
import { REPOSITORY, runEntry } from '../support/example-config';
import { type Call, fakeTerraform, mostAtOnce, step, synthesizedOutput, wavesOf } from '../support/fake-pipeline';

async function run(mode: WaveMode, waves: StackWaves, fake: ReturnType<typeof fakeTerraform>, props: Partial<WaveRunnerProps> = {}) {
  const sleeps: number[] = [];
  const lines: string[] = [];
  const result = await runWaves(waves, {
    mode,
    concurrency: 4,
    plansDirectory: join(fake.directory, 'plans'),
    retries: 4,
    retryDelaySeconds: 30,
    lockTimeout: '5m',
    terraform: terraformProcess(fake.binary),
    log: (line) => lines.push(line),
    sleep: async (milliseconds) => void sleeps.push(milliseconds),
    ...props,
  });
  return { result, sleeps, lines, statuses: Object.fromEntries(result.steps.map((done) => [done.step.stack, done.status])) };
}

/** The most stacks that were running Terraform at the same time, each from its first call to the end of its last. */
function mostStacksAtOnce(calls: readonly Call[]): number {
  const spans = new Map<string, { start: number; end: number }>();
  for (const call of calls) {
    const span = spans.get(call.stack);
    spans.set(call.stack, span ? { start: Math.min(span.start, call.start), end: Math.max(span.end, call.end) } : { start: call.start, end: call.end });
  }
  return mostAtOnce([...spans.values()]);
}

const commandsOf = (calls: readonly Call[], stack: string) => calls.filter((call) => call.stack === stack).map((call) => call.command);

const RISKY_PLAN = JSON.parse(readFileSync(join(REPOSITORY, '__tests__', 'fixtures', 'plans', 'account-payments-dev.json'), 'utf8'));

describe('the wave runner', () => {
  it('plans wave after wave, each stack in its directory, and keeps each plan and its JSON for the review and the apply', async () => {
    const output = synthesizedOutput({ management: [], 'account-a': ['management'], 'account-b': ['management'] });
    const fake = fakeTerraform({ 'account-b': { plan: { format_version: '1.2', resource_changes: [], applyable: false } } });
    const { result, statuses } = await run('plan', wavesOf([step(output, 'management')], [step(output, 'account-a'), step(output, 'account-b')]), fake);
    expect(statuses).toEqual({ management: 'planned', 'account-a': 'planned', 'account-b': 'unchanged' });
    expect(result.exitCode).toBe(0);
    const calls = fake.calls();
    expect(commandsOf(calls, 'management')).toEqual(['init', 'plan', 'show']);
    expect(calls.find((call) => call.stack === 'account-a')!.cwd).toBe(join(output, 'stacks', 'account-a'));
    const lastOfWaveOne = Math.max(...calls.filter((call) => call.stack === 'management').map((call) => call.end));
    expect(calls.filter((call) => call.stack !== 'management').every((call) => call.start >= lastOfWaveOne)).toBe(true);
    const plan = calls.find((call) => call.stack === 'management' && call.command === 'plan')!;
    expect(plan.args).toEqual(['-input=false', '-no-color', '-lock-timeout=5m', `-out=${join(fake.directory, 'plans', 'management.tfplan')}`]);
    expect(JSON.parse(readFileSync(join(fake.directory, 'plans', 'management.json'), 'utf8')).resource_changes).toHaveLength(1);
    expect(result.steps[0].detail).toBe('1 to add, 0 to change, 0 to destroy');
  });

  it('runs no more stacks of a wave at once than --concurrency allows', async () => {
    const stacks = Array.from({ length: 7 }, (_, index) => `baseline-${index}`);
    const output = synthesizedOutput(Object.fromEntries(stacks.map((stack) => [stack, []])));
    // The first three plans wait for each other: they overlap however slowly processes start.
    const fake = fakeTerraform({}, 40, 40, [{ command: 'plan', count: 3 }]);
    await run('plan', wavesOf(stacks.map((stack) => step(output, stack))), fake, { concurrency: 3 });
    const calls = fake.calls();
    expect(calls.filter((call) => call.command === 'plan')).toHaveLength(7);
    expect(mostStacksAtOnce(calls)).toBeLessThanOrEqual(3);
    expect(mostStacksAtOnce(calls)).toBeGreaterThan(1);
  });

  it('runs one terraform init at a time for a shared plugin cache, and the plans side by side', async () => {
    const stacks = ['baseline-a', 'baseline-b', 'baseline-c', 'baseline-d'];
    const output = synthesizedOutput(Object.fromEntries(stacks.map((stack) => [stack, []])));
    // Each plan waits until all four have started, which they can only if the runner plans
    // while it still inits the others: whether a plan outlasts the next init's process start
    // no longer decides it.
    const fake = fakeTerraform({}, 40, 20, [{ command: 'plan', count: 4 }]);
    await run('plan', wavesOf(stacks.map((stack) => step(output, stack))), fake, { initOneAtATime: true });
    const inits = fake.calls().filter((call) => call.command === 'init');
    expect(inits).toHaveLength(4);
    inits.slice(1).forEach((init, index) => expect(init.start).toBeGreaterThanOrEqual(inits[index].end));
    expect(mostStacksAtOnce(fake.calls().filter((call) => call.command === 'plan'))).toBe(4);
  });

  it('skips in a plan the stacks that read a stack not applied yet, and says when they are planned', async () => {
    const output = synthesizedOutput({ 'account-new': [], 'baseline-new': ['account-new'] });
    const fake = fakeTerraform();
    const { result, statuses } = await run(
      'plan',
      wavesOf([step(output, 'account-new', { reason: 'added' })], [step(output, 'baseline-new', { reason: 'added', afterApplying: ['account-new'] })]),
      fake,
    );
    expect(statuses).toEqual({ 'account-new': 'planned', 'baseline-new': 'skipped' });
    expect(commandsOf(fake.calls(), 'baseline-new')).toEqual([]);
    expect(result.steps[1].detail).toBe('it reads account-new, not applied yet: planned on merge, after it is applied');
    expect(result.exitCode).toBe(0);
  });

  it('retries throttling with exponential back-off, and fails with the error once the retries are spent', async () => {
    const output = synthesizedOutput({ management: [] });
    const throttled =
      "Error: listing Organizations Accounts: operation error Organizations: ListAccounts, exceeded maximum number of attempts, 25, TooManyRequestsException: AWS Organizations can't complete your request because another request is already in progress. Try again later.";
    const recovering = fakeTerraform({ management: { failures: [{ command: 'plan', times: 2, stderr: throttled }] } });
    const retried = await run('plan', wavesOf([step(output, 'management')]), recovering, { retryDelaySeconds: 10 });
    expect(retried.statuses).toEqual({ management: 'planned' });
    expect(retried.sleeps).toEqual([10_000, 20_000]);
    expect(retried.result.steps[0].attempts).toBe(3);
    expect(commandsOf(recovering.calls(), 'management')).toEqual(['init', 'plan', 'init', 'plan', 'init', 'plan', 'show']);

    const failing = fakeTerraform({ management: { failures: [{ command: 'plan', times: 9, stderr: throttled }] } });
    const spent = await run('plan', wavesOf([step(output, 'management')]), failing, { retries: 1, retryDelaySeconds: 10 });
    expect(spent.statuses).toEqual({ management: 'failed' });
    expect(spent.sleeps).toEqual([10_000]);
    expect(spent.result.steps[0].detail).toMatch(
      /^terraform plan failed: Error: listing Organizations Accounts: .*TooManyRequestsException.* \(still failing after 2 attempts\)$/,
    );
    expect(spent.result.exitCode).toBe(3);
  });

  const cannotAssume = `
Error: Cannot assume IAM Role

  with provider["registry.terraform.io/hashicorp/aws"],
  on cdk.tf.json line 21, in provider.aws[0]:
  21:       }

IAM Role (arn:aws:iam::123456789012:role/OrganizationAccountAccessRole) cannot
be assumed.

There are a number of possible causes of this - the most common are:
  * The credentials used in order to assume the role are invalid
  * The credentials do not have appropriate permission to assume the role
  * The role ARN is not valid

Error: operation error STS: AssumeRole, https response error StatusCode: 403,
RequestID: 0a1b, api error AccessDenied: User:
arn:aws:sts::111111111111:assumed-role/landing-zone-apply/landing-zone is not
authorized to perform: sts:AssumeRole on resource:
arn:aws:iam::123456789012:role/OrganizationAccountAccessRole
`;

  it('waits for the role of an account created in this run, and only there', async () => {
    const output = synthesizedOutput({ 'account-new': [], 'baseline-new': ['account-new'], 'baseline-old': [] });
    const fake = fakeTerraform({
      'baseline-new': { failures: [{ command: 'plan', times: 2, stderr: cannotAssume }] },
      'baseline-old': { failures: [{ command: 'plan', times: 2, stderr: cannotAssume }] },
    });
    const { result, statuses, sleeps } = await run(
      'apply',
      wavesOf(
        [step(output, 'account-new', { reason: 'added' }), step(output, 'baseline-old')],
        [step(output, 'baseline-new', { reason: 'added', afterApplying: ['account-new'] })],
      ),
      fake,
      { retryDelaySeconds: 0 },
    );
    expect(statuses['baseline-old']).toBe('failed');
    expect(result.steps.find((done) => done.step.stack === 'baseline-old')!.detail).toMatch(
      /^terraform plan failed: Error: Cannot assume IAM Role .* \(not retried: baseline-old reads no account created in this run, so the role is missing or these credentials may not assume it\)$/,
    );
    // baseline-new does not depend on baseline-old: the failure blocks nothing.
    expect(statuses['baseline-new']).toBe('applied');
    expect(sleeps).toEqual([0, 0]);
  });

  it('applies the saved plan when it still holds, without planning again', async () => {
    const output = synthesizedOutput({ management: [], 'account-a': ['management'] });
    const fake = fakeTerraform();
    const waves = wavesOf([step(output, 'account-a')]);
    await run('plan', waves, fake);
    const { result, statuses } = await run('apply', waves, fake);
    expect(statuses).toEqual({ 'account-a': 'applied' });
    expect(result.steps[0].detail).toBe('1 to add, 0 to change, 0 to destroy (saved plan)');
    const calls = fake.calls();
    expect(commandsOf(calls, 'account-a')).toEqual(['init', 'plan', 'show', 'init', 'apply']);
    expect(calls.at(-1)!.args).toEqual(['-input=false', '-no-color', '-lock-timeout=5m', join(fake.directory, 'plans', 'account-a.tfplan')]);
  });

  it('plans afresh when Terraform finds the saved plan stale, then applies the new plan', async () => {
    const output = synthesizedOutput({ management: [] });
    const fake = fakeTerraform();
    const waves = wavesOf([step(output, 'management')]);
    await run('plan', waves, fake);
    fake.changeState('management');
    const { result, statuses } = await run('apply', waves, fake);
    expect(statuses).toEqual({ management: 'applied' });
    expect(result.steps[0].detail).toMatch(/^1 to add, 0 to change, 0 to destroy \(fresh plan: Terraform refused the saved plan: Error: Saved plan is stale /);
    expect(commandsOf(fake.calls(), 'management')).toEqual(['init', 'plan', 'show', 'init', 'apply', 'plan', 'show', 'apply']);
  });

  it('plans afresh when the stack changed since the saved plan, or a stack it reads was applied before it in this run', async () => {
    const output = synthesizedOutput({ management: [], 'account-a': ['management'], 'account-b': [] });
    const fake = fakeTerraform();
    const waves = wavesOf([step(output, 'management'), step(output, 'account-b')], [step(output, 'account-a')]);
    await run('plan', waves, fake);
    writeFileSync(join(output, 'stacks', 'account-b', 'cdk.tf.json'), JSON.stringify({ stack: 'account-b', changed: true }));
    const { result } = await run('apply', waves, fake);
    expect(Object.fromEntries(result.steps.map((done) => [done.step.stack, done.detail]))).toEqual({
      management: '1 to add, 0 to change, 0 to destroy (saved plan)',
      'account-b': '1 to add, 0 to change, 0 to destroy (fresh plan: its stack JSON changed since the saved plan was made)',
      'account-a': '1 to add, 0 to change, 0 to destroy (fresh plan: management changed in this run, after the saved plan read its outputs)',
    });
  });

  it('stops at a fresh plan with a risk, and the later waves with it, unless the risk is accepted', async () => {
    const output = synthesizedOutput({ 'account-payments-dev': [], 'baseline-payments-dev': ['account-payments-dev'] });
    const fake = fakeTerraform({ 'account-payments-dev': { plan: RISKY_PLAN } });
    const waves = wavesOf([step(output, 'account-payments-dev')], [step(output, 'baseline-payments-dev')]);
    const stopped = await run('apply', waves, fake);
    expect(stopped.statuses).toEqual({ 'account-payments-dev': 'stopped', 'baseline-payments-dev': 'blocked' });
    expect(stopped.result.exitCode).toBe(2);
    const risky = stopped.result.steps[0];
    expect(risky.detail).toBe('not applied: its fresh plan (no plan was saved for it) has a risk no one approved');
    expect(risky.risks).toEqual(['account-removed: account payments-dev would leave the organization: its account is destroyed']);
    expect(stopped.result.steps[1].detail).toBe('blocked by account-payments-dev (stopped at a risk in wave 1): it depends on it');
    expect(commandsOf(fake.calls(), 'account-payments-dev')).not.toContain('apply');
    expect(renderWavesMarkdown(stopped.result)).toContain(
      '| 1 | `account-payments-dev` | stopped | not applied: its fresh plan (no plan was saved for it) has a risk',
    );

    const accepted = await run('apply', waves, fake, { acceptRisk: true });
    expect(accepted.statuses).toEqual({ 'account-payments-dev': 'applied', 'baseline-payments-dev': 'applied' });
  });

  it('destroys removed stacks from their own output with -destroy, and says plainly that an account is not destroyed', async () => {
    const base = synthesizedOutput({ 'account-gone': [], 'baseline-gone': ['account-gone'] });
    const preventDestroy = `
Error: Instance cannot be destroyed

  on cdk.tf.json line 30, in resource.aws_organizations_account.account:
  30:       },

Resource aws_organizations_account.account has lifecycle.prevent_destroy set,
but the plan calls for this resource to be destroyed. To avoid this error and
continue with the plan, either disable lifecycle.prevent_destroy or reduce the
scope of the plan using the -target option.
`;
    const fake = fakeTerraform({ 'account-gone': { failures: [{ command: 'plan', times: 99, stderr: preventDestroy }] } });
    const removed = { action: 'destroy', reason: 'removed' } as const;
    const waves = wavesOf([step(base, 'baseline-gone', removed)], [step(base, 'account-gone', removed)]);
    const { result, statuses, sleeps } = await run('plan', waves, fake);
    expect(statuses).toEqual({ 'baseline-gone': 'planned', 'account-gone': 'failed' });
    const calls = fake.calls();
    expect(calls.find((call) => call.stack === 'baseline-gone' && call.command === 'plan')!.args).toContain('-destroy');
    expect(calls.find((call) => call.stack === 'baseline-gone')!.cwd).toBe(join(base, 'stacks', 'baseline-gone'));
    expect(result.steps[1].detail).toMatch(
      /^terraform plan failed: Error: Instance cannot be destroyed .* \(accounts have prevent_destroy: deleting a request file never removes an account; retire it as the README's "Removing an account" says\)$/,
    );
    expect(sleeps).toEqual([]);
    expect(result.exitCode).toBe(3);
  });

  it('keeps planning the later waves after a stack fails to plan, but applies none of its dependents', async () => {
    const output = synthesizedOutput({ management: [], 'account-a': ['management'] });
    const broken = { management: { failures: [{ command: 'plan', times: 99, stderr: 'Error: Unsupported argument' }] } };
    const waves = wavesOf([step(output, 'management')], [step(output, 'account-a')]);
    expect((await run('plan', waves, fakeTerraform(broken))).statuses).toEqual({ management: 'failed', 'account-a': 'planned' });
    expect((await run('apply', waves, fakeTerraform(broken))).statuses).toEqual({ management: 'failed', 'account-a': 'blocked' });
  });

  /** An organization in four waves: account-a fails in wave 2; what reads it, directly or not, waits; the rest goes on. */
  const ISOLATED = {
    management: [],
    'account-a': ['management'],
    'account-b': ['management'],
    'baseline-a': ['account-a'],
    'baseline-b': ['account-b'],
    'security-a': ['baseline-a'],
    'detective-controls': ['baseline-b'],
  };
  const isolatedWaves = (output: string) =>
    wavesOf(
      [step(output, 'management')],
      [step(output, 'account-a'), step(output, 'account-b')],
      [step(output, 'baseline-a'), step(output, 'baseline-b')],
      [step(output, 'detective-controls'), step(output, 'security-a')],
    );
  const failingApply = {
    'account-a': { failures: [{ command: 'apply', times: 1, stderr: 'Error: creating Organizations Account: ConstraintViolationException' }] },
  };

  it('applies every stack of the later waves that does not depend on a failed stack, and blocks those that do, saying by which', async () => {
    const output = synthesizedOutput(ISOLATED);
    const fake = fakeTerraform(failingApply, 5);
    const { result, statuses } = await run('apply', isolatedWaves(output), fake);
    expect(statuses).toEqual({
      management: 'applied',
      'account-a': 'failed',
      'account-b': 'applied',
      'baseline-a': 'blocked',
      'baseline-b': 'applied',
      'detective-controls': 'applied',
      'security-a': 'blocked',
    });
    const blocked = result.steps.filter((done) => done.status === 'blocked');
    expect(blocked.map((done) => done.blockedBy)).toEqual([['account-a'], ['account-a']]);
    expect(blocked[1].detail).toBe('blocked by account-a (failed in wave 2): it depends on it');
    expect(commandsOf(fake.calls(), 'baseline-a')).toEqual([]);
    expect(result.exitCode).toBe(3);
    expect(renderWavesText(result).split('\n')[0]).toBe('apply: 7 stacks in 4 waves: 4 applied, 1 failed, 2 blocked');
    expect(result.steps.filter((done) => done.attempts > 0).every((done) => typeof done.seconds === 'number')).toBe(true);
  });

  it('blocks, in a wave run by another job, the dependents of what failed in the reports of the earlier waves', async () => {
    const output = synthesizedOutput(ISOLATED);
    const fake = fakeTerraform(failingApply, 5);
    const waves = isolatedWaves(output);
    const first = await run('apply', { waves: waves.waves.slice(0, 2) }, fake);
    const later = await run('apply', { waves: waves.waves.slice(2) }, fake, { earlier: first.result.steps });
    expect(later.statuses).toEqual({ 'baseline-a': 'blocked', 'baseline-b': 'applied', 'detective-controls': 'applied', 'security-a': 'blocked' });
    expect(later.result.steps[0].detail).toBe('blocked by account-a (failed in wave 2 of an earlier run): it depends on it');
  });

  it('resumes a failed apply: runs again only the failed and blocked stacks, and writes a JSON report', () => {
    const output = synthesizedOutput(ISOLATED);
    const fake = fakeTerraform(failingApply, 5);
    const wavesFile = join(fake.directory, 'waves.json');
    writeFileSync(wavesFile, JSON.stringify(isolatedWaves(output)));
    const env = { TERRAFORM_BINARY: fake.binary, TF_PLUGIN_CACHE_DIR: '' };
    const reportFile = join(fake.directory, 'apply.json');
    const args = ['apply', '--waves', wavesFile, '--plans-dir', join(fake.directory, 'plans')];
    const first = runEntry('lib/cli/waves.ts', [...args, '--report-json', reportFile], env);
    expect(first.status).toBe(3);
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report.steps.find((done: { step: StackStep }) => done.step.stack === 'security-a')).toMatchObject({ status: 'blocked', blockedBy: ['account-a'] });

    const callsBefore = fake.calls().length;
    const resumed = runEntry('lib/cli/waves.ts', [...args, '--resume', reportFile, '--report-json', join(fake.directory, 'resumed.json')], env);
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain('resuming: 3 stacks failed, stopped or blocked');
    expect(
      [
        ...new Set(
          fake
            .calls()
            .slice(callsBefore)
            .map((call) => call.stack),
        ),
      ].sort(),
    ).toEqual(['account-a', 'baseline-a', 'security-a']);
    expect(resumed.stdout).toContain('apply: 3 stacks in 3 waves: 3 applied');

    const merged = runEntry('lib/cli/waves.ts', ['report', reportFile, join(fake.directory, 'resumed.json'), '--format', 'markdown'], env);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toContain('**apply: 7 stacks in 4 waves: 7 applied**');
  });

  it('reports in a drift check the stacks whose real state differs, with what changed outside Terraform', async () => {
    const output = synthesizedOutput({ management: [], 'baseline-payments-prod': [] });
    const drifted = JSON.parse(readFileSync(join(REPOSITORY, '__tests__', 'fixtures', 'plans', 'baseline-payments-prod.json'), 'utf8'));
    const fake = fakeTerraform({ management: { detailedExitCode: 0 }, 'baseline-payments-prod': { detailedExitCode: 2, plan: drifted } });
    const { result, statuses } = await run(
      'drift',
      wavesOf([step(output, 'management', { reason: 'all' }), step(output, 'baseline-payments-prod', { reason: 'all' })]),
      fake,
    );
    expect(statuses).toEqual({ management: 'in-sync', 'baseline-payments-prod': 'drifted' });
    expect(result.exitCode).toBe(2);
    const calls = fake.calls();
    expect(calls.find((call) => call.command === 'plan')!.args).toContain('-detailed-exitcode');
    expect(commandsOf(calls, 'management')).toEqual(['init', 'plan']);
    expect(commandsOf(calls, 'baseline-payments-prod')).toEqual(['init', 'plan', 'show']);
    expect(result.steps[1].drift).toEqual(['aws_s3_account_public_access_block.public_access_block']);
    expect(existsSync(join(fake.directory, 'plans', 'management.json'))).toBe(false);
    expect(renderWavesMarkdown(result)).toContain('1 stack matches its real state.');
  });

  it('is run as npm run waves, with terraform from PATH, and exit codes a pipeline can tell apart', () => {
    const output = synthesizedOutput({ management: [], 'baseline-payments-prod': [] });
    const drifted = JSON.parse(readFileSync(join(REPOSITORY, '__tests__', 'fixtures', 'plans', 'baseline-payments-prod.json'), 'utf8'));
    const fake = fakeTerraform({ management: { detailedExitCode: 0 }, 'baseline-payments-prod': { detailedExitCode: 2, plan: drifted } }, 5);
    const wavesFile = join(fake.directory, 'waves.json');
    writeFileSync(
      wavesFile,
      JSON.stringify(wavesOf([step(output, 'management', { reason: 'all' }), step(output, 'baseline-payments-prod', { reason: 'all' })])),
    );
    const env = { PATH: `${fake.directory}:${process.env.PATH}`, TERRAFORM_BINARY: '', TF_PLUGIN_CACHE_DIR: '' };
    const report = join(fake.directory, 'drift.md');
    const drift = runEntry('lib/cli/waves.ts', ['drift', '--waves', wavesFile, '--plans-dir', join(fake.directory, 'plans'), '--report', report], env);
    expect(drift.stderr).toBe('');
    expect(drift.status).toBe(2);
    expect(drift.stdout).toContain('[baseline-payments-prod] terraform plan -input=false -no-color -lock-timeout=5m');
    expect(drift.stdout).toContain('drift: 2 stacks in 1 wave: 1 in-sync, 1 drifted');
    expect(readFileSync(report, 'utf8')).toContain('### Landing zone drift check');

    const plan = runEntry('lib/cli/waves.ts', ['plan', '--waves', wavesFile, '--plans-dir', join(fake.directory, 'plans')], env);
    expect(plan.status).toBe(0);

    writeFileSync(wavesFile, JSON.stringify({ waves: [{ number: 1, steps: [{ stack: 'management', action: 'create' }] }] }));
    const bad = runEntry('lib/cli/waves.ts', ['plan', '--waves', wavesFile], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      `${wavesFile} waves.0.steps.0.action: Invalid option: expected one of "apply"|"destroy" (expected the waves that npm run --silent changed-stacks -- --format json > <file> writes)\n`,
    );
    const zero = runEntry('lib/cli/waves.ts', ['plan', '--waves', wavesFile, '--concurrency', '0'], env);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toContain("option '--concurrency <count>' argument '0' is invalid. expected a whole number of at least 1, got \"0\"");
  });
});
