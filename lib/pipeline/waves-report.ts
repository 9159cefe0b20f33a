/**
 * What a run of the waves did, for the log (every stack), for a pull request comment or
 * an issue (Markdown: the stacks that need a look, in a table short enough for a comment
 * beside the plan summary), and for the next run (JSON: every stack's result and how long
 * it took, to resume a run, to tell a later wave's jobs what failed, and to shard and
 * schedule by recorded durations). The reports of several jobs merge into one.
 */
import { z } from 'zod';
import { UserError } from '../diagnostics';
import { escapeMarkdown } from '../review/render-text';
import { exitCodeOf, type StepResult, type StepStatus, type WavesResult } from './run-waves';
import { readCheckedJson, StackStepSchema } from './waves-file';

const TITLES: Record<WavesResult['mode'], string> = { plan: 'Landing zone plan', apply: 'Landing zone apply', drift: 'Landing zone drift check' };

/** Statuses a reader need not see one by one: they are counted instead. */
const QUIET: readonly StepStatus[] = ['in-sync', 'unchanged'];

/** Rows and drifted addresses a Markdown report lists at most; the log has them all. */
const MARKDOWN_ROWS = 50;
const MARKDOWN_ADDRESSES = 10;

export function summaryOf(result: WavesResult): string {
  const byStatus = new Map<StepStatus, number>();
  for (const step of result.steps) byStatus.set(step.status, (byStatus.get(step.status) ?? 0) + 1);
  const waves = new Set(result.steps.map((step) => step.wave)).size;
  const counted = [...byStatus].map(([status, count]) => `${count} ${status}`).join(', ');
  const stacks = result.steps.length;
  return stacks === 0
    ? `${result.mode}: no stack to run`
    : `${result.mode}: ${stacks} stack${stacks === 1 ? '' : 's'} in ${waves} wave${waves === 1 ? '' : 's'}: ${counted}`;
}

export function renderWavesText(result: WavesResult): string {
  const lines = [summaryOf(result)];
  const width = Math.max(0, ...result.steps.map((step) => step.step.stack.length));
  let wave = 0;
  for (const step of result.steps) {
    if (step.wave !== wave) {
      wave = step.wave;
      lines.push(`wave ${wave}`);
    }
    lines.push(`  ${step.status.padEnd(10)} ${step.step.stack.padEnd(width)}  ${detailOf(step, Number.POSITIVE_INFINITY)}`);
  }
  return `${lines.join('\n')}\n`;
}

function detailOf(step: StepResult, addresses: number): string {
  const parts = [step.step.action === 'destroy' ? `destroy: ${step.detail}` : step.detail];
  if (step.attempts > 1) parts.push(`after ${step.attempts} attempts`);
  if (step.risks && step.risks.length > 0) parts.push(`risks: ${step.risks.join('; ')}`);
  if (step.drift && step.drift.length > 0) {
    const shown = step.drift.slice(0, addresses);
    parts.push(`changed outside Terraform: ${shown.join(', ')}${step.drift.length > shown.length ? ` and ${step.drift.length - shown.length} more` : ''}`);
  }
  return parts.join('; ');
}

export function renderWavesMarkdown(result: WavesResult): string {
  const lines = [`### ${TITLES[result.mode]}`, '', `**${escapeMarkdown(summaryOf(result))}**`];
  const shown = result.steps.filter((step) => !QUIET.includes(step.status));
  const quiet = result.steps.length - shown.length;
  if (shown.length > 0) {
    lines.push('', '| wave | stack | result | detail |', '| ---: | --- | --- | --- |');
    for (const step of shown.slice(0, MARKDOWN_ROWS))
      lines.push(`| ${step.wave} | \`${step.step.stack}\` | ${step.status} | ${escapeMarkdown(detailOf(step, MARKDOWN_ADDRESSES))} |`);
    if (shown.length > MARKDOWN_ROWS) lines.push('', `${shown.length - MARKDOWN_ROWS} more stacks are in the job log.`);
  }
  if (quiet > 0) {
    const what =
      result.mode === 'drift' ? (quiet === 1 ? 'matches its real state' : 'match their real state') : quiet === 1 ? 'has no changes' : 'have no changes';
    lines.push('', `${quiet} stack${quiet === 1 ? '' : 's'} ${what}.`);
  }
  return `${lines.join('\n')}\n`;
}

const STATUSES = ['planned', 'skipped', 'applied', 'unchanged', 'stopped', 'in-sync', 'drifted', 'failed', 'blocked'] as const satisfies readonly StepStatus[];

const WavesResultSchema = z.strictObject({
  mode: z.enum(['plan', 'apply', 'drift']),
  exitCode: z.union([z.literal(0), z.literal(2), z.literal(3)]),
  steps: z.array(
    z.strictObject({
      step: StackStepSchema,
      wave: z.number().int().min(1),
      status: z.enum(STATUSES),
      detail: z.string(),
      attempts: z.number().int().min(0),
      counts: z.strictObject({ add: z.number(), change: z.number(), destroy: z.number() }).optional(),
      risks: z.array(z.string()).optional(),
      drift: z.array(z.string()).optional(),
      blockedBy: z.array(z.string()).optional(),
      seconds: z.number().min(0).optional(),
    }),
  ),
}) satisfies z.ZodType<WavesResult>;

export function renderWavesJson(result: WavesResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** The JSON reports `npm run waves -- ... --report-json` wrote, checked field by field. */
export function readWavesReports(files: readonly string[]): WavesResult[] {
  return files.map((file) => readCheckedJson(file, WavesResultSchema, 'a report that npm run waves -- ... --report-json <file> wrote'));
}

/**
 * One result of the reports of several jobs of one run (the shards of each wave): every
 * stack once, wave by wave, and the worst exit code. A stack in two reports is the later
 * report's (a resumed run after the one it resumed).
 */
export function mergeWavesResults(results: readonly WavesResult[]): WavesResult {
  if (results.length === 0) throw new UserError('no report to merge');
  const modes = new Set(results.map((result) => result.mode));
  if (modes.size > 1) throw new UserError(`the reports are of different runs: ${[...modes].sort().join(', ')}`);
  const byStack = new Map<string, StepResult>();
  for (const step of results.flatMap((result) => result.steps)) byStack.set(step.step.stack, step);
  const steps = [...byStack.values()].sort((a, b) => a.wave - b.wave || (a.step.stack < b.step.stack ? -1 : a.step.stack > b.step.stack ? 1 : 0));
  return { mode: results[0].mode, steps, exitCode: exitCodeOf(steps) };
}
