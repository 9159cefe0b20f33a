/**
 * The review of Terraform plans, on plans written from the documented JSON plan format
 * (`terraform show -json`): create, update, delete, replace, no-op, import, unknown values,
 * sensitive values, drift.
 */
import { join } from 'node:path';
import { reviewPlans, stackOfPlanFile } from '../../lib/review/plan-summary';
import type { ReviewReport } from '../../lib/review/report';
import { renderMarkdown, renderTerminal } from '../../lib/review/render-text';
import { temporaryDirectory, writeFile } from '../support/example-config';

const PLANS = join(__dirname, '..', 'fixtures', 'plans');
const plan = (name: string) => join(PLANS, `${name}.json`);

const resource = (report: ReviewReport, stack: string, address: string) =>
  report.stacks.find((change) => change.name === stack)?.resources.find((change) => change.address === address);

describe('plans', () => {
  const report = reviewPlans(['management', 'log-archive', 'account-payments-qa', 'account-payments-dev', 'baseline-payments-prod', 'security'].map(plan));

  it('name their stack by file name, count a replace as one to add and one to destroy as Terraform does, and leave out stacks that change nothing', () => {
    expect(stackOfPlanFile('/plans/account-payments-qa.json')).toBe('account-payments-qa');
    expect(stackOfPlanFile('baseline-x.tfplan.json')).toBe('baseline-x');
    expect(report.stacks.map((stack) => stack.name)).toEqual([
      'account-payments-dev',
      'account-payments-qa',
      'baseline-payments-prod',
      'log-archive',
      'management',
    ]);
    expect(report.counts).toEqual({ stacksAdded: 0, stacksRemoved: 0, stacksChanged: 5, resourcesAdded: 3, resourcesRemoved: 3, resourcesChanged: 4 });
  });

  it('take the replacement and its reason from the plan', () => {
    expect(resource(report, 'log-archive', 'aws_s3_bucket.cloudtrail_bucket_1C89B57A')).toMatchObject({ action: 'replace', replacedBecause: ['bucket'] });
    expect(report.risks).toContainEqual(
      expect.objectContaining({ kind: 'replaced', title: 'aws_s3_bucket.cloudtrail_bucket_1C89B57A in log-archive is replaced (bucket changed)' }),
    );
  });

  it('show what is known only after apply, name accounts as the plan does, and skip data sources that are only read', () => {
    const account = resource(report, 'account-payments-qa', 'aws_organizations_account.account');
    expect(account).toMatchObject({ action: 'create' });
    expect(account!.unknownAfter).toEqual(expect.arrayContaining(['id', 'arn']));
    expect(resource(report, 'account-payments-qa', 'data.terraform_remote_state.management')).toBeUndefined();
    expect(resource(report, 'account-payments-qa', 'output.account_id')).toMatchObject({ action: 'create', unknownAfter: [''] });
    expect(report.intents).toContainEqual(
      expect.objectContaining({ kind: 'account-added', sentence: 'account-payments-qa creates account payments-qa in ou-ab12-nonprod01' }),
    );
  });

  it('say that a sensitive value changes, never what it is', () => {
    expect(resource(report, 'log-archive', 'aws_kms_key.cloudtrail_key')?.attributes).toEqual([
      { path: 'tags.secret-owner', before: '(sensitive)', after: '(sensitive)' },
    ]);
    expect(JSON.stringify(report)).not.toMatch(/"(security|platform)"/);
  });

  it('read an import as an import, with its id', () => {
    const stack = report.stacks.find((change) => change.name === 'baseline-payments-prod')!;
    expect(stack.imports).toEqual([{ to: 'aws_s3_account_public_access_block.public_access_block', id: '666666666666' }]);
    expect(resource(report, 'baseline-payments-prod', 'aws_s3_account_public_access_block.public_access_block')).toMatchObject({ action: 'import' });
  });

  it('show drift apart, never as part of the change', () => {
    const stack = report.stacks.find((change) => change.name === 'baseline-payments-prod')!;
    expect(stack.drift).toEqual([
      expect.objectContaining({
        address: 'aws_s3_account_public_access_block.public_access_block',
        action: 'update',
        attributes: [{ path: 'block_public_acls', before: true, after: false }],
      }),
    ]);
    const drifted = 'drift, changed outside Terraform: aws_s3_account_public_access_block.public_access_block (block_public_acls)';
    expect(renderTerminal(report, false)).toContain(`    ${drifted}`);
    expect(renderMarkdown(report)).toContain(`# ${drifted}`);
    expect(report.risks.filter((risk) => risk.kind === 'logging-weakened')).toEqual([
      expect.objectContaining({ title: expect.stringContaining('object lock retention shortened') }),
    ]);
  });

  it('raise the same risks as a review of the outputs, without the blast radius only the outputs give', () => {
    expect(report.risks.map((risk) => [risk.kind, risk.title])).toEqual([
      ['account-removed', 'account payments-dev would leave the organization: its account is destroyed'],
      ['exemption-widened', 'SCP region-deny now exempts arn:aws:iam::*:role/Contractor'],
      [
        'external-principal',
        'aws_iam_role.alert_forwarding_role in baseline-payments-prod: assume_role_policy statement Allow sts:AssumeRole lets in AWS:arn:aws:iam::999999999999:root',
      ],
      ['replaced', 'aws_s3_bucket.cloudtrail_bucket_1C89B57A in log-archive is replaced (bucket changed)'],
      [
        'logging-weakened',
        expect.stringContaining('aws_s3_bucket_object_lock_configuration.cloudtrail_object_lock in log-archive: object lock retention shortened'),
      ],
      // The plans hold the OU (unchanged, with its name) but not the policy: the one is named, the other stays an id.
      ['guardrail-weakened', 'p-efgh5678 is detached from OU Sandbox'],
      ['region-changed', 'SCP region-deny: region eu-central-1 is closed'],
    ]);
  });

  it('name a changed policy by its type and name, as the plan holds them, not by its address', () => {
    expect(report.intents.filter((intent) => intent.kind === 'policy-changed').map((intent) => intent.sentence)).toEqual([
      'SCP region-deny now exempts arn:aws:iam::*:role/Contractor',
      'SCP region-deny now also denies eu-central-1',
    ]);
  });

  it('refuse a file that is not a JSON plan, without quoting it', () => {
    const directory = temporaryDirectory();
    writeFile(directory, 'state.json', '{ "version": 4, "secret": "do-not-print" }');
    expect(() => reviewPlans([join(directory, 'state.json')])).toThrow(/state\.json is not a Terraform JSON plan \(terraform show -json <planfile>\)/);
    expect(() => reviewPlans([join(directory, 'state.json')])).not.toThrow(/do-not-print/);
  });
});
