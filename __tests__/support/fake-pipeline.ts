/**
 * The pipeline's tests' stand-ins: a fake terraform (`fake-terraform.js`) in a directory of
 * its own, synthesized outputs of a few stacks, and waves of them.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackStep, StackWaves } from '../../lib/pipeline/changed-stacks';
import { REPOSITORY, temporaryDirectory } from './example-config';

export interface Call {
  readonly stack: string;
  readonly cwd: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly start: number;
  readonly end: number;
}

interface FakeStack {
  readonly failures?: readonly { readonly command: string; readonly times: number; readonly stderr: string }[];
  readonly plan?: unknown;
  readonly detailedExitCode?: number;
}

/**
 * Holds each call of `command` (in stacks named `stackPrefix`...) until `count` such calls
 * have started, or `timeoutMs` passed: calls it holds overlap if and only if the runner
 * started them side by side, however slowly processes start.
 */
interface Barrier {
  readonly command: string;
  readonly stackPrefix?: string;
  readonly count: number;
  /** @default 10 s */
  readonly timeoutMs?: number;
}

/** A fake terraform in a directory of its own, and what it recorded. */
export function fakeTerraform(stacks: Record<string, FakeStack> = {}, delayMs = 40, initDelayMs = delayMs, barriers: readonly Barrier[] = []) {
  const directory = temporaryDirectory();
  const binary = join(directory, 'terraform');
  copyFileSync(join(REPOSITORY, '__tests__', 'support', 'fake-terraform.js'), binary);
  chmodSync(binary, 0o755);
  mkdirSync(join(directory, 'state'));
  writeFileSync(join(directory, 'scenario.json'), JSON.stringify({ stacks, delayMs, initDelayMs, barriers }));
  const callsFile = join(directory, 'state', 'calls.jsonl');
  return {
    directory,
    binary,
    calls: (): Call[] =>
      existsSync(callsFile)
        ? readFileSync(callsFile, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as Call)
            .sort((a, b) => a.start - b.start)
        : [],
    /** Another run applied the stack: its saved plans are stale. */
    changeState: (stack: string) => writeFileSync(join(directory, 'state', `${stack}.serial`), '41'),
  };
}

/**
 * A synthesized output of these stacks, each depending on the ones listed, and holding
 * `resources` SSM parameters (0 unless said) and one resource of each of its `types`.
 */
export function synthesizedOutput(
  stacks: Record<string, readonly string[]>,
  resources: Record<string, number> = {},
  types: Record<string, readonly string[]> = {},
): string {
  const directory = temporaryDirectory();
  const manifest: Record<string, unknown> = {};
  for (const [stack, dependencies] of Object.entries(stacks)) {
    mkdirSync(join(directory, 'stacks', stack), { recursive: true });
    writeFileSync(
      join(directory, 'stacks', stack, 'cdk.tf.json'),
      JSON.stringify({
        stack,
        resource: {
          aws_ssm_parameter: Object.fromEntries(Array.from({ length: resources[stack] ?? 0 }, (_, index) => [`p${index}`, {}])),
          ...Object.fromEntries((types[stack] ?? []).map((type) => [type, { this: {} }])),
        },
      }),
    );
    manifest[stack] = { name: stack, synthesizedStackPath: `stacks/${stack}/cdk.tf.json`, workingDirectory: `stacks/${stack}`, dependencies };
  }
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: manifest }));
  return directory;
}

export function step(output: string, stack: string, extra: Partial<StackStep> = {}): StackStep {
  return { stack, action: 'apply', reason: 'changed', output, afterApplying: [], ...extra };
}

export function wavesOf(...waves: readonly StackStep[][]): StackWaves {
  return { waves: waves.map((steps, index) => ({ number: index + 1, steps })) };
}

/** The most of `spans` (calls of the fake terraform, or whole stacks) that were under way at the same time. */
export function mostAtOnce(spans: readonly { readonly start: number; readonly end: number }[]): number {
  const events = spans.flatMap((span) => [
    { at: span.start, change: 1 },
    { at: span.end, change: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.change - b.change);
  let running = 0;
  let most = 0;
  for (const event of events) most = Math.max(most, (running += event.change));
  return most;
}
