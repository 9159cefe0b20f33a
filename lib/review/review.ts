/**
 * A review of two synthesized outputs: which stacks and resources change and how, what it
 * means for the organization, and the risks, most serious first. Computed from the two
 * outputs alone. Identical outputs are told apart from changed ones by their text, before
 * anything is parsed.
 */
import { intentsOf, pagingIntents } from './intents';
import { organizationViewOf } from './organization-view';
import type { ReviewReport, StackChange } from './report';
import { risksOf } from './risks';
import { stackChanges } from './stack-diff';
import type { SynthesizedOutput } from './synthesized-output';
import type { Noise } from './value-diff';

/** The account ids the outputs' providers are limited to: the management account's and those of adopted accounts. */
function literalAccountIds(outputs: readonly SynthesizedOutput[]): Set<string> {
  const ids = new Set<string>();
  for (const output of outputs) {
    for (const stack of output.stackNames) {
      for (const match of output.text(stack).matchAll(/"allowed_account_ids":\s*\[([^\]]*)\]/g))
        for (const id of match[1].matchAll(/"(\d{12})"/g)) ids.add(id[1]);
    }
  }
  return ids;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function countsOf(stacks: readonly StackChange[]): ReviewReport['counts'] {
  const resources = stacks.flatMap((stack) => stack.resources.filter((resource) => resource.kind === 'resource'));
  return {
    stacksAdded: stacks.filter((stack) => stack.status === 'added').length,
    stacksRemoved: stacks.filter((stack) => stack.status === 'removed').length,
    stacksChanged: stacks.filter((stack) => stack.status === 'changed').length,
    // A replacement is one to add and one to destroy, as Terraform counts it.
    resourcesAdded: resources.filter((resource) => resource.action === 'create' || resource.action === 'import' || resource.action === 'replace').length,
    resourcesRemoved: resources.filter((resource) => resource.action === 'delete' || resource.action === 'replace').length,
    resourcesChanged: resources.filter((resource) => resource.action === 'update').length,
  };
}

export function summaryOf(counts: ReviewReport['counts'], risks: number, acknowledged = 0): string {
  const stacks = counts.stacksAdded + counts.stacksRemoved + counts.stacksChanged;
  if (stacks === 0) return 'no change';
  return (
    `${plural(stacks, 'stack')} change (${counts.stacksAdded} added, ${counts.stacksRemoved} removed, ${counts.stacksChanged} changed); ` +
    `resources: ${counts.resourcesAdded} to add, ${counts.resourcesChanged} to change, ${counts.resourcesRemoved} to destroy; ` +
    (risks === 0 ? 'no risk found' : `${plural(risks, 'risk')} to look at${acknowledged > 0 ? ` (${acknowledged} acknowledged)` : ''}`)
  );
}

/** The report of the stacks' changes, with what they mean and their risks. */
export function reportOf(
  stacks: StackChange[],
  risks: ReviewReport['risks'],
  intents: ReviewReport['intents'],
  suppressed: Noise,
  warnings: readonly string[] = [],
  requests: ReviewReport['requests'] = [],
): ReviewReport {
  const counts = countsOf(stacks.filter((stack) => stack.status !== 'changed' || stack.resources.length > 0 || stack.imports.length > 0));
  const open = risks.filter((risk) => risk.acknowledged === undefined);
  return {
    version: 1,
    summary: summaryOf(counts, risks.length, risks.length - open.length),
    risky: open.length > 0,
    counts,
    risks,
    warnings: [...warnings],
    intents,
    requests,
    stacks,
    suppressed,
  };
}

export function reviewOutputs(before: SynthesizedOutput, after: SynthesizedOutput): ReviewReport {
  const noise: Noise = { metadata: 0, reordered: 0 };
  const stacks = stackChanges(before, after, noise);
  if (stacks.length === 0) return reportOf([], [], [], noise);
  const cache = new Map();
  const beforeView = organizationViewOf(before, cache);
  const afterView = organizationViewOf(after, cache);
  const risks = risksOf(stacks, { before: beforeView, after: afterView, knownAccountIds: literalAccountIds([before, after]) });
  return reportOf(stacks, risks, [...intentsOf(beforeView, afterView), ...pagingIntents(stacks)], noise);
}
