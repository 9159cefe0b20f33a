import { rmSync } from 'node:fs';
import { copyExample, editFile, filesUnder, readStack, synthesize, writeFile } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

/** The example as synthesized once for the run, in a directory of its own: what each unchanged copy of it synthesizes to. */
const example = filesUnder(exampleOutput());

/** Stacks whose Terraform differs between two outputs, and stacks only one of them has. */
function stackChanges(before: Map<string, string>, after: Map<string, string>) {
  const stacksOf = (files: Map<string, string>) =>
    new Map([...files].filter(([path]) => path.endsWith('/cdk.tf.json')).map(([path, text]) => [path.split('/')[1], text]));
  const a = stacksOf(before);
  const b = stacksOf(after);
  return {
    added: [...b.keys()].filter((name) => !a.has(name)),
    removed: [...a.keys()].filter((name) => !b.has(name)),
    changed: [...b.keys()].filter((name) => a.has(name) && a.get(name) !== b.get(name)),
  };
}

const PAYMENTS_QA = [
  'name: payments-qa',
  'email: aws-payments-qa@example.com',
  'ou: Workloads/NonProd',
  'tags: { owner: payments, environment: nonprod, cost-center: "4200" }',
  'budget: { monthlyLimitUsd: 300, alertEmails: [payments-leads@example.com] }',
  '',
].join('\n');

describe('determinism', () => {
  it('synthesizes the same bytes from the same input, whatever the directories', async () => {
    const second = filesUnder(await synthesize(copyExample()));
    expect([...second.keys()]).toEqual([...example.keys()]);
    expect(second).toEqual(example);
  });

  it('keeps absolute paths out of the output', async () => {
    for (const [path, text] of example) {
      expect({ path, absolute: /"\/(tmp|home|root|work|Users)\//.test(text) }).toEqual({ path, absolute: false });
    }
  });
});

describe('change stays local', () => {
  it('vending an account adds its two stacks and changes no other, the firewall policies whose scope it joins included', async () => {
    const dir = copyExample();
    const out = exampleOutput();
    const before = example;
    // The example's WAF policy covers the Workloads OU, and so Workloads/NonProd below it; its other policies the whole organization.
    const firewallPolicies = Object.values<Record<string, any>>(readStack(out, 'firewall-manager').resource.aws_fms_policy);
    expect(firewallPolicies.filter((policy) => policy.name === 'landing-zone-workloads-web').map((policy) => policy.include_map)).toEqual([
      { orgunit: ['${data.terraform_remote_state.management.outputs.organizational_unit_ids.Workloads}'] },
      { orgunit: ['${data.terraform_remote_state.management.outputs.organizational_unit_ids.Workloads}'] },
    ]);
    expect(firewallPolicies.filter((policy) => policy.include_map === undefined)).toHaveLength(firewallPolicies.length - 2);
    writeFile(dir, 'accounts/payments-qa.yaml', PAYMENTS_QA);
    expect(stackChanges(before, filesUnder(await synthesize(dir)))).toEqual({
      added: ['account-payments-qa', 'baseline-payments-qa'],
      removed: [],
      changed: [],
    });
  });

  it('vending an account with remediations on adds its two stacks, remediating in its own baseline, and changes no other', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('\nsessionManager:', '  remediations: [close-default-security-group]\n\nsessionManager:'));
    const before = filesUnder(await synthesize(dir));
    writeFile(dir, 'accounts/payments-qa.yaml', PAYMENTS_QA);
    const out = await synthesize(dir);
    expect(stackChanges(before, filesUnder(out))).toEqual({ added: ['account-payments-qa', 'baseline-payments-qa'], removed: [], changed: [] });
    expect(Object.values(readStack(out, 'baseline-payments-qa').resource.aws_cloudwatch_event_rule).map((rule: any) => rule.name)).toContain(
      'landing-zone-remediate-close-default-security-group',
    );
  });

  it('changing who is paged changes the incident response stack only', async () => {
    const dir = copyExample();
    const before = example;
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('invocationsPerSecond: 10', 'invocationsPerSecond: 20'));
    expect(stackChanges(before, filesUnder(await synthesize(dir)))).toEqual({ added: [], removed: [], changed: ['incident-response'] });
  });

  it('moving an account to another OU changes its account stack only, the grants that reach it included', async () => {
    const dir = copyExample();
    // Workloads/Prod has detective controls of its own, which the move would bring into the baseline (see below).
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace(
        '        controls: [rds-storage-encrypted, vpc-flow-logs-enabled]\n        conformancePacks: [payments-data-protection]\n',
        '        controls: []\n',
      ),
    );
    const before = filesUnder(await synthesize(dir));
    editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Workloads/Prod'));
    const out = await synthesize(dir);
    expect(stackChanges(before, filesUnder(out))).toEqual({ added: [], removed: [], changed: ['account-shared-services'] });
    const stack = readStack(out, 'account-shared-services');
    expect(stack.resource.aws_organizations_account.account.parent_id).toMatch(/organizational_unit_ids(\.Prod|\["Workloads\/Prod"\])\}$/);
    const assignments = Object.values(stack.resource.aws_ssoadmin_account_assignment) as { permission_set_arn: string; principal_id: string }[];
    expect(
      assignments.some(
        (assignment) =>
          /permission_set_arns(\.ReadOnly|\["ReadOnly"\])\}$/.test(assignment.permission_set_arn) &&
          /group_ids(\.payments-developers|\["payments-developers"\])\}$/.test(assignment.principal_id),
      ),
    ).toBe(true);
  });

  it('moving an account out of a grant whose permission set needs policies in the account changes its baseline too, and no other stack', async () => {
    const dir = copyExample();
    const before = example;
    editFile(dir, 'accounts/sandbox-data-science.yaml', (text) => text.replace('ou: Sandbox', 'ou: Suspended'));
    const out = await synthesize(dir);
    expect(stackChanges(before, filesUnder(out))).toEqual({
      added: [],
      removed: [],
      changed: ['account-sandbox-data-science', 'baseline-sandbox-data-science'],
    });
    expect(readStack(out, 'account-sandbox-data-science').resource.aws_organizations_account.account.parent_id).toMatch(
      /organizational_unit_ids(\.Suspended|\["Suspended"\])\}$/,
    );
    expect(readStack(out, 'baseline-sandbox-data-science').resource.aws_iam_policy).toBeUndefined();
  });

  it('moving an account into an OU with detective controls of its own changes its baseline too, which deploys them, and no other stack', async () => {
    const dir = copyExample();
    const before = example;
    editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Workloads/Prod'));
    const out = await synthesize(dir);
    expect(stackChanges(before, filesUnder(out))).toEqual({ added: [], removed: [], changed: ['account-shared-services', 'baseline-shared-services'] });
    const rules = Object.values<{ name: string }>(readStack(out, 'baseline-shared-services').resource.aws_config_config_rule).map((rule) => rule.name);
    expect(rules).toEqual(expect.arrayContaining(['landing-zone-rds-storage-encrypted', 'landing-zone-vpc-flow-logs-enabled']));
  });

  it('changing a permission set changes the Identity Center stack only', async () => {
    const dir = copyExample();
    const before = example;
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace('sessionDuration: PT8H\n      awsManagedPolicies: [PowerUserAccess]', 'sessionDuration: PT4H\n      awsManagedPolicies: [PowerUserAccess]'),
    );
    expect(stackChanges(before, filesUnder(await synthesize(dir)))).toEqual({ added: [], removed: [], changed: ['identity-center'] });
  });

  it('deleting a request file drops its stacks from the output but destroys nothing in the others', async () => {
    const dir = copyExample();
    const before = example;
    rmSync(`${dir}/accounts/payments-dev.yaml`);
    expect(stackChanges(before, filesUnder(await synthesize(dir)))).toEqual({
      added: [],
      removed: ['account-payments-dev', 'baseline-payments-dev'],
      changed: [],
    });
  });
});
