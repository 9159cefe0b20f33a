/**
 * What a run of the waves did, for the log (every stack) and for a pull request comment or
 * an issue (Markdown: the stacks that need a look, in a table short enough for a comment
 * beside the plan summary).
 */
import { escapeMarkdown } from '../review/render-text';
import type { StepResult, StepStatus, WavesResult } from './run-waves';

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
