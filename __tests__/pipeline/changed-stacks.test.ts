/** The stacks a change needs planned and applied, in waves, on variants of the example. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type StackWaves, stackWaves } from '../../lib/pipeline/changed-stacks';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import { copyExample, editFile, runEntry, synthesize, writeFile } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

async function wavesOf(edit: (directory: string) => void): Promise<StackWaves> {
  const directory = copyExample();
  edit(directory);
  return stackWaves(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(await synthesize(directory)));
}

const layout = ({ waves }: StackWaves) =>
  waves.map((wave) => wave.steps.map((step) => `${step.action} ${step.stack}${step.afterApplying.length > 0 ? ` after ${step.afterApplying.join(',')}` : ''}`));

function vend(directory: string): void {
  writeFile(
    directory,
    'accounts/payments-qa.yaml',
    'name: payments-qa\nemail: aws-payments-qa@example.com\nou: Workloads/NonProd\ntags: { owner: payments, environment: nonprod, cost-center: "4200" }\nbudget: { monthlyLimitUsd: 300, alertEmails: [a@example.com] }\n',
  );
}

describe('changed stacks', () => {
  it('are none for the same output', () => {
    expect(stackWaves(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(exampleOutput())).waves).toEqual([]);
  });

  it('are two waves for a vended account: its account stack before its baseline, which reads it', async () => {
    expect(layout(await wavesOf(vend))).toEqual([['apply account-payments-qa'], ['apply baseline-payments-qa after account-payments-qa']]);
  });

  it('are the account stack alone for a move', async () => {
    expect(
      layout(await wavesOf((directory) => editFile(directory, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Security')))),
    ).toEqual([['apply account-shared-services']]);
  });

  it('are the management stack alone for a changed SCP', async () => {
    expect(
      layout(
        await wavesOf((directory) =>
          editFile(directory, 'landing-zone.yaml', (text) =>
            text.replace('      - pricingplanmanager:*\n', '      - pricingplanmanager:*\n      - kendra:*\n'),
          ),
        ),
      ),
    ).toEqual([['apply management']]);
  });

  it('order a new OU and an account vended into it, each stack after the changed stacks it depends on', async () => {
    const waves = await wavesOf((directory) => {
      editFile(directory, 'landing-zone.yaml', (text) => text.replace('  Sandbox: {}\n', '  Sandbox: {}\n  Research: {}\n'));
      vend(directory);
      editFile(directory, 'accounts/payments-qa.yaml', (text) => text.replace('ou: Workloads/NonProd', 'ou: Research'));
    });
    expect(layout(waves)).toEqual([['apply management'], ['apply account-payments-qa'], ['apply baseline-payments-qa after account-payments-qa']]);
  });

  it('destroy a removed account last, its baseline before its account stack, from the earlier output', async () => {
    const waves = await wavesOf((directory) => rmSync(join(directory, 'accounts', 'payments-dev.yaml')));
    expect(layout(waves)).toEqual([['destroy baseline-payments-dev'], ['destroy account-payments-dev']]);
    expect(waves.waves[0].steps[0].output).toBe(exampleOutput());
  });

  it('are every stack with --all, management first, then the baselines, the organization Config rules and the chat channel (after incident-response) last', () => {
    const { waves } = stackWaves(undefined, readSynthesizedOutput(exampleOutput()));
    expect(waves[0].steps.map((step) => step.stack)).toEqual(['management']);
    const baselines = readSynthesizedOutput(exampleOutput()).stackNames.filter((stack) => stack.startsWith('baseline-'));
    expect(waves.at(-2)!.steps.map((step) => step.stack)).toEqual(expect.arrayContaining(baselines));
    expect(waves.at(-1)!.steps.map((step) => step.stack)).toEqual(['chat-security-alerts', 'detective-controls']);
    expect(waves.flatMap((wave) => wave.steps)).toHaveLength(readSynthesizedOutput(exampleOutput()).stackNames.length);
  });

  it('are printed for pipelines as JSON, and for people as waves', () => {
    const json = runEntry('lib/cli/changed-stacks.ts', ['--all', '--after', exampleOutput(), '--format', 'json'], {});
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).waves[0]).toEqual({
      number: 1,
      steps: [{ stack: 'management', action: 'apply', reason: 'all', output: exampleOutput(), afterApplying: [] }],
    });
    const text = runEntry('lib/cli/changed-stacks.ts', ['--before', exampleOutput(), '--after', exampleOutput()], {});
    expect(text.stdout).toBe('no stack changes\n');
    expect(runEntry('lib/cli/changed-stacks.ts', [], {}).stderr).toContain(
      'give one of --base <ref>, --before <dir> (with --after <dir>), --all, or --waves <file>',
    );
  });
});
