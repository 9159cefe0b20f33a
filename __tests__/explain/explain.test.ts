/**
 * `npm run explain` on the example's guardrails: what denies a request, at which level and
 * why, what does not, what a decision needs to know, and the same request before a change.
 */
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { type ExplainOptions, explainedRequest } from '../../lib/explain/explained-request';
import { explainRequest, modelPolicySource } from '../../lib/explain/explanation';
import { renderExplanationText } from '../../lib/explain/render-explanation';
import type { LandingZone } from '../../lib/model/landing-zone';
import { copyExample, editFile, governRegion, runEntry, runEntryIn, writeFile } from '../support/example-config';
import { temporaryRepository } from '../support/temporary-repository';
import { exampleOutput } from '../support/example-output';

const COMPLETE_TAGS = ['owner=payments', 'environment=prod', 'cost-center=4200'];

let example: LandingZone;
let changed: LandingZone;
let changedDirectory: string;

beforeAll(async () => {
  example = (await loadLandingZone(copyExample())).landingZone;
  changedDirectory = copyExample();
  writeFile(
    changedDirectory,
    'accounts/retired.yaml',
    'name: retired\nemail: aws-retired@example.com\nou: Suspended\ntags: { owner: platform, environment: sandbox, cost-center: "1000" }\nbudget: { monthlyLimitUsd: 10, alertEmails: [finops@example.com] }\n',
  );
  writeFile(
    changedDirectory,
    'scps/deny-athena-outside-data-team.json',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyAthenaOutsideDataTeam',
          Effect: 'Deny',
          Action: 'athena:*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'data' } },
        },
      ],
    }),
  );
  editFile(changedDirectory, 'landing-zone.yaml', (text) =>
    text.replace('deny-iam-users, deny-large-instances]', 'deny-iam-users, deny-large-instances, deny-athena-outside-data-team]'),
  );
  changed = (await loadLandingZone(changedDirectory)).landingZone;
});

async function explain(options: ExplainOptions, landingZone = example) {
  const request = await explainedRequest(landingZone, { time: new Date('2026-12-01T12:00:00Z'), ...options });
  const explanation = await explainRequest(request, modelPolicySource(landingZone, 'the working tree'));
  return { request, explanation, evaluation: explanation.evaluation!, text: renderExplanationText(request, explanation) };
}

describe('what denies a request, and why', () => {
  it('names the region deny of the Workloads OU, the region it was asked in and the roles it exempts', async () => {
    const { evaluation, text } = await explain({ account: 'payments-prod', action: 'ec2:RunInstances', region: 'us-east-1', tags: COMPLETE_TAGS });
    expect(evaluation.decision).toBe('denied');
    expect(evaluation.asGiven.by).toEqual({
      type: 'SERVICE_CONTROL_POLICY',
      target: { kind: 'organizational-unit', path: 'Workloads' },
      policy: 'region-deny',
      statement: { index: 0, sid: 'DenyOutsideGovernedRegions' },
    });
    expect(text).toContain('Decision: Denied by an explicit deny: statement DenyOutsideGovernedRegions of the SCP region-deny, attached to OU Workloads.');
    expect(text).toContain('- aws:RequestedRegion was us-east-1, none of eu-west-1, eu-central-1 (StringNotEquals)');
    expect(text).toContain(
      '- aws:PrincipalArn was arn:aws:iam::000000000000:role/any-role, none of arn:aws:iam::*:role/OrganizationAccountAccessRole, arn:aws:iam::*:role/BreakGlassAdmin (ArnNotLike)',
    );
  });

  it('leaves the same launch alone in a governed region, with every required tag', async () => {
    const { evaluation } = await explain({ account: 'payments-prod', action: 'ec2:RunInstances', region: 'eu-central-1', tags: COMPLETE_TAGS });
    expect(evaluation.decision).toBe('not-denied');
  });

  it('lets the break-glass role act outside the governed regions, and says which exemption it matched', async () => {
    const { evaluation, text } = await explain({
      account: 'payments-prod',
      action: 'ec2:RunInstances',
      region: 'us-east-1',
      tags: COMPLETE_TAGS,
      principal: 'arn:aws:iam::000000000000:role/BreakGlassAdmin',
    });
    expect(evaluation.decision).toBe('not-denied');
    expect(text).toContain('Deny statement DenyOutsideGovernedRegions, not applied:');
    expect(text).toContain('- aws:PrincipalArn was arn:aws:iam::000000000000:role/BreakGlassAdmin, matching arn:aws:iam::*:role/BreakGlassAdmin (ArnNotLike)');
  });

  it('names the required tag a creation lacks', async () => {
    const { evaluation, text } = await explain({ account: 'payments-dev', action: 's3:CreateBucket', tags: ['owner=payments', 'environment=nonprod'] });
    expect(evaluation.asGiven.by).toMatchObject({ policy: 'require-tags-on-create', statement: { sid: 'RequireTagcostcenterOnCreate' } });
    expect(text).toContain('- aws:RequestTag/cost-center is not in the request, as (Null) asks');
    const tagged = await explain({ account: 'payments-dev', action: 's3:CreateBucket', tags: ['owner=payments', 'environment=nonprod', 'cost-center=4200'] });
    expect(tagged.evaluation.decision).toBe('not-denied');
  });

  it('denies the root user of a member account, unless it is a root session of centralized root access', async () => {
    const root = {
      account: 'payments-prod',
      action: 's3:DeleteBucketPolicy',
      resource: 'arn:aws:s3:::payments-data',
      principal: 'arn:aws:iam::000000000000:root',
    };
    const { evaluation, text } = await explain(root);
    expect(evaluation.decision).toBe('depends');
    expect(evaluation.dependsOn).toEqual(['aws:AssumedRoot']);
    expect(text).toContain(
      'with aws:AssumedRoot missing: denied by an explicit deny: statement DenyRootUser of the SCP root-user-lockdown, attached to the root',
    );
    expect((await explain({ ...root, context: ['aws:AssumedRoot=true'] })).evaluation.decision).toBe('not-denied');
  });

  it('denies everything in the Suspended OU, and nothing to the management account', async () => {
    const { evaluation } = await explain({ account: 'retired', action: 'sts:AssumeRole' }, changed);
    expect(evaluation.asGiven.by).toMatchObject({ policy: 'deny-all', target: { kind: 'organizational-unit', path: 'Suspended' } });
    const management = await explain({ account: 'management', action: 'organizations:LeaveOrganization' });
    expect(management.evaluation.decision).toBe('not-denied');
    expect(management.text).toContain('Service control policies: none apply: SCPs do not restrict the management account.');
  });

  it('denies a principal of another organization the buckets of Workloads by the data perimeter RCP, not those of other OUs', async () => {
    const outside = { action: 's3:GetObject', resource: 'arn:aws:s3:::payments-data/statement.csv', principal: 'arn:aws:iam::999999999999:role/Partner' };
    const { evaluation, text } = await explain({ account: 'payments-prod', ...outside });
    expect(evaluation.asGiven.by).toEqual({
      type: 'RESOURCE_CONTROL_POLICY',
      target: { kind: 'organizational-unit', path: 'Workloads' },
      policy: 'enforce-organization-identities',
      statement: { index: 0, sid: 'EnforceOrganizationIdentities' },
    });
    expect(text).toContain('Service control policies: none apply: SCPs restrict only principals of the organization');
    expect((await explain({ account: 'shared-services', ...outside })).evaluation.decision).toBe('not-denied');
  });

  it('asks for the context a decision turns on, and shows it both ways', async () => {
    const query = { account: 'sandbox-data-science', action: 'athena:StartQueryExecution' };
    const { evaluation, text } = await explain(query, changed);
    expect(evaluation.decision).toBe('depends');
    expect(text).toContain('Decision: depends on aws:PrincipalTag/team, which the request does not give (--context aws:PrincipalTag/team=<value>):');
    expect(text).toContain(
      'with aws:PrincipalTag/team missing, or set to a value no policy names: denied by an explicit deny: statement DenyAthenaOutsideDataTeam of the SCP deny-athena-outside-data-team, attached to OU Sandbox',
    );
    expect(text).toContain('with aws:PrincipalTag/team=data: not denied by the organization');
    expect((await explain({ ...query, context: ['aws:PrincipalTag/team=data'] }, changed)).evaluation.decision).toBe('not-denied');
  });

  it('leaves out a key AWS does not send with the action, as AWS would', async () => {
    const { request } = await explain({ account: 'payments-prod', action: 's3:GetObject', context: ['ec2:InstanceType=t3.micro'] });
    expect(request.ignoredKeys).toEqual(['ec2:InstanceType']);
  });
});

describe('the other policies that bear on a request', () => {
  it('says what an EC2 declarative policy does to the call', async () => {
    const { explanation } = await explain({ account: 'payments-prod', action: 'ec2:EnableSerialConsoleAccess' });
    expect(explanation.notes).toEqual([
      {
        type: 'DECLARATIVE_POLICY_EC2',
        policy: 'ec2-serial-console-off',
        target: { kind: 'root' },
        note: 'the EC2 serial console is disabled; the account cannot change the setting while the policy applies: the call fails',
      },
    ]);
  });

  it('says what the AI services opt-out does with the content sent', async () => {
    const { explanation } = await explain({ account: 'sandbox-data-science', action: 'rekognition:DetectLabels' });
    expect(explanation.notes.map((note) => [note.policy, note.note])).toEqual([
      ['opt-out-of-ai-services', 'AWS does not store or use the content this request sends to rekognition to improve the service (opted out)'],
    ]);
  });

  it("says whether the request's tags comply with the tag policy, and that nothing refuses them", async () => {
    const { explanation } = await explain({
      account: 'payments-dev',
      action: 's3:CreateBucket',
      tags: ['owner=payments', 'environment=staging', 'Cost-Center=4200'],
    });
    expect(explanation.notes.map((note) => note.note)).toEqual([
      'the tag Cost-Center=4200 does not comply: the key is spelled cost-center, not Cost-Center; tag compliance reports it, nothing refuses it',
      'the tag environment=staging does not comply: staging is not one of prod, nonprod, sandbox, shared; tag compliance reports it, nothing refuses it',
      'the tag owner=payments complies',
    ]);
  });
});

describe('npm run explain', () => {
  it('prints decision and by as JSON, and exits 0 for a denial', () => {
    const result = runEntry(
      'lib/cli/explain.ts',
      ['--account', 'payments-prod', '--action', 'ec2:RunInstances', '--region', 'ap-south-1', '--format', 'json'],
      {},
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      decision: 'denied',
      reason: 'explicit-deny',
      by: {
        type: 'SERVICE_CONTROL_POLICY',
        policy: 'region-deny',
        statement: 'DenyOutsideGovernedRegions',
        target: { kind: 'organizational-unit', path: 'Workloads' },
      },
    });
  });

  it('explains the request before a change too: governing us-east-1 unblocks it', async () => {
    const directory = copyExample();
    governRegion(directory, 'us-east-1');
    const args = ['--account', 'payments-prod', '--action', 'ec2:RunInstances', '--region', 'us-east-1', '--before', exampleOutput()];
    const result = runEntry('lib/cli/explain.ts', [...args, ...COMPLETE_TAGS.flatMap((tag) => ['--tag', tag]), '--format', 'json'], {
      LZ_CONFIG_DIR: directory,
    });
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect([json.before.decision, json.decision]).toEqual(['denied', 'not-denied']);
    expect(json.before.by).toMatchObject({ policy: 'region-deny' });
    const text = runEntry('lib/cli/explain.ts', args, { LZ_CONFIG_DIR: directory }).stdout;
    expect(text).toContain(`Before (${exampleOutput()}): denied by an explicit deny: statement DenyOutsideGovernedRegions`);
    expect(text).toContain('The change alters the decision.');
  });

  it('compares with a commit, synthesized with its own code, in a repository of its own', () => {
    const result = runEntryIn(
      temporaryRepository(),
      'lib/cli/explain.ts',
      ['--account', 'payments-prod', '--action', 's3:GetObject', '--base', 'HEAD', '--format', 'json'],
      {
        LZ_CONFIG_DIR: '',
      },
    );
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.before).toMatchObject({ source: 'HEAD', decision: json.decision });
  });

  it.each([
    [['--account', 'payments-prd', '--action', 'ec2:RunInstances'], 'got "payments-prd"; did you mean "payments-prod"?'],
    [['--account', 'payments-prod', '--action', 'ec2:RunInstance'], '--action: "ec2:RunInstance" matches no ec2 action; did you mean "ec2:RunInstances"?'],
    [['--account', 'payments-prod', '--action', 'ec2:RunInstances', '--base', 'HEAD', '--before', 'x'], 'give --base or --before, not both'],
  ])('refuses %j with a clear message and exit code 1', (args, message) => {
    const result = runEntry('lib/cli/explain.ts', args, {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
