/**
 * Whether a statement can match, decided from AWS's service authorization data: over a
 * collection of custom SCPs in the style platform teams bring (the valid ones draw no
 * report, the broken ones the report that names what never matches), on the cases of the
 * policy grammar one by one, and against the simulator for what it calls dead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { patternNamesFormat } from '../../lib/iam/arn-patterns';
import { matchProblems, statementMatches, type PolicyKind, type StatementInput } from '../../lib/iam/policy-semantics';
import { FULL_AWS_ACCESS } from '../support/scp-chain';

const FIXTURES = join(__dirname, '..', 'fixtures', 'custom-scps');

function fixture(folder: 'valid' | 'invalid', file: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, folder, file), 'utf8'));
}

function policyOf(...statements: StatementInput[]) {
  return { Version: '2012-10-17', Statement: statements };
}

/** Each problem as `severity kind path: action (resource types)`, the shape a reader checks. */
async function problemsOf(document: any, kind: PolicyKind = 'service-control'): Promise<string[]> {
  return (await matchProblems(document, kind)).map(
    (problem) =>
      `${problem.severity} ${problem.kind} ${problem.path.join('.')}` +
      (problem.action ? `: ${problem.action}` : '') +
      (problem.resourceTypes ? ` (${problem.resourceTypes.map((type) => type.name).join(', ') || 'no resource type'})` : ''),
  );
}

/** What the SCP alone decides for a request, FullAWSAccess beside it and an administrator's identity policy. */
async function decision(scp: unknown, action: string, resource: string, contextVariables: Record<string, string> = {}): Promise<string> {
  const principal = 'arn:aws:iam::123456789012:role/Engineer';
  const response = await runSimulation(
    {
      request: {
        principal,
        action,
        resource: { resource, accountId: '123456789012' },
        contextVariables: { 'aws:PrincipalArn': principal, ...contextVariables },
      },
      identityPolicies: [{ name: 'Administrator', policy: FULL_AWS_ACCESS.policy }],
      serviceControlPolicies: [{ orgIdentifier: 'r-root', policies: [FULL_AWS_ACCESS, { name: 'custom', policy: scp }] }],
      resourceControlPolicies: [],
    },
    {},
  );
  if (response.resultType === 'error') throw new Error(`the simulation of ${action} rejected its input: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

describe('a collection of custom SCPs', () => {
  const valid = readdirSync(join(FIXTURES, 'valid'));

  it('holds policies of every shape the check reads: resource-level actions, conditions, NotAction, Allow lists, wildcards', () => {
    const text = valid.map((file) => readFileSync(join(FIXTURES, 'valid', file), 'utf8')).join('\n');
    for (const shape of [
      '"NotAction"',
      '"Effect": "Allow"',
      'IfExists',
      '"Null"',
      'ForAnyValue:',
      ':instance/*',
      ':role/security/*',
      's3:::prod-*/*',
      'globalaccelerator:Create*',
    ])
      expect(text).toContain(shape);
  });

  it.each(valid)('%s: nothing reported, every statement can match', async (file) => {
    const document = fixture('valid', file);
    expect(await problemsOf(document)).toEqual([]);
    expect((await statementMatches(document, 'service-control')).every((statement) => statement.canMatch)).toBe(true);
  });

  it('names an action that takes none of the ARNs its statement names, with the resource type it takes', async () => {
    const document = fixture('invalid', 'arn-the-action-does-not-take.json');
    expect(await problemsOf(document)).toEqual([
      'error resource-type Statement.0.Action.0: s3:DeleteBucket (bucket)',
      'error resource-type Statement.0.Action.1: s3:PutBucketPolicy (bucket)',
    ]);
    const [problem] = await matchProblems(document, 'service-control');
    expect(problem.message).toBe(
      '"s3:DeleteBucket" takes the resource type bucket (arn:${Partition}:s3:::${BucketName}), none of which Resource names: statement ProtectProductionBuckets never denies it',
    );
    expect(problem.fix).toMatch(/^name one in Resource, such as "arn:aws:s3:::\*", or move s3:DeleteBucket to a statement whose Resource does$/);
    expect((await statementMatches(document, 'service-control'))[0].canMatch).toBe(false);
  });

  it('names a condition key the action never carries, which makes the Deny dead', async () => {
    const document = fixture('invalid', 'condition-key-never-carried.json');
    expect(await problemsOf(document)).toEqual([
      'error condition-key Statement.0.Condition.StringEquals.lambda:FunctionUrlAuthType: lambda:CreateFunction (function)',
    ]);
  });

  it('names an action without resource types listed with ARNs, and the ARN that then does nothing, the rest of the statement live', async () => {
    const document = fixture('invalid', 'action-without-resource-type.json');
    expect(await problemsOf(document)).toEqual([
      'error resource-type Statement.0.Action.1: eks:CreateCluster (no resource type)',
      'warning unused-resource Statement.0.Resource.1',
    ]);
    const [problem] = await matchProblems(document, 'service-control');
    expect(problem.fix).toBe('move eks:CreateCluster to a statement with "Resource": "*"');
    expect((await statementMatches(document, 'service-control'))[0].canMatch).toBe(true);
  });

  it('warns of a negated condition on a key the action never carries: the Deny then applies to it whatever the key', async () => {
    const [problem] = await matchProblems(fixture('invalid', 'condition-that-always-holds.json'), 'service-control');
    expect(problem).toMatchObject({ kind: 'condition-ignored', severity: 'warning', action: 'ec2:CreateVolume', conditionKey: 'ec2:InstanceType' });
    expect(problem.message).toMatch(/statement AllowedInstanceTypesOnly denies it whatever ec2:InstanceType would say$/);
  });

  describe('the simulator agrees with what the check calls dead, and the fix makes it deny', () => {
    it('an ARN the action does not take', async () => {
      const document = fixture('invalid', 'arn-the-action-does-not-take.json');
      expect(await decision(document, 's3:DeleteBucket', 'arn:aws:s3:::prod-payments')).toBe('Allowed');
      const fixed = policyOf({ ...document.Statement[0], Resource: 'arn:aws:s3:::prod-*' });
      expect(await problemsOf(fixed)).toEqual([]);
      expect(await decision(fixed, 's3:DeleteBucket', 'arn:aws:s3:::prod-payments')).toBe('ExplicitlyDenied');
    });

    it('a condition key the action never carries', async () => {
      const document = fixture('invalid', 'condition-key-never-carried.json');
      const context = { 'lambda:FunctionUrlAuthType': 'NONE' };
      expect(await decision(document, 'lambda:CreateFunction', 'arn:aws:lambda:eu-west-1:123456789012:function:api', context)).toBe('Allowed');
      const fixed = policyOf({ ...document.Statement[0], Action: 'lambda:CreateFunctionUrlConfig' });
      expect(await problemsOf(fixed)).toEqual([]);
      expect(await decision(fixed, 'lambda:CreateFunctionUrlConfig', 'arn:aws:lambda:eu-west-1:123456789012:function:api', context)).toBe('ExplicitlyDenied');
    });

    it('an action without resource types', async () => {
      const document = fixture('invalid', 'action-without-resource-type.json');
      expect(await decision(document, 'eks:CreateCluster', '*')).toBe('Allowed');
      expect(await decision(document, 'ecs:CreateCluster', 'arn:aws:ecs:eu-west-1:123456789012:cluster/payments')).toBe('ExplicitlyDenied');
      const fixed = policyOf({ ...document.Statement[0], Action: 'eks:CreateCluster', Resource: '*' });
      expect(await problemsOf(fixed)).toEqual([]);
      expect(await decision(fixed, 'eks:CreateCluster', '*')).toBe('ExplicitlyDenied');
    });
  });
});

describe('resources', () => {
  it('reads an ARN field by field, its variables as any text but a bucket name without "/"', () => {
    const bucket = 'arn:${Partition}:s3:::${BucketName}';
    const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
    expect(patternNamesFormat('arn:aws:s3:::logs', bucket)).toBe(true);
    expect(patternNamesFormat('arn:aws:s3:::logs/*', bucket)).toBe(false);
    expect(patternNamesFormat('arn:aws:s3:::*', object)).toBe(true);
    expect(patternNamesFormat('arn:aws:s3:::logs', object)).toBe(false);
    expect(patternNamesFormat('arn:aws:s3:::log?/a/b:c', object)).toBe(true);
    expect(patternNamesFormat('arn:aws:iam::*:role/app-*', 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}')).toBe(true);
    expect(patternNamesFormat('arn:aws:iam::*:role/app-*', 'arn:${Partition}:iam::${Account}:user/${UserNameWithPath}')).toBe(false);
    expect(patternNamesFormat('arn:aws:ec2:*:*:instance/*', 'arn:${Partition}:ec2:${Region}:${Account}:volume/${VolumeId}')).toBe(false);
    expect(patternNamesFormat('arn:aws:lambda:*:*:function:api:*', 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}')).toBe(true);
    expect(patternNamesFormat('arn:*:instance/*', 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}')).toBe(true);
    expect(patternNamesFormat('arn:aws:dms:*:*:cert:abc', 'arn:${Partition}:dms:${Region}:${Account}:cert:*')).toBe(true);
    expect(patternNamesFormat('arn:aws:s3:::home/${aws:username}/*', object)).toBe(true);
  });

  it('takes a Resource it cannot read as text (a template reference) as any resource', async () => {
    expect(await problemsOf(policyOf({ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }] as any }))).toEqual([]);
  });

  it('takes no Resource at all, as in a trust policy, as the resource the policy is attached to', async () => {
    const trust = policyOf({ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Principal: { Service: 'lambda.amazonaws.com' } } as StatementInput);
    expect(await problemsOf(trust, 'resource')).toEqual([]);
  });

  it('knows the ARNs AWS authorizes beyond its data: CloudFormation transforms, both spellings of a contact channel', async () => {
    const transform = policyOf({
      Effect: 'Allow',
      Action: 'cloudformation:CreateChangeSet',
      Resource: 'arn:aws:cloudformation:*:aws:transform/Serverless-2016-10-31',
    });
    expect(await problemsOf(transform, 'identity')).toEqual([]);
    const channels = policyOf({
      Effect: 'Deny',
      Action: 'ssm-contacts:DeleteContactChannel',
      Resource: ['arn:aws:ssm-contacts:*:*:contactchannel/landing-zone-*', 'arn:aws:ssm-contacts:*:*:contact-channel/landing-zone-*'],
    });
    expect(await problemsOf(channels)).toEqual([]);
  });

  it('judges a wildcard by every action it stands for: dead only when none of them can match', async () => {
    expect(await problemsOf(policyOf({ Effect: 'Deny', Action: 'eks:Create*', Resource: 'arn:aws:eks:*:*:cluster/*' }))).toEqual([]);
    expect(await problemsOf(policyOf({ Effect: 'Deny', Action: 'eks:CreateClus*', Resource: 'arn:aws:eks:*:*:cluster/*' }))).toEqual([
      'error resource-type Statement.0.Action: eks:CreateClus* (no resource type)',
    ]);
  });

  it('leaves to the existence check what names no action or key at all', async () => {
    const typos = policyOf({ Effect: 'Deny', Action: 'ec2:RunInstance', Resource: '*', Condition: { StringEquals: { 'ec2:InstanceTypo': 'x' } } });
    expect(await problemsOf(typos)).toEqual([]);
  });
});

describe('conditions on a key the action never carries', () => {
  const deny = (operator: string, value = 'x') =>
    policyOf({ Effect: 'Deny', Action: 'ec2:CreateVolume', Resource: '*', Condition: { [operator]: { 'ec2:InstanceType': value } } });

  it.each(['StringEquals', 'StringLike', 'ForAnyValue:StringEquals', 'ArnLike'])('%s cannot hold: the statement is dead', async (operator) => {
    expect(await problemsOf(deny(operator))).toEqual([
      `error condition-key Statement.0.Condition.${operator}.ec2:InstanceType: ec2:CreateVolume (snapshot, volume)`,
    ]);
  });

  it.each(['StringNotEquals', 'StringNotLike', 'ForAllValues:StringEquals'])('%s holds: the Deny applies whatever the key would say', async (operator) => {
    expect(await problemsOf(deny(operator))).toEqual([`warning condition-ignored Statement.0.Condition.${operator}.ec2:InstanceType: ec2:CreateVolume`]);
  });

  it('Null: "true" holds and "false" cannot', async () => {
    expect(await problemsOf(deny('Null', 'true'))).toEqual(['warning condition-ignored Statement.0.Condition.Null.ec2:InstanceType: ec2:CreateVolume']);
    expect(await problemsOf(deny('Null', 'false'))).toEqual([
      'error condition-key Statement.0.Condition.Null.ec2:InstanceType: ec2:CreateVolume (snapshot, volume)',
    ]);
  });

  it('an …IfExists condition is reported only when no action of the statement carries its key', async () => {
    expect(await problemsOf(deny('StringNotEqualsIfExists'))).toEqual([
      'warning condition-ignored Statement.0.Condition.StringNotEqualsIfExists.ec2:InstanceType: ec2:CreateVolume',
    ]);
    const mixed = policyOf({
      Effect: 'Deny',
      Action: ['ec2:RunInstances', 'ec2:CreateVolume'],
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } },
    });
    expect(await problemsOf(mixed)).toEqual([]);
  });

  it('checks the tag keys per action, though they are global: an action that takes no tags never carries aws:RequestTag', async () => {
    const untagged = policyOf({ Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { Null: { 'aws:RequestTag/owner': 'true' } } });
    expect(await problemsOf(untagged)).toEqual(['warning condition-ignored Statement.0.Condition.Null.aws:RequestTag/owner: s3:PutObject']);
  });

  it('leaves the other global keys aside, and a service key the data attaches to no action', async () => {
    const global = policyOf({
      Effect: 'Deny',
      Action: 'ec2:CreateVolume',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x', 'aws:SourceVpce': 'vpce-1' } },
    });
    expect(await problemsOf(global)).toEqual([]);
    const unattached = policyOf({
      Effect: 'Deny',
      Action: 'states:InvokeHTTPEndpoint',
      Resource: '*',
      Condition: { StringNotLike: { 'states:HTTPEndpoint': 'https://*' } },
    });
    expect(await problemsOf(unattached)).toEqual([]);
  });
});

describe('NotAction and NotResource', () => {
  it('a statement that excludes every action or every resource is dead', async () => {
    expect(await problemsOf(policyOf({ Effect: 'Deny', NotAction: '*', Resource: '*' }))).toEqual(['error excludes-everything Statement.0.NotAction']);
    expect(await problemsOf(policyOf({ Effect: 'Deny', Action: 's3:*', NotResource: '*' }))).toEqual(['error excludes-everything Statement.0.NotResource']);
  });

  it('NotAction with ARNs can match while some action outside it takes them', async () => {
    expect(await problemsOf(policyOf({ Effect: 'Deny', NotAction: 's3:Get*', Resource: 'arn:aws:s3:::prod-*/*' }))).toEqual([]);
  });

  it('NotResource other than everything leaves the statement able to match', async () => {
    expect(await problemsOf(policyOf({ Effect: 'Deny', Action: 's3:DeleteBucket', NotResource: 'arn:aws:s3:::sandbox-*' }))).toEqual([]);
  });
});

describe('the kind of policy', () => {
  it('an RCP never applies to a service that does not support RCPs', async () => {
    const rcp = policyOf({ Effect: 'Deny', Principal: '*', Action: ['sns:Publish', 's3:GetObject'], Resource: '*' } as StatementInput);
    expect(await problemsOf(rcp, 'resource-control')).toEqual(['error outside-resource-control Statement.0.Action.0: sns:Publish']);
    expect(await problemsOf(rcp, 'resource')).toEqual([]);
  });

  it('says what a dead Allow of an SCP means: denied unless another statement allows it', async () => {
    const [problem] = await matchProblems(
      policyOf({ Sid: 'AllowClusters', Effect: 'Allow', Action: 'eks:CreateCluster', Resource: 'arn:aws:eks:*:*:cluster/*' }),
      'service-control',
    );
    expect(problem.message).toMatch(/statement AllowClusters never allows it, which this SCP then denies unless another statement allows it$/);
  });

  it('takes a statement for every action as able to match', async () => {
    expect(await statementMatches(policyOf({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::only-this' }), 'service-control')).toEqual([
      { index: 0, canMatch: true, problems: [] },
    ]);
  });
});
