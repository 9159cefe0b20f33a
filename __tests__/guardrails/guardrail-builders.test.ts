import { runSimulation } from '@cloud-copilot/iam-simulate';
import { policyReferenceProblems } from '../../lib/iam/policy-references';
import type { PolicyDocument } from '../../lib/iam/policy-document';
import { matchProblems } from '../../lib/iam/policy-semantics';
import { RESOURCE_CONTROL_POLICY_GUARDRAILS, SERVICE_CONTROL_POLICY_GUARDRAILS, TAG_POLICY_GUARDRAILS } from '../../lib/guardrails/catalogue';
import type { GuardrailContext } from '../../lib/guardrails/guardrail';
import { protectIncidentResponse } from '../../lib/guardrails/protect-incident-response';
import { iamWildcardPattern } from '../../lib/iam/iam-wildcards';
import { REQUIRE_TAGS_SERVICE_NAMES } from '../../lib/guardrails/require-tags-services';
import { copyExample, editFile, readStack, synthesize } from '../support/example-config';
import { FULL_AWS_ACCESS } from '../support/scp-chain';

const context: GuardrailContext = {
  governedRegions: ['eu-west-1', 'eu-central-1'],
  accessRoleArn: 'arn:aws:iam::*:role/OrganizationAccountAccessRole',
  exemptPrincipalArns: ['arn:aws:iam::*:role/OrganizationAccountAccessRole', 'arn:aws:iam::*:role/BreakGlassAdmin'],
  regionDenyExtraExemptActions: ['pricingplanmanager:*'],
  requiredTags: [{ key: 'owner' }, { key: 'environment', allowedValues: ['prod', 'nonprod'] }],
  requireTagsServices: [...REQUIRE_TAGS_SERVICE_NAMES],
  logArchiveBucketNamePrefix: 'example-corp-logs',
  alertEventBusName: 'landing-zone-security-alerts',
  organizationId: 'o-a1b2c3d4e5',
  centralizedRootAccess: true,
  dataPerimeterTrustedAccountIds: [],
  allowedImages: { state: 'enabled', providers: ['amazon'] },
};

describe('the guardrail catalogue', () => {
  it('holds exactly these guardrails; adding or dropping one is a reviewed change', () => {
    expect(SERVICE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => guardrail.id)).toEqual([
      'region-deny',
      'require-tags-on-create',
      'deny-leaving-organization',
      'root-user-lockdown',
      'protect-security-services',
      'protect-log-archive',
      'protect-account-baseline',
      'deny-iam-users',
      'protect-landing-zone-roles',
      'protect-central-alert-bus',
      'protect-identity-center',
      'protect-incident-response',
      'deny-all',
    ]);
    expect(TAG_POLICY_GUARDRAILS.map((guardrail) => guardrail.id)).toEqual(['required-tags']);
  });

  it.each(SERVICE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => [guardrail.id, guardrail] as const))(
    '%s names only real IAM actions, condition operators and condition keys',
    async (_id, guardrail) => {
      expect(await policyReferenceProblems(guardrail.build(context))).toEqual([]);
    },
  );

  it.each([
    ...SERVICE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => [guardrail.id, guardrail.build(context), 'service-control'] as const),
    ...RESOURCE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => [guardrail.id, guardrail.build(context), 'resource-control'] as const),
  ])('%s, covering every service it can, has no statement, action, condition or resource that can never match', async (_id, document, kind) => {
    expect((await matchProblems(document, kind)).map((problem) => `${problem.path.join('.')}: ${problem.message}`)).toEqual([]);
  });

  it.each(SERVICE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => [guardrail.id, guardrail] as const))(
    '%s gives every statement a Sid and a one-line description',
    (_id, guardrail) => {
      const document = guardrail.build(context) as PolicyDocument;
      expect(document.Statement.every((statement) => /^[A-Za-z0-9]+$/.test(statement.Sid ?? ''))).toBe(true);
      expect(guardrail.description).toMatch(/^[^\n]{10,250}\.$/);
    },
  );
});

describe('required tags', () => {
  it('denies each missing key on its own: one statement per key and kind of action, the exempt principals excepted', () => {
    const guardrail = SERVICE_CONTROL_POLICY_GUARDRAILS.find((candidate) => candidate.id === 'require-tags-on-create')!;
    const document = guardrail.build(context);
    const exempt = { ArnNotLike: { 'aws:PrincipalArn': context.exemptPrincipalArns } };
    expect(document.Statement.map((statement) => [statement.Sid, statement.Condition])).toEqual([
      ['RequireTagownerOnCreate', { Null: { 'aws:RequestTag/owner': 'true' }, ...exempt }],
      ['RequireTagownerOnCreateUnscoped', { Null: { 'aws:RequestTag/owner': 'true' }, ...exempt }],
      ['RequireTagenvironmentOnCreate', { Null: { 'aws:RequestTag/environment': 'true' }, ...exempt }],
      ['RequireTagenvironmentOnCreateUnscoped', { Null: { 'aws:RequestTag/environment': 'true' }, ...exempt }],
    ]);
  });

  it('denies the creations AWS authorizes on no resource type on "*", the others on the ARNs that carry the request tags', () => {
    const guardrail = SERVICE_CONTROL_POLICY_GUARDRAILS.find((candidate) => candidate.id === 'require-tags-on-create')!;
    const [scoped, unscoped] = guardrail.build(context).Statement;
    expect(unscoped).toMatchObject({ Action: ['eks:CreateCluster'], Resource: ['*'] });
    expect(scoped.Action).not.toContain('eks:CreateCluster');
    expect(scoped.Resource).not.toContain('*');
  });

  it('fails loudly rather than emit an empty guardrail when no tag is required', () => {
    for (const guardrail of [...SERVICE_CONTROL_POLICY_GUARDRAILS, ...TAG_POLICY_GUARDRAILS].filter((candidate) => /tags/.test(candidate.id))) {
      expect(() => guardrail.build({ ...context, requiredTags: [] })).toThrow(/needs at least one tag in requiredTags/);
    }
  });

  it('describes the keys and allowed values as a tag policy', () => {
    expect(TAG_POLICY_GUARDRAILS[0].build(context)).toEqual({
      tags: {
        owner: { tag_key: { '@@assign': 'owner' } },
        environment: { tag_key: { '@@assign': 'environment' }, tag_value: { '@@assign': ['prod', 'nonprod'] } },
      },
    });
  });
});

describe('protect-landing-zone-roles', () => {
  const guardrail = SERVICE_CONTROL_POLICY_GUARDRAILS.find((candidate) => candidate.id === 'protect-landing-zone-roles')!;
  const withUser = { ...context, exemptPrincipalArns: [...context.exemptPrincipalArns, 'arn:aws:iam::*:user/ci-deployer'] };

  async function decide(document: PolicyDocument, principal: string, action: string, resource: string): Promise<string> {
    const accountId = '555555555555';
    const response = await runSimulation(
      {
        request: { principal, action, resource: { resource, accountId }, contextVariables: { 'aws:PrincipalArn': principal } },
        identityPolicies: [{ name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
        serviceControlPolicies: [{ orgIdentifier: 'root', policies: [FULL_AWS_ACCESS, { name: guardrail.id, policy: document }] }],
        resourceControlPolicies: [],
      },
      {},
    );
    if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
    return response.overallResult;
  }

  it('guards every exempt role by its ARN pattern and every landing zone role by prefix, and keeps the exempt roles from being passed', () => {
    const exemptRoles = ['arn:aws:iam::*:role/OrganizationAccountAccessRole', 'arn:aws:iam::*:role/BreakGlassAdmin'];
    expect(guardrail.build(context).Statement).toEqual([
      expect.objectContaining({ Sid: 'ProtectLandingZoneRoles', Resource: [...exemptRoles, 'arn:aws:iam::*:role/landing-zone-*'] }),
      expect.objectContaining({ Sid: 'DenyPassingExemptRoles', Action: 'iam:PassRole', Resource: exemptRoles }),
    ]);
  });

  it('guards an exempt user too: nobody else creates it or its credentials', async () => {
    const document = guardrail.build(withUser);
    const engineer = 'arn:aws:iam::555555555555:role/PlatformEngineer';
    const deployer = 'arn:aws:iam::555555555555:user/ci-deployer';
    for (const action of ['iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:AttachUserPolicy']) {
      expect(await decide(document, engineer, action, deployer)).toBe('ExplicitlyDenied');
    }
    expect(await decide(document, 'arn:aws:iam::555555555555:role/OrganizationAccountAccessRole', 'iam:CreateAccessKey', deployer)).toBe('Allowed');
    expect(await decide(document, engineer, 'iam:CreateAccessKey', 'arn:aws:iam::555555555555:user/someone-else')).toBe('Allowed');
  });
});

describe('protect-incident-response', () => {
  // The simulator knows only the reference's spelling of a channel ARN: the match is tested on the patterns.
  it.each([
    ['the Incident Manager API', 'arn:aws:ssm-contacts:eu-west-1:333333333333:contact-channel/landing-zone-alice/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e'],
    [
      'the service authorization reference',
      'arn:aws:ssm-contacts:eu-west-1:333333333333:contactchannel/landing-zone-alice/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
    ],
  ])("names the landing zone's contact channels in the spelling of %s", (_source, channel) => {
    const contacts = protectIncidentResponse.build(context).Statement.find((statement) => statement.Sid === 'ProtectContacts')!;
    expect([contacts.Resource].flat().some((pattern) => iamWildcardPattern(pattern!, true).test(channel))).toBe(true);
    expect([contacts.Resource].flat().some((pattern) => iamWildcardPattern(pattern!, true).test(channel.replace('landing-zone-alice', 'soc-bob')))).toBe(false);
  });
});

describe('policies in the synthesized output', () => {
  it('escapes IAM policy variables for Terraform and counts the size of the text AWS receives', async () => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) =>
      text
        .replace(
          '"Resource": "arn:aws:ec2:*:*:instance/*",',
          '"Resource": "arn:aws:ec2:*:*:instance/*",\n      "NotResource": "arn:aws:ec2:*:*:instance/${aws:PrincipalTag/team}",',
        )
        .replace('"Resource": "arn:aws:ec2:*:*:instance/*",\n', ''),
    );
    const management = readStack(await synthesize(dir), 'management');
    const content: string = management.resource.aws_organizations_policy.policy_deny_large_instances.content;
    expect(content).toContain('"NotResource":"arn:aws:ec2:*:*:instance/$${aws:PrincipalTag/team}"');
    expect(content).not.toMatch(/[^$]\$\{/);
  });

  it('writes every policy as compact one-line JSON with the guardrail description', async () => {
    const management = readStack(await synthesize(copyExample()), 'management');
    for (const policy of Object.values<Record<string, string>>(management.resource.aws_organizations_policy)) {
      expect(policy.content).not.toContain('\n');
      expect(JSON.stringify(JSON.parse(policy.content))).toBe(policy.content);
      expect(policy.description.length).toBeGreaterThan(0);
    }
  });
});
