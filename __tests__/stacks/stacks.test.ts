import { TerraformStack } from 'cdktf';
import { buildLandingZoneApp } from '../../lib/app/landing-zone-app';
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { synthesizeLandingZone } from '../../lib/app/synthesize-landing-zone';
import { restoreMapKeys } from '../../lib/terraform/map-keys';
import { exampleOutput } from '../support/example-output';
import {
  copyExample,
  editFile,
  filesUnder,
  onlyResource,
  readStack,
  resources,
  stackNames,
  synthesize,
  temporaryDirectory,
  type TerraformJson,
} from '../support/example-config';

const example = exampleOutput();

const MEMBER_ACCOUNTS = ['log-archive', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services'];

describe('stack layout', () => {
  it('writes the management, log archive, organization services, security, incident response, chat channel, Identity Center, Firewall Manager and detective controls stacks, the management baseline, and two stacks per member account', () => {
    expect(stackNames(example)).toEqual(
      [
        'management',
        'log-archive',
        'organization-services',
        'security',
        'incident-response',
        'chat-security-alerts',
        'identity-center',
        'firewall-manager',
        'detective-controls',
        'baseline-management',
        ...MEMBER_ACCOUNTS.flatMap((key) => [`account-${key}`, `baseline-${key}`]),
      ].sort(),
    );
  });

  it('gives every stack its own encrypted, locked S3 state', () => {
    const keys = stackNames(example).map((name) => {
      const backend = readStack(example, name).terraform.backend.s3;
      expect(backend).toMatchObject({ bucket: 'example-corp-landing-zone-state', region: 'eu-west-1', encrypt: true, use_lockfile: true });
      return backend.key;
    });
    expect(keys).toEqual(stackNames(example).map((name) => `landing-zone/${name}.tfstate`));
  });

  it('keeps local state in relative paths, and reads other stacks from the same place', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(/stateBackend:\n( {2}.*\n)+/, 'stateBackend:\n  type: local\n'));
    const out = await synthesize(dir);
    const stack = readStack(out, 'baseline-payments-dev');
    expect(stack.terraform.backend.local.path).toBe('../../../terraform-state/baseline-payments-dev.tfstate');
    expect(stack.data.terraform_remote_state.account_payments_dev.config.path).toBe('../../../terraform-state/account-payments-dev.tfstate');
  });
});

describe('synthesis', () => {
  it("restores Error's stack trace functions afterwards, even when building the app fails", async () => {
    const { captureStackTrace, prepareStackTrace } = Error;
    await synthesize(copyExample());
    await expect(synthesize(copyExample(), '/dev/null/not-a-directory')).rejects.toThrow();
    expect(Error.captureStackTrace).toBe(captureStackTrace);
    expect(Error.prepareStackTrace).toBe(prepareStackTrace);
    expect(new Error('traced').stack).toMatch(/stacks\.test\.ts/);
  });

  /** The example with every optional part on or off against its setting, adopted accounts and local state. */
  function everyOtherOption(): string {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace('  name: Example Corp', '  name: Example Corp\n  existingOrganizationId: o-a1b2c3d4e5')
        .replace('  Infrastructure: {}', '  Infrastructure:\n    id: ou-ab12-cd34ef56')
        .replace('runtimeMonitoring: false', 'runtimeMonitoring: true')
        .replace('  macie: false\n  detective: false', '  macie: true\n  detective: true')
        .replace('  cloudWatchLogs:\n    retentionDays: 90\n', '')
        .replace('    s3: false\n    lambda: false', '    s3: true\n    lambda: true')
        .replace('  kmsEncryption: true', '  kmsEncryption: false')
        .replace(/stateBackend:\n(?: {2}.*\n)+/, 'stateBackend:\n  type: local\n'),
    );
    editFile(dir, 'accounts/security.yaml', (text) => text.replace('ou: Security', 'ou: Security\naccountId: "333333333333"'));
    editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Infrastructure\naccountId: "444444444444"'));
    return dir;
  }

  it.each([
    ['the example', copyExample],
    ['every other option', everyOtherOption],
  ])(
    "writes for %s what cdktf's own synthesis writes, alone or with a helper process, without cdktf's pass that looks for cross-stack references, each stack's JSON as cdktf's own toTerraform resolves it",
    async (_name, configure) => {
      const configuration = configure();
      const { landingZone } = await loadLandingZone(configuration);
      const full = temporaryDirectory();
      const app = buildLandingZoneApp(landingZone, { outdir: full });
      app.synth();
      for (const stack of app.node.findAll().filter(TerraformStack.isStack))
        expect(stack.toTerraform()).toEqual(restoreMapKeys(TerraformStack.prototype.toTerraform.call(stack)));
      const alone = temporaryDirectory();
      const helped = temporaryDirectory();
      await synthesizeLandingZone(configuration, { outdir: alone });
      const { helperMaxRssKb } = await synthesizeLandingZone(configuration, { outdir: helped, helperFromStacks: 1 });
      expect(helperMaxRssKb).toBeGreaterThan(0);
      expect(filesUnder(alone)).toEqual(filesUnder(full));
      expect(filesUnder(helped)).toEqual(filesUnder(full));
    },
  );
});

describe('ManagementStack', () => {
  let management: TerraformJson;
  beforeAll(() => {
    management = readStack(example, 'management');
  });

  it('creates the organization with all features, the policy types and the trusted services', () => {
    const organization = onlyResource(management, 'aws_organizations_organization');
    expect(organization.feature_set).toBe('ALL');
    expect(organization.enabled_policy_types).toEqual([
      'SERVICE_CONTROL_POLICY',
      'TAG_POLICY',
      'AISERVICES_OPT_OUT_POLICY',
      'BACKUP_POLICY',
      'DECLARATIVE_POLICY_EC2',
      'RESOURCE_CONTROL_POLICY',
    ]);
    expect(organization.aws_service_access_principals).toEqual(
      expect.arrayContaining([
        'cloudtrail.amazonaws.com',
        'guardduty.amazonaws.com',
        'securityhub.amazonaws.com',
        'sso.amazonaws.com',
        'account.amazonaws.com',
      ]),
    );
    expect(organization.lifecycle.prevent_destroy).toBe(true);
  });

  it('builds the OU tree with each OU under its parent', () => {
    const units = management.resource.aws_organizations_organizational_unit;
    expect(Object.keys(units).sort()).toEqual(
      ['ou_Infrastructure', 'ou_Sandbox', 'ou_Security', 'ou_Suspended', 'ou_Workloads', 'ou_Workloads_NonProd', 'ou_Workloads_Prod'].sort(),
    );
    expect(units.ou_Workloads.parent_id).toBe('${aws_organizations_organization.organization.roots[0].id}');
    expect(units.ou_Workloads_Prod).toMatchObject({ name: 'Prod', parent_id: '${aws_organizations_organizational_unit.ou_Workloads.id}' });
    expect(units.ou_Suspended.tags).toEqual({ purpose: 'accounts-awaiting-closure', 'landing-zone:environment': 'suspended' });
  });

  it('publishes every OU id by path, whether or not an account uses it yet', () => {
    expect(Object.keys(management.output.organizational_unit_ids.value).sort()).toEqual(
      ['Infrastructure', 'Sandbox', 'Security', 'Suspended', 'Workloads', 'Workloads/NonProd', 'Workloads/Prod'].sort(),
    );
  });

  it('holds no account, so vending one never touches this state', () => {
    expect(resources(management, 'aws_organizations_account')).toEqual([]);
  });

  it('refuses credentials of any account but the management account', () => {
    expect(management.provider.aws.filter((provider: TerraformJson) => !provider.alias)).toEqual([
      { region: 'eu-west-1', allowed_account_ids: ['111111111111'] },
    ]);
  });
});

describe('AccountStack', () => {
  let stack: TerraformJson;
  let account: TerraformJson;
  beforeAll(() => {
    stack = readStack(example, 'account-payments-prod');
    account = onlyResource(stack, 'aws_organizations_account');
  });

  it('vends the account into its OU, read from the management state', () => {
    expect(account).toMatchObject({
      name: 'payments-prod',
      email: 'aws-payments-prod@example.com',
      role_name: 'OrganizationAccountAccessRole',
      parent_id: '${data.terraform_remote_state.management.outputs.organizational_unit_ids["Workloads/Prod"]}',
      tags: { owner: 'payments', environment: 'prod', 'cost-center': '4200' },
    });
    expect(stack.data.terraform_remote_state.management.config.key).toBe('landing-zone/management.tfstate');
  });

  it('never closes or destroys the account as a side effect', () => {
    expect(account.close_on_deletion).toBe(false);
    expect(account.lifecycle.prevent_destroy).toBe(true);
  });

  it('ignores the arguments AWS cannot read back, so adoption does not plan a replacement', () => {
    expect(account.lifecycle.ignore_changes).toEqual(['role_name', 'iam_user_access_to_billing']);
  });

  it('sets the three alternate contacts, the account override over the defaults', () => {
    const contacts = Object.fromEntries(resources(stack, 'aws_account_alternate_contact').map((contact) => [contact.alternate_contact_type, contact]));
    expect(Object.keys(contacts).sort()).toEqual(['BILLING', 'OPERATIONS', 'SECURITY']);
    expect(contacts.OPERATIONS).toMatchObject({ email_address: 'payments-oncall@example.com', account_id: '${aws_organizations_account.account.id}' });
    expect(contacts.SECURITY.email_address).toBe('security@example.com');
  });

  it('publishes the account id for the baseline', () => {
    expect(stack.output.account_id.value).toBe('${aws_organizations_account.account.id}');
  });

  it('creates a new account without an import block', () => {
    expect(stack.import).toBeUndefined();
  });
});

describe('adopting an existing organization', () => {
  let out: string;
  beforeAll(async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace('  name: Example Corp', '  name: Example Corp\n  existingOrganizationId: o-a1b2c3d4e5')
        .replace('  Infrastructure: {}', '  Infrastructure:\n    id: ou-ab12-cd34ef56'),
    );
    editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Infrastructure\naccountId: "222222222222"'));
    out = await synthesize(dir);
  });

  it('imports the organization and the adopted OUs', () => {
    expect(readStack(out, 'management').import).toEqual([
      { id: 'o-a1b2c3d4e5', to: 'aws_organizations_organization.organization' },
      { id: 'ou-ab12-cd34ef56', to: 'aws_organizations_organizational_unit.ou_Infrastructure' },
    ]);
  });

  it('imports an account that carries its id, and runs its baseline in that account directly', () => {
    expect(readStack(out, 'account-shared-services').import).toEqual([{ id: '222222222222', to: 'aws_organizations_account.account' }]);
    const baseline = readStack(out, 'baseline-shared-services');
    // Only the security account's id is read, for the central alert bus.
    expect(Object.keys(baseline.data.terraform_remote_state)).toEqual(['account_security']);
    expect(baseline.provider.aws[0]).toMatchObject({
      allowed_account_ids: ['222222222222'],
      assume_role: [{ role_arn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole' }],
    });
  });
});

describe('AccountBaselineStack', () => {
  let baseline: TerraformJson;
  beforeAll(() => {
    baseline = readStack(example, 'baseline-payments-prod');
  });

  it('assumes the access role in the new account, whose id comes from its account stack', () => {
    expect(baseline.provider.aws.filter((provider: TerraformJson) => !provider.alias)).toEqual([
      {
        region: 'eu-west-1',
        allowed_account_ids: ['${data.terraform_remote_state.account_payments_prod.outputs.account_id}'],
        assume_role: [
          {
            role_arn: 'arn:aws:iam::${data.terraform_remote_state.account_payments_prod.outputs.account_id}:role/OrganizationAccountAccessRole',
            session_name: 'landing-zone',
          },
        ],
      },
    ]);
    expect(baseline.data.terraform_remote_state.account_payments_prod.config.key).toBe('landing-zone/account-payments-prod.tfstate');
  });

  it('sets a strong password policy', () => {
    expect(onlyResource(baseline, 'aws_iam_account_password_policy')).toMatchObject({
      minimum_password_length: 16,
      require_lowercase_characters: true,
      require_uppercase_characters: true,
      require_numbers: true,
      require_symbols: true,
      password_reuse_prevention: 24,
      max_password_age: 90,
    });
  });

  it('turns on EBS encryption by default in every governed region', () => {
    expect(
      resources(baseline, 'aws_ebs_encryption_by_default')
        .map((resource) => [resource.region, resource.enabled])
        .sort(),
    ).toEqual([
      ['eu-central-1', true],
      ['eu-west-1', true],
    ]);
  });

  it('blocks S3 public access for the whole account', () => {
    expect(onlyResource(baseline, 'aws_s3_account_public_access_block')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('alerts on actual and forecast cost at each threshold of the monthly budget', () => {
    const budget = onlyResource(baseline, 'aws_budgets_budget');
    expect(budget).toMatchObject({ budget_type: 'COST', time_unit: 'MONTHLY', limit_amount: '5000.00', limit_unit: 'USD' });
    expect(budget.notification.map((n: TerraformJson) => `${n.notification_type}@${n.threshold}`).sort()).toEqual([
      'ACTUAL@100',
      'ACTUAL@50',
      'ACTUAL@80',
      'FORECASTED@100',
      'FORECASTED@50',
      'FORECASTED@80',
    ]);
    expect(budget.notification[0].subscriber_email_addresses).toEqual(['payments-leads@example.com', 'finops@example.com']);
  });

  it('leaves a member account’s alternate contacts to its account stack', () => {
    expect(resources(baseline, 'aws_account_alternate_contact')).toEqual([]);
  });

  it('runs the management baseline with the management credentials and sets its contacts there', () => {
    const management = readStack(example, 'baseline-management');
    expect(management.provider.aws.filter((provider: TerraformJson) => !provider.alias)).toEqual([
      { region: 'eu-west-1', allowed_account_ids: ['111111111111'] },
    ]);
    expect(resources(management, 'aws_account_alternate_contact').map((contact) => contact.account_id)).toEqual([undefined, undefined, undefined]);
  });
});
