/**
 * The review judges what a change does to each account's access, detection and guardrails:
 * the changes that used to pass with no risk, and the ones it used to report misleadingly.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown, renderTerminal } from '../../lib/review/render-text';
import type { ReviewReport, Risk } from '../../lib/review/report';
import { reviewOutputs } from '../../lib/review/review';
import { failsAt } from '../../lib/review/severity';
import { withAcknowledgements } from '../../lib/review/acknowledgements';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import { copyExample, editFile, synthesize, temporaryDirectory, type TerraformJson, writeFile } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

async function reviewOf(edit: (directory: string) => void): Promise<ReviewReport> {
  const directory = copyExample();
  edit(directory);
  return reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(await synthesize(directory)));
}

/** The example's output against a copy with one stack's JSON edited. */
function reviewOfOutput(stack: string, edit: (json: TerraformJson) => void): ReviewReport {
  const copy = temporaryDirectory();
  cpSync(exampleOutput(), copy, { recursive: true });
  const file = join(copy, 'stacks', stack, 'cdk.tf.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(copy));
}

const withTitle = (report: ReviewReport, title: RegExp): Risk | undefined => report.risks.find((risk) => title.test(risk.title));

const MEMBERS = ['log-archive', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services'];

describe('access', () => {
  it('a new permission set whose inline policy allows "*", granted on the root, is a critical risk naming its accounts', async () => {
    const report = await reviewOf((directory) => {
      writeFile(
        directory,
        'permission-sets/operator.json',
        JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }] }),
      );
      editFile(directory, 'landing-zone.yaml', (text) =>
        text
          .replace(
            '  permissionSets:\n    Administrator:',
            '  permissionSets:\n    Operator:\n      sessionDuration: PT1H\n      inlinePolicyFile: operator\n    Administrator:',
          )
          .replace('  grants:\n', '  grants:\n    - group: payments-sre\n      permissionSets: [Operator]\n      root: true\n'),
      );
    });
    const risk = withTitle(report, /^group payments-sre gains \* through permission set Operator, in 6 accounts$/);
    expect(risk).toMatchObject({ kind: 'access-widened', severity: 'critical', accounts: MEMBERS });
    expect(report.risks[0]).toBe(risk);
  });

  it('PowerUserAccess granted on Workloads/Prod is a risk in the production account', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) =>
        text.replace(
          '  grants:\n',
          '  grants:\n    - group: data-scientists\n      permissionSets: [Developer]\n      organizationalUnits: [Workloads/Prod]\n',
        ),
      ),
    );
    expect(withTitle(report, /^group data-scientists gains power user \(PowerUserAccess\) through permission set Developer, in 1 account$/)).toMatchObject({
      kind: 'access-widened',
      severity: 'critical',
      accounts: ['payments-prod'],
    });
  });

  it('an account moved into Workloads/Prod brings its new access there as a risk, the same as a grant', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'accounts/sandbox-data-science.yaml', (text) => text.replace('ou: Sandbox', 'ou: Workloads/Prod')),
    );
    expect(withTitle(report, /^group payments-developers gains ReadOnly \(ViewOnlyAccess\) in production or core accounts, in 1 account$/)).toMatchObject({
      kind: 'production-access',
      accounts: ['sandbox-data-science'],
    });
  });
});

describe('core accounts', () => {
  it('the log archive moved to Workloads/Prod is critical, and payments-developers gaining ReadOnly there is a risk', async () => {
    const report = await reviewOf((directory) => {
      editFile(directory, 'accounts/log-archive.yaml', (text) => text.replace(/^ou: .*$/m, 'ou: Workloads/Prod'));
      editFile(directory, 'landing-zone.yaml', (text) => text.replace('    logArchive: Security', '    logArchive: Workloads/Prod'));
    });
    expect(report.risks[0]).toMatchObject({ kind: 'core-account-moved', severity: 'critical', accounts: ['log-archive'] });
    expect(report.risks[0].title).toMatch(/^core account log-archive moves from Security to Workloads\/Prod/);
    expect(withTitle(report, /^group payments-developers gains ReadOnly \(ViewOnlyAccess\) in production or core accounts, in 1 account$/)).toMatchObject({
      kind: 'production-access',
      severity: 'high',
      accounts: ['log-archive'],
    });
  });

  // The configuration refuses a core account in the suspended OU; an output edited by hand is reviewed as faithfully.
  it('the security account moved to Suspended is critical and says it gains deny-all', () => {
    const report = reviewOfOutput('account-security', (json) => {
      json.resource.aws_organizations_account.account.parent_id = '${data.terraform_remote_state.management.outputs.organizational_unit_ids.Suspended}';
    });
    expect(report.risks[0]).toMatchObject({
      kind: 'core-account-moved',
      severity: 'critical',
      title: expect.stringMatching(/^core account security moves from Security to Suspended .*gains SCP deny-all/),
    });
  });
});

describe('detection', () => {
  it('GuardDuty malware and S3 protection turned off, and their auto-enable ALL to NONE, are one risk each naming both regions', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) =>
        text.replace('malwareProtection: true', 'malwareProtection: false').replace('s3DataEvents: true', 's3DataEvents: false'),
      ),
    );
    const titles = report.risks.filter((risk) => risk.kind === 'detection-weakened').map((risk) => risk.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'GuardDuty malware protection is turned off (ENABLED -> DISABLED) in eu-central-1 and eu-west-1, for 6 accounts',
        'GuardDuty S3 protection is turned off (ENABLED -> DISABLED) in eu-central-1 and eu-west-1, for 6 accounts',
        'GuardDuty malware protection is auto-enabled for fewer member accounts (ALL -> NONE) in eu-central-1 and eu-west-1, for 6 accounts',
        'GuardDuty S3 protection is auto-enabled for fewer member accounts (ALL -> NONE) in eu-central-1 and eu-west-1, for 6 accounts',
      ]),
    );
    expect(report.risks.find((risk) => risk.kind === 'detection-weakened')?.severity).toBe('critical');
  });

  it('GuardDuty auto-enable of member accounts ALL to NONE is a risk', () => {
    const report = reviewOfOutput('security', (json) => {
      for (const configuration of Object.values(json.resource.aws_guardduty_organization_configuration) as TerraformJson[])
        configuration.auto_enable_organization_members = 'NONE';
    });
    expect(report.risks.map((risk) => risk.title)).toEqual([
      'GuardDuty is auto-enabled for fewer member accounts (ALL -> NONE) in eu-central-1 and eu-west-1, for 6 accounts',
    ]);
  });

  it('a Security Hub standard dropped and controls disabled are risks', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) =>
        text.replace(
          '  securityHub:\n    standards:\n      - aws-foundational-security-best-practices\n      - cis-aws-foundations-benchmark\n',
          '  securityHub:\n    standards:\n      - aws-foundational-security-best-practices\n    disabledControls: [CloudTrail.1, GuardDuty.1, IAM.6]\n',
        ),
      ),
    );
    const titles = report.risks.filter((risk) => risk.kind === 'detection-weakened').map((risk) => risk.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Security Hub standard standards\/cis-aws-foundations-benchmark\/v\/3\.0\.0 is no longer enabled/),
        expect.stringMatching(/^Security Hub controls CloudTrail\.1, GuardDuty\.1, IAM\.6 are disabled/),
      ]),
    );
  });

  it("the trail's data events off, its key removed, its bucket elsewhere and management events write-only are risks", () => {
    const selectors = [
      { name: 'Management events', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] },
      {
        name: 'S3 data events',
        field_selector: [
          { field: 'eventCategory', equals: ['Data'] },
          { field: 'resources.type', equals: ['AWS::S3::Object'] },
        ],
      },
    ];
    const copy = temporaryDirectory();
    cpSync(exampleOutput(), copy, { recursive: true });
    const file = join(copy, 'stacks', 'organization-services', 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.resource.aws_cloudtrail.organization_trail.advanced_event_selector = selectors;
    writeFileSync(file, JSON.stringify(json, null, 2));
    const after = temporaryDirectory();
    cpSync(copy, after, { recursive: true });
    const trail = JSON.parse(readFileSync(join(after, 'stacks', 'organization-services', 'cdk.tf.json'), 'utf8'));
    const changed = trail.resource.aws_cloudtrail.organization_trail;
    changed.advanced_event_selector = [
      { name: 'Management events', field_selector: [...selectors[0].field_selector, { field: 'readOnly', equals: ['false'] }] },
    ];
    delete changed.kms_key_id;
    changed.s3_bucket_name = 'somewhere-else';
    writeFileSync(join(after, 'stacks', 'organization-services', 'cdk.tf.json'), JSON.stringify(trail, null, 2));
    const report = reviewOutputs(readSynthesizedOutput(copy), readSynthesizedOutput(after));
    expect(report.risks.filter((risk) => risk.kind === 'detection-weakened').map((risk) => risk.title)).toEqual(
      expect.arrayContaining([
        'the trail no longer logs its selector "S3 data events", for 6 accounts',
        'the trail\'s selector "Management events" is narrowed to write-only events, for 6 accounts',
        "the trail's logs are no longer encrypted with its KMS key, for 6 accounts",
        expect.stringMatching(/^the trail delivers to another bucket \(.* -> somewhere-else\), for 6 accounts$/),
      ]),
    );
    // The removed selector is shown whole, as a member removed.
    const attribute = report.stacks[0].resources[0].attributes.find((change) => change.path === 'advanced_event_selector');
    expect(attribute?.removed).toContainEqual(selectors[1]);
    expect(renderTerminal(report, false)).toContain(JSON.stringify(selectors[1]));
  });

  it('the Inspector delegated administrator deleted on its own is a risk', () => {
    const report = reviewOfOutput('organization-services', (json) => {
      delete json.resource.aws_inspector2_delegated_admin_account;
    });
    expect(report.risks).toEqual([
      expect.objectContaining({
        kind: 'security-service-removed',
        title: 'Inspector loses 2 aws_inspector2_delegated_admin_account',
        stacks: ['organization-services'],
        accounts: MEMBERS,
      }),
    ]);
  });

  it('Inspector turned off is one risk listing every stack it spans', async () => {
    const report = await reviewOf((directory) => editFile(directory, 'landing-zone.yaml', (text) => text.replace('  inspector: true', '  inspector: false')));
    const removed = report.risks.filter((risk) => risk.kind === 'security-service-removed' && risk.title.startsWith('Inspector'));
    expect(removed).toHaveLength(1);
    expect(removed[0].stacks).toEqual(expect.arrayContaining(['organization-services', 'security', 'baseline-payments-dev']));
  });
});

describe('guardrails', () => {
  it('a guardrail pushed down from Workloads to both of its child OUs is no risk', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) =>
        text
          .replace(
            '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create]',
            '      Workloads:\n        serviceControlPolicies: [require-tags-on-create]',
          )
          .replace(
            '      Workloads/Prod:\n        backupPolicies: [daily]',
            '      Workloads/Prod:\n        serviceControlPolicies: [region-deny]\n        backupPolicies: [daily]\n      Workloads/NonProd:\n        serviceControlPolicies: [region-deny]',
          ),
      ),
    );
    expect(report.intents.map((intent) => intent.kind)).toContain('policy-detached');
    expect(report.risks).toEqual([]);
  });

  it('a guardrail pulled up past OUs that did not have it is a risk naming the accounts it now reaches', async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) =>
        text
          .replace(
            'serviceControlPolicies: [region-deny, require-tags-on-create, deny-iam-users, deny-large-instances]',
            'serviceControlPolicies: [region-deny, require-tags-on-create, deny-large-instances]',
          )
          .replace(
            '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create]',
            '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create, deny-iam-users]',
          ),
      ),
    );
    expect(report.risks).toEqual([
      expect.objectContaining({
        kind: 'guardrail-weakened',
        title: 'SCP deny-iam-users is detached from OU Sandbox, and so no longer reaches 1 account',
        accounts: ['sandbox-data-science'],
      }),
      expect.objectContaining({
        kind: 'guardrail-extended',
        title: 'SCP deny-iam-users is attached to OU Workloads, and so now also reaches 2 accounts it did not',
        severity: 'medium',
        accounts: ['payments-dev', 'payments-prod'],
      }),
    ]);
  });
});

describe('severity and naming', () => {
  it("a risk's why says what this change does: the session's lengths and the production and core accounts it reaches, before why the kind matters", async () => {
    const report = await reviewOf((directory) =>
      editFile(directory, 'landing-zone.yaml', (text) => text.replace('sessionDuration: PT1H', 'sessionDuration: PT12H')),
    );
    expect(report.risks[0].why).toBe(
      'A session of Administrator, stolen or left open, stays usable for PT12H instead of PT1H. ' +
        'It reaches production or core accounts: log-archive, management, payments-prod, security. ' +
        'A permission set or grant that hands out more rights, or longer sessions, changes what people can do in every account it reaches.',
    );
  });

  const one: Risk = {
    id: 'production-access:0',
    kind: 'production-access',
    severity: 'medium',
    title: 'group x gains ReadOnly in production or core accounts, in 1 account',
    why: 'why',
    stacks: [],
    accounts: ['payments-prod'],
    reach: 'payments-prod',
  };
  const report: ReviewReport = {
    version: 1,
    summary: 's',
    risky: true,
    counts: { stacksAdded: 0, stacksRemoved: 0, stacksChanged: 1, resourcesAdded: 0, resourcesRemoved: 0, resourcesChanged: 1 },
    risks: [one],
    warnings: [],
    intents: [],
    requests: [],
    stacks: [],
    suppressed: { metadata: 0, reordered: 0 },
  };

  it('a risk reaching one account names it in terminal, Markdown and JSON alike', () => {
    expect(renderTerminal(report, false)).toContain('      accounts: payments-prod');
    expect(renderMarkdown(report)).toContain('  Accounts: payments-prod');
    expect(JSON.parse(JSON.stringify(report)).risks[0]).toMatchObject({ accounts: ['payments-prod'], reach: 'payments-prod' });
  });

  it('--fail-on fails at the severity given or worse, any and risky at every risk', () => {
    expect(failsAt(report.risks, 'critical')).toBe(false);
    expect(failsAt(report.risks, 'high')).toBe(false);
    expect(failsAt(report.risks, 'medium')).toBe(true);
    expect(failsAt(report.risks, 'any')).toBe(true);
    expect(failsAt(report.risks, 'risky')).toBe(true);
  });
});

describe('acknowledged risks', () => {
  const report = () =>
    reviewOfOutput('security', (json) => {
      for (const configuration of Object.values(json.resource.aws_guardduty_organization_configuration) as TerraformJson[])
        configuration.auto_enable_organization_members = 'NONE';
    });

  it('are still shown, marked acknowledged, and do not fail the run until they expire', () => {
    const raised = report();
    const [risk] = raised.risks;
    const acknowledged = withAcknowledgements(
      raised,
      [{ id: risk.id, reason: 'members enrolled by hand during the migration', by: 'alice', expires: '2027-01-31' }],
      '2027-01-31',
    );
    expect(acknowledged.risks[0]).toMatchObject({ id: risk.id, acknowledged: { by: 'alice', expires: '2027-01-31' } });
    expect(acknowledged.risky).toBe(false);
    expect(failsAt(acknowledged.risks, 'any')).toBe(false);
    expect(acknowledged.summary).toMatch(/1 risk to look at \(1 acknowledged\)$/);
    expect(renderTerminal(acknowledged, false)).toContain('acknowledged by alice until 2027-01-31: members enrolled by hand during the migration');
    expect(renderMarkdown(acknowledged)).toContain('acknowledged by alice until 2027-01-31');
  });

  it('fail the run again the day after they expire, with a warning', () => {
    const raised = report();
    const expired = withAcknowledgements(raised, [{ id: raised.risks[0].id, reason: 'migration', by: 'alice', expires: '2027-01-31' }], '2027-02-01');
    expect(expired.risks[0].acknowledged).toBeUndefined();
    expect(failsAt(expired.risks, 'critical')).toBe(true);
    expect(expired.warnings).toEqual([`the acknowledgement of ${raised.risks[0].id} by alice expired on 2027-01-31: the risk counts again`]);
  });

  it('that match no risk are a warning', () => {
    const unmatched = withAcknowledgements(report(), [{ id: 'access-widened:0123456789ab', reason: 'old', by: 'bob', expires: '2030-01-01' }], '2027-01-01');
    expect(unmatched.warnings).toEqual([
      'review.acknowledged names access-widened:0123456789ab, which this change does not raise: remove it once it is no longer needed',
    ]);
    expect(unmatched.risky).toBe(true);
  });

  it('keep their id for the same change', () => {
    expect(report().risks[0].id).toBe(report().risks[0].id);
    expect(report().risks[0].id).toMatch(/^detection-weakened:[0-9a-f]{12}$/);
  });
});
