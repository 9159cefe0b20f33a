/** Suspending and closing an account, and what happens when a request file is deleted without either. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { stackWaves } from '../../lib/pipeline/changed-stacks';
import { reviewOutputs } from '../../lib/review/review';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import { copyExample, editFile, readStack, resources, synthesize } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { allIssuesOf } from '../support/read-configuration';

const lifecycle = (directory: string, file: string, value: string) => editFile(directory, file, (text) => `${text}lifecycle: ${value}\n`);

describe('lifecycle: suspended', () => {
  let out: string;
  beforeAll(async () => {
    const directory = copyExample();
    lifecycle(directory, 'accounts/payments-prod.yaml', 'suspended');
    out = await synthesize(directory);
  });

  it('moves the account to the suspended OU, where deny-all reaches it, and keeps its baseline', () => {
    const account = readStack(out, 'account-payments-prod').resource.aws_organizations_account.account;
    expect(account.parent_id).toMatch(/organizational_unit_ids(\.Suspended|\["Suspended"\])\}$/);
    expect(account.lifecycle.prevent_destroy).toBe(true);
    expect(account.close_on_deletion).toBe(false);
    expect(readSynthesizedOutput(out).stackNames).toContain('baseline-payments-prod');
  });

  it('lets nobody sign in: its assignments go, those of the request file too', () => {
    expect(resources(readStack(out, 'account-payments-prod'), 'aws_ssoadmin_account_assignment')).toEqual([]);
    expect(resources(readStack(out, 'baseline-payments-prod'), 'aws_ssoadmin_account_assignment')).toEqual([]);
  });

  it('is reviewed as a move that gains deny-all', () => {
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(out));
    expect(report.intents.find((intent) => intent.kind === 'account-moved')?.sentence).toMatch(
      /^payments-prod moves from Workloads\/Prod to Suspended and so gains SCP deny-all and loses /,
    );
  });
});

describe('lifecycle: closing, then the request file deleted', () => {
  it('first prepares the closure, the first risk of the review', async () => {
    const directory = copyExample();
    lifecycle(directory, 'accounts/payments-dev.yaml', 'closing');
    const out = await synthesize(directory);
    const account = readStack(out, 'account-payments-dev').resource.aws_organizations_account.account;
    expect(account).toMatchObject({ close_on_deletion: true, lifecycle: { prevent_destroy: false } });
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(out));
    expect(report.risks[0]).toMatchObject({
      kind: 'account-closing',
      title: 'account payments-dev is prepared for closure: deleting its request file next closes it',
      accounts: ['payments-dev'],
    });

    rmSync(join(directory, 'accounts', 'payments-dev.yaml'));
    const closed = await synthesize(directory);
    const removal = reviewOutputs(readSynthesizedOutput(out), readSynthesizedOutput(closed));
    expect(removal.risks[0]).toMatchObject({
      kind: 'account-closing',
      title: 'account payments-dev is closed: its account stack is removed with close_on_deletion set',
    });
    expect(
      stackWaves(readSynthesizedOutput(out), readSynthesizedOutput(closed)).waves.map((wave) => wave.steps.map((step) => `${step.action} ${step.stack}`)),
    ).toEqual([['destroy baseline-payments-dev'], ['destroy account-payments-dev']]);
  });
});

describe('a request file deleted without these steps', () => {
  it('is caught by the review, first risk, with the safe path; the destroy it needs meets prevent_destroy', async () => {
    const directory = copyExample();
    rmSync(join(directory, 'accounts', 'payments-dev.yaml'));
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(await synthesize(directory)));
    expect(report.risks[0]).toMatchObject({ kind: 'account-removed', saferPath: expect.stringContaining('lifecycle: suspended') });
    expect(readStack(exampleOutput(), 'account-payments-dev').resource.aws_organizations_account.account.lifecycle.prevent_destroy).toBe(true);
  });
});

describe('validation of the lifecycle', () => {
  it.each([
    [
      'a core account',
      'accounts/security.yaml',
      'suspended',
      /^accounts\/security\.yaml:\d+ lifecycle: is suspended, but a security account cannot leave: the landing zone depends on it$/,
    ],
    ['an unknown value', 'accounts/payments-dev.yaml', 'retired', /^accounts\/payments-dev\.yaml:\d+ lifecycle: .*active.*suspended.*closing/],
  ])('refuses %s', async (_case, file, value, message) => {
    const directory = copyExample();
    lifecycle(directory, file, value);
    expect(await allIssuesOf(directory)).toEqual([expect.stringMatching(message)]);
  });

  it('needs the suspended OU, and warns when deny-all is not attached to it', async () => {
    const missing = copyExample();
    lifecycle(missing, 'accounts/payments-dev.yaml', 'suspended');
    editFile(missing, 'landing-zone.yaml', (text) => text.replace('stateBackend:', 'suspendedOrganizationalUnit: Retired\n\nstateBackend:'));
    expect(await allIssuesOf(missing)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ suspendedOrganizationalUnit: expected an OU path of organizationalUnits .*got "Retired": accounts\/payments-dev\.yaml move there$/,
      ),
    ]);
    const unguarded = copyExample();
    lifecycle(unguarded, 'accounts/payments-dev.yaml', 'suspended');
    editFile(unguarded, 'landing-zone.yaml', (text) =>
      text.replace('        serviceControlPolicies: [deny-all]\n', '        serviceControlPolicies: [region-deny]\n'),
    );
    expect(await allIssuesOf(unguarded)).toEqual([
      expect.stringMatching(/suspendedOrganizationalUnit: Suspended has no deny-all attached: a suspended account there can still be used/),
    ]);
  });
});
