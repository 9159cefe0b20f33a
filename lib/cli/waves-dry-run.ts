/**
 * `npm run waves -- <mode> --waves <file> --dry-run`: what the runner would do, in which
 * order, without Terraform or AWS: each wave, the stacks of it that may run side by side,
 * where each runs and the Terraform commands it gets, and what waits for what. A way to
 * read a waves file, and to try the runner on a machine without credentials.
 */
import { join } from 'node:path';
import type { StackStep, StackWaves } from '../pipeline/changed-stacks';
import type { WaveMode } from '../pipeline/run-waves';
import type { ServiceConcurrency } from '../pipeline/throttled-services';

interface DryRunOptions {
  readonly mode: WaveMode;
  readonly concurrency: number;
  readonly plansDirectory: string;
  /** This job's share of the caps on applies of throttled services. */
  readonly serviceConcurrency?: ServiceConcurrency;
}

function commandsOf(step: StackStep, { mode, plansDirectory }: DryRunOptions): string {
  const plan = join(plansDirectory, `${step.stack}.tfplan`);
  const destroy = step.action === 'destroy' ? ' -destroy' : '';
  if (mode === 'drift') return `terraform init, terraform plan -detailed-exitcode -out=${plan}${destroy}`;
  if (mode === 'plan') {
    if (step.afterApplying.length > 0) return `skipped: it can be planned only once ${step.afterApplying.join(', ')} is applied`;
    return `terraform init, terraform plan -out=${plan}${destroy}, terraform show -json into ${join(plansDirectory, `${step.stack}.json`)}`;
  }
  return `terraform init, terraform apply ${plan} if that saved plan still holds, else a fresh ${destroy ? 'destroy ' : ''}plan, applied when it has no risk`;
}

export function describeDryRun({ waves }: StackWaves, options: DryRunOptions): string {
  const steps = waves.flatMap((wave) => wave.steps);
  if (steps.length === 0) return `${options.mode}: no stack to run (dry run: Terraform not started)`;
  const order =
    options.mode === 'drift'
      ? `every stack in no order, the waves only grouping them, at most ${options.concurrency} at a time`
      : `wave after wave, at most ${options.concurrency} stacks of a wave at a time`;
  const lines = [`${options.mode}, ${order} (dry run: Terraform not started):`];
  const caps = Object.entries(options.serviceConcurrency ?? {});
  if (options.mode === 'apply' && caps.length > 0)
    lines.push(
      `of them, applies changing ${caps
        .map(
          ([service, cap]) =>
            `${service} resources ${cap === 0 ? 'one at a time (this shard has no share of the cap: none is expected here)' : `at most ${cap} at a time`}`,
        )
        .join(', and ')}`,
    );
  for (const wave of waves) {
    lines.push(`wave ${wave.number}${wave.number > 1 && options.mode === 'apply' ? ', once every stack of the waves before is applied' : ''}:`);
    for (const step of wave.steps) {
      lines.push(
        `  ${step.action === 'destroy' ? 'destroy' : step.reason === 'added' ? 'new' : step.reason === 'all' ? 'stack' : 'changed'} ${step.stack} in ${join(step.output, 'stacks', step.stack)}`,
      );
      lines.push(`    ${commandsOf(step, options)}`);
    }
  }
  return lines.join('\n');
}
