/**
 * Configuration directory in, Terraform stacks out: what `cdktf synth` runs. A large
 * landing zone is synthesized by two processes at once, each writing its share of stacks.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { TerraformStack, type App, type StackManifest } from 'cdktf';
import { buildLandingZoneApp } from './landing-zone-app';
import { loadLandingZone } from './load-landing-zone';
import type { LandingZone } from '../model/landing-zone';

export interface SynthesizedLandingZone {
  readonly landingZone: LandingZone;
  readonly app: App;
  /** Warnings, already formatted; empty when there are none. */
  readonly warnings: string;
  /** The peak memory of the helper process, when one synthesized part of the stacks. */
  readonly helperMaxRssKb?: number;
}

export interface SynthesisOptions {
  /** @default the cdktf CLI's output directory, else `cdktf.out` */
  readonly outdir?: string;
  /**
   * From how many stacks a helper process synthesizes part of them. Below, starting it
   * (Node.js, the configuration, the app) costs more than it saves.
   * @default 500
   */
  readonly helperFromStacks?: number;
}

/** What a helper sends back: the manifest entries of the stacks it synthesized. */
export interface HelperReport {
  readonly stacks: Readonly<Record<string, StackManifest>>;
  readonly maxRssKb: number;
}

const HELPER_ENTRY = join(__dirname, '..', 'cli', 'synthesize-helper.ts');

/** Of every five stacks, the helper takes two: it starts later, having to load everything again (measured at 1,000 accounts: faster than one in three, and than four in nine). */
const HELPER_SHARE = { of: 5, takes: 2 };

/**
 * cdktf records a full stack trace for every token it creates, only for its own error
 * messages, and each resource creates dozens: capturing them, and formatting them through
 * source maps (under tsx or jest), took a large part of every synth. While the
 * app is built and synthesized, traces are neither captured by `Error.captureStackTrace`
 * nor formatted. An error thrown meanwhile still has its trace: V8 records it at
 * construction and formats it when it is first read, after both are back.
 */
function withoutStackTraceCapture<T>(work: () => T): T {
  const { captureStackTrace, prepareStackTrace } = Error;
  Error.captureStackTrace = () => undefined;
  Error.prepareStackTrace = () => '';
  try {
    return work();
  } finally {
    Error.captureStackTrace = captureStackTrace;
    Error.prepareStackTrace = prepareStackTrace;
  }
}

/** Every stack of the app, in the order `App.synth` takes them. */
function stacksOf(app: App): TerraformStack[] {
  return app.node.findAll().filter(TerraformStack.isStack);
}

/** Whether the helper synthesizes the stack at `index` of `stacksOf(app)`. */
function isHelpersStack(index: number): boolean {
  return index % HELPER_SHARE.of < HELPER_SHARE.takes;
}

/**
 * Writes each stack's Terraform JSON, as `App.synth` does, but for the pass before it:
 * cdktf first resolves every stack once only to find values that reference a resource of
 * another stack, to add an output and a remote state for each, which took a third of a
 * synth. These stacks never share values that way: what one reads of another goes through
 * explicit outputs and remote state (`lib/state-backend.ts`), so that vending an account
 * changes no other stack. A test compares the output with `App.synth`'s, byte by byte.
 */
function synthesizeStacks(app: App, stacks: readonly TerraformStack[]): void {
  const session = { outdir: app.outdir, skipValidation: app.skipValidation, manifest: app.manifest };
  for (const stack of stacks) {
    stack.ensureBackendExists();
    stack.synthesizer.synthesize(session);
  }
}

interface Helper {
  readonly report: Promise<HelperReport>;
  stop(): void;
}

/** A process like this one (same Node.js flags, tsx's CommonJS hook) that synthesizes the helper's share. */
function startHelper(configDirectory: string, outdir: string): Helper {
  const semiSpace = process.execArgv.filter((argument) => argument.startsWith('--max-semi-space-size'));
  const helper = fork(HELPER_ENTRY, [configDirectory, outdir], {
    execArgv: [...semiSpace, '--require', require.resolve('tsx/cjs')],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let received: HelperReport | undefined;
  let stderr = '';
  helper.on('message', (message) => (received = message as HelperReport));
  helper.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const report = once(helper, 'exit').then(([code, signal]) => {
    if (code === 0 && received) return received;
    throw new Error(`the synthesis helper ${signal ? `was killed by ${signal}` : `exited with ${code}`}:\n${stderr}`);
  });
  // Awaited once this process has written its own share; until then, a failure must not count as unhandled.
  report.catch(() => undefined);
  return { report, stop: () => void helper.kill() };
}

/** Validates everything first: a configuration error is thrown before anything is written. */
export async function synthesizeLandingZone(configDirectory: string, options: SynthesisOptions = {}): Promise<SynthesizedLandingZone> {
  const { landingZone, warnings } = await loadLandingZone(configDirectory);
  const app = withoutStackTraceCapture(() => buildLandingZoneApp(landingZone, { outdir: options.outdir }));
  const stacks = stacksOf(app);
  const helped = stacks.length >= (options.helperFromStacks ?? 500);
  const helpersShare = helped ? stacks.filter((_stack, index) => isHelpersStack(index)) : [];
  const helper = helped ? startHelper(configDirectory, app.outdir) : undefined;
  try {
    withoutStackTraceCapture(() => synthesizeStacks(app, helped ? stacks.filter((_stack, index) => !isHelpersStack(index)) : stacks));
  } catch (error) {
    helper?.stop();
    throw error;
  }
  const report = await helper?.report;
  if (report) {
    const written = Object.keys(report.stacks);
    if (written.length !== helpersShare.length || helpersShare.some((stack) => !(stack.node.id in report.stacks))) {
      throw new Error(`the synthesis helper wrote other stacks than its share: ${written.length} of ${helpersShare.length} expected`);
    }
    Object.assign(app.manifest.stacks, report.stacks);
  }
  if (!app.skipValidation) {
    const problems = app.node.validate();
    if (problems.length > 0) throw new Error(`the app does not validate:\n  ${problems.join('\n  ')}`);
  }
  app.manifest.writeToFile();
  return { landingZone, app, warnings, helperMaxRssKb: report?.maxRssKb };
}

/** The helper's part: the stacks `isHelpersStack` gives it, of the same app built from the same files. */
export async function synthesizeHelpersShare(configDirectory: string, outdir: string): Promise<HelperReport> {
  const { landingZone } = await loadLandingZone(configDirectory);
  const app = withoutStackTraceCapture(() => buildLandingZoneApp(landingZone, { outdir }));
  const share = stacksOf(app).filter((_stack, index) => isHelpersStack(index));
  withoutStackTraceCapture(() => synthesizeStacks(app, share));
  const names = new Set(share.map((stack) => stack.node.id));
  return {
    stacks: Object.fromEntries(Object.entries(app.manifest.stacks).filter(([name]) => names.has(name))),
    maxRssKb: process.resourceUsage().maxRSS,
  };
}
