/**
 * What the first apply of a new organization needs, and what makes each service reach
 * every account, asserted on the synthesized JSON of the example and of a variant with
 * every option on (an adopted organization, Macie, Detective, data events).
 */
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { synthesisSummary } from '../../lib/app/synthesis-summary';
import { synthesizeLandingZone } from '../../lib/app/synthesize-landing-zone';
import {
  copyExample,
  editFile,
  readStack,
  resources,
  stackNames,
  synthesize,
  temporaryDirectory,
  writeFile,
  type TerraformJson,
} from '../support/example-config';
import { exampleOutput } from '../support/example-output';

/** The example with every option on. */
function everyOption(): string {
  const dir = copyExample();
  editFile(dir, 'landing-zone.yaml', (text) =>
    text
      .replace(
        '  name: Example Corp',
        '  name: Example Corp\n  existingOrganizationId: o-a1b2c3d4e5\n  additionalServiceAccessPrincipals: [ram.amazonaws.com]\n  additionalPolicyTypes: [CHATBOT_POLICY]',
      )
      .replace('  macie: false\n  detective: false', '  macie: true\n  detective: true')
      .replace('    s3: false\n    lambda: false', '    s3: true\n    lambda: true'),
  );
  return dir;
}

const example = exampleOutput();
let variant: string;
beforeAll(async () => {
  variant = await synthesize(everyOption());
});

/** Each output by name; the variant's is only there once `beforeAll` has synthesized it. */
const OUTPUTS: [string, () => string][] = [
  ['the example', () => example],
  ['every option', () => variant],
];

const addresses = (stack: TerraformJson, type: string) => Object.keys(stack.resource[type] ?? {}).map((name) => `${type}.${name}`);

describe.each(OUTPUTS)('%s', (_name, outputOf) => {
  it('creates every policy after the organization, which nothing in a policy references', () => {
    const management = readStack(outputOf(), 'management');
    const [organization] = addresses(management, 'aws_organizations_organization');
    const policies = resources(management, 'aws_organizations_policy');
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) expect(policy.depends_on).toEqual([organization]);
  });

  it("lets each account's Config recorder role write that account's files to the log archive, as Config delivers through it", () => {
    for (const stack of stackNames(outputOf()).filter((name) => name.startsWith('baseline-'))) {
      const baseline = readStack(outputOf(), stack);
      const [delivery] = resources(baseline, 'aws_iam_role_policy').filter((policy) => policy.name === 'deliver-to-log-archive');
      const statements = JSON.parse(delivery.policy).Statement;
      expect(statements[1]).toMatchObject({
        Action: ['s3:PutObject', 's3:PutObjectAcl'],
        Resource: expect.stringMatching(/^arn:aws:s3:::example-corp-logs-config-eu-west-1\/AWSLogs\/.+\/Config\/\*$/),
      });
      for (const channel of resources(baseline, 'aws_config_delivery_channel')) expect(channel.depends_on).toHaveLength(2);
    }
  });

  it("filters the management account's budget to the account itself, and no member's", () => {
    expect(resources(readStack(outputOf(), 'baseline-management'), 'aws_budgets_budget')[0].cost_filter).toEqual([
      { name: 'LinkedAccount', values: ['111111111111'] },
    ]);
    expect(resources(readStack(outputOf(), 'baseline-payments-prod'), 'aws_budgets_budget')[0].cost_filter).toBeUndefined();
  });

  it('runs Security Hub in the members by central configuration only: no member sets it up itself', () => {
    for (const stack of stackNames(outputOf()).filter((name) => !['security', 'incident-response'].includes(name))) {
      expect({ stack, types: Object.keys(readStack(outputOf(), stack).resource ?? {}).filter((type) => type.startsWith('aws_securityhub')) }).toEqual({
        stack,
        types: [],
      });
    }
    expect(resources(readStack(outputOf(), 'security'), 'aws_securityhub_configuration_policy_association')).toHaveLength(2);
  });

  it('turns Inspector on in the administrator and for new accounts, and makes every other account a member from its own baseline', () => {
    const security = readStack(outputOf(), 'security');
    const byRegion = (a: TerraformJson, b: TerraformJson) => (a.region < b.region ? -1 : 1);
    expect(
      resources(security, 'aws_inspector2_organization_configuration')
        .sort(byRegion)
        .map((configuration) => [configuration.region, configuration.auto_enable]),
    ).toEqual([
      ['eu-central-1', { ec2: true, ecr: true, lambda: true, lambda_code: false }],
      ['eu-west-1', { ec2: true, ecr: true, lambda: true, lambda_code: false }],
    ]);
    expect(resources(security, 'aws_inspector2_enabler').map((enabler) => enabler.account_ids)).toEqual([
      ['${data.terraform_remote_state.account_security.outputs.account_id}'],
      ['${data.terraform_remote_state.account_security.outputs.account_id}'],
    ]);
    const member = readStack(outputOf(), 'baseline-payments-prod');
    expect(member.provider.aws.find((provider: TerraformJson) => provider.alias === 'inspector_administrator')).toMatchObject({
      allowed_account_ids: ['${data.terraform_remote_state.account_security.outputs.account_id}'],
    });
    const accountId = '${data.terraform_remote_state.account_payments_prod.outputs.account_id}';
    expect(
      resources(member, 'aws_inspector2_member_association')
        .sort(byRegion)
        .map((association) => [association.region, association.account_id, association.provider]),
    ).toEqual([
      ['eu-central-1', accountId, 'aws.inspector_administrator'],
      ['eu-west-1', accountId, 'aws.inspector_administrator'],
    ]);
    expect(resources(member, 'aws_inspector2_enabler').map((enabler) => [enabler.account_ids, enabler.resource_types])).toEqual([
      [[accountId], ['EC2', 'ECR', 'LAMBDA']],
      [[accountId], ['EC2', 'ECR', 'LAMBDA']],
    ]);
    expect(resources(readStack(outputOf(), 'baseline-security'), 'aws_inspector2_enabler')).toEqual([]);
  });

  it("says plainly, at plan time, that an account stack must be applied before a stack that reads the account's id", () => {
    const baseline = readStack(outputOf(), 'baseline-payments-dev');
    const state = baseline.data.terraform_remote_state.account_payments_dev;
    expect(state.defaults).toEqual({ account_id: 'not-applied-yet' });
    expect(state.lifecycle.postcondition).toEqual([
      {
        condition: '${(self.outputs.account_id != "not-applied-yet")}',
        error_message:
          'account-payments-dev has not been applied yet, so the account payments-dev does not exist: apply account-payments-dev first (cdktf deploy account-payments-dev), then plan this stack.',
      },
    ]);
  });
});

describe('delegated administrators', () => {
  it.each(['aws_inspector2_delegated_admin_account', 'aws_macie2_organization_admin_account', 'aws_detective_organization_admin_account'])(
    '%s: registered in the home region first, then each region after the one before',
    (type) => {
      const stack = readStack(variant, 'organization-services');
      const inRegion = (region: string) => Object.entries<TerraformJson>(stack.resource[type]).find(([, resource]) => resource.region === region)!;
      const [home, other] = [inRegion('eu-west-1'), inRegion('eu-central-1')];
      expect(home[1].region).toBe('eu-west-1');
      expect(home[1].depends_on).toBeUndefined();
      expect(other[1]).toMatchObject({ region: 'eu-central-1', depends_on: [`${type}.${home[0]}`] });
    },
  );
});

describe('an adopted organization', () => {
  it("keeps the organization's own trusted services and policy types, which the configuration lists, and warns at validate", async () => {
    const organization = resources(readStack(variant, 'management'), 'aws_organizations_organization')[0];
    expect(organization.aws_service_access_principals).toContain('ram.amazonaws.com');
    expect(organization.enabled_policy_types).toEqual([
      'SERVICE_CONTROL_POLICY',
      'TAG_POLICY',
      'AISERVICES_OPT_OUT_POLICY',
      'BACKUP_POLICY',
      'CHATBOT_POLICY',
      'DECLARATIVE_POLICY_EC2',
      'RESOURCE_CONTROL_POLICY',
    ]);
    const { warnings } = await loadLandingZone(everyOption());
    expect(warnings).toMatch(
      /landing-zone\.yaml:\d+ organization\.existingOrganizationId: the first apply leaves o-a1b2c3d4e5 with exactly these trusted services: .*ram\.amazonaws\.com.*; and these policy types: SERVICE_CONTROL_POLICY, TAG_POLICY, AISERVICES_OPT_OUT_POLICY, BACKUP_POLICY, CHATBOT_POLICY, DECLARATIVE_POLICY_EC2, RESOURCE_CONTROL_POLICY\. Every other is turned off/,
    );
  });
});

describe('the synth summary', () => {
  it('says when the accounts outnumber what a new organization may start with', async () => {
    const dir = copyExample();
    for (let number = 1; number <= 4; number++) {
      writeFile(
        dir,
        `accounts/team-${number}.yaml`,
        [
          `name: team-${number}`,
          `email: aws-team-${number}@example.com`,
          'ou: Sandbox',
          'tags: { owner: data, environment: sandbox, cost-center: "4200" }',
          'budget: { monthlyLimitUsd: 10, alertEmails: [a@example.com] }',
          '',
        ].join('\n'),
      );
    }
    const { landingZone, app } = await synthesizeLandingZone(dir, { outdir: temporaryDirectory() });
    expect(synthesisSummary(landingZone, app)).toContain('before applying: 11 accounts, over the 10 a new organization may be limited to');
    const small = await synthesizeLandingZone(copyExample(), { outdir: temporaryDirectory() });
    expect(synthesisSummary(small.landingZone, small.app)).not.toContain('a new organization may be limited to');
  });

  it('says when to enable Identity Center in the console: after management creates a new organization, before the first apply of an existing one', async () => {
    const { landingZone, app } = await synthesizeLandingZone(copyExample(), { outdir: temporaryDirectory() });
    const summary = synthesisSummary(landingZone, app);
    expect(summary).toContain(
      "  before applying identity-center: enable IAM Identity Center for the organization in eu-west-1, once, in the management account's console " +
        '(https://console.aws.amazon.com/singlesignon/home?region=eu-west-1, Enable; no API enables it); ' +
        'after applying management, which creates the organization (enabled from a standalone account, Identity Center creates an organization of its own)',
    );
    // The example creates its groups: nothing to synchronise first.
    expect(summary).not.toContain('through SCIM');
  });
});
