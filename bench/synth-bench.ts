/**
 * Synth benchmark: generates landing zones of 10, 100 and 1,000 accounts from the bundled
 * example, synthesizes each in a child process (bench/synth-once.ts) and reports the median
 * wall time and peak RSS; then checks that adding or moving one account touches only that
 * account's stacks. A report, not a test: only a failing synth makes it exit non-zero.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';

const REPO_ROOT = resolve(__dirname, '..');
const SYNTH_ONCE = join(__dirname, 'synth-once.ts');

/** The runner and Node.js flags `cdktf synth` starts the app with (cdktf.json), so the bench measures the same. */
function appRunner(): { command: string; flags: string[] } {
  const app: string = JSON.parse(readFileSync(join(REPO_ROOT, 'cdktf.json'), 'utf8')).app;
  const [command, ...rest] = app.split(' ');
  return { command: command.includes('/') ? join(REPO_ROOT, command) : command, flags: rest.filter((word) => word !== 'main.ts') };
}
const RUNNER = appRunner();

const CORE_ACCOUNT_FILES = ['management.yaml', 'log-archive.yaml', 'security.yaml'];
const SIZES = [10, 100, 1_000];
const RUNS = 3;
const INCREMENTAL_SIZE = 100;
const MOVED_WORKLOAD = 42;
const TARGET = { accounts: 1_000, wallSeconds: 10, peakRssMb: 1024 };

/** Workload OUs of the example tree, each with an `environment` tag it allows. */
const PLACEMENTS = [
  { ou: 'Workloads/Prod', environment: 'prod' },
  { ou: 'Workloads/NonProd', environment: 'nonprod' },
  { ou: 'Sandbox', environment: 'sandbox' },
  { ou: 'Infrastructure', environment: 'shared' },
];

interface SynthRun {
  readonly wallSeconds: number;
  readonly peakRssMb: number;
}

interface StackDiff {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

class SynthFailure extends Error {}

function workloadKey(number: number): string {
  return `workload-${String(number).padStart(4, '0')}`;
}

function placementOf(number: number): (typeof PLACEMENTS)[number] {
  return PLACEMENTS[number % PLACEMENTS.length];
}

function writeWorkloadAccount(configDirectory: string, number: number, ou = placementOf(number).ou): void {
  const key = workloadKey(number);
  const request = {
    name: key,
    email: `aws-${key}@example.com`,
    ou,
    tags: {
      owner: `team-${number % 25}`,
      environment: placementOf(number).environment,
      'cost-center': String(6000 + (number % 40)),
    },
    budget: { monthlyLimitUsd: 100 + (number % 10) * 50, alertEmails: [`${key}-owners@example.com`] },
  };
  writeFileSync(join(configDirectory, 'accounts', `${key}.yaml`), stringify(request));
}

/** The example's landing-zone.yaml, custom SCPs and core accounts, plus workloads up to `accounts` in all. */
function writeLandingZone(configDirectory: string, accounts: number): void {
  mkdirSync(join(configDirectory, 'accounts'), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'landing-zone.yaml'), join(configDirectory, 'landing-zone.yaml'));
  for (const file of CORE_ACCOUNT_FILES) {
    copyFileSync(join(REPO_ROOT, 'accounts', file), join(configDirectory, 'accounts', file));
  }
  cpSync(join(REPO_ROOT, 'scps'), join(configDirectory, 'scps'), { recursive: true, filter: (source) => !source.endsWith('.ts') });
  for (let number = 1; number <= accounts - CORE_ACCOUNT_FILES.length; number++) {
    writeWorkloadAccount(configDirectory, number);
  }
}

function synthesize(configDirectory: string, outdir: string): SynthRun {
  const start = performance.now();
  const child = spawnSync(RUNNER.command, [...RUNNER.flags, SYNTH_ONCE, configDirectory, outdir], {
    cwd: REPO_ROOT,
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - start) / 1000;
  if (child.error) throw new SynthFailure(`could not start ${RUNNER.command}: ${child.error.message}`);
  if (child.status !== 0) {
    const how = child.signal ? `was killed by ${child.signal}` : `exited with ${child.status}`;
    throw new SynthFailure(`synth of ${configDirectory} ${how}:\n${child.stderr}`);
  }
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  const { maxRssKb } = JSON.parse(lastLine) as { maxRssKb: number };
  return { wallSeconds, peakRssMb: maxRssKb / 1024 };
}

function stackNames(outdir: string): string[] {
  return readdirSync(join(outdir, 'stacks'));
}

function stackContent(outdir: string, stack: string): string {
  return readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
}

function diffStacks(before: string, after: string): StackDiff {
  const beforeNames = new Set(stackNames(before));
  const afterNames = new Set(stackNames(after));
  return {
    added: [...afterNames].filter((name) => !beforeNames.has(name)),
    changed: [...afterNames].filter((name) => beforeNames.has(name) && stackContent(before, name) !== stackContent(after, name)),
    removed: [...beforeNames].filter((name) => !afterNames.has(name)),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function targetVerdict(wallSeconds: number, peakRssMb: number): string {
  const misses = [...(wallSeconds > TARGET.wallSeconds ? ['time'] : []), ...(peakRssMb > TARGET.peakRssMb ? ['memory'] : [])];
  return misses.length === 0 ? 'PASS' : `MISS (${misses.join(', ')})`;
}

function benchmarkSize(workDirectory: string, accounts: number): void {
  const configDirectory = join(workDirectory, `org-${accounts}`);
  writeLandingZone(configDirectory, accounts);
  const runs: SynthRun[] = [];
  for (let run = 1; run <= RUNS; run++) {
    runs.push(synthesize(configDirectory, join(workDirectory, `out-${accounts}-${run}`)));
  }
  const stacks = stackNames(join(workDirectory, `out-${accounts}-1`)).length;
  const wallSeconds = median(runs.map((run) => run.wallSeconds));
  const peakRssMb = median(runs.map((run) => run.peakRssMb));
  const verdict = accounts === TARGET.accounts ? `  ${targetVerdict(wallSeconds, peakRssMb)}` : '';
  console.log(
    `${String(accounts).padStart(8)}  ${String(stacks).padStart(6)}  ${wallSeconds.toFixed(2).padStart(15)}  ` +
      `${peakRssMb.toFixed(0).padStart(20)}  ${String(RUNS).padStart(5)}${verdict}`,
  );
}

function namesInParentheses(names: readonly string[]): string {
  return names.length === 0 ? '' : ` (${names.join(', ')})`;
}

function formatDiff({ added, changed, removed }: StackDiff): string {
  return (
    `${added.length} stacks added${namesInParentheses(added)}, ` +
    `${changed.length} changed${namesInParentheses(changed)}, ` +
    `${removed.length} removed${namesInParentheses(removed)}`
  );
}

/** Synthesizes before and after each one-account edit, and reports which stacks differ. */
function checkIncrementalChanges(workDirectory: string): void {
  const configDirectory = join(workDirectory, 'org-incremental');
  writeLandingZone(configDirectory, INCREMENTAL_SIZE);
  const original = join(workDirectory, 'out-original');
  const withNewAccount = join(workDirectory, 'out-added');
  const withMovedAccount = join(workDirectory, 'out-moved');
  synthesize(configDirectory, original);

  writeWorkloadAccount(configDirectory, INCREMENTAL_SIZE - CORE_ACCOUNT_FILES.length + 1);
  synthesize(configDirectory, withNewAccount);
  console.log(`adding one account to the ${INCREMENTAL_SIZE}-account org: ${formatDiff(diffStacks(original, withNewAccount))}`);

  writeWorkloadAccount(configDirectory, MOVED_WORKLOAD, placementOf(MOVED_WORKLOAD + 1).ou);
  synthesize(configDirectory, withMovedAccount);
  console.log(`moving one account to another OU:          ${formatDiff(diffStacks(withNewAccount, withMovedAccount))}`);
}

function main(): void {
  const workDirectory = mkdtempSync(join(tmpdir(), 'lz-synth-bench-'));
  try {
    console.log(
      `node ${process.version}; each synth in its own process (${[RUNNER.command.split('/').pop(), ...RUNNER.flags].join(' ')}), ${RUNS} runs per size`,
    );
    console.log(`target: ${TARGET.accounts} accounts in <= ${TARGET.wallSeconds} s and <= ${TARGET.peakRssMb / 1024} GB peak RSS\n`);
    console.log('accounts  stacks  median wall (s)  median peak RSS (MB)   runs');
    for (const accounts of SIZES) benchmarkSize(workDirectory, accounts);
    console.log();
    checkIncrementalChanges(workDirectory);
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof SynthFailure)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
