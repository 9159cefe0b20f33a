/**
 * The wave runner: the waves of `npm run changed-stacks` one after the other, at most
 * `concurrency` stacks of a wave at a time, each in its own `stacks/<stack>` directory.
 *
 * - plan: `init`, `plan -out` (`-destroy` for a removed stack), `show -json`, for the review of
 *   a pull request and for the apply after it. A stack that reads a stack not applied yet
 *   cannot be planned: it is skipped, and planned on merge after that stack is applied.
 * - apply: the plan saved by `plan` when it still holds, else a fresh plan, applied only when
 *   the review of plans finds no risk in it. A stack that failed or stopped at a risk blocks
 *   the stacks that depend on it (through the manifest, directly or through others), and
 *   nothing else: every independent stack of the later waves is still applied.
 * - drift: `plan -detailed-exitcode` of every stack, in no order (a drift check changes
 *   nothing); exit code 2 is a stack whose real state differs from its configuration, and
 *   its plan says what changed outside Terraform.
 *
 * `earlier` are the results of other runs of the same change: the jobs of earlier waves (a
 * pipeline that runs each wave, or each shard of it, in a job of its own), or the run being
 * resumed. What they applied makes the saved plans of its dependents stale; what failed,
 * stopped or was blocked there blocks its dependents here.
 *
 * A saved plan holds when Terraform still accepts it (the state has not changed since) and,
 * which Terraform does not check, when it was made from the same stack JSON (a saved plan
 * applies the configuration it was made from, whatever is on disk) and no stack it reads was
 * applied in this run (it read their outputs before they changed).
 *
 * Errors AWS clears by itself (throttling, and the role of an account created moments ago)
 * are retried with exponential back-off. An apply whose plan changes the resources of a
 * throttled service (Organizations, Identity Center) waits for a place under that service's
 * cap, the job's share of a cap across every shard (`throttled-services.ts`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../diagnostics';
import { reviewPlans } from '../review/plan-summary';
import type { ReviewReport } from '../review/report';
import { readSynthesizedOutput, type SynthesizedOutput } from '../review/synthesized-output';
import { atMost, mapBounded } from './bounded-pool';
import type { StackStep, StackWaves } from './changed-stacks';
import { failureOf } from './terraform-errors';
import type { RunTerraform, TerraformResult } from './terraform-process';
import { servicesChangedBy, THROTTLED_SERVICE_NAMES, type PlanChanges, type ServiceConcurrency, type ThrottledService } from './throttled-services';

export type WaveMode = 'plan' | 'apply' | 'drift';

export interface WaveRunnerProps {
  /** What to do with each stack. */
  readonly mode: WaveMode;
  /** How many stacks of a wave run at the same time, at most (of all of them in a drift check, which runs them in no order). */
  readonly concurrency: number;
  /** Where plans are written, and where `apply` finds the saved ones. */
  readonly plansDirectory: string;
  /** How many more times a stack is tried after an error AWS clears by itself. */
  readonly retries: number;
  /** Seconds before the first retry; each further retry waits twice as long. */
  readonly retryDelaySeconds: number;
  /** How long a command waits for a state another run has locked (Terraform's `-lock-timeout`). */
  readonly lockTimeout: string;
  /**
   * Applies a fresh plan even when it has a risk (a change whose risk was approved).
   * @default false
   */
  readonly acceptRisk?: boolean;
  /**
   * Runs one `terraform init` at a time: Terraform's shared provider plugin cache is not
   * safe for concurrent inits.
   * @default false
   */
  readonly initOneAtATime?: boolean;
  /**
   * At most how many applies that change a throttled service's resources this job runs at
   * once: its share of the run's caps (`shareOf`).
   * @default no cap
   */
  readonly serviceConcurrency?: ServiceConcurrency;
  /** Runs a Terraform command. */
  readonly terraform: RunTerraform;
  /** Receives every line of the run. */
  readonly log: (line: string) => void;
  /**
   * Waits between retries.
   * @default a timer
   */
  readonly sleep?: (milliseconds: number) => Promise<void>;
  /**
   * The results of other runs of the same change (earlier waves run elsewhere, or the run
   * this one resumes), for the stacks this run does not run.
   * @default none
   */
  readonly earlier?: readonly StepResult[];
}

export type StepStatus = 'planned' | 'skipped' | 'applied' | 'unchanged' | 'stopped' | 'in-sync' | 'drifted' | 'failed' | 'blocked';

/** Statuses of a stack that did not get where the run was going: they block its dependents in an apply. */
export const UNFINISHED: readonly StepStatus[] = ['failed', 'stopped', 'blocked'];

/** Resources a plan adds, changes (in place or by replacement) and destroys. */
export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
}

export interface StepResult {
  readonly step: StackStep;
  readonly wave: number;
  readonly status: StepStatus;
  /** Why, in a sentence: the plan used, what failed, what was skipped and when it runs. */
  readonly detail: string;
  readonly attempts: number;
  readonly counts?: PlanCounts;
  /** The risks that stopped an apply. */
  readonly risks?: readonly string[];
  /** The resources changed outside Terraform. */
  readonly drift?: readonly string[];
  /** The failed or stopped stacks that kept a blocked stack from running. */
  readonly blockedBy?: readonly string[];
  /** How long the stack took, retries and their waits included: the timings of later schedules. */
  readonly seconds?: number;
}

export interface WavesResult {
  readonly mode: WaveMode;
  readonly steps: readonly StepResult[];
  /** 0: done; 2: drift found, or an apply stopped at a risk; 3: a stack failed. */
  readonly exitCode: 0 | 2 | 3;
}

/** A Terraform command that exited with an error. */
class TerraformFailed extends Error {
  constructor(
    readonly command: string,
    readonly result: TerraformResult,
  ) {
    super(`terraform ${command} failed`);
  }
}

type Outcome = Omit<StepResult, 'step' | 'wave' | 'attempts' | 'seconds'>;

interface PlanFiles {
  readonly binary: string;
  readonly json: string;
  /** What the plan was made from: the action and the stack JSON's hash. */
  readonly origin: string;
}

interface PlanOrigin {
  readonly action: StackStep['action'];
  readonly stackSha256: string;
}

function planFiles(directory: string, stack: string): PlanFiles {
  return { binary: join(directory, `${stack}.tfplan`), json: join(directory, `${stack}.json`), origin: join(directory, `${stack}.tfplan.origin`) };
}

function countsOf(report: ReviewReport): PlanCounts {
  const { resourcesAdded, resourcesChanged, resourcesRemoved } = report.counts;
  return { add: resourcesAdded, change: resourcesChanged, destroy: resourcesRemoved };
}

function describeCounts(counts: PlanCounts): string {
  return `${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy`;
}

/** Whether Terraform would do anything with a plan (its JSON's `applyable`, Terraform 1.8 and later). */
function applyable(jsonFile: string): boolean {
  const plan = JSON.parse(readFileSync(jsonFile, 'utf8')) as { applyable?: unknown };
  return plan.applyable !== false;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readOrigin(file: string): PlanOrigin | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PlanOrigin;
  } catch {
    return undefined;
  }
}

export async function runWaves({ waves }: StackWaves, props: WaveRunnerProps): Promise<WavesResult> {
  const plansDirectory = resolve(props.plansDirectory);
  mkdirSync(plansDirectory, { recursive: true });
  const sleep = props.sleep ?? ((milliseconds: number) => new Promise<void>((done) => setTimeout(done, milliseconds)));
  const outputs = new Map<string, SynthesizedOutput>();
  const outputOf = (step: StackStep): SynthesizedOutput => {
    let output = outputs.get(step.output);
    if (!output) {
      output = readSynthesizedOutput(step.output);
      outputs.set(step.output, output);
    }
    return output;
  };
  for (const step of waves.flatMap((wave) => wave.steps)) {
    if (!outputOf(step).stackNames.includes(step.stack))
      throw new UserError(`stack ${step.stack} is not in ${step.output}: synthesize again, then list the waves again`);
    if (props.mode === 'drift' && step.action === 'destroy')
      throw new UserError(`a drift check plans every stack as it is, not ${step.stack}'s destroy: list the waves with changed-stacks --all`);
  }

  const oneInitAtATime = atMost(1);
  const serviceSlots = new Map(
    THROTTLED_SERVICE_NAMES.flatMap((service) => {
      const limit = props.serviceConcurrency?.[service];
      // A shard with no share of a cap has no stack the change touches there; should a plan
      // change such resources after all, it applies them one at a time.
      return limit === undefined ? [] : [[service, atMost(Math.max(1, limit))] as const];
    }),
  );
  /** Runs `work` once a place is free for each of `services`, taken in one order so that no two applies wait for each other. */
  const withServiceSlots = <T>(services: readonly ThrottledService[], work: () => Promise<T>): Promise<T> =>
    services.reduceRight<() => Promise<T>>((inner, service) => {
      const slots = serviceSlots.get(service);
      return slots ? () => slots(inner) : inner;
    }, work)();
  const results: StepResult[] = [];
  const earlier = props.earlier ?? [];
  /** Stacks this run, or an earlier one, applied a change to: a saved plan of a stack that reads them is out of date. */
  const applied = new Set(earlier.filter((result) => result.status === 'applied').map((result) => result.step.stack));
  /** The stacks that did not get through, each with the failed or stopped stacks behind it. */
  const unfinished = new Map<string, readonly string[]>();
  const finish = (result: StepResult): StepResult => {
    if (UNFINISHED.includes(result.status)) unfinished.set(result.step.stack, result.blockedBy ?? [result.step.stack]);
    return result;
  };
  earlier.forEach(finish);
  const ancestors = new Map<string, Set<string>>();
  const ancestorsOf = (output: SynthesizedOutput, stack: string): Set<string> => {
    const key = `${output.directory}\0${stack}`;
    let found = ancestors.get(key);
    if (!found) {
      found = new Set<string>();
      ancestors.set(key, found);
      for (const dependency of output.dependenciesOf(stack)) {
        found.add(dependency);
        for (const ancestor of ancestorsOf(output, dependency)) found.add(ancestor);
      }
    }
    return found;
  };
  const destroyed = [...earlier.map((result) => result.step), ...waves.flatMap((wave) => wave.steps)].filter((step) => step.action === 'destroy');
  /** The stacks that must get through before this one: what it reads, or for a destroy, the removed stacks that read it. */
  const prerequisitesOf = (step: StackStep): readonly string[] =>
    step.action === 'apply'
      ? [...ancestorsOf(outputOf(step), step.stack)]
      : destroyed.filter((other) => other.output === step.output && ancestorsOf(outputOf(other), other.stack).has(step.stack)).map((other) => other.stack);
  const blockersOf = (step: StackStep): readonly string[] => [...new Set(prerequisitesOf(step).flatMap((stack) => unfinished.get(stack) ?? []))].sort();

  const runStep = async (step: StackStep, wave: number): Promise<StepResult> => {
    const started = Date.now();
    const result = await runStepOnce(step, wave);
    return finish(result.attempts > 0 ? { ...result, seconds: Math.round((Date.now() - started) / 100) / 10 } : result);
  };

  const runStepOnce = async (step: StackStep, wave: number): Promise<StepResult> => {
    const directory = join(step.output, 'stacks', step.stack);
    const files = planFiles(plansDirectory, step.stack);
    const log = (line: string) => props.log(`[${step.stack}] ${line}`);
    const terraform = async (args: readonly string[], stdoutFile?: string): Promise<TerraformResult> => {
      log(`terraform ${args.join(' ')}`);
      return props.terraform({ directory, args, log, stdoutFile });
    };
    const must = async (args: readonly string[], stdoutFile?: string): Promise<void> => {
      const result = await terraform(args, stdoutFile);
      if (result.status !== 0) throw new TerraformFailed(args[0], result);
    };
    const init = () => {
      const run = () => must(['init', '-input=false', '-no-color']);
      return props.initOneAtATime ? oneInitAtATime(run) : run();
    };
    const planArgs = (extra: readonly string[] = []) => [
      'plan',
      '-input=false',
      '-no-color',
      `-lock-timeout=${props.lockTimeout}`,
      `-out=${files.binary}`,
      ...(step.action === 'destroy' ? ['-destroy'] : []),
      ...extra,
    ];
    const applyArgs = ['apply', '-input=false', '-no-color', `-lock-timeout=${props.lockTimeout}`, files.binary];
    /** Applies the plan in the plans directory, once the services whose resources it changes have room. */
    const applyPlan = (): Promise<TerraformResult> => {
      const services = servicesChangedBy(JSON.parse(readFileSync(files.json, 'utf8')) as PlanChanges).filter((service) => serviceSlots.has(service));
      if (services.length > 0) log(`its plan changes ${services.join(' and ')} resources: applied when fewer than the cap of such applies run`);
      for (const service of services.filter((each) => props.serviceConcurrency?.[each] === 0))
        log(`this shard has no share of the ${service} cap (the change touches no ${service} resource here): applied one at a time`);
      return withServiceSlots(services, () => terraform(applyArgs));
    };
    const showJson = () => must(['show', '-json', '-no-color', files.binary], files.json);
    const stackSha256 = () => sha256(outputOf(step).text(step.stack));

    /** Plans afresh and keeps the plan, its JSON and what it was made from. */
    const freshPlan = async (): Promise<ReviewReport> => {
      for (const file of Object.values(files)) rmSync(file, { force: true });
      await must(planArgs());
      await showJson();
      writeFileSync(files.origin, `${JSON.stringify({ action: step.action, stackSha256: stackSha256() } satisfies PlanOrigin)}\n`);
      return reviewPlans([files.json]);
    };

    /** The review of the saved plan, or why it cannot be used. */
    const savedPlan = (): { readonly report: ReviewReport } | { readonly problem: string } => {
      if (!existsSync(files.binary) || !existsSync(files.json)) return { problem: 'no plan was saved for it' };
      const origin = readOrigin(files.origin);
      if (!origin) return { problem: 'the saved plan does not say what it was made from' };
      if (origin.action !== step.action) return { problem: `the saved plan is for ${origin.action}, not ${step.action}` };
      if (origin.stackSha256 !== stackSha256()) return { problem: 'its stack JSON changed since the saved plan was made' };
      const read = outputOf(step)
        .dependenciesOf(step.stack)
        .filter((dependency) => applied.has(dependency));
      if (read.length > 0)
        return { problem: `${read.join(', ')} changed in this run, after the saved plan read ${read.length === 1 ? 'its' : 'their'} outputs` };
      try {
        return { report: reviewPlans([files.json]) };
      } catch (error) {
        if (error instanceof UserError) return { problem: "the saved plan's JSON does not read as a plan" };
        throw error;
      }
    };
    /** Set once the saved plan was handed to terraform apply: whatever happened, a retry plans afresh. */
    let savedPlanSpent = false;

    const attemptPlan = async (): Promise<Outcome> => {
      await init();
      const counts = countsOf(await freshPlan());
      return applyable(files.json) ? { status: 'planned', detail: describeCounts(counts), counts } : { status: 'unchanged', detail: 'no changes', counts };
    };

    const applyFresh = async (why: string): Promise<Outcome> => {
      log(`planning afresh: ${why}`);
      const report = await freshPlan();
      const counts = countsOf(report);
      if (!applyable(files.json)) return { status: 'unchanged', detail: `no changes (fresh plan: ${why})`, counts };
      if (report.risky && !props.acceptRisk) {
        const risks = report.risks.map((risk) => `${risk.kind}: ${risk.title}`);
        risks.forEach((risk) => log(`risk: ${risk}`));
        return {
          status: 'stopped',
          detail: `not applied: its fresh plan (${why}) has ${risks.length === 1 ? 'a risk' : `${risks.length} risks`} no one approved`,
          counts,
          risks,
        };
      }
      if (report.risky) log('applying despite its risks: --accept-risk');
      const result = await applyPlan();
      if (result.status !== 0) throw new TerraformFailed('apply', result);
      applied.add(step.stack);
      return { status: 'applied', detail: `${describeCounts(counts)} (fresh plan: ${why})`, counts };
    };

    const attemptApply = async (): Promise<Outcome> => {
      await init();
      const saved = savedPlanSpent ? { problem: 'a retry after a failed apply plans afresh' } : savedPlan();
      if ('problem' in saved) return applyFresh(saved.problem);
      const counts = countsOf(saved.report);
      if (!applyable(files.json)) return { status: 'unchanged', detail: 'no changes (saved plan)', counts };
      savedPlanSpent = true;
      const result = await applyPlan();
      if (result.status === 0) {
        applied.add(step.stack);
        return { status: 'applied', detail: `${describeCounts(counts)} (saved plan)`, counts };
      }
      const failure = failureOf(result.stderr);
      if (failure.kind !== 'saved-plan-refused') throw new TerraformFailed('apply', result);
      return applyFresh(`Terraform refused the saved plan: ${failure.excerpt}`);
    };

    const attemptDrift = async (): Promise<Outcome> => {
      await init();
      for (const file of Object.values(files)) rmSync(file, { force: true });
      const result = await terraform(planArgs(['-detailed-exitcode']));
      if (result.status === 0) {
        rmSync(files.binary, { force: true });
        return { status: 'in-sync', detail: 'matches its real state' };
      }
      if (result.status !== 2) throw new TerraformFailed('plan', result);
      await showJson();
      const report = reviewPlans([files.json]);
      const counts = countsOf(report);
      const drift = report.stacks.flatMap((stack) => stack.drift.map((change) => change.address));
      return {
        status: 'drifted',
        detail: `${drift.length} resource${drift.length === 1 ? '' : 's'} changed outside Terraform; its plan: ${describeCounts(counts)}`,
        counts,
        drift,
      };
    };

    if (props.mode === 'apply') {
      const blockers = blockersOf(step);
      if (blockers.length > 0) {
        const detail = `blocked by ${blockers.map((stack) => `${stack} (${describeUnfinished(stack, results, earlier)})`).join(', ')}: it depends on ${blockers.length === 1 ? 'it' : 'them'}`;
        log(detail);
        return { step, wave, status: 'blocked', detail, attempts: 0, blockedBy: blockers };
      }
    }
    if (props.mode === 'plan' && step.afterApplying.length > 0) {
      const detail = `it reads ${step.afterApplying.join(', ')}, not applied yet: planned on merge, after ${step.afterApplying.length === 1 ? 'it is' : 'they are'} applied`;
      log(`skipped: ${detail}`);
      return { step, wave, status: 'skipped', detail, attempts: 0 };
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = props.mode === 'plan' ? await attemptPlan() : props.mode === 'apply' ? await attemptApply() : await attemptDrift();
        log(`${outcome.status}: ${outcome.detail}`);
        return { step, wave, attempts: attempt, ...outcome };
      } catch (error) {
        if (error instanceof UserError) return failed(step, wave, attempt, error.message, log);
        if (!(error instanceof TerraformFailed)) throw error;
        const failure = failureOf(error.result.stderr);
        // Only a stack that follows a new account can be waiting for its role: elsewhere the
        // same error is a missing role or permission, and waiting would only delay saying so.
        const retryable = failure.kind === 'throttled' || (failure.kind === 'new-account' && step.afterApplying.length > 0);
        if (retryable && attempt <= props.retries) {
          const seconds = props.retryDelaySeconds * 2 ** (attempt - 1);
          log(`${error.message} (${failure.excerpt}): AWS may clear this by itself; attempt ${attempt + 1} of ${props.retries + 1} in ${seconds} s`);
          await sleep(seconds * 1000);
          continue;
        }
        return failed(step, wave, attempt, failureDetail(error, failure, step, attempt, props.lockTimeout), log);
      }
    }
  };

  if (props.mode === 'drift') {
    const steps = waves.flatMap((wave) => wave.steps.map((step) => ({ step, wave: wave.number })));
    props.log(`drift: ${steps.length} stack${steps.length === 1 ? '' : 's'}, in no order`);
    results.push(...(await mapBounded(steps, props.concurrency, ({ step, wave }) => runStep(step, wave))));
  } else
    for (const wave of waves) {
      props.log(`wave ${wave.number}: ${wave.steps.length} stack${wave.steps.length === 1 ? '' : 's'}`);
      results.push(...(await mapBounded(wave.steps, props.concurrency, (step) => runStep(step, wave.number))));
    }
  return { mode: props.mode, steps: results, exitCode: exitCodeOf(results, earlier) };
}

/**
 * 3 when a stack failed, or was blocked by one that failed (here or in `earlier`); 2 when one
 * drifted, stopped at a risk or was blocked by one that stopped; else 0.
 */
export function exitCodeOf(steps: readonly StepResult[], earlier: readonly StepResult[] = []): WavesResult['exitCode'] {
  const statusOf = new Map([...earlier, ...steps].map((result) => [result.step.stack, result.status]));
  const failed = (result: StepResult) =>
    result.status === 'failed' || (result.status === 'blocked' && (result.blockedBy ?? []).some((stack) => statusOf.get(stack) !== 'stopped'));
  if (steps.some(failed)) return 3;
  return steps.some((result) => result.status === 'drifted' || result.status === 'stopped' || result.status === 'blocked') ? 2 : 0;
}

/** What became of a stack that did not get through, for the stacks it blocks. */
function describeUnfinished(stack: string, results: readonly StepResult[], earlier: readonly StepResult[]): string {
  const result = results.find((done) => done.step.stack === stack) ?? earlier.find((done) => done.step.stack === stack);
  if (!result) return 'not run';
  return `${result.status === 'stopped' ? 'stopped at a risk' : result.status} in wave ${result.wave}${results.includes(result) ? '' : ' of an earlier run'}`;
}

function failed(step: StackStep, wave: number, attempts: number, detail: string, log: (line: string) => void): StepResult {
  log(`failed: ${detail}`);
  return { step, wave, status: 'failed', detail, attempts };
}

function failureDetail(error: TerraformFailed, failure: ReturnType<typeof failureOf>, step: StackStep, attempts: number, lockTimeout: string): string {
  const what = `${error.message}: ${failure.excerpt}`;
  switch (failure.kind) {
    case 'prevent-destroy':
      return `${what} (accounts have prevent_destroy: deleting a request file never removes an account; retire it as the README's "Removing an account" says)`;
    case 'new-account':
      return `${what} (not retried: ${step.stack} reads no account created in this run, so the role is missing or these credentials may not assume it)`;
    case 'state-locked':
      return `${what} (another run held the state lock of ${step.stack} for longer than ${lockTimeout})`;
    case 'throttled':
      return `${what} (still failing after ${attempts} attempts)`;
    default:
      return what;
  }
}
