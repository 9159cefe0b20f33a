/**
 * The README's first apply of a new organization and the example's synth summary say the
 * same thing: every step of the README is a command or a console page, every stack of the
 * example is deployed by one step, every "before applying" and "after applying" line of the
 * summary is a step of the README on the right side of the steps that deploy its stacks, and
 * every step by hand of the README is a line of the summary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesisSummary } from '../../lib/app/synthesis-summary';
import { synthesizeLandingZone } from '../../lib/app/synthesize-landing-zone';
import { copyExample, REPOSITORY, stackNames, temporaryDirectory } from '../support/example-config';

type Step =
  | { readonly kind: 'deploy'; readonly stacks: readonly string[] }
  | { readonly kind: 'console'; readonly page: string }
  | { readonly kind: 'command'; readonly command: string };

const START = 'The first apply of a new organization, step by step';

/** The numbered steps of the README's first apply, one line each. */
function readmeSteps(): string[] {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const from = readme.indexOf(START);
  if (from < 0) throw new Error("the README's first apply is not where it was");
  const section = readme.slice(from).split('\n\n')[1];
  return section.split(/\n(?=\d+\. )/).map((step) => step.replace(/\s*\n\s*/g, ' '));
}

function stepOf(text: string): Step | undefined {
  const body = text.replace(/^\d+\. /, '');
  const deploy = /^`npx cdktf deploy ([^`]+)`/.exec(body);
  if (deploy) return { kind: 'deploy', stacks: deploy[1].split(' ').map((stack) => stack.replace(/'/g, '')) };
  const page = /^(https:\/\/console\.aws\.amazon\.com\/\S+)/.exec(body);
  if (page) return { kind: 'console', page: page[1] };
  const command = /^`(aws [^`]+)`/.exec(body);
  if (command) return { kind: 'command', command: command[1] };
  return undefined;
}

const deploys = (step: Step, stack: string): boolean =>
  step.kind === 'deploy' && step.stacks.some((pattern) => new RegExp(`^${pattern.replace(/\*/g, '.*')}$`).test(stack));

/** A line of the summary's steps by hand: before or after which stack, what it names (a console page or a command), and the stacks it says must be applied first. */
interface SummaryStep {
  readonly line: string;
  readonly when: 'before' | 'after';
  readonly stack: string;
  readonly key: string;
  readonly appliedFirst: readonly string[];
}

function summarySteps(summary: string): SummaryStep[] {
  return summary
    .split('\n')
    .map((line) => ({ line, match: /^ {2}(before|after) applying ([^:\s]+): (.*)$/.exec(line) }))
    .filter(({ match }) => match !== null)
    .map(({ line, match }) => {
      const [, when, stack, text] = match!;
      const key = /(https:\/\/console\.aws\.amazon\.com\/[^\s,)]+)/.exec(text)?.[1] ?? /(aws [a-z-]+ [a-z-]+ .*)$/.exec(text)?.[1];
      if (key === undefined) throw new Error(`names neither a console page nor a command: ${line}`);
      const appliedFirst = [...text.matchAll(/after applying ([a-z0-9-]+)/g)].map((mention) => mention[1]);
      return { line, when: when as 'before' | 'after', stack, key, appliedFirst };
    });
}

const keyOf = (step: Step): string | undefined => (step.kind === 'console' ? step.page : step.kind === 'command' ? step.command : undefined);

let stacks: string[];
let summary: string;
beforeAll(async () => {
  const outdir = temporaryDirectory();
  const { landingZone, app } = await synthesizeLandingZone(copyExample(), { outdir });
  stacks = stackNames(outdir);
  summary = synthesisSummary(landingZone, app);
});

const steps = () => readmeSteps().map((text) => ({ text, step: stepOf(text) }));

it('is a numbered list whose every step is a command or a console page', () => {
  expect(steps().length).toBeGreaterThan(3);
  expect(steps().filter(({ step }) => step === undefined)).toEqual([]);
});

it('deploys every stack of the example in exactly one step,, and names no stack it does not have', () => {
  const parsed = steps().map(({ step }) => step!);
  for (const stack of stacks) expect({ stack, steps: parsed.filter((step) => deploys(step, stack)).length }).toEqual({ stack, steps: 1 });
  for (const pattern of parsed.flatMap((step) => (step.kind === 'deploy' ? step.stacks : []))) {
    expect({ pattern, matches: stacks.some((stack) => deploys({ kind: 'deploy', stacks: [pattern] }, stack)) }).toEqual({ pattern, matches: true });
  }
});

it('has every step by hand of the synth summary, on the right side of the steps that deploy its stacks', () => {
  const parsed = steps().map(({ step }) => step!);
  const indexDeploying = (stack: string) => parsed.findIndex((step) => deploys(step, stack));
  const byHand = summarySteps(summary);
  expect(byHand.length).toBeGreaterThan(0);
  for (const { line, when, stack, key, appliedFirst } of byHand) {
    const index = parsed.findIndex((step) => keyOf(step) === key);
    expect({ line, inReadme: index >= 0 }).toEqual({ line, inReadme: true });
    const deployed = indexDeploying(stack);
    expect({ line, order: when === 'before' ? index < deployed : index > deployed }).toEqual({ line, order: true });
    for (const first of appliedFirst) expect({ line, first, after: index > indexDeploying(first) }).toEqual({ line, first, after: true });
  }
});

it('has no step by hand that the synth summary does not name', () => {
  const keys = new Set(summarySteps(summary).map((step) => step.key));
  const byHand = steps()
    .map(({ step }) => keyOf(step!))
    .filter((key) => key !== undefined);
  expect(byHand.filter((key) => !keys.has(key))).toEqual([]);
});
