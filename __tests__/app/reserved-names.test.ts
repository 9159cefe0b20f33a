/**
 * Names that mean something to JavaScript (`constructor`, `__proto__`, `toString` ...) or
 * that Terraform reserves elsewhere (`count`, `for_each` ...), given to every named thing at
 * once: each thing that takes a name is in the synthesized output under it, and one that
 * does not is refused by validation with a clear message; vend and the review behave alike.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument, stringify } from 'yaml';
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { reviewOutputs } from '../../lib/review/review';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import {
  copyExample,
  editFile,
  minimalConfiguration,
  readStack,
  resources,
  runEntry,
  synthesize,
  type TerraformJson,
  writeFile,
} from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { allIssuesOf, issuesOf, lineOf } from '../support/read-configuration';
import { accountKey, giveReservedNames, JAVASCRIPT_NAMES, RESERVED_NAMES, tagsOf, TAKES } from '../support/reserved-names';

const own = (map: object | undefined, key: string) => map !== undefined && Object.hasOwn(map, key);

/** A reference to an entry of a map output, as cdktf writes it: `outputs.x.key` for a key that is an identifier, `outputs.x["key"]` for others. */
function entryReference(map: string, key: string): string[] {
  return [`\${${map}["${key}"]}`, ...(/^[A-Za-z_][\w-]*$/.test(key) ? [`\${${map}.${key}}`] : [])];
}

/** The request file of the account `constructor`, vended rather than written. */
function vendConstructor(directory: string) {
  const tags = Object.entries({ owner: 'constructor', environment: 'sandbox', 'cost-center': '5100', ...tagsOf(RESERVED_NAMES) });
  return runEntry(
    'lib/cli/vend.ts',
    [
      ...['--config-dir', directory, '--name', 'constructor', '--email', 'aws-constructor@example.com', '--ou', 'constructor/constructor'],
      ...tags.flatMap(([key, value]) => ['--tag', `${key}=${value}`]),
      ...['--budget', '10', '--budget-email', 'finops@example.com', '--access', 'constructor=constructor'],
    ],
    { CI: 'true' },
  );
}

let configuration: string;
let vended: ReturnType<typeof vendConstructor>;
let outputs: { readonly names: string; readonly backupPlans: string };
const stacks = new Map<string, TerraformJson>();

/** A stack of the configuration with every name, or of the one that gives them to backup plans. */
function stack(name: string, of: keyof typeof outputs = 'names'): TerraformJson {
  const key = `${of}/${name}`;
  if (!stacks.has(key)) stacks.set(key, readStack(outputs[of], name));
  return stacks.get(key)!;
}

beforeAll(async () => {
  configuration = copyExample();
  giveReservedNames(configuration, RESERVED_NAMES);
  rmSync(join(configuration, 'accounts', 'constructor.yaml'));
  vended = vendConstructor(configuration);
  const withBackupPlans = copyExample();
  giveReservedNames(withBackupPlans, RESERVED_NAMES, { withBackupPlans: true });
  outputs = { names: await synthesize(configuration), backupPlans: await synthesize(withBackupPlans) };
});

/** Each named thing: which names its own rules let it take, and where the output shows it under a name. */
const NAMED_THINGS: readonly { readonly thing: string; readonly takes: (name: string) => boolean; readonly check: (name: string) => void }[] = [
  {
    thing: 'organizational unit',
    takes: () => true,
    check: (name) => {
      const management = stack('management');
      const units = resources(management, 'aws_organizations_organizational_unit').filter((unit) => unit.name === name);
      expect(units).toHaveLength(2);
      const ids = management.output.organizational_unit_ids.value;
      expect(own(ids, name) && own(ids, `${name}/${name}`)).toBe(true);
      expect(units.map((unit) => unit.parent_id)).toContain(ids[name]);
    },
  },
  {
    thing: 'account',
    takes: () => true,
    check: (name) => {
      const account = resources(stack(`account-${accountKey(name)}`), 'aws_organizations_account');
      expect(account).toMatchObject([{ name, parent_id: `\${data.terraform_remote_state.management.outputs.organizational_unit_ids["${name}/${name}"]}` }]);
    },
  },
  {
    thing: 'tag key',
    takes: () => true,
    check: (name) => {
      const value = tagsOf([name])[name];
      const [account] = resources(stack(`account-${accountKey(name)}`), 'aws_organizations_account');
      expect(own(account.tags, name) && account.tags[name]).toBe(value);
      for (const unit of resources(stack('management'), 'aws_organizations_organizational_unit').filter((candidate) => candidate.name === 'constructor'))
        if (unit.tags) expect(own(unit.tags, name) && unit.tags[name]).toBe(value);
      const [permissionSet] = resources(stack('identity-center'), 'aws_ssoadmin_permission_set').filter((set) => set.name === 'constructor');
      expect(own(permissionSet.tags, name) && permissionSet.tags[name]).toBe(value);
      if (!(JAVASCRIPT_NAMES as readonly string[]).includes(name)) return;
      const [tagPolicy] = resources(stack('management'), 'aws_organizations_policy').filter((policy) => policy.type === 'TAG_POLICY');
      expect(own(JSON.parse(tagPolicy.content).tags, name.toLowerCase())).toBe(true);
      const [firewallPolicy] = resources(stack('firewall-manager'), 'aws_fms_policy').filter((policy) => policy.name === 'landing-zone-constructor');
      expect(own(firewallPolicy.resource_tags, name) && firewallPolicy.resource_tags[name]).toBe(value);
    },
  },
  {
    thing: 'group',
    takes: () => true,
    check: (name) => {
      const identityCenter = stack('identity-center');
      expect(resources(identityCenter, 'aws_identitystore_group').map((group) => group.display_name)).toContain(name);
      expect(own(identityCenter.output.group_ids.value, name)).toBe(true);
      const assignments = resources(stack(`account-${accountKey(name)}`), 'aws_ssoadmin_account_assignment');
      const references = entryReference('data.terraform_remote_state.identity_center.outputs.group_ids', name);
      expect(assignments.filter((assignment) => references.includes(assignment.principal_id))).toHaveLength(1);
    },
  },
  {
    thing: 'permission set',
    takes: () => true,
    check: (name) => {
      const identityCenter = stack('identity-center');
      expect(resources(identityCenter, 'aws_ssoadmin_permission_set').map((set) => set.name)).toContain(name);
      expect(own(identityCenter.output.permission_set_arns.value, name)).toBe(true);
      const assignments = resources(stack(`account-${accountKey(name)}`), 'aws_ssoadmin_account_assignment');
      const references = entryReference('data.terraform_remote_state.identity_center.outputs.permission_set_arns', name);
      expect(assignments.filter((assignment) => references.includes(assignment.permission_set_arn))).toHaveLength(1);
    },
  },
  {
    thing: 'inline policy of a permission set',
    takes: TAKES.inlinePolicyFile,
    check: (name) => {
      const identityCenter = stack('identity-center');
      const [set] = Object.entries(identityCenter.resource.aws_ssoadmin_permission_set).filter(([, body]) => (body as TerraformJson).name === name);
      const inline = resources(identityCenter, 'aws_ssoadmin_permission_set_inline_policy').filter(
        (policy) => policy.permission_set_arn === `\${aws_ssoadmin_permission_set.${set[0]}.arn}`,
      );
      expect(inline.map((policy) => JSON.parse(policy.inline_policy).Statement[0].Action)).toEqual(['ec2:DescribeVpcs']);
    },
  },
  {
    thing: 'custom SCP',
    takes: TAKES.policy,
    check: (name) => {
      const management = stack('management');
      const policies = Object.entries(management.resource.aws_organizations_policy).filter(([, body]) => (body as TerraformJson).name === name);
      expect(policies.map(([, body]) => (body as TerraformJson).type)).toEqual(['SERVICE_CONTROL_POLICY']);
      expect(own(management.output.policy_ids.value, name)).toBe(true);
      const attached = resources(management, 'aws_organizations_policy_attachment').map((attachment) => attachment.policy_id);
      expect(attached).toContain(`\${aws_organizations_policy.${policies[0][0]}.id}`);
      const onAccount = resources(stack(`account-${accountKey(name)}`), 'aws_organizations_policy_attachment').map((attachment) => attachment.policy_id);
      expect(onAccount).toHaveLength(1);
      expect(entryReference('data.terraform_remote_state.management.outputs.policy_ids', name)).toContain(onAccount[0]);
    },
  },
  {
    thing: 'backup plan',
    takes: TAKES.policy,
    check: (name) => {
      const policies = resources(stack('management', 'backupPlans'), 'aws_organizations_policy').filter((policy) => policy.name === name);
      expect(policies.map((policy) => policy.type)).toEqual(['BACKUP_POLICY']);
      expect(own(JSON.parse(policies[0].content).plans, name)).toBe(true);
      const onAccount = resources(stack(`account-${accountKey(name)}`, 'backupPlans'), 'aws_organizations_policy_attachment').map(
        (attachment) => attachment.policy_id,
      );
      expect(onAccount).toHaveLength(1);
      expect(entryReference('data.terraform_remote_state.management.outputs.policy_ids', name)).toContain(onAccount[0]);
    },
  },
  {
    thing: 'firewall policy',
    takes: TAKES.firewallPolicy,
    check: (name) => {
      const policies = resources(stack('firewall-manager'), 'aws_fms_policy').filter((policy) => policy.name === `landing-zone-${name}`);
      expect(policies).toHaveLength(2);
      expect(policies[0].include_map).toEqual({
        account: [`\${data.terraform_remote_state.account_${accountKey(name).replace(/-/g, '_')}.outputs.account_id}`],
        orgunit: [`\${data.terraform_remote_state.management.outputs.organizational_unit_ids["${name}/${name}"]}`],
      });
    },
  },
  {
    thing: 'contact',
    takes: TAKES.contact,
    check: (name) => {
      const contacts = resources(stack('incident-response'), 'aws_ssmcontacts_contact').filter((contact) => contact.alias === `landing-zone-${name}`);
      expect(contacts).toMatchObject([{ type: 'PERSONAL' }]);
    },
  },
  {
    thing: 'conformance pack',
    takes: TAKES.conformancePack,
    check: (name) => {
      const packs = resources(stack(`baseline-${accountKey(name)}`), 'aws_config_conformance_pack').filter((pack) => pack.name === name);
      expect(packs).toHaveLength(2);
      expect(parse(packs[0].template_body).Resources[name.replace(/[^A-Za-z0-9]/g, '')].Properties.ConfigRuleName).toBe(`${name}-s3-versioning`);
    },
  },
];

describe('every named thing under a name of JavaScript or Terraform', () => {
  it('validates, and vend writes the request of the account constructor as validation takes it', async () => {
    // The one warning: Incident Manager is on, for its contacts' names (it takes no new customers).
    expect(vended.stderr).toMatch(/^1 warning:\n.*incidentResponse\.incidentManager\.enabled: Incident Manager takes no new customers/s);
    expect(vended.status).toBe(0);
    expect(vended.stdout).toContain('wrote accounts/constructor.yaml');
    expect(Object.keys(parse(readFileSync(join(configuration, 'accounts', 'constructor.yaml'), 'utf8')).tags)).toEqual(
      expect.arrayContaining([...RESERVED_NAMES]),
    );
    const { landingZone } = await loadLandingZone(configuration);
    expect(landingZone.organizationalUnits.map((unit) => unit.path)).toEqual(
      expect.arrayContaining(RESERVED_NAMES.flatMap((name) => [name, `${name}/${name}`])),
    );
    expect(landingZone.memberAccounts.map((account) => account.name)).toEqual(expect.arrayContaining([...RESERVED_NAMES]));
  });

  const cases = NAMED_THINGS.flatMap(({ thing, takes, check }) => RESERVED_NAMES.filter(takes).map((name) => [thing, name, check] as const));
  it.each(cases)('%s %s is synthesized under its name', (_thing, name, check) => check(name));

  it('is reviewed: each OU added is named, nothing of the names is lost', () => {
    const report = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(outputs.names));
    const sentences = report.intents.map((intent) => intent.sentence);
    for (const name of RESERVED_NAMES) expect(sentences).toEqual(expect.arrayContaining([`OU ${name} is added`, `OU ${name}/${name} is added`]));
  });
});

describe('names in a configuration that leaves its maps out', () => {
  it('synthesizes each account named so, tagged with every name, with no attachment it was not given', async () => {
    const directory = minimalConfiguration();
    for (const name of RESERVED_NAMES) {
      const request = {
        name,
        email: `aws-${accountKey(name)}@example.com`,
        ou: 'Workloads',
        tags: tagsOf(RESERVED_NAMES),
        budget: { monthlyLimitUsd: 10, alertEmails: ['finops@example.com'] },
      };
      writeFile(directory, `accounts/${accountKey(name)}.yaml`, stringify(request));
    }
    const outdir = await synthesize(directory);
    for (const name of RESERVED_NAMES) {
      const account = readStack(outdir, `account-${accountKey(name)}`);
      expect(resources(account, 'aws_organizations_account')).toMatchObject([{ name, tags: tagsOf(RESERVED_NAMES) }]);
      expect(Object.keys(resources(account, 'aws_organizations_account')[0].tags).sort()).toEqual([...RESERVED_NAMES].sort());
      expect(resources(account, 'aws_organizations_policy_attachment')).toEqual([]);
    }
  });
});

describe('names a thing does not take', () => {
  it("is refused by that thing's own rule, naming the file, the field and the line", () => {
    const directory = copyExample();
    const document = parseDocument(readFileSync(join(directory, 'landing-zone.yaml'), 'utf8'));
    const set = (path: readonly string[], value: unknown) => document.setIn(path, document.createNode(value));
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:CreateVpc', Resource: '*' }] });
    const expected: (string | RegExp)[] = [];
    const at = (field: string, name: string, what: string) =>
      new RegExp(
        `^landing-zone\\.yaml:\\d+ ${field.replace(/\./g, '\\.')}\\.${name}: is refused as a key: expected ${what.replace(/[()]/g, '\\$&')}, got "${name}"$`,
      );
    for (const [index, name] of RESERVED_NAMES.entries()) {
      if (!TAKES.policy(name)) {
        set(['backup', 'plans', name], { deleteAfterDays: 7, tagValues: ['daily'] });
        expected.push(at('backup.plans', name, 'a policy name (letters, digits, - and _)'));
        writeFile(directory, `scps/${name}.json`, policy);
        expected.push(
          `scps/${name}.json file name "${name}" must be letters, digits, - and _, a letter or digit first (at most 128): guardrails.attachments name the policy by it; rename the file`,
        );
      }
      if (!TAKES.firewallPolicy(name)) {
        set(['firewallManager', 'policies', name], { type: 'securityGroupsContentAudit', ports: [22] });
        expected.push(at('firewallManager.policies', name, 'a policy name of letters, digits and inner hyphens'));
      }
      if (!TAKES.contact(name)) {
        set(['incidentResponse', 'incidentManager', 'contacts', name], { email: 'oncall@example.com' });
        expected.push(at('incidentResponse.incidentManager.contacts', name, 'a name of lowercase letters, digits and inner hyphens (at most 100)'));
      }
      if (!TAKES.inlinePolicyFile(name)) {
        writeFile(directory, `permission-sets/${name}.json`, policy);
        expected.push(
          `permission-sets/${name}.json file name "${name}" must be lowercase letters, digits and -, a letter or digit first: inlinePolicyFile names the policy by it; rename the file`,
        );
      }
      if (!TAKES.requestFile(name)) {
        const request = {
          name: `named-${index}`,
          email: `aws-named-${index}@example.com`,
          ou: 'Sandbox',
          tags: { owner: 'x', environment: 'sandbox', 'cost-center': '1' },
          budget: { monthlyLimitUsd: 1, alertEmails: ['finops@example.com'] },
        };
        writeFile(directory, `accounts/${name}.yaml`, stringify(request));
        expected.push(
          `accounts/${name}.yaml file name "${name}" must be lowercase letters, digits and inner hyphens (at most 50): it names the account's stacks`,
        );
      }
      if (!TAKES.conformancePack(name)) {
        writeFile(directory, `conformance-packs/${name}.yaml`, 'Resources: {}\n');
        expected.push(`conformance-packs/${name}.yaml is not read: conformance packs (<name>.yaml: a letter, then letters, digits and -) are named like this`);
      }
    }
    writeFile(directory, 'landing-zone.yaml', document.toString());
    const issues = issuesOf(directory);
    expect(issues).toHaveLength(expected.length);
    expect(issues).toEqual(expect.arrayContaining(expected.map((line) => (typeof line === 'string' ? line : expect.stringMatching(line)))));
  });

  it('is no AWS service, condition key or parameter of a detective control: each is named, nothing crashes', async () => {
    const directory = copyExample();
    const statement = {
      Effect: 'Deny',
      Action: RESERVED_NAMES.map((name) => `${name}:Get`),
      Resource: '*',
      Condition: { StringEquals: Object.fromEntries(RESERVED_NAMES.map((name) => [`${name}:key`, 'x'])) },
    };
    writeFile(directory, 'scps/iam-names.json', JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
    const parameters = RESERVED_NAMES.map((name) => `${JSON.stringify(name)}: 1`).join(', ');
    editFile(directory, 'landing-zone.yaml', (text) =>
      text
        .replace('access-keys-rotated: { maxAccessKeyAge: 60 }', `access-keys-rotated: { maxAccessKeyAge: 60, ${parameters} }`)
        .replace('deny-large-instances]', 'deny-large-instances, iam-names]'),
    );
    const issues = await allIssuesOf(directory);
    const line = lineOf(directory, 'landing-zone.yaml', 'access-keys-rotated:');
    expect(issues).toHaveLength(3 * RESERVED_NAMES.length);
    for (const name of RESERVED_NAMES) {
      expect(issues).toContainEqual(
        `landing-zone.yaml:${line} detectiveControls.parameters.access-keys-rotated.${name}: expected a parameter of ACCESS_KEYS_ROTATED (maxAccessKeyAge), got "${name}"`,
      );
      expect(issues).toContainEqual(
        expect.stringMatching(
          new RegExp(`^scps/iam-names\\.json:1 Statement\\.0\\.Action\\.\\d+: "${name}:Get": no AWS service has the prefix "${name.toLowerCase()}"`),
        ),
      );
      expect(issues).toContainEqual(`scps/iam-names.json:1 Statement.0.Condition.StringEquals.${name}:key: "${name}:key" is not a condition key`);
    }
  });

  it('is refused by vend as validation refuses it, and nothing is written', () => {
    const directory = copyExample();
    const result = runEntry(
      'lib/cli/vend.ts',
      [
        '--config-dir',
        directory,
        '--name',
        'toString',
        '--email',
        'aws-to-string@example.com',
        '--ou',
        'Sandbox',
        '--budget',
        '10',
        '--budget-email',
        'finops@example.com',
      ],
      { CI: 'true' },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--name "toString" cannot name a request file: expected lowercase letters, digits and inner hyphens, at most 50');
    expect(existsSync(join(directory, 'accounts', 'toString.yaml'))).toBe(false);
  });
});
