/**
 * The evaluator on the rules of AWS Organizations that the simulation engine does not
 * follow (the differential test leaves those requests out) and on what only it does: who
 * SCPs and RCPs do not reach, and decisions that turn on a key the request leaves open.
 */
import {
  evaluateOrganizationPolicies,
  FULL_AWS_ACCESS,
  type OrganizationAccount,
  type OrganizationRequest,
  outcomeOf,
  RCP_FULL_AWS_ACCESS,
} from '../../lib/iam/evaluation/organization-policy-evaluation';
import { type ContextValue, type OpenKey, requestContext } from '../../lib/iam/evaluation/request-context';

const ACCOUNT_ID = '111122223333';
const DENY_EVERYTHING = { Version: '2012-10-17', Statement: [{ Sid: 'DenyEverything', Effect: 'Deny', Action: '*', Resource: '*' }] };
const DENY_DATA_SERVICES = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'DenyDataServices', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'kms:*', 'sts:*'], Resource: '*' }],
};

function account(scp: unknown, rcp?: unknown, management = false): OrganizationAccount {
  return {
    id: ACCOUNT_ID,
    name: 'workload',
    management,
    serviceControlPolicies: [
      { target: { kind: 'root' }, policies: [FULL_AWS_ACCESS, { name: 'custom', document: scp }] },
      { target: { kind: 'account', name: 'workload' }, policies: [FULL_AWS_ACCESS] },
    ],
    resourceControlPolicies: [{ target: { kind: 'root' }, policies: [RCP_FULL_AWS_ACCESS, ...(rcp ? [{ name: 'perimeter', document: rcp }] : [])] }],
  };
}

function request(
  action: string,
  options: {
    principal?: string;
    resource?: string;
    context?: Record<string, ContextValue>;
    open?: (key: string) => OpenKey | undefined;
    of?: OrganizationAccount;
  } = {},
): OrganizationRequest {
  const of = options.of ?? account(DENY_EVERYTHING);
  return {
    action,
    resource: options.resource ?? '*',
    principal: options.principal ?? `arn:aws:iam::${ACCOUNT_ID}:role/Developer`,
    context: requestContext(Object.entries(options.context ?? {}), options.open),
    principalAccount: of,
    resourceAccount: of,
  };
}

describe('who the organization policies reach', () => {
  it('denies a role of a member account', async () => {
    const outcome = await outcomeOf(request('ec2:RunInstances'));
    expect(outcome).toMatchObject({
      decision: 'denied',
      reason: 'explicit-deny',
      by: { type: 'SERVICE_CONTROL_POLICY', target: { kind: 'root' }, policy: 'custom', statement: { index: 0, sid: 'DenyEverything' } },
    });
  });

  it('leaves the management account to its IAM policies, for SCPs and RCPs', async () => {
    const management = account(DENY_EVERYTHING, DENY_DATA_SERVICES, true);
    const outcome = await outcomeOf(request('s3:GetObject', { resource: 'arn:aws:s3:::reports/a.csv', of: management }));
    expect(outcome.decision).toBe('not-denied');
    expect(outcome.serviceControlPolicies).toEqual({ applies: false, reason: 'SCPs do not restrict the management account' });
    expect(outcome.resourceControlPolicies).toEqual({ applies: false, reason: 'RCPs do not restrict resources of the management account' });
  });

  it.each([
    `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
    `arn:aws:sts::${ACCOUNT_ID}:assumed-role/AWSServiceRoleForConfig/config-session`,
  ])('does not restrict the service-linked role %s', async (principal) => {
    const outcome = await outcomeOf(request('s3:GetObject', { principal, resource: 'arn:aws:s3:::reports/a.csv' }));
    expect(outcome.decision).toBe('not-denied');
    expect(outcome.serviceControlPolicies).toEqual({ applies: false, reason: 'SCPs do not restrict service-linked roles' });
  });

  it('applies RCPs, not SCPs, to a principal outside the organization', async () => {
    const outside = request('s3:GetObject', {
      principal: 'arn:aws:iam::999999999999:role/Partner',
      resource: 'arn:aws:s3:::reports/a.csv',
      of: account(DENY_EVERYTHING, DENY_DATA_SERVICES),
    });
    const outcome = await outcomeOf({ ...outside, principalAccount: undefined });
    expect(outcome.serviceControlPolicies.applies).toBe(false);
    expect(outcome.by).toMatchObject({ type: 'RESOURCE_CONTROL_POLICY', policy: 'perimeter', statement: { sid: 'DenyDataServices' } });
  });

  it('applies RCPs to AWS services and anonymous requests, never SCPs', async () => {
    for (const principal of ['cloudtrail.amazonaws.com', 'anonymous']) {
      const outcome = await outcomeOf(
        request('s3:PutObject', { principal, resource: 'arn:aws:s3:::reports/a.csv', of: account(DENY_EVERYTHING, DENY_DATA_SERVICES) }),
      );
      expect(outcome.serviceControlPolicies.applies).toBe(false);
      expect(outcome.by?.type).toBe('RESOURCE_CONTROL_POLICY');
    }
  });

  it('has no RCP effect on kms:RetireGrant, even under kms:*', async () => {
    const outcome = await outcomeOf({
      ...request('kms:RetireGrant', { resource: `arn:aws:kms:eu-west-1:${ACCOUNT_ID}:key/1234abcd`, of: account(DENY_EVERYTHING, DENY_DATA_SERVICES) }),
      principalAccount: undefined,
    });
    expect(outcome.resourceControlPolicies).toEqual({ applies: false, reason: 'RCPs have no effect on kms:RetireGrant' });
  });

  it('cannot deny sts:GetCallerIdentity, which needs no permission', async () => {
    expect((await outcomeOf(request('sts:GetCallerIdentity'))).decision).toBe('not-denied');
  });

  it('denies what no statement of a level allows, naming the level', async () => {
    const allowList = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] };
    const restricted: OrganizationAccount = {
      ...account(DENY_EVERYTHING),
      serviceControlPolicies: [
        { target: { kind: 'root' }, policies: [FULL_AWS_ACCESS] },
        { target: { kind: 'organizational-unit', path: 'Restricted' }, policies: [{ name: 'reads-only', document: allowList }] },
      ],
    };
    expect((await outcomeOf(request('s3:GetObject', { resource: 'arn:aws:s3:::reports/a.csv', of: restricted }))).decision).toBe('not-denied');
    expect(await outcomeOf(request('s3:PutObject', { resource: 'arn:aws:s3:::reports/a.csv', of: restricted }))).toMatchObject({
      decision: 'denied',
      reason: 'no-allow',
      by: { type: 'SERVICE_CONTROL_POLICY', target: { kind: 'organizational-unit', path: 'Restricted' } },
    });
  });
});

describe('the IAM language where AWS documents it and the engine differs', () => {
  it('takes ...IfExists as true for a missing key, with ForAnyValue: too', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['temporary'] } } },
      ],
    };
    expect((await outcomeOf(request('ec2:CreateTags', { of: account(policy) }))).decision).toBe('denied');
  });

  it('denies by NotPrincipal every principal but those it names', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:role/Auditor` }, Action: 's3:GetObject', Resource: '*' }],
    };
    const of = account(DENY_EVERYTHING, policy);
    const asking = (principal: string) =>
      outcomeOf({ ...request('s3:GetObject', { principal, resource: 'arn:aws:s3:::reports/a.csv', of }), principalAccount: undefined });
    expect((await asking(`arn:aws:sts::${ACCOUNT_ID}:assumed-role/Auditor/alice`)).decision).toBe('not-denied');
    expect((await asking(`arn:aws:iam::${ACCOUNT_ID}:role/Developer`)).decision).toBe('denied');
  });

  it('puts policy variables, their defaults and the literal ${*} into values', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: 's3:DeleteObject', Resource: "arn:aws:s3:::${aws:PrincipalTag/team, 'shared'}-data/*" },
        { Effect: 'Deny', Action: 'sqs:DeleteQueue', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/name': 'star-${*}' } } },
      ],
    };
    const deleting = (resource: string, context: Record<string, string>) =>
      outcomeOf(request('s3:DeleteObject', { resource, context, of: account(policy) })).then((outcome) => outcome.decision);
    expect(await deleting('arn:aws:s3:::shared-data/a', {})).toBe('denied');
    expect(await deleting('arn:aws:s3:::payments-data/a', {})).toBe('not-denied');
    expect(await deleting('arn:aws:s3:::payments-data/a', { 'aws:PrincipalTag/team': 'payments' })).toBe('denied');
    const queue = (name: string) =>
      outcomeOf(request('sqs:DeleteQueue', { context: { 'aws:ResourceTag/name': name }, of: account(policy) })).then((outcome) => outcome.decision);
    expect(await queue('star-*')).toBe('denied');
    expect(await queue('star-x')).toBe('not-denied');
  });
});

describe('decisions that turn on a key the request leaves open', () => {
  const teamOnly = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'DenyOutsideDataTeam', Effect: 'Deny', Action: 'athena:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'data' } } },
    ],
  };
  const principalTagsOpen = (key: string) => (key.toLowerCase().startsWith('aws:principaltag/') ? {} : undefined);

  it('depends, and gives the outcome of each value the key could have', async () => {
    const evaluation = await evaluateOrganizationPolicies(request('athena:StartQueryExecution', { of: account(teamOnly), open: principalTagsOpen }));
    expect(evaluation.decision).toBe('depends');
    expect(evaluation.dependsOn).toEqual(['aws:PrincipalTag/team']);
    const outcomes = evaluation.alternatives.map(({ assumed, outcome }) => [assumed.get('aws:PrincipalTag/team') ?? null, outcome.decision]);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        [null, 'denied'],
        ['data', 'not-denied'],
        ['other-value', 'denied'],
      ]),
    );
  });

  it('is decided when the key is given, or when no value of it could change the decision', async () => {
    const given = await evaluateOrganizationPolicies(
      request('athena:StartQueryExecution', { of: account(teamOnly), context: { 'aws:PrincipalTag/team': 'data' }, open: principalTagsOpen }),
    );
    expect(given.decision).toBe('not-denied');
    const excluded = await evaluateOrganizationPolicies(request('athena:StartQueryExecution', { of: account(teamOnly), open: () => ({ excluded: ['data'] }) }));
    expect(excluded).toMatchObject({ decision: 'denied', dependsOn: [] });
  });
});
