/**
 * The detective controls as synthesized: for every control of the catalogue, the Config
 * rule that deploys it (its managed rule, name, regions, scope and parameters, checked
 * against the parameters AWS documents for that rule) and a configuration of it that
 * validation refuses; where each kind of selection is deployed (the root from the security
 * account, OUs and accounts in the baselines, remediation in every baseline); custom
 * conformance packs; and vending with per-OU controls on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETECTIVE_CONTROLS } from '../../lib/guardrails/detective-control-catalogue';
import type { DetectiveControl } from '../../lib/guardrails/detective-control';
import { copyExample, editFile, filesUnder, readStack, resources, stackNames, synthesize, writeFile, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { issuesOf } from '../support/read-configuration';

const HOME = 'eu-west-1';
const GOVERNED = ['eu-central-1', 'eu-west-1'];

/**
 * The input parameters of each managed rule as AWS documents them (the AWS Config managed
 * rules reference, and AWS's conformance packs in awslabs/aws-config-rules), by identifier:
 * the parameter's name and the type its text must read as. A rule that is not here takes none.
 */
const DOCUMENTED_PARAMETERS: Readonly<Record<string, Readonly<Record<string, 'int' | 'boolean' | 'string'>>>> = {
  ACCESS_KEYS_ROTATED: { maxAccessKeyAge: 'int' },
  IAM_PASSWORD_POLICY: {
    RequireUppercaseCharacters: 'boolean',
    RequireLowercaseCharacters: 'boolean',
    RequireSymbols: 'boolean',
    RequireNumbers: 'boolean',
    MinimumPasswordLength: 'int',
    PasswordReusePrevention: 'int',
    MaxPasswordAge: 'int',
  },
  RESTRICTED_INCOMING_TRAFFIC: { blockedPort1: 'int', blockedPort2: 'int', blockedPort3: 'int', blockedPort4: 'int', blockedPort5: 'int' },
  S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC: {
    BlockPublicAcls: 'boolean',
    BlockPublicPolicy: 'boolean',
    IgnorePublicAcls: 'boolean',
    RestrictPublicBuckets: 'boolean',
  },
  ENCRYPTED_VOLUMES: { kmsId: 'string' },
  VPC_FLOW_LOGS_ENABLED: { trafficType: 'string' },
  GUARDDUTY_ENABLED_CENTRALIZED: { CentralMonitoringAccount: 'string' },
};

/**
 * Each control's managed rule and the scope AWS's own conformance packs give it
 * (awslabs/aws-config-rules, e.g. Operational-Best-Practices-for-CIS-AWS-v1.4-Level1.yaml),
 * by the control id; periodic rules have no scope.
 */
const DOCUMENTED_RULES: Readonly<Record<string, { readonly identifier: string; readonly scope?: readonly string[] }>> = {
  'root-account-mfa-enabled': { identifier: 'ROOT_ACCOUNT_MFA_ENABLED' },
  'iam-root-access-key-check': { identifier: 'IAM_ROOT_ACCESS_KEY_CHECK' },
  'cloudtrail-enabled': { identifier: 'CLOUD_TRAIL_ENABLED' },
  'cloud-trail-log-file-validation-enabled': { identifier: 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED' },
  's3-account-level-public-access-blocks-periodic': { identifier: 'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC' },
  'guardduty-enabled-centralized': { identifier: 'GUARDDUTY_ENABLED_CENTRALIZED' },
  'securityhub-enabled': { identifier: 'SECURITYHUB_ENABLED' },
  'iam-password-policy': { identifier: 'IAM_PASSWORD_POLICY' },
  'access-keys-rotated': { identifier: 'ACCESS_KEYS_ROTATED' },
  'encrypted-volumes': { identifier: 'ENCRYPTED_VOLUMES', scope: ['AWS::EC2::Volume'] },
  'ec2-ebs-encryption-by-default': { identifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT' },
  'ec2-imdsv2-check': { identifier: 'EC2_IMDSV2_CHECK', scope: ['AWS::EC2::Instance'] },
  'restricted-ssh': { identifier: 'INCOMING_SSH_DISABLED', scope: ['AWS::EC2::SecurityGroup'] },
  'restricted-rdp': { identifier: 'RESTRICTED_INCOMING_TRAFFIC', scope: ['AWS::EC2::SecurityGroup'] },
  'rds-storage-encrypted': { identifier: 'RDS_STORAGE_ENCRYPTED', scope: ['AWS::RDS::DBInstance'] },
  's3-bucket-ssl-requests-only': { identifier: 'S3_BUCKET_SSL_REQUESTS_ONLY', scope: ['AWS::S3::Bucket'] },
  'vpc-flow-logs-enabled': { identifier: 'VPC_FLOW_LOGS_ENABLED' },
};

const READS_AS = { int: /^\d+$/, boolean: /^(true|false|True|False)$/, string: /^.+$/ } as const;

function lineOf(directory: string, text: string): number {
  return (
    readFileSync(join(directory, 'landing-zone.yaml'), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

/** The example with every elective control on Workloads/Prod, beside those the root has by default. */
let everyControl: string;
beforeAll(async () => {
  const dir = copyExample();
  const electives = DETECTIVE_CONTROLS.filter((control) => control.guidance === 'elective').map((control) => control.id);
  editFile(dir, 'landing-zone.yaml', (text) => text.replace('controls: [rds-storage-encrypted, vpc-flow-logs-enabled]', `controls: [${electives.join(', ')}]`));
  everyControl = await synthesize(dir);
});

/** Where the example deploys a control: an organization rule of the root's, or a rule of a baseline. */
function deployed(control: DetectiveControl): { stack: string; rules: TerraformJson[]; organization: boolean } {
  const organization = resources(readStack(everyControl, 'detective-controls'), 'aws_config_organization_managed_rule').filter(
    (rule) => rule.name === `landing-zone-${control.id}`,
  );
  if (organization.length > 0) return { stack: 'detective-controls', rules: organization, organization: true };
  const rules = resources(readStack(everyControl, 'baseline-payments-prod'), 'aws_config_config_rule').filter(
    (rule) => rule.name === `landing-zone-${control.id}`,
  );
  return { stack: 'baseline-payments-prod', rules, organization: false };
}

describe('the detective control catalogue', () => {
  it('holds exactly these controls; adding or dropping one is a reviewed change', () => {
    expect(DETECTIVE_CONTROLS.map((control) => `${control.guidance} ${control.id}`)).toEqual([
      'mandatory root-account-mfa-enabled',
      'mandatory iam-root-access-key-check',
      'mandatory cloudtrail-enabled',
      'mandatory cloud-trail-log-file-validation-enabled',
      'mandatory s3-account-level-public-access-blocks-periodic',
      'mandatory guardduty-enabled-centralized',
      'mandatory securityhub-enabled',
      'strongly-recommended iam-password-policy',
      'strongly-recommended access-keys-rotated',
      'strongly-recommended encrypted-volumes',
      'strongly-recommended ec2-ebs-encryption-by-default',
      'strongly-recommended ec2-imdsv2-check',
      'strongly-recommended restricted-ssh',
      'strongly-recommended restricted-rdp',
      'elective rds-storage-encrypted',
      'elective s3-bucket-ssl-requests-only',
      'elective vpc-flow-logs-enabled',
    ]);
  });

  it.each(DETECTIVE_CONTROLS.map((control) => [control.id, control] as const))('%s is described, and names a rule of at most 64 characters', (_id, control) => {
    expect(`landing-zone-${control.id}`.length).toBeLessThanOrEqual(64);
    expect(control.title).toMatch(/^[A-Z][^\n]{5,100}$/);
    expect(control.why).toMatch(/^[A-Z][^\n]{20,300}\.$/);
    expect(control.resourceTypes.every((type) => /^AWS::[A-Za-z0-9]*::[A-Za-z0-9]+$/.test(type))).toBe(true);
  });

  it.each(DETECTIVE_CONTROLS.filter((control) => control.parameters).map((control) => [control.id, control] as const))(
    '%s offers only parameters AWS documents for its managed rule, of the type AWS documents',
    (_id, control) => {
      const documented = DOCUMENTED_PARAMETERS[control.sourceIdentifier] ?? {};
      for (const [name, parameter] of Object.entries(control.parameters ?? {})) expect([name, parameter.type]).toEqual([name, documented[name]]);
    },
  );
});

describe.each(DETECTIVE_CONTROLS.map((control) => [control.id, control] as const))('the control %s', (_id, control) => {
  it('is deployed as its managed rule, in the regions and with the scope and parameters AWS documents for it', () => {
    const { rules, organization } = deployed(control);
    expect(rules.map((rule) => rule.region).sort()).toEqual(control.global ? [HOME] : GOVERNED);
    const documented = DOCUMENTED_RULES[control.id];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(organization ? rule.rule_identifier : rule.source).toEqual(
        organization ? documented.identifier : { owner: 'AWS', source_identifier: documented.identifier },
      );
      expect(organization ? rule.resource_types_scope : rule.scope?.compliance_resource_types).toEqual(documented.scope);
      const parameters: Record<string, string> = rule.input_parameters === undefined ? {} : JSON.parse(rule.input_parameters);
      const parametersOfRule = DOCUMENTED_PARAMETERS[documented.identifier] ?? {};
      for (const [name, value] of Object.entries(parameters)) {
        expect(typeof value).toBe('string');
        expect([name, READS_AS[parametersOfRule[name] ?? 'int'].test(value) && name in parametersOfRule]).toEqual([name, true]);
      }
      if (!organization)
        expect(rule.depends_on).toEqual([
          expect.stringMatching(new RegExp(`^aws_config_configuration_recorder_status\\.config_recorder_status_${rule.region.replace(/-/g, '_')}_`)),
        ]);
    }
  });

  it('refuses a configuration of it that AWS Config would not take, naming the file, the field and the line', () => {
    const dir = copyExample();
    const [name, parameter] = Object.entries(control.parameters ?? {})[0] ?? [];
    const wrong = parameter?.type === 'string' ? '""' : 'not-a-value';
    const entry = `    ${control.id}: { ${name ?? 'someParameter'}: ${wrong} }`;
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace(
        '    access-keys-rotated: { maxAccessKeyAge: 60 }',
        control.id === 'access-keys-rotated' ? entry : `    access-keys-rotated: { maxAccessKeyAge: 60 }\n${entry}`,
      ),
    );
    // A key longer than 40 characters is quoted as an excerpt in the field path.
    const at = `landing-zone.yaml:${lineOf(dir, entry)} detectiveControls.parameters.`;
    const [issue, ...others] = issuesOf(dir);
    expect(others).toEqual([]);
    expect(issue.startsWith(at)).toBe(true);
    if (parameter) expect(issue).toContain(`.${name}: expected `);
    else expect(issue.endsWith(`: ${control.id} (${control.sourceIdentifier}) takes no parameters`)).toBe(true);
  });
});

describe('where the controls are deployed', () => {
  it('deploys the root controls without remediation for every account from the security account, after every baseline', () => {
    const manifest = JSON.parse(readFileSync(join(exampleOutput(), 'manifest.json'), 'utf8'));
    const baselines = stackNames(exampleOutput()).filter((name) => name.startsWith('baseline-'));
    expect(manifest.stacks['detective-controls'].dependencies).toEqual(expect.arrayContaining(['security', ...baselines]));
    const provider = readStack(exampleOutput(), 'detective-controls').provider.aws[0];
    expect(provider.assume_role[0].role_arn).toBe(
      'arn:aws:iam::${data.terraform_remote_state.account_security.outputs.account_id}:role/OrganizationAccountAccessRole',
    );
    const names = new Set(resources(readStack(exampleOutput(), 'detective-controls'), 'aws_config_organization_managed_rule').map((rule) => rule.name));
    expect([...names].sort()).toEqual(
      DETECTIVE_CONTROLS.filter((control) => control.guidance !== 'elective' && control.id !== 'restricted-ssh')
        .map((control) => `landing-zone-${control.id}`)
        .sort(),
    );
  });

  it("deploys a root control with remediation in every account's baseline, with AWS's runbook, through a role only the account's Systems Manager assumes", () => {
    for (const name of stackNames(exampleOutput()).filter((stack) => stack.startsWith('baseline-'))) {
      const baseline = readStack(exampleOutput(), name);
      const rules = resources(baseline, 'aws_config_config_rule').filter((rule) => rule.name === 'landing-zone-restricted-ssh');
      expect(rules.map((rule) => rule.region).sort()).toEqual(GOVERNED);
      const remediations = resources(baseline, 'aws_config_remediation_configuration');
      expect(remediations.map((remediation) => [remediation.region, remediation.target_type, remediation.target_id, remediation.automatic]).sort()).toEqual([
        ['eu-central-1', 'SSM_DOCUMENT', 'AWS-DisableIncomingSSHOnPort22', true],
        ['eu-west-1', 'SSM_DOCUMENT', 'AWS-DisableIncomingSSHOnPort22', true],
      ]);
      expect(remediations[0].parameter).toEqual([
        { name: 'AutomationAssumeRole', static_value: expect.stringMatching(/^\$\{aws_iam_role\.detective_controls_remediation_role_\w+\.arn\}$/) },
        { name: 'SecurityGroupIds', resource_value: 'RESOURCE_ID' },
      ]);
      const role = resources(baseline, 'aws_iam_role').find((candidate) => candidate.name === 'landing-zone-config-remediation')!;
      expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'ssm.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': expect.any(String) } },
        },
      ]);
      const policy = resources(baseline, 'aws_iam_role_policy').find((candidate) => candidate.name === 'run-remediation-runbooks')!;
      expect(JSON.parse(policy.policy).Statement).toEqual([
        { Effect: 'Allow', Action: ['ec2:DescribeSecurityGroups', 'ec2:RevokeSecurityGroupIngress'], Resource: '*' },
      ]);
    }
  });

  it('deploys the controls of an OU in the baseline of every account below it, and in no other', () => {
    const rulesOf = (stack: string) => new Set(resources(readStack(exampleOutput(), stack), 'aws_config_config_rule').map((rule) => rule.name));
    expect(rulesOf('baseline-payments-prod')).toEqual(
      new Set(['landing-zone-restricted-ssh', 'landing-zone-rds-storage-encrypted', 'landing-zone-vpc-flow-logs-enabled']),
    );
    expect(rulesOf('baseline-payments-dev')).toEqual(new Set(['landing-zone-restricted-ssh']));
  });

  it('leaves out the detective-controls stack when nothing is deployed from the root', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace(
        '  attachments:\n    organizationalUnits:\n      Workloads/Prod:',
        '  attachments:\n    root: { controls: [] }\n    organizationalUnits:\n      Workloads/Prod:',
      ),
    );
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ detectiveControls\.attachments\.root\.controls: leaves out the mandatory controls root-account-mfa-enabled, /,
      ),
    ]);
    expect(stackNames(await synthesize(dir))).not.toContain('detective-controls');
  });

  it('warns of a control attached to an OU that the root has already, and deploys it once', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace('controls: [rds-storage-encrypted, vpc-flow-logs-enabled]', 'controls: [rds-storage-encrypted, vpc-flow-logs-enabled, encrypted-volumes]'),
    );
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml:${lineOf(dir, 'encrypted-volumes]')} detectiveControls.attachments.organizationalUnits.Workloads/Prod.controls.2: encrypted-volumes reaches every account from the root already; it is deployed once, from the root`,
    ]);
    const rules = resources(readStack(await synthesize(dir), 'baseline-payments-prod'), 'aws_config_config_rule').map((rule) => rule.name);
    expect(rules).not.toContain('landing-zone-encrypted-volumes');
  });

  it('refuses an unknown control and target, remediation of a control without a runbook, and an unknown parameter, with suggestions', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace('controls: [rds-storage-encrypted, vpc-flow-logs-enabled]', 'controls: [rds-storage-encrypted, vpc-flow-log-enabled]')
        .replace('    access-keys-rotated: { maxAccessKeyAge: 60 }', '    access-keys-rotated: { maxAccesKeyAge: 60 }')
        .replace('    restricted-ssh: { automatic: true }', '    restricted-ssh: { automatic: true }\n    cloudtrail-enabled: {}')
        .replace('      Workloads/Prod:\n        controls:', '      Workloads/Prd:\n        controls:'),
    );
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ detectiveControls\.attachments\.organizationalUnits\.Workloads\/Prd: expected an OU path .*got "Workloads\/Prd"; did you mean "Workloads\/Prod"\?$/,
      ),
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ detectiveControls\.parameters\.access-keys-rotated\.maxAccesKeyAge: expected a parameter of ACCESS_KEYS_ROTATED \(maxAccessKeyAge\), got "maxAccesKeyAge"; did you mean "maxAccessKeyAge"\?$/,
      ),
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ detectiveControls\.remediation\.cloudtrail-enabled: cloudtrail-enabled has no AWS runbook to remediate with; remediation is for restricted-ssh, restricted-rdp$/,
      ),
    ]);
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('Workloads/Prd:', 'Workloads/Prod:'));
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ detectiveControls\.attachments\.organizationalUnits\.Workloads\/Prod\.controls\.1: expected a control of the detective control catalogue .*got "vpc-flow-log-enabled"; did you mean "vpc-flow-logs-enabled"\?$/,
      ),
      expect.stringMatching(/detectiveControls\.parameters\.access-keys-rotated\.maxAccesKeyAge/),
      expect.stringMatching(/detectiveControls\.remediation\.cloudtrail-enabled/),
    ]);
  });

  it('refuses a parameter value outside what the rule takes', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('access-keys-rotated: { maxAccessKeyAge: 60 }', 'access-keys-rotated: { maxAccessKeyAge: 400 }'));
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml:${lineOf(dir, 'maxAccessKeyAge: 400')} detectiveControls.parameters.access-keys-rotated.maxAccessKeyAge: expected at most 365, got 400 (Days an access key may be in use.)`,
    ]);
  });

  it("gives the password policy control the baseline's own password policy, so that the baseline passes it", () => {
    const rule = resources(readStack(exampleOutput(), 'detective-controls'), 'aws_config_organization_managed_rule').find(
      (candidate) => candidate.name === 'landing-zone-iam-password-policy',
    )!;
    const policy = resources(readStack(exampleOutput(), 'baseline-payments-prod'), 'aws_iam_account_password_policy')[0];
    expect(JSON.parse(rule.input_parameters)).toEqual({
      RequireUppercaseCharacters: String(policy.require_uppercase_characters),
      RequireLowercaseCharacters: String(policy.require_lowercase_characters),
      RequireSymbols: String(policy.require_symbols),
      RequireNumbers: String(policy.require_numbers),
      MinimumPasswordLength: String(policy.minimum_password_length),
      PasswordReusePrevention: String(policy.password_reuse_prevention),
      MaxPasswordAge: String(policy.max_password_age),
    });
  });
});

describe('custom conformance packs', () => {
  it('are deployed in every governed region of the accounts they reach, as the template reads, after the recorder', () => {
    const packs = resources(readStack(exampleOutput(), 'baseline-payments-prod'), 'aws_config_conformance_pack');
    expect(packs.map((pack) => [pack.name, pack.region]).sort()).toEqual([
      ['payments-data-protection', 'eu-central-1'],
      ['payments-data-protection', 'eu-west-1'],
    ]);
    const template = JSON.parse(packs[0].template_body);
    expect(
      Object.values<{ Type: string; Properties: { Source: { SourceIdentifier: string } } }>(template.Resources).map(
        (resource) => resource.Properties.Source.SourceIdentifier,
      ),
    ).toEqual(['S3_BUCKET_VERSIONING_ENABLED', 'DYNAMODB_PITR_ENABLED', 'RDS_INSTANCE_DELETION_PROTECTION_ENABLED']);
    expect(template.Resources.S3BucketVersioningEnabled.Properties.InputParameters).toEqual({
      isMfaDeleteEnabled: { Ref: 'S3BucketVersioningEnabledParamIsMfaDeleteEnabled' },
    });
    expect(packs[0].depends_on).toEqual([expect.stringMatching(/^aws_config_configuration_recorder_status\./)]);
    expect(resources(readStack(exampleOutput(), 'baseline-payments-dev'), 'aws_config_conformance_pack')).toEqual([]);
  });

  it('attached to the root, are organization conformance packs of the security account', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace(
          '  attachments:\n    organizationalUnits:',
          '  attachments:\n    root:\n      controls: [root-account-mfa-enabled, iam-root-access-key-check, cloudtrail-enabled, cloud-trail-log-file-validation-enabled, s3-account-level-public-access-blocks-periodic, guardduty-enabled-centralized, securityhub-enabled]\n      conformancePacks: [payments-data-protection]\n    organizationalUnits:',
        )
        .replace('        conformancePacks: [payments-data-protection]\n', ''),
    );
    expect(issuesOf(dir)).toEqual([]);
    const out = await synthesize(dir);
    expect(
      resources(readStack(out, 'detective-controls'), 'aws_config_organization_conformance_pack')
        .map((pack) => [pack.name, pack.region])
        .sort(),
    ).toEqual([
      ['payments-data-protection', 'eu-central-1'],
      ['payments-data-protection', 'eu-west-1'],
    ]);
    expect(resources(readStack(out, 'baseline-payments-prod'), 'aws_config_conformance_pack')).toEqual([]);
  });

  it('refuse the short form of intrinsic functions, which YAML would read as text, with its line', () => {
    const dir = copyExample();
    editFile(dir, 'conformance-packs/payments-data-protection.yaml', (text) =>
      text.replace('          Ref: S3BucketVersioningEnabledParamIsMfaDeleteEnabled', '          !Ref S3BucketVersioningEnabledParamIsMfaDeleteEnabled'),
    );
    const line =
      readFileSync(join(dir, 'conformance-packs/payments-data-protection.yaml'), 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('!Ref')) + 1;
    expect(issuesOf(dir)).toEqual([
      `conformance-packs/payments-data-protection.yaml:${line} has a YAML tag that is not read (!Ref): write CloudFormation's long form (Ref:, Fn::GetAtt:, Fn::If: ...) instead`,
    ]);
  });

  it('refuse a template without a Config rule, a resource a pack cannot hold, and a template over what AWS Config takes', () => {
    const dir = copyExample();
    writeFile(dir, 'conformance-packs/no-rules.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties: {}\n');
    const rule = (number: number) =>
      `  Rule${number}:\n    Type: AWS::Config::ConfigRule\n    Properties:\n      Description: "${'x'.repeat(500)}"\n      Source: { Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED }\n`;
    writeFile(dir, 'conformance-packs/too-large.yaml', `Resources:\n${Array.from({ length: 110 }, (_, number) => rule(number)).join('')}`);
    writeFile(dir, 'conformance-packs/notes.txt', 'not a pack');
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace('conformancePacks: [payments-data-protection]', 'conformancePacks: [payments-data-protection, too-large, payments-data-protections]'),
    );
    expect(issuesOf(dir)).toEqual([
      'conformance-packs/no-rules.yaml:3 Resources.Topic.Type: expected one of the resources a conformance pack holds (AWS::Config::ConfigRule, AWS::Config::RemediationConfiguration)',
      'conformance-packs/notes.txt is not read: conformance packs (<name>.yaml: a letter, then letters, digits and -) are named like this',
      expect.stringMatching(/^conformance-packs\/too-large\.yaml is \d+ characters as synthesized/),
    ]);
    writeFile(dir, 'conformance-packs/no-rules.yaml', 'Resources: {}\n');
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(/^conformance-packs\/no-rules\.yaml:1 Resources: holds no AWS::Config::ConfigRule/),
      'conformance-packs/notes.txt is not read: conformance packs (<name>.yaml: a letter, then letters, digits and -) are named like this',
      expect.stringMatching(/^conformance-packs\/too-large\.yaml is \d+ characters as synthesized/),
    ]);
    writeFile(dir, 'conformance-packs/no-rules.yaml', rule(1).replace('  Rule1', 'Resources:\n  Rule1'));
    expect(issuesOf(dir)).toEqual([
      'conformance-packs/no-rules.yaml is deployed nowhere; add no-rules to detectiveControls.attachments of landing-zone.yaml, or remove the file',
      'conformance-packs/notes.txt is not read: conformance packs (<name>.yaml: a letter, then letters, digits and -) are named like this',
      expect.stringMatching(/^conformance-packs\/too-large\.yaml is \d+ characters as synthesized, over the 51200 AWS Config takes as a template body$/),
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ detectiveControls\.attachments\.organizationalUnits\.Workloads\/Prod\.conformancePacks\.2: expected a conformance pack in conformance-packs\/ .*got "payments-data-protections"; did you mean "payments-data-protection"\?$/,
      ),
    ]);
  });
});

describe('vending with per-OU controls on', () => {
  it('adds the two stacks of an account in an OU with controls of its own, and changes no other', async () => {
    const dir = copyExample();
    const before = filesUnder(await synthesize(dir));
    writeFile(
      dir,
      'accounts/payments-reporting.yaml',
      [
        'name: payments-reporting',
        'email: aws-payments-reporting@example.com',
        'ou: Workloads/Prod',
        'tags: { owner: payments, environment: prod, cost-center: "4200" }',
        'budget: { monthlyLimitUsd: 300, alertEmails: [payments-leads@example.com] }',
        '',
      ].join('\n'),
    );
    const out = await synthesize(dir);
    const after = filesUnder(out);
    const stacksOf = (files: Map<string, string>) => new Map([...files].filter(([path]) => path.endsWith('/cdk.tf.json')));
    const [a, b] = [stacksOf(before), stacksOf(after)];
    expect([...b.keys()].filter((path) => !a.has(path))).toEqual([
      'stacks/account-payments-reporting/cdk.tf.json',
      'stacks/baseline-payments-reporting/cdk.tf.json',
    ]);
    expect([...a.keys()].filter((path) => b.get(path) !== a.get(path))).toEqual([]);
    const rules = resources(readStack(out, 'baseline-payments-reporting'), 'aws_config_config_rule').map((rule) => rule.name);
    expect(new Set(rules)).toEqual(new Set(['landing-zone-restricted-ssh', 'landing-zone-rds-storage-encrypted', 'landing-zone-vpc-flow-logs-enabled']));
  });
});
