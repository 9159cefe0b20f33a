/**
 * What a stack is expected to cost a run: the seconds it took in earlier runs (the JSON
 * reports of `npm run waves`), or, for a stack no report has timed, its size: the resources
 * and data sources of its Terraform JSON, each of which a plan reads from AWS.
 */
import { readSynthesizedOutput, type SynthesizedOutput } from '../review/synthesized-output';
import type { StackStep } from './changed-stacks';
import type { WavesResult } from './run-waves';

/** Seconds per stack and per resource of a modelled duration, for stacks no report has timed. */
export interface DurationModel {
  readonly stackSeconds: number;
  readonly resourceSeconds: number;
}

/** Resources and data sources of a stack's Terraform JSON. */
function resourcesOf(output: SynthesizedOutput, stack: string): number {
  const json = output.json(stack);
  let count = 0;
  for (const block of [json.resource, json.data])
    if (block && typeof block === 'object')
      for (const byName of Object.values(block)) if (byName && typeof byName === 'object') count += Object.keys(byName).length;
  return count;
}

/** The seconds each stack took in the latest of `reports` that ran it. */
export function recordedSeconds(reports: readonly WavesResult[]): Map<string, number> {
  const seconds = new Map<string, number>();
  for (const step of reports.flatMap((report) => report.steps)) if (step.seconds !== undefined) seconds.set(step.step.stack, step.seconds);
  return seconds;
}

/**
 * The expected cost of each step: its recorded seconds; else, with `model`, its modelled
 * seconds; else, when other stacks were timed, its resources at their seconds per resource;
 * else its resources plus one (every stack costs an init and a plan, whatever its size).
 */
export function stackCosts(steps: readonly StackStep[], recorded: ReadonlyMap<string, number>, model?: DurationModel): (step: StackStep) => number {
  const outputs = new Map<string, SynthesizedOutput>();
  const resources = new Map<string, number>();
  const sizeOf = (step: StackStep) => {
    let output = outputs.get(step.output);
    if (!output) outputs.set(step.output, (output = readSynthesizedOutput(step.output)));
    return resources.get(step.stack) ?? resources.set(step.stack, resourcesOf(output, step.stack) + 1).get(step.stack)!;
  };
  const timed = steps.filter((step) => recorded.has(step.stack));
  const timedSize = timed.reduce((sum, step) => sum + sizeOf(step), 0);
  const secondsPerSize = timedSize > 0 ? timed.reduce((sum, step) => sum + recorded.get(step.stack)!, 0) / timedSize : undefined;
  return (step) => {
    const seconds = recorded.get(step.stack);
    if (seconds !== undefined) return seconds;
    if (model) return model.stackSeconds + model.resourceSeconds * (sizeOf(step) - 1);
    return secondsPerSize !== undefined ? secondsPerSize * sizeOf(step) : sizeOf(step);
  };
}
