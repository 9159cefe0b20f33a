/**
 * IAM Identity Center: grants expanded through the OU tree into each account's
 * assignments, the permission sets and groups where Identity Center is administered, the
 * assignments in each account's own stacks, the delegated case, and validation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import type { LandingZone } from '../../lib/model/landing-zone';
import { addNestedPaymentsUnit, copyExample, editFile, readStack, resources, synthesize, writeFile, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { allIssuesOf } from '../support/read-configuration';

/** `lines` inserted after the line `identityCenter:` of landing-zone.yaml. */
function addToIdentityCenter(directory: string, lines: readonly string[]): void {
  editFile(directory, 'landing-zone.yaml', (text) => text.replace('identityCenter:\n', `identityCenter:\n${lines.map((line) => `  ${line}\n`).join('')}`));
}

/** `lines` appended to the grants of landing-zone.yaml. */
function addGrant(directory: string, lines: readonly string[]): void {
  editFile(directory, 'landing-zone.yaml', (text) => text.replace('  grants:\n', `  grants:\n${lines.map((line) => `    ${line}\n`).join('')}`));
}

const assignmentsOf = (landingZone: LandingZone, key: string) =>
  landingZone.accounts
    .find((account) => account.key === key)!
    .access.map(({ principal, permissionSet }) => `${principal.type} ${principal.name}: ${permissionSet}`);

/** The permission set (or group) a reference of an assignment reads from another stack's outputs. */
function lookedUpName(reference: string): string {
  const match = /outputs\.\w+(?:\["(.+)"\]|\.([\w-]+))\}$/.exec(reference);
  if (!match) throw new Error(`not a lookup of another stack's outputs: ${reference}`);
  return match[1] ?? match[2];
}

function assignmentsIn(stack: TerraformJson): string[] {
  return resources(stack, 'aws_ssoadmin_account_assignment')
    .map(
      (assignment) =>
        `${assignment.principal_type} ${assignment.principal_type === 'GROUP' ? lookedUpName(assignment.principal_id) : assignment.principal_id}: ${lookedUpName(assignment.permission_set_arn)}`,
    )
    .sort();
}

describe('grants, expanded into the assignments of each account', () => {
  let landingZone: LandingZone;
  beforeAll(async () => {
    const dir = copyExample();
    addNestedPaymentsUnit(dir, [
      'access:',
      '  - group: payments-developers',
      '    permissionSets: [ReadOnly, Developer]',
      '  - user: jane.doe@example.com',
      '    permissionSets: [Administrator]',
    ]);
    addGrant(dir, ['- group: payments-developers', '  permissionSets: [ReadOnly]', '  organizationalUnits: [Workloads]']);
    ({ landingZone } = await loadLandingZone(dir));
  });

  it('reach every account below an OU, nested OUs included, merged with the request file without duplicates', () => {
    expect(assignmentsOf(landingZone, 'payments-ledger')).toEqual([
      'GROUP platform-admins: Administrator',
      'USER jane.doe@example.com: Administrator',
      'GROUP payments-developers: Developer',
      'GROUP payments-developers: ReadOnly',
      'GROUP security-auditors: ReadOnly',
      'GROUP security-auditors: SecurityAudit',
    ]);
  });

  it('give an account the grants of its own OU and of every OU above it, and nothing of its sibling OUs', () => {
    expect(assignmentsOf(landingZone, 'payments-dev')).toEqual([
      'GROUP platform-admins: Administrator',
      'GROUP payments-developers: Developer',
      'GROUP payments-developers: ReadOnly',
      'GROUP security-auditors: ReadOnly',
      'GROUP security-auditors: SecurityAudit',
    ]);
    expect(assignmentsOf(landingZone, 'shared-services')).toEqual([
      'GROUP platform-admins: Administrator',
      'GROUP security-auditors: ReadOnly',
      'GROUP security-auditors: SecurityAudit',
    ]);
  });

  it('reach the management account only by its name, never through the root', () => {
    expect(assignmentsOf(landingZone, 'management')).toEqual([
      'GROUP platform-admins: Administrator',
      'GROUP finops: Billing',
      'GROUP security-auditors: ReadOnly',
      'GROUP security-auditors: SecurityAudit',
    ]);
  });
});

describe('the identity-center stack of the example', () => {
  const stack = () => readStack(exampleOutput(), 'identity-center');

  it('runs in the management account, looks the instance up and stops with a clear message where Identity Center is not enabled', () => {
    const json = stack();
    expect(json.provider.aws).toEqual([expect.objectContaining({ region: 'eu-west-1', allowed_account_ids: ['111111111111'] })]);
    const instances = json.data.aws_ssoadmin_instances.identity_center_instances;
    expect(instances.lifecycle.postcondition).toEqual([
      {
        condition: '${(length(self.arns) >= 1)}',
        error_message: expect.stringContaining('IAM Identity Center is not enabled for the organization in eu-west-1'),
      },
    ]);
    expect(json.output.instance_arn.value).toBe('${data.aws_ssoadmin_instances.identity_center_instances.arns[0]}');
    expect(json.output.identity_store_id.value).toBe('${data.aws_ssoadmin_instances.identity_center_instances.identity_store_ids[0]}');
  });

  it('names Identity Center region on every resource and data source, since its ARNs carry none', () => {
    const json = stack();
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, entries] of Object.entries(json[kind] as Record<string, Record<string, TerraformJson>>)) {
        if (!/^aws_(ssoadmin|identitystore)_/.test(type)) continue;
        for (const body of Object.values(entries)) expect({ type, region: body.region }).toEqual({ type, region: 'eu-west-1' });
      }
    }
  });

  it('makes each permission set with its session, its AWS managed policies, the references to customer managed policies and its inline policy', () => {
    const json = stack();
    const sets = Object.fromEntries(resources(json, 'aws_ssoadmin_permission_set').map((set) => [set.name, set]));
    expect(Object.keys(sets).sort()).toEqual(['Administrator', 'Billing', 'Developer', 'ReadOnly', 'SecurityAudit']);
    expect(sets.Administrator.session_duration).toBe('PT1H');
    expect(sets.Developer.session_duration).toBe('PT8H');
    const attached = resources(json, 'aws_ssoadmin_managed_policy_attachment').map((attachment) => attachment.managed_policy_arn);
    expect(attached.sort()).toEqual([
      'arn:aws:iam::aws:policy/AdministratorAccess',
      'arn:aws:iam::aws:policy/PowerUserAccess',
      'arn:aws:iam::aws:policy/SecurityAudit',
      'arn:aws:iam::aws:policy/job-function/Billing',
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    ]);
    const reference = resources(json, 'aws_ssoadmin_customer_managed_policy_attachment');
    expect(reference).toEqual([
      expect.objectContaining({
        customer_managed_policy_reference: { name: 'landing-zone-deny-network-changes', path: '/' },
        permission_set_arn: '${aws_ssoadmin_permission_set.permission_set_Developer.arn}',
      }),
    ]);
    const inline = resources(json, 'aws_ssoadmin_permission_set_inline_policy');
    expect(inline).toHaveLength(1);
    expect(JSON.parse(inline[0].inline_policy).Statement.map((statement: { Sid: string }) => statement.Sid)).toEqual(['ReadIam', 'PassApplicationRoles']);
  });

  it('creates the groups of the example in the identity store, so that a new organization has them on the first apply, and publishes their ids and the ARNs', () => {
    const json = stack();
    expect(json.data.aws_identitystore_groups).toBeUndefined();
    expect(
      resources(json, 'aws_identitystore_group')
        .map((group) => group.display_name)
        .sort(),
    ).toEqual(['data-scientists', 'finops', 'payments-developers', 'payments-sre', 'platform-admins', 'sandbox-users', 'security-auditors']);
    expect(Object.keys(json.output.group_ids.value).sort()).toHaveLength(7);
    expect(Object.keys(json.output.permission_set_arns.value).sort()).toEqual(['Administrator', 'Billing', 'Developer', 'ReadOnly', 'SecurityAudit']);
  });

  describe('groups synchronised through SCIM', () => {
    let json: TerraformJson;
    beforeAll(async () => {
      const dir = copyExample();
      editFile(dir, 'landing-zone.yaml', (text) =>
        text.replace('    finops: { create: true }', '    finops: {}').replace('    payments-sre: { create: true }', '    payments-sre: {}'),
      );
      json = readStack(await synthesize(dir), 'identity-center');
    });

    it('are looked up by display name in one listing of the identity store', () => {
      const listings = Object.values(json.data.aws_identitystore_groups as Record<string, TerraformJson>);
      expect(listings).toHaveLength(1);
      expect(json.data.aws_identitystore_group).toBeUndefined();
      expect(json.output.group_ids.value.finops).toBe(
        '${zipmap(data.aws_identitystore_groups.groups.groups[*].display_name, data.aws_identitystore_groups.groups.groups[*].group_id).finops}',
      );
      expect(resources(json, 'aws_identitystore_group')).toHaveLength(5);
    });

    it('stop the plan of this stack, before any account stack, with a message naming a missing group and what to do', () => {
      const [listing] = Object.values(json.data.aws_identitystore_groups as Record<string, TerraformJson>);
      expect(listing.lifecycle.postcondition).toEqual([
        {
          condition: '${contains(self.groups[*].display_name, "finops")}',
          error_message:
            'The group finops is not in the identity store of IAM Identity Center (eu-west-1). Have the identity provider synchronise it through SCIM (or create it in the Identity Center console), or set identityCenter.groups.finops.create: true in landing-zone.yaml for the landing zone to create it.',
        },
        {
          condition: '${contains(self.groups[*].display_name, "payments-sre")}',
          error_message:
            'The group payments-sre is not in the identity store of IAM Identity Center (eu-west-1). Have the identity provider synchronise it through SCIM (or create it in the Identity Center console), or set identityCenter.groups.payments-sre.create: true in landing-zone.yaml for the landing zone to create it.',
        },
      ]);
      // Every account stack reads the group ids from identity-center, so none is planned before it.
      const account = readStack(exampleOutput(), 'account-payments-prod');
      expect(JSON.stringify(account.data.terraform_remote_state)).toContain('identity-center');
    });
  });
  it('are written into the check and the lookup as literals, whatever their names hold', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('    finops: { create: true }', `    finops: { create: true }\n    'Ops "A" \\ %{x}': {}`));
    const stack = readStack(await synthesize(dir), 'identity-center');
    const [listing] = Object.values(stack.data.aws_identitystore_groups as Record<string, TerraformJson>);
    expect(listing.lifecycle.postcondition[0].condition).toBe('${contains(self.groups[*].display_name, "Ops \\"A\\" \\\\ %%{x}")}');
    expect(stack.output.group_ids.value['Ops "A" \\ %%{x}']).toBe(
      '${zipmap(data.aws_identitystore_groups.groups.groups[*].display_name, data.aws_identitystore_groups.groups.groups[*].group_id)["Ops \\"A\\" \\\\ %%{x}"]}',
    );
  });
});

describe('assignments in the stacks of each account', () => {
  it('are made by the account stack, for the account it creates, reading the ARNs and ids from the identity-center stack', () => {
    const json = readStack(exampleOutput(), 'account-payments-prod');
    expect(assignmentsIn(json)).toEqual([
      'GROUP payments-developers: ReadOnly',
      'GROUP platform-admins: Administrator',
      'GROUP security-auditors: ReadOnly',
      'GROUP security-auditors: SecurityAudit',
    ]);
    for (const assignment of resources(json, 'aws_ssoadmin_account_assignment')) {
      expect(assignment).toMatchObject({
        target_type: 'AWS_ACCOUNT',
        target_id: '${aws_organizations_account.account.id}',
        region: 'eu-west-1',
        instance_arn: '${data.terraform_remote_state.identity_center.outputs.instance_arn}',
      });
    }
  });

  it('that need customer managed policies are made by the baseline, after it makes those policies in the account', () => {
    const json = readStack(exampleOutput(), 'baseline-payments-prod');
    const [policy, ...others] = Object.entries(json.resource.aws_iam_policy as Record<string, TerraformJson>);
    expect(others).toEqual([]);
    expect(policy[1].name).toBe('landing-zone-deny-network-changes');
    expect(JSON.parse(policy[1].policy).Statement[0].Effect).toBe('Deny');
    expect(assignmentsIn(json)).toEqual(['GROUP payments-sre: Developer']);
    expect(resources(json, 'aws_ssoadmin_account_assignment')[0]).toMatchObject({
      provider: 'aws.management',
      depends_on: [`aws_iam_policy.${policy[0]}`],
      target_id: '${data.terraform_remote_state.account_payments_prod.outputs.account_id}',
    });
    expect(json.provider.aws).toContainEqual(expect.objectContaining({ alias: 'management', allowed_account_ids: ['111111111111'] }));
  });

  it('makes customer managed policies in exactly the accounts whose assignments need them', () => {
    const withPolicies = ['log-archive', 'management', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services'].filter(
      (key) => resources(readStack(exampleOutput(), `baseline-${key}`), 'aws_iam_policy').length > 0,
    );
    expect(withPolicies).toEqual(['payments-dev', 'payments-prod', 'sandbox-data-science']);
  });

  it("are the management account's in its baseline, run with the management account's credentials", () => {
    const json = readStack(exampleOutput(), 'baseline-management');
    expect(assignmentsIn(json)).toEqual([
      'GROUP finops: Billing',
      'GROUP platform-admins: Administrator',
      'GROUP security-auditors: ReadOnly',
      'GROUP security-auditors: SecurityAudit',
    ]);
    expect(resources(json, 'aws_ssoadmin_account_assignment').every((assignment) => assignment.target_id === '111111111111' && !assignment.provider)).toBe(
      true,
    );
  });

  it('run after the Identity Center stacks', () => {
    const manifest = JSON.parse(readFileSync(join(exampleOutput(), 'manifest.json'), 'utf8'));
    expect(manifest.stacks['identity-center'].dependencies).toEqual(['management']);
    expect(manifest.stacks['account-payments-prod'].dependencies).toContain('identity-center');
    expect(manifest.stacks['baseline-management'].dependencies).toContain('identity-center');
  });

  it("look a user up by user name in the account's own stack, so that granting one changes no other stack", async () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) => `${text}access:\n  - user: jane.doe@example.com\n    permissionSets: [ReadOnly]\n`);
    const out = await synthesize(dir);
    const json = readStack(out, 'account-payments-dev');
    const users = Object.entries(json.data.aws_identitystore_user as Record<string, TerraformJson>);
    expect(users).toHaveLength(1);
    expect(users[0][1]).toMatchObject({
      identity_store_id: '${data.terraform_remote_state.identity_center.outputs.identity_store_id}',
      alternate_identifier: { unique_attribute: { attribute_path: 'UserName', attribute_value: 'jane.doe@example.com' } },
    });
    expect(resources(json, 'aws_ssoadmin_account_assignment')).toContainEqual(
      expect.objectContaining({ principal_type: 'USER', principal_id: `\${data.aws_identitystore_user.${users[0][0]}.user_id}` }),
    );
  });
});

describe('a delegated administrator', () => {
  let out: string;
  beforeAll(async () => {
    const dir = copyExample();
    editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Infrastructure\naccountId: "444444444444"'));
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  name: Example Corp', '  name: Example Corp\n  existingOrganizationId: o-a1b2c3d4e5'));
    addToIdentityCenter(dir, ['delegatedAdministrator: shared-services', 'accessControlAttributes:', '  CostCenter: ["${path:enterprise.costCenter}"]']);
    out = await synthesize(dir);
  });

  it('is registered with AWS Organizations by the management stack', () => {
    expect(resources(readStack(out, 'management'), 'aws_organizations_delegated_administrator')).toContainEqual(
      expect.objectContaining({
        account_id: '444444444444',
        service_principal: 'sso.amazonaws.com',
        depends_on: ['aws_organizations_organization.organization'],
      }),
    );
  });

  it('runs the identity-center stack, but for the permission sets granted on the management account', () => {
    const json = readStack(out, 'identity-center');
    expect(json.provider.aws).toEqual([
      expect.objectContaining({
        allowed_account_ids: ['444444444444'],
        assume_role: [expect.objectContaining({ role_arn: 'arn:aws:iam::444444444444:role/OrganizationAccountAccessRole' })],
      }),
    ]);
    expect(resources(json, 'aws_ssoadmin_permission_set').map((set) => set.name)).toEqual(['Developer']);
  });

  it('leaves those to identity-center-management, in the management account, which alone may manage them', () => {
    const json = readStack(out, 'identity-center-management');
    expect(json.provider.aws).toEqual([expect.objectContaining({ allowed_account_ids: ['111111111111'] })]);
    expect(resources(json, 'aws_ssoadmin_permission_set').map((set) => set.name)).toEqual(['Administrator', 'Billing', 'ReadOnly', 'SecurityAudit']);
    expect(json.output.group_ids).toBeUndefined();
  });

  it('has the account stacks read each permission set from the stack that manages it', () => {
    const json = readStack(out, 'account-payments-prod');
    const arns = resources(json, 'aws_ssoadmin_account_assignment').map((assignment) => assignment.permission_set_arn as string);
    expect(arns.every((arn) => arn.startsWith('${data.terraform_remote_state.identity_center_management.outputs.permission_set_arns'))).toBe(true);
    const baseline = readStack(out, 'baseline-payments-prod');
    expect(resources(baseline, 'aws_ssoadmin_account_assignment')[0].permission_set_arn).toMatch(/^\$\{data\.terraform_remote_state\.identity_center\.outputs/);
  });

  it('keeps the attributes for access control in the identity-center stack, the identity store path as data', () => {
    const json = readStack(out, 'identity-center');
    expect(resources(json, 'aws_ssoadmin_instance_access_control_attributes')).toEqual([
      expect.objectContaining({ attribute: [{ key: 'CostCenter', value: [{ source: ['$${path:enterprise.costCenter}'] }] }] }),
    ]);
  });
});

describe('validation of the Identity Center settings', () => {
  it.each([
    [
      'an unknown permission set in a grant',
      (dir: string) => addGrant(dir, ['- group: finops', '  permissionSets: [Biling]', '  accounts: [payments-dev]']),
      /^landing-zone\.yaml:\d+ identityCenter\.grants\.0\.permissionSets\.0: expected a permission set of landing-zone\.yaml identityCenter\.permissionSets .*got "Biling"; did you mean "Billing"\?$/,
    ],
    [
      'an unknown group',
      (dir: string) => addGrant(dir, ['- group: fin-ops', '  permissionSets: [Billing]', '  accounts: [payments-dev]']),
      /^landing-zone\.yaml:\d+ identityCenter\.grants\.0\.group: expected a group of landing-zone\.yaml identityCenter\.groups .*got "fin-ops"; did you mean "finops"\?$/,
    ],
    [
      'an unknown OU',
      (dir: string) => addGrant(dir, ['- group: finops', '  permissionSets: [Billing]', '  organizationalUnits: [Workloads/Staging]']),
      /^landing-zone\.yaml:\d+ identityCenter\.grants\.0\.organizationalUnits\.0: .*"Workloads\/Staging"/,
    ],
    [
      'an unknown account',
      (dir: string) => addGrant(dir, ['- group: finops', '  permissionSets: [Billing]', '  accounts: [payments-qa]']),
      /^landing-zone\.yaml:\d+ identityCenter\.grants\.0\.accounts\.0: .*"payments-qa"/,
    ],
    [
      'a permission set granted twice in one grant',
      (dir: string) => addGrant(dir, ['- group: finops', '  permissionSets: [Billing, Billing]', '  accounts: [payments-dev]']),
      /^landing-zone\.yaml:\d+ identityCenter\.grants\.0\.permissionSets\.1: "Billing" is listed twice, as item 0 too; keep one$/,
    ],
    [
      'a grant without a target',
      (dir: string) => addGrant(dir, ['- group: finops', '  permissionSets: [Billing]']),
      /^landing-zone\.yaml:\d+ identityCenter\.grants\.0: a grant needs a target: root, organizationalUnits or accounts$/,
    ],
    [
      'a grant to a group and a user at once',
      (dir: string) => addGrant(dir, ['- group: finops', '  user: jane', '  permissionSets: [Billing]', '  root: true']),
      /^landing-zone\.yaml:\d+ identityCenter\.grants\.0: a grant names exactly one of group and user$/,
    ],
    [
      'a session beyond 12 hours',
      (dir: string) => editFile(dir, 'landing-zone.yaml', (text) => text.replace('sessionDuration: PT1H', 'sessionDuration: PT13H')),
      /^landing-zone\.yaml:\d+ identityCenter\.permissionSets\.Administrator\.sessionDuration: expected a session of 1 to 12 hours \(PT1H to PT12H\)/,
    ],
    [
      'a session shorter than an hour',
      (dir: string) => editFile(dir, 'landing-zone.yaml', (text) => text.replace('sessionDuration: PT1H', 'sessionDuration: PT30M')),
      /^landing-zone\.yaml:\d+ identityCenter\.permissionSets\.Administrator\.sessionDuration: expected a session of 1 to 12 hours/,
    ],
    [
      'a permission set name longer than 32 characters',
      (dir: string) => editFile(dir, 'landing-zone.yaml', (text) => text.replace('    Billing:\n', '    BillingAndCostManagementForFinanceTeam:\n')),
      /^landing-zone\.yaml:\d+ identityCenter\.permissionSets\.BillingAndCostManagementForFinanceTeam: is refused as a key: expected a permission set name: 1-32 letters/,
    ],
    [
      'a customer managed policy that is not defined',
      (dir: string) =>
        editFile(dir, 'landing-zone.yaml', (text) =>
          text.replace('customerManagedPolicies: [landing-zone-deny-network-changes]', 'customerManagedPolicies: [landing-zone-deny-network]'),
        ),
      /^landing-zone\.yaml:\d+ identityCenter\.permissionSets\.Developer\.customerManagedPolicies\.0: expected a policy of identityCenter\.customerManagedPolicies .*"landing-zone-deny-network"/,
    ],
    [
      'a customer managed policy outside the prefix the guardrails protect',
      (dir: string) =>
        editFile(dir, 'landing-zone.yaml', (text) =>
          text.replace('customerManagedPolicies: [landing-zone-deny-network-changes]', 'customerManagedPolicies: [deny-network-changes]'),
        ),
      /identityCenter\.permissionSets\.Developer\.customerManagedPolicies\.0: expected a policy name starting with landing-zone-/,
    ],
    [
      'an inline policy both in the file and in the settings',
      (dir: string) =>
        editFile(dir, 'landing-zone.yaml', (text) =>
          text.replace(
            'inlinePolicyFile: developer',
            'inlinePolicyFile: developer\n      inlinePolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: s3:ListBucket, Resource: "*" }] }',
          ),
        ),
      /identityCenter\.permissionSets\.Developer: a permission set has one inline policy: inlinePolicy or inlinePolicyFile$/,
    ],
    [
      'the management account as delegated administrator',
      (dir: string) => addToIdentityCenter(dir, ['delegatedAdministrator: management']),
      /identityCenter\.delegatedAdministrator: names the management account, which administers Identity Center anyway; remove it$/,
    ],
    [
      'a delegated administrator that does not exist yet',
      (dir: string) => addToIdentityCenter(dir, ['delegatedAdministrator: shared-services']),
      /identityCenter\.delegatedAdministrator: names accounts\/shared-services\.yaml, which has no accountId: the administrator must exist before the landing zone's first apply; give its id$/,
    ],
    [
      'a delegated administrator of an organization the landing zone creates, where Identity Center cannot be enabled before the management stack registers it',
      (dir: string) => {
        editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Infrastructure\naccountId: "444444444444"'));
        addToIdentityCenter(dir, ['delegatedAdministrator: shared-services']);
      },
      /identityCenter\.delegatedAdministrator: is registered by the management stack, which also creates the organization: Identity Center cannot be enabled before that, and registering needs it enabled\. Leave delegatedAdministrator out until management is applied and Identity Center enabled, or adopt an existing organization \(organization\.existingOrganizationId\)$/,
    ],
    [
      'a region that is not governed',
      (dir: string) => addToIdentityCenter(dir, ['region: us-east-1']),
      /identityCenter\.region: expected a governed region .*got "us-east-1"$/,
    ],
  ])('reports %s with file, field and line', async (_case, edit, expected) => {
    const dir = copyExample();
    edit(dir);
    expect(await allIssuesOf(dir)).toEqual([expect.stringMatching(expected)]);
  });

  it('reports access entries of a request file that name unknown permission sets or groups', async () => {
    const dir = copyExample();
    editFile(
      dir,
      'accounts/payments-dev.yaml',
      (text) => `${text}access:\n  - group: payments-sre\n    permissionSets: [Develper]\n  - group: payments\n    permissionSets: [ReadOnly]\n`,
    );
    expect(await allIssuesOf(dir)).toEqual([
      expect.stringMatching(/^accounts\/payments-dev\.yaml:\d+ access\.0\.permissionSets\.0: .*got "Develper"; did you mean "Developer"\?$/),
      expect.stringMatching(/^accounts\/payments-dev\.yaml:\d+ access\.1\.group: .*got "payments"/),
    ]);
  });

  it('reports access entries when there is no identityCenter section to define them', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(/identityCenter:\n(( {2}.*)?\n)+/, ''));
    expect(await allIssuesOf(dir)).toEqual([
      'accounts/payments-prod.yaml:19 access: grants permission sets, but landing-zone.yaml has no identityCenter section to define them',
      'permission-sets/developer.json is the inline policy of no permission set; name it as inlinePolicyFile: developer in landing-zone.yaml, or remove the file',
    ]);
  });

  it('checks the inline policy file like an SCP: actions against AWS data, placeholders left in', async () => {
    const dir = copyExample();
    editFile(dir, 'permission-sets/developer.json', (text) =>
      text.replace('"iam:GetRole",', '"iam:GetRoles",').replace('role/app-*', 'role/<application-prefix>*'),
    );
    expect(await allIssuesOf(dir)).toEqual([
      expect.stringMatching(
        /^permission-sets\/developer\.json:\d+ Statement\.0\.Action\.0: "iam:GetRoles" matches no iam action; did you mean "iam:GetRole"\?$/,
      ),
      expect.stringMatching(/^permission-sets\/developer\.json:\d+ Statement\.1\.Resource: holds the placeholder "<application-prefix>"/),
    ]);
  });

  it('warns of a permission set policy that lets roles be passed to any service, not when it names the services or grants all of IAM', async () => {
    const dir = copyExample();
    editFile(dir, 'permission-sets/developer.json', (text) => text.replace(/,\n\s*"Condition": \{\n[^}]*\}\n\s*\}/, ''));
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace(
        '        Statement:\n          - Sid: DenyNetworkChanges\n',
        '        Statement:\n          - { Effect: Allow, Action: "iam:Pass*", Resource: "*" }\n          - { Effect: Allow, Action: "iam:*", Resource: "*" }\n          - Sid: DenyNetworkChanges\n',
      ),
    );
    expect(await allIssuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ identityCenter\.customerManagedPolicies\.landing-zone-deny-network-changes\.document\.Statement\.0: allows iam:PassRole with no iam:PassedToService condition, so the roles can be passed to any AWS service; add "Condition"/,
      ),
      expect.stringMatching(/^permission-sets\/developer\.json:\d+ Statement\.1: allows iam:PassRole with no iam:PassedToService condition/),
    ]);
  });

  it('checks the customer managed policies against AWS data too', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('- ec2:CreateVpc\n', '- ec2:CreateVPCs\n'));
    expect(await allIssuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ identityCenter\.customerManagedPolicies\.landing-zone-deny-network-changes\.document\.Statement\.0\.Action\.3: "ec2:CreateVPCs" matches no ec2 action/,
      ),
    ]);
  });

  it('reports an inline policy file no permission set names, beside the misspelled name', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('inlinePolicyFile: developer', 'inlinePolicyFile: developers'));
    expect(await allIssuesOf(dir)).toEqual([
      expect.stringMatching(
        /identityCenter\.permissionSets\.Developer\.inlinePolicyFile: expected a file permission-sets\/<name>\.json .*"developers"; did you mean "developer"\?$/,
      ),
      'permission-sets/developer.json is the inline policy of no permission set; name it as inlinePolicyFile: developer in landing-zone.yaml, or remove the file',
    ]);
  });

  it("holds the inline policy to IAM Identity Center's quotas: 10,240 characters other than whitespace, and Latin-1 only", async () => {
    const dir = copyExample();
    const resources = Array.from({ length: 300 }, (_, index) => `"arn:aws:iam::*:role/app-${String(index).padStart(4, '0')}-service-role-with-a-long-name"`);
    editFile(dir, 'permission-sets/developer.json', (text) =>
      text.replace('"arn:aws:iam::*:role/app-*"', `[${resources.join(',')}]`).replace('"arn:aws:iam::*:role/app-0000', '"arn:aws:iam::*:role/app-\u0100'),
    );
    expect(await allIssuesOf(dir)).toEqual([
      expect.stringMatching(
        /^permission-sets\/developer\.json has \d+ characters other than whitespace, over IAM Identity Center's 10240 for an inline policy/,
      ),
      'permission-sets/developer.json holds U+0100, which IAM Identity Center refuses in an inline policy: only tab, line breaks and U+0020 to U+00FF',
    ]);
  });

  it('refuses more than 20 managed policies on a permission set, and warns above the 10 an IAM role takes by default', async () => {
    const names = (count: number) => `[${Array.from({ length: count }, (_, index) => `Policy${index}`).join(', ')}]`;
    const over = copyExample();
    editFile(over, 'landing-zone.yaml', (text) => text.replace('awsManagedPolicies: [job-function/Billing]', `awsManagedPolicies: ${names(21)}`));
    expect(await allIssuesOf(over)).toEqual([
      expect.stringMatching(/identityCenter\.permissionSets\.Billing: attaches 21 managed policies, over IAM Identity Center's 20 per permission set$/),
    ]);
    const many = copyExample();
    editFile(many, 'landing-zone.yaml', (text) => text.replace('awsManagedPolicies: [job-function/Billing]', `awsManagedPolicies: ${names(11)}`));
    expect(await allIssuesOf(many)).toEqual([
      expect.stringMatching(/identityCenter\.permissionSets\.Billing: attaches 11 managed policies: an IAM role takes 10 unless/),
    ]);
  });

  it('warns of a permission-sets file that no permission set names', async () => {
    const dir = copyExample();
    writeFile(
      dir,
      'permission-sets/unused.json',
      '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" }] }\n',
    );
    expect(await allIssuesOf(dir)).toEqual([
      'permission-sets/unused.json is the inline policy of no permission set; name it as inlinePolicyFile: unused in landing-zone.yaml, or remove the file',
    ]);
  });
});
