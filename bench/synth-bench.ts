/**
 * Synth benchmark: generates landing zones of 10, 100 and 1,000 accounts from the bundled
 * example, synthesizes each in a child process (bench/synth-once.ts) and reports the median
 * wall time and peak RSS; then checks that adding or moving one account touches only that
 * account's stacks, and times the review (`npm run review`) of the largest organization,
 * the synths apart, and `npm run explain` in it (the whole command as a user runs it, and the
 * answer itself: loading the configuration, evaluating, printing). A report, not a test:
 * only a failing synth makes it exit non-zero. `--explain` runs the explain part alone.
 * Last, the pipeline's schedule at 1,000 and 5,000 accounts (bench/schedule-bench.ts);
 * `--schedule` runs that part alone, with one synth, `--timings <reports>` gives it durations
 * recorded by a real run.
 *
 * `--compare <git ref>` synthesizes the same organizations with the code of that commit too
 * (in a temporary worktree), its runs alternating with this tree's so that both see the
 * same machine, and reports both medians and their ratio.
 *
 * What Terraform pays for the largest organization, read from each tree's output: per kind
 * of stack (an account's `account-*` and `baseline-*` stacks, each singleton by its name),
 * the stacks, resources, data sources and bytes; and the total a full drift check refreshes,
 * every resource and data source of every stack, each read at least once by every plan.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { parse, stringify } from 'yaml';
import { loadLandingZone } from '../lib/app/load-landing-zone';
import { type Checkout, checkoutAt, copyKeptOutput, removeWorktree, worktreeOf } from '../lib/cli/checkouts';
import { ACCOUNTS_DIRECTORY, CONFIGURATION_ENTRIES, LANDING_ZONE_FILE } from '../lib/config/configuration-files';
import { UserError } from '../lib/diagnostics';
import { explainedRequest, type ExplainOptions } from '../lib/explain/explained-request';
import { explainRequest, modelPolicySource } from '../lib/explain/explanation';
import { renderExplanationText } from '../lib/explain/render-explanation';
import { reviewOutputs } from '../lib/review/review';
import { readSynthesizedOutput } from '../lib/review/synthesized-output';
import { benchmarkSchedule } from './schedule-bench';

const REPO_ROOT = resolve(__dirname, '..');

const CORE_ACCOUNT_FILES = ['management.yaml', 'log-archive.yaml', 'security.yaml'];
const SIZES = [10, 100, 1_000];
const RUNS = 3;
const INCREMENTAL_SIZE = 100;
const MOVED_WORKLOAD = 42;
const TARGET = { accounts: 1_000, wallSeconds: 10, peakRssMb: 1024, explainSeconds: 1 };
/** A launch outside the governed regions by a workload of the largest organization: denied by the region deny. */
const EXPLAINED: ExplainOptions = { account: 'workload-0500', action: 'ec2:RunInstances', region: 'us-east-1' };

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

interface OrganizationalUnitTree {
  readonly [name: string]: { readonly children?: OrganizationalUnitTree };
}

function organizationalUnitPaths(tree: OrganizationalUnitTree, parent?: string): string[] {
  return Object.entries(tree).flatMap(([name, unit]) => {
    const path = parent === undefined ? name : `${parent}/${name}`;
    return [path, ...organizationalUnitPaths(unit.children ?? {}, path)];
  });
}

/**
 * The landing-zone.yaml of the example in `root` with one more Identity Center grant on
 * every OU, each to a group of its own (an older example without Identity Center as it is
 * now is taken as it is).
 */
function landingZoneWithGrantsOnEveryUnit(root: string): string {
  const settings = parse(readFileSync(join(root, 'landing-zone.yaml'), 'utf8'));
  if (settings.identityCenter?.groups === undefined || settings.identityCenter.grants === undefined) return stringify(settings);
  for (const path of organizationalUnitPaths(settings.organizationalUnits)) {
    const group = `${path.toLowerCase().replace(/\//g, '-')}-readers`;
    settings.identityCenter.groups[group] = {};
    settings.identityCenter.grants.push({ group, permissionSets: ['ReadOnly'], organizationalUnits: [path] });
  }
  return stringify(settings);
}

/**
 * The example of the checkout at `root` (its landing-zone.yaml with grants on every OU, custom
 * SCPs, conformance packs and core accounts), plus workloads up to `accounts` in all: each
 * checkout synthesizes its own example, which its code reads, with the same workloads.
 */
function writeLandingZone(configDirectory: string, accounts: number, root = REPO_ROOT): void {
  mkdirSync(join(configDirectory, 'accounts'), { recursive: true });
  writeFileSync(join(configDirectory, 'landing-zone.yaml'), landingZoneWithGrantsOnEveryUnit(root));
  for (const file of CORE_ACCOUNT_FILES) {
    copyFileSync(join(root, 'accounts', file), join(configDirectory, 'accounts', file));
  }
  for (const entry of CONFIGURATION_ENTRIES.filter((name) => name !== LANDING_ZONE_FILE && name !== ACCOUNTS_DIRECTORY)) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(configDirectory, entry), { recursive: true });
  }
  for (let number = 1; number <= accounts - CORE_ACCOUNT_FILES.length; number++) {
    writeWorkloadAccount(configDirectory, number);
  }
}

function synthesize(tree: Checkout, configDirectory: string, outdir: string): SynthRun {
  const start = performance.now();
  const child = spawnSync(tree.command, [...tree.flags, join(tree.root, 'bench', 'synth-once.ts'), configDirectory, outdir], {
    cwd: tree.root,
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - start) / 1000;
  if (child.error) throw new SynthFailure(`could not start ${tree.command}: ${child.error.message}`);
  if (child.status !== 0) {
    const how = child.signal ? `was killed by ${child.signal}` : `exited with ${child.status}`;
    throw new SynthFailure(`synth of ${configDirectory} with the code of ${tree.label} ${how}:\n${child.stderr}`);
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

interface StackKindCost {
  stacks: number;
  resources: number;
  dataSources: number;
  bytes: number;
}

/** A stack's kind: `account` or `baseline` for an account's two stacks, else the stack's own name. */
function stackKind(stack: string, accountKeys: ReadonlySet<string>): string {
  const separator = stack.indexOf('-');
  return separator > 0 && accountKeys.has(stack.slice(separator + 1)) ? stack.slice(0, separator) : stack;
}

/** Blocks of a `resource` or `data` section of Terraform JSON: `{ type: { name: block } }`. */
function blocksIn(section: Record<string, Record<string, unknown>> | undefined): number {
  return Object.values(section ?? {}).reduce((sum, blocks) => sum + Object.keys(blocks).length, 0);
}

/** Stacks, resources, data sources and bytes of an output, per kind of stack, in the order of the most resources first. */
function terraformCost(outdir: string, accountKeys: ReadonlySet<string>): Map<string, StackKindCost> {
  const kinds = new Map<string, StackKindCost>();
  for (const stack of stackNames(outdir).sort()) {
    const text = stackContent(outdir, stack);
    const json = JSON.parse(text) as { resource?: Record<string, Record<string, unknown>>; data?: Record<string, Record<string, unknown>> };
    const kind = stackKind(stack, accountKeys);
    const cost = kinds.get(kind) ?? { stacks: 0, resources: 0, dataSources: 0, bytes: 0 };
    cost.stacks += 1;
    cost.resources += blocksIn(json.resource);
    cost.dataSources += blocksIn(json.data);
    cost.bytes += Buffer.byteLength(text);
    kinds.set(kind, cost);
  }
  return new Map([...kinds].sort(([, a], [, b]) => b.resources - a.resources));
}

/** The Terraform of the largest organization, per kind of stack, for each tree. */
function reportTerraformCost(workDirectory: string, trees: readonly Checkout[]): void {
  const accounts = SIZES[SIZES.length - 1];
  const accountKeys = new Set(readdirSync(join(workDirectory, `org-${accounts}`, 'accounts')).map((file) => file.replace(/\.yaml$/, '')));
  const costs = trees.map((_tree, index) => terraformCost(join(workDirectory, `out-${accounts}-${index}-1`), accountKeys));
  const kinds = [...new Set(costs.flatMap((cost) => [...cost.keys()]))];
  const cell = (cost: StackKindCost | undefined) =>
    cost === undefined
      ? '-'.padStart(34)
      : `${String(cost.stacks).padStart(6)} ${String(cost.resources).padStart(8)} ${String(cost.dataSources).padStart(6)} ${(cost.bytes / 1e6).toFixed(1).padStart(7)} MB`;
  console.log(`\nTerraform of the ${accounts}-account org, per kind of stack: stacks, resources, data sources, bytes`);
  console.log(`${'kind'.padEnd(24)}${trees.map((tree) => tree.label.padStart(34)).join('  ')}`);
  for (const kind of kinds) console.log(`${kind.padEnd(24)}${costs.map((cost) => cell(cost.get(kind))).join('  ')}`);
  const total = (cost: Map<string, StackKindCost>) =>
    [...cost.values()].reduce(
      (sum, kind) => ({
        stacks: sum.stacks + kind.stacks,
        resources: sum.resources + kind.resources,
        dataSources: sum.dataSources + kind.dataSources,
        bytes: sum.bytes + kind.bytes,
      }),
      { stacks: 0, resources: 0, dataSources: 0, bytes: 0 },
    );
  console.log(`${'all'.padEnd(24)}${costs.map((cost) => cell(total(cost))).join('  ')}`);
  costs.forEach((cost, index) => {
    const { resources, dataSources } = total(cost);
    const perAccount = ['account', 'baseline'].reduce((sum, kind) => sum + (cost.get(kind)?.resources ?? 0), 0) / accountKeys.size;
    console.log(
      `${trees[index].label}: a full drift check refreshes ${resources + dataSources} (${resources} resources, ${dataSources} data sources); ` +
        `an account's two stacks hold ${perAccount.toFixed(1)} resources on average`,
    );
  });
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

/** Each tree's runs, alternating between the trees so that a slower spell of the machine falls on both. */
function benchmarkSize(workDirectory: string, accounts: number, trees: readonly Checkout[]): void {
  const configDirectories = trees.map((_tree, index) => join(workDirectory, index === 0 ? `org-${accounts}` : `org-${accounts}-${index}`));
  trees.forEach((tree, index) => writeLandingZone(configDirectories[index], accounts, tree.root));
  const runs = trees.map((): SynthRun[] => []);
  for (let run = 1; run <= RUNS; run++) {
    trees.forEach((tree, index) => runs[index].push(synthesize(tree, configDirectories[index], join(workDirectory, `out-${accounts}-${index}-${run}`))));
  }
  const stacks = stackNames(join(workDirectory, `out-${accounts}-0-1`)).length;
  const medians = runs.map((treeRuns) => ({
    wallSeconds: median(treeRuns.map((run) => run.wallSeconds)),
    peakRssMb: median(treeRuns.map((run) => run.peakRssMb)),
  }));
  medians.forEach(({ wallSeconds, peakRssMb }, index) => {
    const verdict = accounts === TARGET.accounts && index === 0 ? `  ${targetVerdict(wallSeconds, peakRssMb)}` : '';
    const ratio = index === 0 ? '' : `  ${(medians[0].wallSeconds / wallSeconds).toFixed(2)}x the time of ${trees[index].label}`;
    console.log(
      `${String(accounts).padStart(8)}  ${String(stacks).padStart(6)}  ${wallSeconds.toFixed(2).padStart(15)}  ` +
        `${peakRssMb.toFixed(0).padStart(20)}  ${String(RUNS).padStart(5)}  ${trees[index].label}${verdict}${ratio}`,
    );
  });
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
function checkIncrementalChanges(workDirectory: string, tree: Checkout): void {
  const configDirectory = join(workDirectory, 'org-incremental');
  writeLandingZone(configDirectory, INCREMENTAL_SIZE);
  const original = join(workDirectory, 'out-original');
  const withNewAccount = join(workDirectory, 'out-added');
  const withMovedAccount = join(workDirectory, 'out-moved');
  synthesize(tree, configDirectory, original);

  writeWorkloadAccount(configDirectory, INCREMENTAL_SIZE - CORE_ACCOUNT_FILES.length + 1);
  synthesize(tree, configDirectory, withNewAccount);
  console.log(`adding one account to the ${INCREMENTAL_SIZE}-account org: ${formatDiff(diffStacks(original, withNewAccount))}`);

  writeWorkloadAccount(configDirectory, MOVED_WORKLOAD, placementOf(MOVED_WORKLOAD + 1).ou);
  synthesize(tree, configDirectory, withMovedAccount);
  console.log(`moving one account to another OU:          ${formatDiff(diffStacks(withNewAccount, withMovedAccount))}`);
}

/** How long the review takes at the largest size, the two synths apart: identical outputs, and one SCP changed. */
function benchmarkReview(workDirectory: string, tree: Checkout): void {
  const accounts = SIZES[SIZES.length - 1];
  const configDirectory = join(workDirectory, `org-${accounts}`);
  const changed = join(workDirectory, `org-${accounts}-changed`);
  cpSync(configDirectory, changed, { recursive: true });
  const landingZone = join(changed, 'landing-zone.yaml');
  writeFileSync(landingZone, readFileSync(landingZone, 'utf8').replace('      - pricingplanmanager:*\n', '      - pricingplanmanager:*\n      - kendra:*\n'));
  const changedSynth = synthesize(tree, changed, join(workDirectory, 'out-review-changed'));
  const base = join(workDirectory, `out-${accounts}-0-1`);
  const timed = (after: string) =>
    median(
      Array.from({ length: RUNS }, () => {
        const start = performance.now();
        const report = reviewOutputs(readSynthesizedOutput(base), readSynthesizedOutput(after));
        if (report.stacks.length === 0 && after !== join(workDirectory, `out-${accounts}-0-2`))
          throw new SynthFailure('the changed SCP was not seen by the review');
        return (performance.now() - start) / 1000;
      }),
    );
  const oneScpChanged = timed(join(workDirectory, 'out-review-changed'));
  console.log(
    `reviewing the ${accounts}-account org, the synths apart: identical outputs ${timed(join(workDirectory, `out-${accounts}-0-2`)).toFixed(2)} s, one SCP changed ${oneScpChanged.toFixed(2)} s (medians of ${RUNS})`,
  );
  const copied = median(
    Array.from({ length: RUNS }, (_, run) => {
      const start = performance.now();
      copyKeptOutput(base, join(workDirectory, `out-review-kept-${run}`));
      return (performance.now() - start) / 1000;
    }),
  );
  console.log(
    `review --base of that change with the base's output kept: copying it ${copied.toFixed(2)} s (median of ${RUNS}) + the working tree's synth ${changedSynth.wallSeconds.toFixed(2)} s + the comparison ${oneScpChanged.toFixed(2)} s = ${(copied + changedSynth.wallSeconds + oneScpChanged).toFixed(2)} s`,
  );
}

/** `npm run explain` in the largest organization: the whole command, and the answer within it. */
async function benchmarkExplain(workDirectory: string, tree: Checkout): Promise<void> {
  const accounts = SIZES[SIZES.length - 1];
  const configDirectory = join(workDirectory, `org-${accounts}`);
  if (!existsSync(configDirectory)) writeLandingZone(configDirectory, accounts);
  const args = [join(tree.root, 'lib', 'cli', 'explain.ts'), '--account', EXPLAINED.account, '--action', EXPLAINED.action, '--region', EXPLAINED.region!];
  const command = median(
    Array.from({ length: RUNS }, () => {
      const start = performance.now();
      const child = spawnSync(join(tree.root, 'node_modules', '.bin', 'tsx'), args, {
        env: { ...process.env, LZ_CONFIG_DIR: configDirectory },
        encoding: 'utf8',
      });
      if (child.status !== 0 || !child.stdout.includes('DenyOutsideGovernedRegions')) throw new SynthFailure(`npm run explain failed:\n${child.stderr}`);
      return (performance.now() - start) / 1000;
    }),
  );
  const answers: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const { landingZone } = await loadLandingZone(configDirectory);
    const request = await explainedRequest(landingZone, EXPLAINED);
    renderExplanationText(request, await explainRequest(request, modelPolicySource(landingZone, 'the working tree')));
    answers.push((performance.now() - start) / 1000);
  }
  const answer = median(answers);
  console.log(
    `explaining a request in the ${accounts}-account org: the answer (configuration loaded, evaluated, printed) ${answer.toFixed(2)} s` +
      `  ${answer <= TARGET.explainSeconds ? 'PASS' : 'MISS'} (target <= ${TARGET.explainSeconds} s); the whole command, Node.js and tsx starting included, ${command.toFixed(2)} s (medians of ${RUNS})`,
  );
}

/** The schedule from one synth of the largest organization (the bench's own, when it ran). */
function scheduleAtScale(workDirectory: string, tree: Checkout, timings: readonly string[]): void {
  const accounts = SIZES[SIZES.length - 1];
  const configDirectory = join(workDirectory, `org-${accounts}`);
  if (!existsSync(configDirectory)) writeLandingZone(configDirectory, accounts);
  const outdir = join(workDirectory, 'out-schedule');
  const { wallSeconds } = synthesize(tree, configDirectory, outdir);
  benchmarkSchedule(outdir, wallSeconds, timings);
}

async function main(compare: string | undefined, explainOnly: boolean, scheduleOnly: boolean, timings: readonly string[]): Promise<void> {
  const workDirectory = mkdtempSync(join(tmpdir(), 'lz-synth-bench-'));
  const trees = [checkoutAt('this tree', REPO_ROOT)];
  try {
    if (compare) trees.push(worktreeOf(REPO_ROOT, join(workDirectory, 'compared'), compare));
    const [tree] = trees;
    console.log(`node ${process.version}; each synth in its own process (${[tree.command.split('/').pop(), ...tree.flags].join(' ')}), ${RUNS} runs per size`);
    console.log(`target: ${TARGET.accounts} accounts in <= ${TARGET.wallSeconds} s and <= ${TARGET.peakRssMb / 1024} GB peak RSS\n`);
    if (!explainOnly && !scheduleOnly) {
      console.log('accounts  stacks  median wall (s)  median peak RSS (MB)   runs  code');
      for (const accounts of SIZES) benchmarkSize(workDirectory, accounts, trees);
      reportTerraformCost(workDirectory, trees);
      console.log();
      checkIncrementalChanges(workDirectory, tree);
      benchmarkReview(workDirectory, tree);
    }
    if (!scheduleOnly) await benchmarkExplain(workDirectory, tree);
    if (!explainOnly) scheduleAtScale(workDirectory, tree, timings);
  } finally {
    if (trees[1]) removeWorktree(REPO_ROOT, trees[1]);
    rmSync(workDirectory, { recursive: true, force: true });
  }
}

const options = new Command('bench')
  .description('Synthesize generated organizations of 10, 100 and 1,000 accounts and report the median time and memory.')
  .option('--compare <git-ref>', 'also synthesize them with the code of this commit, alternating runs, and report both')
  .option('--explain', 'only time npm run explain in the largest organization')
  .option('--schedule', 'only predict the schedule of a drift check and a deploy at 1,000 and 5,000 accounts')
  .option('--timings <reports...>', 'the schedule: JSON reports of a real run (npm run waves -- ... --report-json), for recorded durations')
  .parse()
  .opts<{ compare?: string; explain?: boolean; schedule?: boolean; timings?: string[] }>();

main(options.compare, options.explain === true, options.schedule === true, options.timings ?? []).catch((error: unknown) => {
  if (!(error instanceof SynthFailure) && !(error instanceof UserError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
});
