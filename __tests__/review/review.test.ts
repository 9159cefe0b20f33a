/**
 * The review of a change, computed from two synthesized outputs only: what it does to the
 * organization, the accounts each change reaches through the OU tree, the risks first, the
 * policies compared statement by statement, and the noise left out.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from '../../lib/review/render-text';
import type { ReviewReport } from '../../lib/review/report';
import { reviewOutputs } from '../../lib/review/review';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import {
  addNestedPaymentsUnit,
  copyExample,
  governRegion,
  editFile,
  synthesize,
  temporaryDirectory,
  type TerraformJson,
  writeFile,
} from '../support/example-config';
import { exampleOutput } from '../support/example-output';

/** The example against the example changed by `edit`. */
async function reviewOf(edit: (directory: string) => void): Promise<ReviewReport> {
  const directory = copyExample();
  edit(directory);
  return reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(await synthesize(directory)));
}

const sentences = (report: ReviewReport) => report.intents.map((intent) => intent.sentence);

function vend(directory: string, name: string, ou: string): void {
  writeFile(
    directory,
    `accounts/${name}.yaml`,
    [
      `name: ${name}`,
      `email: aws-${name}@example.com`,
      `ou: ${ou}`,
      'tags: { owner: payments, environment: nonprod, cost-center: "4200" }',
      'budget: { monthlyLimitUsd: 300, alertEmails: [payments-leads@example.com] }',
      '',
    ].join('\n'),
  );
}

describe('identical outputs', () => {
  it('report no change and no risk', () => {
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(exampleOutput()));
    expect(report).toMatchObject({ summary: 'no change', risky: false, stacks: [], risks: [], intents: [] });
  });
});

describe('vending an account', () => {
  let report: ReviewReport;
  beforeAll(async () => {
    report = await reviewOf((directory) => vend(directory, 'payments-qa', 'Workloads/NonProd'));
  });

  it('adds its two stacks and changes no other', () => {
    expect(report.stacks.map((stack) => [stack.name, stack.status])).toEqual([
      ['account-payments-qa', 'added'],
      ['baseline-payments-qa', 'added'],
    ]);
    expect(report.counts).toMatchObject({ stacksAdded: 2, stacksRemoved: 0, stacksChanged: 0, resourcesRemoved: 0 });
  });

  it('says where the account goes, which guardrails reach it and who may sign in, and raises no risk', () => {
    expect(report.risks).toEqual([]);
    expect(report.intents.find((intent) => intent.kind === 'account-added')).toMatchObject({
      sentence: expect.stringMatching(
        /^account payments-qa is vended into Workloads\/NonProd: .*SCP region-deny.*SCP require-tags-on-create.* reach it, Firewall Manager policies .* cover it, and 4 assignments let people sign in$/,
      ),
      accounts: ['payments-qa'],
    });
    expect(sentences(report)).toContain('group payments-developers gains Developer (PowerUserAccess) in 1 account: payments-qa');
  });
});

describe('moving an account', () => {
  it('says what it gains and loses, and raises a risk for a guardrail it loses', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'accounts/sandbox-data-science.yaml', (text) => text.replace('ou: Sandbox', 'ou: Workloads/NonProd')),
    );
    expect(report.intents.find((intent) => intent.kind === 'account-moved')?.sentence).toBe(
      'sandbox-data-science moves from Sandbox to Workloads/NonProd and so gains RCP enforce-organization-identities and loses SCP deny-iam-users, SCP deny-large-instances',
    );
    expect(report.risks).toContainEqual(
      expect.objectContaining({
        kind: 'guardrail-weakened',
        title: 'sandbox-data-science moves to Workloads/NonProd and so loses SCP deny-iam-users, SCP deny-large-instances',
        accounts: ['sandbox-data-science'],
      }),
    );
    expect(sentences(report)).toContain('group data-scientists loses Developer (PowerUserAccess) in 1 account: sandbox-data-science');
  });
});

describe('blast radius', () => {
  it('counts every account below an OU a policy is attached to, nested OUs included', async () => {
    const report = await reviewOf((directory) => {
      addNestedPaymentsUnit(directory);
      editFile(directory, 'landing-zone.yaml', (text) =>
        text.replace(
          '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create]',
          '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create, deny-iam-users]',
        ),
      );
    });
    expect(report.intents.find((intent) => intent.kind === 'policy-attached')).toEqual({
      kind: 'policy-attached',
      sentence: 'SCP deny-iam-users is attached to OU Workloads: 3 accounts gain it',
      accounts: ['payments-dev', 'payments-ledger', 'payments-prod'],
    });
    expect(sentences(report)).toContain('OU Workloads/Prod/Payments is added');
  });
});

describe('a Firewall Manager policy', () => {
  it('says which accounts it stops covering, in every region, and raises the narrowing as a risk', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) =>
        text.replace('        include:\n          organizationalUnits: [Workloads]\n', '        include:\n          organizationalUnits: [Workloads/Prod]\n'),
      ),
    );
    expect(report.intents.filter((intent) => intent.kind === 'firewall-policy-changed')).toEqual([
      {
        kind: 'firewall-policy-changed',
        sentence: 'Firewall Manager policy landing-zone-workloads-web in eu-central-1, eu-west-1 no longer covers 1 account: payments-dev',
        accounts: ['payments-dev'],
      },
    ]);
    expect(report.risks).toContainEqual(
      expect.objectContaining({
        kind: 'guardrail-weakened',
        title: 'Firewall Manager policy landing-zone-workloads-web in eu-west-1 no longer covers 1 account',
      }),
    );
  });

  it('covers an account vended into its OU with no other edit', async () => {
    const report = await reviewOf((directory) => vend(directory, 'payments-qa', 'Workloads/NonProd'));
    expect(report.intents.find((intent) => intent.kind === 'account-added')?.sentence).toContain(
      'Firewall Manager policies landing-zone-dns-threats, landing-zone-open-admin-ports, landing-zone-unused-security-groups, landing-zone-workloads-web cover it',
    );
    expect(report.stacks.map((stack) => stack.name)).toEqual(['account-payments-qa', 'baseline-payments-qa']);
  });
});

describe('a changed SCP', () => {
  let report: ReviewReport;
  beforeAll(async () => {
    // From a configuration that governs one more region, back to the example.
    const directory = copyExample();
    governRegion(directory, 'eu-north-1');
    report = reviewOutputs(readSynthesizedOutput(await synthesize(directory)), readSynthesizedOutput(exampleOutput()));
  });

  it('is compared statement by statement, as sets of actions, resources and condition values', () => {
    const management = report.stacks.find((stack) => stack.name === 'management')!;
    const policy = management.resources.find((resource) => resource.address === 'aws_organizations_policy.policy_region_deny')!;
    expect(policy.action).toBe('update');
    const [document] = policy.documents;
    expect(document).toMatchObject({ attribute: 'content', kind: 'policy' });
    expect(document.statements).toEqual([
      expect.objectContaining({
        sid: 'DenyOutsideGovernedRegions',
        status: 'changed',
        effect: 'Deny',
        actions: { added: [], removed: [] },
        conditions: [{ operator: 'StringNotEquals', key: 'aws:RequestedRegion', added: [], removed: ['eu-north-1'], status: 'changed' }],
        sentences: ['now also denies eu-north-1'],
      }),
    ]);
  });

  it('says what it now denies, for how many accounts, and raises the region change as a risk', () => {
    expect(sentences(report)).toContain('SCP region-deny now also denies eu-north-1 for 6 accounts');
    expect(report.risks).toContainEqual(
      expect.objectContaining({ kind: 'region-changed', title: 'SCP region-deny: region eu-north-1 is closed, in 6 accounts' }),
    );
  });
});

describe('risks', () => {
  it.each<[string, (directory: string) => void, ReviewReport['risks'][number]['kind'], RegExp]>([
    [
      'an exemption widened',
      (directory) =>
        editFile(directory, 'landing-zone.yaml', (text) =>
          text.replace('    - arn:aws:iam::*:role/BreakGlassAdmin\n', '    - arn:aws:iam::*:role/BreakGlassAdmin\n    - arn:aws:iam::*:role/Contractor\n'),
        ),
      'exemption-widened',
      /^SCP region-deny now exempts arn:aws:iam::\*:role\/Contractor, in 6 accounts$/,
    ],
    [
      'a guardrail detached',
      (directory) =>
        editFile(directory, 'landing-zone.yaml', (text) =>
          text.replace(
            '        serviceControlPolicies: [region-deny, require-tags-on-create, deny-iam-users, deny-large-instances]',
            '        serviceControlPolicies: [region-deny, require-tags-on-create, deny-large-instances]',
          ),
        ),
      'guardrail-weakened',
      /^SCP deny-iam-users is deleted, in 1 account$/,
    ],
    [
      'a deny narrowed',
      (directory) =>
        editFile(directory, 'landing-zone.yaml', (text) => text.replace('      - pricingplanmanager:*\n', '      - pricingplanmanager:*\n      - ec2:*\n')),
      'guardrail-weakened',
      /^SCP region-deny no longer denies ec2:\* \(now excepted\), in 6 accounts$/,
    ],
    [
      'a longer session',
      (directory) => editFile(directory, 'landing-zone.yaml', (text) => text.replace('sessionDuration: PT1H', 'sessionDuration: PT12H')),
      'access-widened',
      /^permission set Administrator's session lengthens from PT1H to PT12H, in 7 accounts$/,
    ],
    [
      'administration granted',
      (directory) =>
        editFile(directory, 'landing-zone.yaml', (text) =>
          text.replace('  grants:\n', '  grants:\n    - group: data-scientists\n      permissionSets: [Administrator]\n      organizationalUnits: [Sandbox]\n'),
        ),
      'access-widened',
      /^group data-scientists gains administrator \(AdministratorAccess\) through permission set Administrator, in 1 account$/,
    ],
    [
      'a privileged policy added to a permission set',
      (directory) =>
        editFile(directory, 'landing-zone.yaml', (text) =>
          text.replace('awsManagedPolicies: [job-function/Billing]', 'awsManagedPolicies: [job-function/Billing, IAMFullAccess]'),
        ),
      'access-widened',
      /^group finops gains IAM write \(IAMFullAccess\) through permission set Billing, in 1 account$/,
    ],
    [
      'object lock retention shortened',
      (directory) => editFile(directory, 'landing-zone.yaml', (text) => text.replace('retentionDays: 365', 'retentionDays: 180')),
      'logging-weakened',
      /cloudtrail_object_lock.* in log-archive: object lock retention shortened \(rule\.default_retention\.days: 365 to 180\)$/,
    ],
    [
      'a security service turned off',
      (directory) => editFile(directory, 'landing-zone.yaml', (text) => text.replace('  inspector: true', '  inspector: false')),
      'security-service-removed',
      /^Inspector loses 2 aws_inspector2_delegated_admin_account, 14 aws_inspector2_enabler, 12 aws_inspector2_member_association, 2 aws_inspector2_organization_configuration$/,
    ],
    [
      'log buckets replaced',
      (directory) =>
        editFile(directory, 'landing-zone.yaml', (text) => text.replace('bucketNamePrefix: example-corp-logs', 'bucketNamePrefix: example-corp-audit')),
      'replaced',
      /^aws_s3_bucket\.cloudtrail_bucket_\w+ in log-archive is replaced \(bucket changed\)$/,
    ],
  ])('raises %s', async (_case, edit, kind, title) => {
    const report = await reviewOf(edit);
    expect(report.risky).toBe(true);
    expect(report.risks).toContainEqual(expect.objectContaining({ kind, title: expect.stringMatching(title), why: expect.any(String) }));
  });
});

describe('the newer policy types', () => {
  it('raise detaching the EC2 declarative policies, and the policy type turned off with them, as risks', async () => {
    const report = await reviewOf((directory) => editFile(directory, 'landing-zone.yaml', (text) => text.replace(/ {6}declarativePolicies: \[[^\]]*\]\n/, '')));
    expect(report.risks).toContainEqual(
      expect.objectContaining({
        kind: 'guardrail-weakened',
        title: 'policy types DECLARATIVE_POLICY_EC2 are turned off: every policy of them is detached everywhere',
      }),
    );
    expect(report.risks).toContainEqual(
      expect.objectContaining({
        kind: 'guardrail-weakened',
        title: 'declarative policy (EC2) ec2-serial-console-off is detached from the root and deleted, and so no longer reaches 6 accounts',
      }),
    );
    expect(report.intents).toContainEqual(
      expect.objectContaining({
        kind: 'policy-detached',
        sentence: 'declarative policy (EC2) ec2-imdsv2-by-default is detached from the root: 6 accounts lose it',
      }),
    );
  });
});

describe('who is paged', () => {
  /** The change of `attribute` of a `type` resource in incident-response is said, and is a paging risk. */
  function expectPagingChange(report: ReviewReport, type: string, attribute: string): void {
    expect(report.intents).toContainEqual(
      expect.objectContaining({
        kind: 'paging-changed',
        sentence: expect.stringMatching(new RegExp(`^who is paged: ${type}\\.\\S+ in incident-response changes \\(${attribute}\\)$`)),
      }),
    );
    expect(report.risks).toContainEqual(
      expect.objectContaining({
        kind: 'paging-changed',
        stack: 'incident-response',
        title: expect.stringMatching(new RegExp(`changes ${attribute}: who is paged changes$`)),
      }),
    );
  }

  it('is said when the on-call endpoint alerts page changes, and that is a risk', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) => text.replace('https://on-call.example.com/aws-events', 'https://pager.example.net/hook')),
    );
    expectPagingChange(report, 'aws_cloudwatch_event_api_destination', 'invocation_endpoint');
  });

  it('is said when an Incident Manager contact channel changes, and a changed phone number is a risk', async () => {
    const withIncidentManager = (text: string) => text.replace('incidentManager:\n    enabled: false', 'incidentManager:\n    enabled: true');
    const before = copyExample();
    editFile(before, 'landing-zone.yaml', withIncidentManager);
    const after = copyExample();
    editFile(after, 'landing-zone.yaml', (text) => withIncidentManager(text).replace('sms: "+12065550110"', 'sms: "+12065550199"'));
    const report = reviewOutputs(readSynthesizedOutput(await synthesize(before)), readSynthesizedOutput(await synthesize(after)));
    expectPagingChange(report, 'aws_ssmcontacts_contact_channel', 'delivery_address');
  });
});

describe('an account removed', () => {
  it('is the first risk, with the safe path, and the account is named', async () => {
    const report = await reviewOf((directory) => rmSync(join(directory, 'accounts', 'payments-dev.yaml')));
    expect(report.risks[0]).toMatchObject({
      kind: 'account-removed',
      title: 'account payments-dev would leave the organization: its account stack is removed',
      saferPath: expect.stringContaining('lifecycle: suspended'),
      accounts: ['payments-dev'],
    });
    expect(sentences(report)).toContain('account payments-dev is removed from Workloads/NonProd');
  });
});

describe('a hand-edited output', () => {
  function editedCopy(edit: (stacks: string) => void): string {
    const copy = temporaryDirectory();
    cpSync(exampleOutput(), copy, { recursive: true });
    edit(join(copy, 'stacks'));
    return copy;
  }

  function editJson(file: string, edit: (json: TerraformJson) => void): void {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    edit(json);
    writeFileSync(file, JSON.stringify(json, null, 2));
  }

  it('is reviewed from the output alone: a bucket policy that lets in an account outside the organization', () => {
    const after = editedCopy((stacks) =>
      editJson(join(stacks, 'log-archive', 'cdk.tf.json'), (json) => {
        const [name, policy] = Object.entries(json.resource.aws_s3_bucket_policy as Record<string, { policy: string }>)[0];
        const document = JSON.parse(policy.policy);
        document.Statement.push({
          Sid: 'PartnerRead',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::999999999999:root' },
          Action: 's3:GetObject',
          Resource: '*',
        });
        json.resource.aws_s3_bucket_policy[name].policy = JSON.stringify(document);
      }),
    );
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(after));
    expect(report.risks).toEqual([
      expect.objectContaining({
        kind: 'external-principal',
        title: expect.stringMatching(/policy statement PartnerRead lets in AWS:arn:aws:iam::999999999999:root$/),
        stack: 'log-archive',
      }),
    ]);
  });

  it('compares a declarative policy field by field, and raises one loosened as a risk', () => {
    const after = editedCopy((stacks) =>
      editJson(join(stacks, 'management', 'cdk.tf.json'), (json) => {
        const policy = json.resource.aws_organizations_policy.policy_ec2_serial_console_off;
        policy.content = policy.content.replace('"disabled"', '"enabled"');
      }),
    );
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(after));
    expect(report.risks).toEqual([
      expect.objectContaining({
        kind: 'guardrail-weakened',
        title:
          'declarative policy (EC2) ec2-serial-console-off loosens ec2_attributes.serial_console_access.status.@@assign: "disabled" to "enabled", in 6 accounts',
      }),
    ]);
  });

  it('reviews tags named like what every object has as tags added, and nothing besides', () => {
    const after = editedCopy((stacks) =>
      editJson(join(stacks, 'management', 'cdk.tf.json'), (json) => {
        const unit = json.resource.aws_organizations_organizational_unit.ou_Security;
        unit.tags = { ...unit.tags, ...JSON.parse('{"__proto__": "added", "constructor": "added", "toString": "added"}') };
      }),
    );
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(after));
    expect(report.stacks.flatMap((stack) => stack.resources.flatMap((resource) => resource.attributes))).toEqual([
      { path: 'tags.__proto__', after: 'added' },
      { path: 'tags.constructor', after: 'added' },
      { path: 'tags.toString', after: 'added' },
    ]);
  });

  it("leaves out cdktf's metadata and lists that only changed order", () => {
    const after = editedCopy((stacks) =>
      editJson(join(stacks, 'management', 'cdk.tf.json'), (json) => {
        json.resource.aws_organizations_organization.organization['//'] = { metadata: { path: 'elsewhere' } };
        json.resource.aws_organizations_organization.organization.aws_service_access_principals.reverse();
      }),
    );
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(after));
    expect(report).toMatchObject({ summary: 'no change', stacks: [], suppressed: { metadata: 1, reordered: 1 } });
  });
});

describe('the Markdown form', () => {
  it('keeps a realistic pull request readable: vend an account, tighten an SCP, grant a group', async () => {
    const report = await reviewOf((directory) => {
      vend(directory, 'payments-qa', 'Workloads/NonProd');
      editFile(directory, 'landing-zone.yaml', (text) =>
        text
          .replace(
            '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create]\n',
            '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create, deny-iam-users]\n',
          )
          .replace(
            '  grants:\n',
            '  grants:\n    - group: data-scientists\n      permissionSets: [ReadOnly]\n      organizationalUnits: [Workloads/NonProd]\n',
          ),
      );
    });
    expect(renderMarkdown(report)).toMatchSnapshot();
  });

  it('fits a comment, leaving stack detail out first and saying where the full report is', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) => text.replace('bucketNamePrefix: example-corp-logs', 'bucketNamePrefix: example-corp-audit')),
    );
    const full = renderMarkdown(report, undefined, Number.POSITIVE_INFINITY);
    const comment = renderMarkdown(report, 'review.md', 4_000);
    expect(full.length).toBeGreaterThan(4_000);
    expect(comment.length).toBeLessThanOrEqual(4_000);
    expect(comment).toContain('#### Risks');
    expect(comment).toMatch(/more stacks left out to fit a comment: the full report is in review\.md\./);
  });
});

describe('Firewall Manager security group rules', () => {
  it('a port no longer audited is its own rules removed, in each region and for each address family, and no other rule changes', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) => text.replace('ports: [22, 3389, 1433', 'ports: [22, 1433')),
    );
    const rules = report.stacks
      .filter((stack) => stack.name === 'firewall-manager')
      .flatMap((stack) => stack.resources)
      .filter((resource) => resource.type === 'aws_vpc_security_group_ingress_rule');
    expect(rules.map((rule) => rule.action)).toEqual(['delete', 'delete', 'delete', 'delete']);
    expect(rules.every((rule) => rule.address.includes('_ingress_tcp_3389_3389_'))).toBe(true);
  });
});
