/**
 * The policy types beyond SCPs and tag policies: resource control policies (simulated on
 * the RCP chain read back from the synthesized example), EC2 declarative policies, the AI
 * services opt-out and backup policies (each checked against the shape AWS documents), and
 * that each type is enabled in the organization only when some policy of it is attached.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { z } from 'zod';
import {
  AI_SERVICES_OPT_OUT_GUARDRAILS,
  DECLARATIVE_POLICY_GUARDRAILS,
  RESOURCE_CONTROL_POLICY_GUARDRAILS,
  BUILT_IN_GUARDRAILS,
} from '../../lib/guardrails/catalogue';
import { DATA_PERIMETER_SERVICES } from '../../lib/guardrails/data-perimeter-services';
import { ORGANIZATION_ID_PLACEHOLDER, type GuardrailContext } from '../../lib/guardrails/guardrail';
import { policyReferenceProblems } from '../../lib/iam/policy-references';
import type { ResourcePolicyDocument } from '../../lib/iam/policy-document';
import { REQUIRE_TAGS_SERVICE_NAMES } from '../../lib/guardrails/require-tags-services';
import { copyExample, editFile, onlyResource, readStack, resources, synthesize, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { issuesOf } from '../support/read-configuration';
import { ORGANIZATION_ID, resourceControlPolicyChain } from '../support/scp-chain';

function lineOf(directory: string, text: string): number {
  return (
    readFileSync(join(directory, 'landing-zone.yaml'), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

const context: GuardrailContext = {
  governedRegions: ['eu-west-1', 'eu-central-1'],
  accessRoleArn: 'arn:aws:iam::*:role/OrganizationAccountAccessRole',
  exemptPrincipalArns: ['arn:aws:iam::*:role/OrganizationAccountAccessRole'],
  regionDenyExtraExemptActions: [],
  requiredTags: [{ key: 'owner' }],
  requireTagsServices: [...REQUIRE_TAGS_SERVICE_NAMES],
  logArchiveBucketNamePrefix: 'example-corp-logs',
  alertEventBusName: 'landing-zone-security-alerts',
  organizationId: ORGANIZATION_ID_PLACEHOLDER,
  centralizedRootAccess: true,
  dataPerimeterTrustedAccountIds: [],
  allowedImages: { state: 'enabled', providers: ['amazon'] },
};

const ADMINISTRATOR = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

describe('the catalogue of the other policy types', () => {
  it('holds exactly these; adding or dropping one is a reviewed change', () => {
    expect(RESOURCE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => guardrail.id)).toEqual(['enforce-organization-identities', 'enforce-secure-transport']);
    expect(DECLARATIVE_POLICY_GUARDRAILS.map((guardrail) => guardrail.id)).toEqual([
      'ec2-imdsv2-by-default',
      'ec2-block-public-ami-sharing',
      'ec2-block-public-snapshots',
      'ec2-serial-console-off',
      'ec2-vpc-block-public-access',
      'ec2-allowed-images',
    ]);
    expect(AI_SERVICES_OPT_OUT_GUARDRAILS.map((guardrail) => guardrail.id)).toEqual(['opt-out-of-ai-services']);
  });

  it('gives every built-in of every type an id of its own', () => {
    const ids = BUILT_IN_GUARDRAILS.map((guardrail) => guardrail.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('resource control policies', () => {
  it.each(RESOURCE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => [guardrail.id, guardrail] as const))(
    '%s names only real actions, operators and condition keys',
    async (_id, guardrail) => {
      expect(await policyReferenceProblems(guardrail.build(context))).toEqual([]);
    },
  );

  it.each(RESOURCE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => [guardrail.id, guardrail] as const))(
    '%s denies only, speaks to every principal and names only the data perimeter services, as an RCP must',
    (_id, guardrail) => {
      for (const statement of (guardrail.build(context) as ResourcePolicyDocument).Statement) {
        expect(statement).toMatchObject({ Effect: 'Deny', Principal: '*', Resource: '*' });
        const actions = [statement.Action].flat() as string[];
        expect(actions.every((action) => (DATA_PERIMETER_SERVICES as readonly string[]).includes(action.split(':')[0]))).toBe(true);
      }
    },
  );

  it('lets in the accounts trusted by name, and no others', () => {
    const trusted = RESOURCE_CONTROL_POLICY_GUARDRAILS[0].build({ ...context, dataPerimeterTrustedAccountIds: ['999999999999'] }) as ResourcePolicyDocument;
    expect(trusted.Statement[0].Condition?.StringNotEqualsIfExists).toEqual({
      'aws:PrincipalOrgID': ORGANIZATION_ID_PLACEHOLDER,
      'aws:PrincipalAccount': ['999999999999'],
    });
    expect(trusted.Statement[1].Condition?.StringNotEqualsIfExists).toEqual({
      'aws:SourceOrgID': ORGANIZATION_ID_PLACEHOLDER,
      'aws:SourceAccount': ['999999999999'],
    });
  });

  it('is synthesized with the organization id of the organization it is created in', () => {
    const content: string = readStack(exampleOutput(), 'management').resource.aws_organizations_policy.policy_enforce_organization_identities.content;
    expect(content).toContain('"aws:PrincipalOrgID":"${aws_organizations_organization.organization.id}"');
    expect(content).not.toContain(ORGANIZATION_ID_PLACEHOLDER);
  });

  it('names an adopted organization by the id it is given, and is measured with it', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  name: Example Corp\n', '  name: Example Corp\n  existingOrganizationId: o-a1b2c3d4e5\n'));
    const content: string = readStack(await synthesize(dir), 'management').resource.aws_organizations_policy.policy_enforce_organization_identities.content;
    expect(
      JSON.parse(content).Statement.map((statement: { Condition: { StringNotEqualsIfExists: object } }) => statement.Condition.StringNotEqualsIfExists),
    ).toEqual([{ 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' }, { 'aws:SourceOrgID': 'o-a1b2c3d4e5' }]);
  });

  describe('as the example attaches them (secure transport on the root, organization identities on Workloads)', () => {
    const BUCKET = 'arn:aws:s3:::payments-data';
    /** A bucket policy open to everyone: what the RCPs must still keep in. */
    const OPEN_BUCKET_POLICY = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`] }],
    };
    const ACCOUNT_IDS: Record<string, string> = { 'payments-prod': '666666666666', 'shared-services': '444444444444' };

    interface Request {
      readonly account: string;
      readonly principal: string;
      readonly context: Record<string, string>;
      readonly action?: string;
    }

    async function decide({ account, principal, context: requestContext, action = 's3:GetObject' }: Request): Promise<string> {
      const service = principal.endsWith('.amazonaws.com');
      const response = await runSimulation(
        {
          request: {
            principal,
            action,
            resource: { resource: `${BUCKET}/statement.csv`, accountId: ACCOUNT_IDS[account] },
            contextVariables: { 'aws:SecureTransport': 'true', 'aws:PrincipalIsAWSService': String(service), ...requestContext },
          },
          identityPolicies: service ? [] : [ADMINISTRATOR],
          serviceControlPolicies: [],
          resourceControlPolicies: resourceControlPolicyChain(exampleOutput(), account),
          resourcePolicy: OPEN_BUCKET_POLICY,
        },
        {},
      );
      if (response.resultType === 'error') throw new Error(`the simulation rejected its input: ${JSON.stringify(response.errors)}`);
      return response.overallResult;
    }

    const insider = {
      principal: 'arn:aws:iam::555555555555:role/PaymentsService',
      context: { 'aws:PrincipalOrgID': ORGANIZATION_ID, 'aws:PrincipalAccount': '555555555555' },
    };
    const outsider = {
      principal: 'arn:aws:iam::999999999999:role/Someone',
      context: { 'aws:PrincipalOrgID': 'o-otherorg123', 'aws:PrincipalAccount': '999999999999' },
    };

    it('is root, then each OU, then the account', () => {
      expect(
        resourceControlPolicyChain(exampleOutput(), 'payments-prod').map((level) => [level.orgIdentifier, level.policies.map((policy) => policy.name)]),
      ).toEqual([
        ['root', ['enforce-secure-transport']],
        ['Workloads', ['enforce-organization-identities']],
        ['Prod', []],
        ['payments-prod', []],
      ]);
    });

    it('lets a principal of the organization read the bucket', async () => {
      expect(await decide({ account: 'payments-prod', ...insider })).toBe('Allowed');
    });

    it('denies a principal of another organization, whatever the bucket policy says', async () => {
      expect(await decide({ account: 'payments-prod', ...outsider })).toBe('ExplicitlyDenied');
    });

    it('leaves the identity perimeter to the OUs it is attached to: outside Workloads the bucket policy decides', async () => {
      expect(await decide({ account: 'shared-services', ...outsider })).toBe('Allowed');
    });

    it('lets an AWS service act for a resource of the organization', async () => {
      const forUs = { 'aws:SourceAccount': '555555555555', 'aws:SourceOrgID': ORGANIZATION_ID };
      expect(await decide({ account: 'payments-prod', principal: 'cloudtrail.amazonaws.com', context: forUs, action: 's3:PutObject' })).toBe('Allowed');
    });

    it('denies an AWS service acting for a resource of another organization (the confused deputy)', async () => {
      const forThem = { 'aws:SourceAccount': '999999999999', 'aws:SourceOrgID': 'o-otherorg123' };
      expect(await decide({ account: 'payments-prod', principal: 'cloudtrail.amazonaws.com', context: forThem, action: 's3:PutObject' })).toBe(
        'ExplicitlyDenied',
      );
    });

    it('lets an AWS service in that acts for no account (no aws:SourceAccount)', async () => {
      expect(await decide({ account: 'payments-prod', principal: 'cloudfront.amazonaws.com', context: {} })).toBe('Allowed');
    });

    it('denies plain HTTP to everyone, the organization included, in every OU', async () => {
      for (const account of ['payments-prod', 'shared-services']) {
        expect(await decide({ account, principal: insider.principal, context: { ...insider.context, 'aws:SecureTransport': 'false' } })).toBe(
          'ExplicitlyDenied',
        );
      }
    });
  });
});

/**
 * AWS's documented shape of the EC2 attributes of declarative policies (AWS Organizations
 * User Guide, "Declarative policy syntax and examples"): each attribute's fields and the
 * values each accepts, every value set with `@@assign` (lists with `@@append`).
 */
const assign = <T extends z.ZodType>(value: T) => z.strictObject({ '@@assign': value });
const DOCUMENTED_EC2_ATTRIBUTES = z.strictObject({
  ec2_attributes: z
    .strictObject({
      exception_message: assign(z.string()).optional(),
      vpc_block_public_access: z
        .strictObject({
          internet_gateway_block: z.strictObject({
            mode: assign(z.enum(['off', 'block_ingress', 'block_bidirectional'])),
            exclusions_allowed: assign(z.enum(['enabled', 'disabled'])),
          }),
        })
        .optional(),
      serial_console_access: z.strictObject({ status: assign(z.enum(['enabled', 'disabled'])) }).optional(),
      image_block_public_access: z.strictObject({ state: assign(z.enum(['unblocked', 'block_new_sharing'])) }).optional(),
      allowed_images_settings: z
        .strictObject({
          state: assign(z.enum(['enabled', 'disabled', 'audit_mode'])),
          image_criteria: z
            .record(
              z.string().regex(/^criteria_([1-9]|10)$/),
              z.strictObject({
                allowed_image_providers: z
                  .strictObject({ '@@append': z.array(z.union([z.enum(['amazon', 'aws_marketplace', 'aws_backup_vault']), z.string().regex(/^\d{12}$/)])) })
                  .optional(),
              }),
            )
            .optional(),
        })
        .optional(),
      instance_metadata_defaults: z
        .strictObject({
          http_tokens: assign(z.enum(['no_preference', 'required', 'optional'])).optional(),
          http_put_response_hop_limit: assign(z.string().regex(/^(-1|[0-9]|[1-5][0-9]|6[0-4])$/)).optional(),
          http_endpoint: assign(z.enum(['no_preference', 'enabled', 'disabled'])).optional(),
          instance_metadata_tags: assign(z.enum(['no_preference', 'enabled', 'disabled'])).optional(),
        })
        .optional(),
      snapshot_block_public_access: z.strictObject({ state: assign(z.enum(['block_all_sharing', 'block_new_sharing', 'unblocked'])) }).optional(),
    })
    .refine((attributes) => Object.keys(attributes).length > 0, 'sets no attribute'),
});

describe('EC2 declarative policies', () => {
  const synthesized = () =>
    readStack(exampleOutput(), 'management').resource.aws_organizations_policy as Record<string, { type: string; name: string; content: string }>;

  it.each(DECLARATIVE_POLICY_GUARDRAILS.map((guardrail) => [guardrail.id, guardrail] as const))('%s has the shape AWS documents', (_id, guardrail) => {
    expect(DOCUMENTED_EC2_ATTRIBUTES.safeParse(guardrail.build(context)).error?.issues).toBeUndefined();
  });

  it('are synthesized, as attached in the example, with the shape AWS documents', () => {
    const declarative = Object.values(synthesized()).filter((policy) => policy.type === 'DECLARATIVE_POLICY_EC2');
    expect(declarative.map((policy) => policy.name).sort()).toEqual(
      ['ec2-block-public-ami-sharing', 'ec2-block-public-snapshots', 'ec2-imdsv2-by-default', 'ec2-serial-console-off'].sort(),
    );
    for (const policy of declarative) expect(DOCUMENTED_EC2_ATTRIBUTES.safeParse(JSON.parse(policy.content)).success).toBe(true);
  });

  it('the documented shape refuses a value that no attribute takes, so that the checks above can fail', () => {
    const wrong = { ec2_attributes: { image_block_public_access: { state: { '@@assign': 'block_all_sharing' } } } };
    expect(DOCUMENTED_EC2_ATTRIBUTES.safeParse(wrong).success).toBe(false);
    expect(DOCUMENTED_EC2_ATTRIBUTES.safeParse({ ec2_attributes: { serial_console: { status: { '@@assign': 'disabled' } } } }).success).toBe(false);
  });

  it('allows the configured image providers, in audit mode when asked', () => {
    const allowed = DECLARATIVE_POLICY_GUARDRAILS.find((guardrail) => guardrail.id === 'ec2-allowed-images')!;
    expect(allowed.build({ ...context, allowedImages: { state: 'audit_mode', providers: ['amazon', '123456789012'] } })).toEqual({
      ec2_attributes: {
        allowed_images_settings: {
          state: { '@@assign': 'audit_mode' },
          image_criteria: { criteria_1: { allowed_image_providers: { '@@append': ['amazon', '123456789012'] } } },
        },
      },
    });
  });
});

describe('the AI services opt-out policy', () => {
  /** As AWS documents it: `services`, each service (or `default`) with `opt_out_policy`, child-policy operators at each level. */
  const operators = z.array(z.string()).optional();
  const DOCUMENTED = z.strictObject({
    services: z.strictObject({ '@@operators_allowed_for_child_policies': operators }).catchall(
      z.strictObject({
        '@@operators_allowed_for_child_policies': operators,
        opt_out_policy: z.strictObject({ '@@operators_allowed_for_child_policies': operators, '@@assign': z.enum(['optOut', 'optIn']) }),
      }),
    ),
  });

  it('opts every service out, with no opting back in below', () => {
    const document = AI_SERVICES_OPT_OUT_GUARDRAILS[0].build(context);
    expect(DOCUMENTED.safeParse(document).success).toBe(true);
    expect(document).toMatchObject({
      services: { default: { opt_out_policy: { '@@assign': 'optOut', '@@operators_allowed_for_child_policies': ['@@none'] } } },
    });
  });
});

describe('backup policies', () => {
  it('run the plan in every governed region, into each account vault, on the tagged resources, through each account role', () => {
    const policy = Object.values<{ type: string; name: string; content: string }>(
      readStack(exampleOutput(), 'management').resource.aws_organizations_policy,
    ).find((candidate) => candidate.type === 'BACKUP_POLICY')!;
    expect(policy.name).toBe('daily');
    expect(JSON.parse(policy.content)).toEqual({
      plans: {
        daily: {
          regions: { '@@assign': ['eu-west-1', 'eu-central-1'] },
          rules: {
            daily: {
              schedule_expression: { '@@assign': 'cron(0 5 ? * * *)' },
              target_backup_vault_name: { '@@assign': 'landing-zone-backup' },
              lifecycle: { delete_after_days: { '@@assign': '35' } },
            },
          },
          selections: {
            tags: {
              daily: {
                iam_role_arn: { '@@assign': 'arn:aws:iam::$account:role/landing-zone-backup' },
                tag_key: { '@@assign': 'backup' },
                tag_value: { '@@assign': ['daily'] },
              },
            },
          },
        },
      },
    });
  });

  it('find their vault in each governed region and their role in every account, whichever OU it is in', () => {
    for (const stack of ['baseline-payments-prod', 'baseline-sandbox-data-science', 'baseline-management']) {
      const baseline = readStack(exampleOutput(), stack);
      expect(resources(baseline, 'aws_backup_vault').map((vault) => [vault.name, vault.region, vault.lifecycle.prevent_destroy])).toEqual([
        ['landing-zone-backup', 'eu-central-1', true],
        ['landing-zone-backup', 'eu-west-1', true],
      ]);
      expect(resources(baseline, 'aws_iam_role').map((role) => role.name)).toContain('landing-zone-backup');
    }
  });

  it('encrypt each vault with a key of the account that cannot be destroyed by a plan, and lock it in governance mode', () => {
    const baseline = readStack(exampleOutput(), 'baseline-payments-prod');
    const keys = baseline.resource.aws_kms_key as Record<string, TerraformJson>;
    for (const vault of resources(baseline, 'aws_backup_vault')) {
      const key = /^\$\{aws_kms_key\.(\w+)\.arn\}$/.exec(vault.kms_key_arn)![1];
      expect(keys[key]).toMatchObject({ region: vault.region, enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
      expect(JSON.parse(keys[key].policy).Statement).toEqual([
        {
          Sid: 'AccountAdministersAndUses',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::${data.terraform_remote_state.account_payments_prod.outputs.account_id}:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      ]);
      expect(
        resources(baseline, 'aws_kms_alias')
          .filter((alias) => alias.region === vault.region)
          .map((alias) => alias.name),
      ).toContain('alias/landing-zone-backup');
      const [lock] = resources(baseline, 'aws_backup_vault_lock_configuration').filter((candidate) => candidate.region === vault.region);
      expect(lock.backup_vault_name).toMatch(/^\$\{aws_backup_vault\.\w+\.name\}$/);
      // No changeable_for_days: governance mode, which compliance mode's grace time would turn permanent.
      expect(lock.changeable_for_days).toBeUndefined();
    }
  });

  it('refuses a plan that deletes recovery points before cold storage allows, an unknown plan, and a plan named like a built-in', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace('      deleteAfterDays: 35\n', '      deleteAfterDays: 35\n      moveToColdStorageAfterDays: 7\n')
        .replace('backupPolicies: [daily]', 'backupPolicies: [dialy]')
        .replace('    daily:\n', '    daily:\n      deleteAfterDays: 400\n      tagValues: [daily]\n    deny-all:\n'),
    );
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ backup\.plans\.deny-all\.deleteAfterDays: AWS Backup keeps a recovery point in cold storage 90 days at least/,
      ),
    ]);
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('      moveToColdStorageAfterDays: 7\n', ''));
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.attachments\.organizationalUnits\.Workloads\/Prod\.backupPolicies\.0: expected a backup plan of backup\.plans .*got "dialy"; did you mean "daily"\?$/,
      ),
      expect.stringMatching(/^landing-zone\.yaml:\d+ backup\.plans\.deny-all: is named like the built-in guardrail deny-all/),
    ]);
  });
});

describe('quotas and attachments of the other policy types', () => {
  it('refuses more RCPs on a target than fit beside RCPFullAWSAccess, naming the file, the field and the line', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace(
          '        resourceControlPolicies: [enforce-organization-identities]',
          '        resourceControlPolicies: [enforce-organization-identities, enforce-secure-transport]',
        )
        .concat('quotas:\n  resourceControlPoliciesPerTarget: 2\n'),
    );
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml:${lineOf(dir, '[enforce-organization-identities, enforce-secure-transport]')} guardrails.attachments.organizationalUnits.Workloads.resourceControlPolicies: ` +
        '2 policies here, over quotas.resourceControlPoliciesPerTarget, less one for RCPFullAWSAccess (1)',
    ]);
  });

  it("refuses a quota above AWS's, which a configuration may only lower", () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.concat('quotas:\n  resourceControlPoliciesPerTarget: 6\n'));
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml:${lineOf(dir, 'resourceControlPoliciesPerTarget: 6')} quotas.resourceControlPoliciesPerTarget: may only lower the AWS quota, which is 5`,
    ]);
  });

  it('refuses an RCP over its size quota, at its attachment', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.concat('quotas:\n  resourceControlPolicySize: 500\n'));
    const { loadLandingZone } = await import('../../lib/app/load-landing-zone');
    await expect(loadLandingZone(dir)).rejects.toThrow(
      /landing-zone\.yaml:\d+ guardrails\.attachments\.organizationalUnits\.Workloads\.resourceControlPolicies\.0: policy enforce-organization-identities is \d+ characters as synthesized, \d+ over quotas\.resourceControlPolicySize \(500\)/,
    );
  });

  it('refuses a policy attached under the key of another type, with a suggestion', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace('resourceControlPolicies: [enforce-secure-transport]', 'resourceControlPolicies: [enforce-secure-transprt, deny-all]'),
    );
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.attachments\.root\.resourceControlPolicies\.0: expected a built-in resource control policy .*got "enforce-secure-transprt"; did you mean "enforce-secure-transport"\?$/,
      ),
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.attachments\.root\.resourceControlPolicies\.1: expected a built-in resource control policy .*got "deny-all"/,
      ),
    ]);
  });

  it('enables a policy type only where some policy of it is attached, and keeps those an adopted organization lists', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace('      resourceControlPolicies: [enforce-secure-transport]\n', '')
        .replace('        resourceControlPolicies: [enforce-organization-identities]\n', '')
        .replace('      aiServicesOptOutPolicies: [opt-out-of-ai-services]\n', '')
        .replace('  name: Example Corp\n', '  name: Example Corp\n  additionalPolicyTypes: [AISERVICES_OPT_OUT_POLICY]\n'),
    );
    const organization = onlyResource(readStack(await synthesize(dir), 'management'), 'aws_organizations_organization');
    expect(organization.enabled_policy_types).toEqual([
      'SERVICE_CONTROL_POLICY',
      'TAG_POLICY',
      'AISERVICES_OPT_OUT_POLICY',
      'BACKUP_POLICY',
      'DECLARATIVE_POLICY_EC2',
    ]);
  });
});

describe('centralized root access', () => {
  it('is on, with IAM trusted by the organization, and the root lockdown leaves root sessions alone', () => {
    const management = readStack(exampleOutput(), 'management');
    expect(onlyResource(management, 'aws_iam_organizations_features')).toMatchObject({
      enabled_features: ['RootCredentialsManagement', 'RootSessions'],
      depends_on: ['aws_organizations_organization.organization'],
    });
    expect(onlyResource(management, 'aws_organizations_organization').aws_service_access_principals).toContain('iam.amazonaws.com');
    expect(JSON.parse(management.resource.aws_organizations_policy.policy_root_user_lockdown.content).Statement[0].Condition).toEqual({
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' },
      Null: { 'aws:AssumedRoot': 'true' },
    });
  });

  it('turned off, leaves IAM untrusted and the root user locked down entirely', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  name: Example Corp\n', '  name: Example Corp\n  centralizedRootAccess: false\n'));
    const management = readStack(await synthesize(dir), 'management');
    expect(resources(management, 'aws_iam_organizations_features')).toEqual([]);
    expect(onlyResource(management, 'aws_organizations_organization').aws_service_access_principals).not.toContain('iam.amazonaws.com');
    expect(JSON.parse(management.resource.aws_organizations_policy.policy_root_user_lockdown.content).Statement[0].Condition).toEqual({
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' },
    });
  });
});
