/**
 * Which stacks a change needs planned and applied, in waves: every stack of a wave may run
 * at the same time, each wave after the ones before, as the stacks' dependencies in
 * `manifest.json` require (a stack also waits for the changed stacks it depends on through
 * unchanged ones). Stacks whose synthesized JSON is the same on both sides are left out.
 * A stack that depends on a new stack cannot even be planned before that one is applied
 * (it reads the new stack's state): the waves say so. Stacks that are gone are destroyed
 * last, from the earlier output, dependents first.
 */
import type { SynthesizedOutput } from '../review/synthesized-output';
import type { ServiceConcurrency, ThrottledService } from './throttled-services';

export interface StackStep {
  readonly stack: string;
  /** `apply`: plan and apply from the later output; `destroy`: plan and apply a destroy from the earlier one. */
  readonly action: 'apply' | 'destroy';
  readonly reason: 'added' | 'changed' | 'removed' | 'all';
  /** The output whose `stacks/<stack>` directory the step runs in. */
  readonly output: string;
  /** New stacks this one reads, which must be applied before it can be planned. */
  readonly afterApplying: readonly string[];
  /** The shard (1 to `shards`) whose job runs this step, when the waves are sharded. */
  readonly shard?: number;
  /** The throttled services whose resources the change touches in this stack, when the waves carry caps on them. */
  readonly services?: readonly ThrottledService[];
}

export interface Wave {
  readonly number: number;
  readonly steps: readonly StackStep[];
}

export interface StackWaves {
  /** How many shards the steps are assigned to, when they are. */
  readonly shards?: number;
  /** At most how many applies that change a throttled service's resources run at once, across every shard. */
  readonly serviceConcurrency?: ServiceConcurrency;
  readonly waves: readonly Wave[];
}

/** Every stack `stack` depends on, directly or through others. */
function ancestorsOf(output: SynthesizedOutput, stack: string, known: Map<string, Set<string>>): Set<string> {
  const cached = known.get(stack);
  if (cached) return cached;
  const ancestors = new Set<string>();
  known.set(stack, ancestors);
  for (const dependency of output.dependenciesOf(stack)) {
    ancestors.add(dependency);
    for (const ancestor of ancestorsOf(output, dependency, known)) ancestors.add(ancestor);
  }
  return ancestors;
}

/** Each stack of `stacks` numbered by how many of the others must come before it, along `ancestors`. */
function layered(stacks: readonly string[], ancestors: (stack: string) => Set<string>): Map<string, number> {
  const selected = new Set(stacks);
  const layers = new Map<string, number>();
  const layerOf = (stack: string): number => {
    const known = layers.get(stack);
    if (known !== undefined) return known;
    const before = [...ancestors(stack)].filter((ancestor) => selected.has(ancestor));
    const layer = before.length === 0 ? 0 : Math.max(...before.map(layerOf)) + 1;
    layers.set(stack, layer);
    return layer;
  };
  stacks.forEach(layerOf);
  return layers;
}

function wavesOf(steps: readonly (StackStep & { readonly layer: number })[], first: number): Wave[] {
  const count = steps.length === 0 ? 0 : Math.max(...steps.map((step) => step.layer)) + 1;
  return Array.from({ length: count }, (_, layer) => ({
    number: first + layer,
    steps: steps
      .filter((step) => step.layer === layer)
      .map(({ layer: _layer, ...step }) => step)
      .sort((a, b) => (a.stack < b.stack ? -1 : a.stack > b.stack ? 1 : 0)),
  })).filter((wave) => wave.steps.length > 0);
}

/** The waves of a change from `before` to `after`; with no `before`, every stack of `after` (a full plan). */
export function stackWaves(before: SynthesizedOutput | undefined, after: SynthesizedOutput): StackWaves {
  const beforeNames = new Set(before?.stackNames ?? []);
  const afterNames = new Set(after.stackNames);
  const applied = after.stackNames
    .filter((stack) => !before || !beforeNames.has(stack) || before.text(stack) !== after.text(stack))
    .map((stack) => ({ stack, reason: !before ? ('all' as const) : beforeNames.has(stack) ? ('changed' as const) : ('added' as const) }));
  const added = new Set(applied.filter((step) => step.reason === 'added').map((step) => step.stack));
  const afterAncestors = new Map<string, Set<string>>();
  const applyLayers = layered(
    applied.map((step) => step.stack),
    (stack) => ancestorsOf(after, stack, afterAncestors),
  );
  const applySteps = applied.map((step) => ({
    ...step,
    action: 'apply' as const,
    output: after.directory,
    afterApplying: [...ancestorsOf(after, step.stack, afterAncestors)].filter((ancestor) => added.has(ancestor)).sort(),
    layer: applyLayers.get(step.stack) ?? 0,
  }));
  const applyWaves = wavesOf(applySteps, 1);
  if (!before) return { waves: applyWaves };
  const removed = before.stackNames.filter((stack) => !afterNames.has(stack));
  const beforeAncestors = new Map<string, Set<string>>();
  // Dependents first: a stack is destroyed before the stacks it depends on.
  const dependentsOf = (stack: string) => new Set(removed.filter((other) => ancestorsOf(before, other, beforeAncestors).has(stack)));
  const destroyLayers = layered(removed, dependentsOf);
  const destroySteps = removed.map((stack) => ({
    stack,
    reason: 'removed' as const,
    action: 'destroy' as const,
    output: before.directory,
    afterApplying: [],
    layer: destroyLayers.get(stack) ?? 0,
  }));
  return { waves: [...applyWaves, ...wavesOf(destroySteps, applyWaves.length + 1)] };
}

export function describeWaves({ waves }: StackWaves): string {
  const steps = waves.flatMap((wave) => wave.steps);
  if (steps.length === 0) return 'no stack changes';
  const applies = steps.filter((step) => step.action === 'apply').length;
  const lines = [
    `${applies} stack${applies === 1 ? '' : 's'} to apply, ${steps.length - applies} to destroy, in ${waves.length} wave${waves.length === 1 ? '' : 's'}:`,
  ];
  for (const wave of waves) {
    lines.push(`wave ${wave.number}:`);
    for (const step of wave.steps) {
      const note = step.afterApplying.length > 0 ? ` (plan only after applying ${step.afterApplying.join(', ')}: it reads the new stack's state)` : '';
      const shard = step.shard === undefined ? '' : ` [shard ${step.shard}]`;
      lines.push(`  ${step.action === 'destroy' ? 'destroy' : step.reason === 'added' ? 'new    ' : 'apply  '} ${step.stack}${shard}${note}`);
    }
  }
  return lines.join('\n');
}
