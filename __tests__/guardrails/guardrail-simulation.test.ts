/**
 * What the example's guardrails allow and deny, decided by an IAM policy simulator on the
 * SCP chain read back from the synthesized Terraform. Every principal holds an
 * administrator identity policy, so a denial can only come from the SCPs.
 */
import { runSimulation, type SimulationOrgPolicies } from '@cloud-copilot/iam-simulate';
import { copyExample, synthesize, writeFile } from '../support/example-config';
import { serviceControlPolicyChain } from '../support/scp-chain';
import { SERVICE_CONTROL_POLICY_GUARDRAILS } from '../../lib/guardrails/catalogue';

const ADMINISTRATOR = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

const ACCOUNT_IDS: Record<string, string> = {
  'log-archive': '222222222222',
  security: '333333333333',
  'shared-services': '444444444444',
  'payments-dev': '555555555555',
  'payments-prod': '666666666666',
  'sandbox-data-science': '777777777777',
  retired: '888888888888',
};

const COMPLETE_TAGS = { owner: 'payments', environment: 'prod', 'cost-center': '4200' };

type Who = 'engineer' | 'access role' | 'break-glass role' | 'root user';

interface Request {
  readonly account: string;
  readonly action: string;
  /** An ARN with `ACCOUNT` for the account id, or `*`. */
  readonly resource?: string;
  readonly who?: Who;
  readonly region?: string;
  /** Tags sent with a creation request (`aws:RequestTag/<key>`). */
  readonly tags?: Record<string, string>;
  readonly context?: Record<string, string | string[]>;
  /** The resource's own policy, where AWS requires one to allow (a KMS key policy). */
  readonly resourcePolicy?: unknown;
}

function principalArn(who: Who, accountId: string): string {
  switch (who) {
    case 'engineer':
      return `arn:aws:iam::${accountId}:role/PlatformEngineer`;
    case 'access role':
      return `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`;
    case 'break-glass role':
      return `arn:aws:iam::${accountId}:role/BreakGlassAdmin`;
    case 'root user':
      return `arn:aws:iam::${accountId}:root`;
  }
}

let outdir: string;
const chains = new Map<string, SimulationOrgPolicies[]>();

beforeAll(async () => {
  const directory = copyExample();
  writeFile(
    directory,
    'accounts/retired.yaml',
    [
      'name: retired',
      'email: aws-retired@example.com',
      'ou: Suspended',
      'tags:',
      '  owner: platform',
      '  environment: sandbox',
      '  cost-center: "1000"',
      'budget:',
      '  monthlyLimitUsd: 10',
      '  alertEmails: [finops@example.com]',
      '',
    ].join('\n'),
  );
  outdir = await synthesize(directory);
});

function chainOf(account: string): SimulationOrgPolicies[] {
  if (!chains.has(account)) chains.set(account, serviceControlPolicyChain(outdir, account));
  return chains.get(account)!;
}

async function decide({
  account,
  action,
  resource = '*',
  who = 'engineer',
  region = 'eu-west-1',
  tags = {},
  context = {},
  resourcePolicy,
}: Request): Promise<string> {
  const accountId = ACCOUNT_IDS[account];
  const principal = principalArn(who, accountId);
  const response = await runSimulation(
    {
      request: {
        principal,
        action,
        resource: { resource: resource.replace(/ACCOUNT/g, accountId), accountId },
        contextVariables: {
          'aws:PrincipalArn': principal,
          'aws:PrincipalAccount': accountId,
          'aws:RequestedRegion': region,
          ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
          ...(Object.keys(tags).length > 0 ? { 'aws:TagKeys': Object.keys(tags) } : {}),
          ...context,
        },
      },
      identityPolicies: [ADMINISTRATOR],
      serviceControlPolicies: chainOf(account),
      resourceControlPolicies: [],
      ...(resourcePolicy ? { resourcePolicy } : {}),
    },
    {},
  );
  if (response.resultType === 'error') throw new Error(`the simulation of ${action} rejected its input: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

const allowed = 'Allowed';
const denied = 'ExplicitlyDenied';

/**
 * The simulation cases of each built-in SCP guardrail, by its id, each with a request it
 * denies and one it allows. A guardrail of the catalogue without cases fails the test below.
 */
const CASES_BY_GUARDRAIL: Record<string, () => void> = {
  'region-deny': () => {
    const runInstances = { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:REGION:ACCOUNT:instance/i-0123456789abcdef0', tags: COMPLETE_TAGS };
    const inRegion = (region: string) => ({ ...runInstances, region, resource: runInstances.resource.replace('REGION', region) });

    it.each(['eu-west-1', 'eu-central-1'])('allows regional services in the governed region %s', async (region) => {
      expect(await decide({ account: 'payments-prod', ...inRegion(region) })).toBe(allowed);
    });

    it.each(['us-east-1', 'ap-southeast-2'])('denies regional services in %s, outside the governed regions', async (region) => {
      expect(await decide({ account: 'payments-prod', ...inRegion(region) })).toBe(denied);
      expect(await decide({ account: 'payments-prod', action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:${region}:ACCOUNT:table/orders`, region })).toBe(
        denied,
      );
    });

    it.each([
      ['IAM', 'iam:CreateRole', 'arn:aws:iam::ACCOUNT:role/payments-app'],
      ['STS', 'sts:AssumeRole', 'arn:aws:iam::ACCOUNT:role/payments-app'],
      ['Route 53', 'route53:ChangeResourceRecordSets', 'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ'],
      ['CloudFront', 'cloudfront:CreateInvalidation', 'arn:aws:cloudfront::ACCOUNT:distribution/E2QWRUHEXAMPLE'],
      ['Support', 'support:CreateCase', '*'],
      ['Organizations', 'organizations:DescribeOrganization', '*'],
      ['the extra exempt action pricingplanmanager:*', 'pricingplanmanager:CreateSubscription', '*'],
    ])('leaves the global service %s usable from us-east-1', async (_service, action, resource) => {
      expect(await decide({ account: 'payments-prod', action, resource, region: 'us-east-1' })).toBe(allowed);
    });

    it.each<Who>(['access role', 'break-glass role'])('lets the %s act outside the governed regions', async (who) => {
      expect(await decide({ account: 'payments-prod', who, ...inRegion('us-east-1') })).toBe(allowed);
    });

    it('applies in Sandbox, attached there on its own', async () => {
      expect(await decide({ account: 'sandbox-data-science', action: 's3:GetObject', resource: 'arn:aws:s3:::notebooks/a.ipynb', region: 'us-west-2' })).toBe(
        denied,
      );
    });
  },
  'require-tags-on-create': () => {
    const creations = [
      ['an S3 bucket', 's3:CreateBucket', 'arn:aws:s3:::payments-reports'],
      ['an EC2 instance', 'ec2:RunInstances', 'arn:aws:ec2:eu-west-1:ACCOUNT:instance/i-0123456789abcdef0'],
      ['an EBS volume', 'ec2:CreateVolume', 'arn:aws:ec2:eu-west-1:ACCOUNT:volume/vol-0123456789abcdef0'],
      ['a Lambda function', 'lambda:CreateFunction', 'arn:aws:lambda:eu-west-1:ACCOUNT:function:settle'],
      ['a DynamoDB table', 'dynamodb:CreateTable', 'arn:aws:dynamodb:eu-west-1:ACCOUNT:table/orders'],
      ['an ECS cluster', 'ecs:CreateCluster', 'arn:aws:ecs:eu-west-1:ACCOUNT:cluster/payments'],
      // AWS authorizes eks:CreateCluster on no resource type: the request is on `*`, which a statement naming cluster ARNs never matches.
      ['an EKS cluster', 'eks:CreateCluster', '*'],
    ] as const;

    it.each(creations)('allows creating %s with every required tag', async (_kind, action, resource) => {
      expect(await decide({ account: 'payments-prod', action, resource, tags: COMPLETE_TAGS })).toBe(allowed);
    });

    it.each(creations)('denies creating %s when one required tag is missing', async (_kind, action, resource) => {
      const { 'cost-center': _dropped, ...withoutCostCenter } = COMPLETE_TAGS;
      expect(await decide({ account: 'payments-prod', action, resource, tags: withoutCostCenter })).toBe(denied);
    });

    it.each(creations)('denies creating %s with no tags at all', async (_kind, action, resource) => {
      expect(await decide({ account: 'payments-dev', action, resource })).toBe(denied);
    });

    it.each<Who>(['access role', 'break-glass role'])(
      'lets the %s create without the tags: the landing zone creates its own resources wherever it is attached',
      async (who) => {
        expect(await decide({ account: 'payments-dev', who, action: 's3:CreateBucket', resource: 'arn:aws:s3:::landing-zone-logs' })).toBe(allowed);
      },
    );

    it('does not apply where it is not attached: the Security OU', async () => {
      expect(await decide({ account: 'security', action: 's3:CreateBucket', resource: 'arn:aws:s3:::security-findings' })).toBe(allowed);
    });
  },
  'deny-leaving-organization': () => {
    it.each<Who>(['engineer', 'access role', 'break-glass role'])('denies leaving the organization, even to the %s', async (who) => {
      expect(await decide({ account: 'payments-prod', action: 'organizations:LeaveOrganization', who })).toBe(denied);
    });

    it('leaves reading the organization to everyone', async () => {
      expect(await decide({ account: 'payments-prod', action: 'organizations:DescribeOrganization' })).toBe(allowed);
    });
  },
  'root-user-lockdown': () => {
    it('denies everything to the root user of a member account', async () => {
      expect(await decide({ account: 'payments-prod', who: 'root user', action: 's3:ListAllMyBuckets' })).toBe(denied);
      expect(await decide({ account: 'payments-prod', who: 'root user', action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::ACCOUNT:user/someone' })).toBe(
        denied,
      );
    });

    it("leaves the same request to the account's own principals", async () => {
      expect(await decide({ account: 'payments-prod', action: 's3:ListAllMyBuckets' })).toBe(allowed);
    });

    it('leaves a root session of centralized root access (sts:AssumeRoot from the management account) its task', async () => {
      const unlockBucket = { account: 'payments-prod', who: 'root user', action: 's3:DeleteBucketPolicy', resource: 'arn:aws:s3:::payments-data' } as const;
      expect(await decide({ ...unlockBucket, context: { 'aws:AssumedRoot': 'true' } })).toBe(allowed);
      expect(await decide(unlockBucket)).toBe(denied);
    });
  },
  'protect-security-services': () => {
    it.each([
      ['cloudtrail:StopLogging', 'arn:aws:cloudtrail:eu-west-1:ACCOUNT:trail/organization-trail'],
      ['cloudtrail:DeleteTrail', 'arn:aws:cloudtrail:eu-west-1:ACCOUNT:trail/organization-trail'],
      ['config:StopConfigurationRecorder', '*'],
      ['config:PutConfigurationRecorder', '*'],
      ['config:PutDeliveryChannel', '*'],
      ['guardduty:DeleteDetector', 'arn:aws:guardduty:eu-west-1:ACCOUNT:detector/12abc34d567e8fa901bc2d34e56789f0'],
      ['guardduty:CreateIPSet', '*'],
      ['guardduty:UpdatePublishingDestination', '*'],
      ['securityhub:DisableSecurityHub', 'arn:aws:securityhub:eu-west-1:ACCOUNT:hub/default'],
      ['securityhub:CreateAutomationRule', '*'],
      ['access-analyzer:DeleteAnalyzer', 'arn:aws:access-analyzer:eu-west-1:ACCOUNT:analyzer/organization'],
      ['inspector2:Disable', '*'],
      ['fms:DeletePolicy', 'arn:aws:fms:eu-west-1:ACCOUNT:policy/12345678-1234-1234-1234-123456789012'],
    ])('protects the security services: %s is denied to engineers, allowed to the access role', async (action, resource) => {
      expect(await decide({ account: 'payments-prod', action, resource })).toBe(denied);
      expect(await decide({ account: 'payments-prod', action, resource, who: 'access role' })).toBe(allowed);
    });

    const firewallPolicy = (region: string) => `arn:aws:fms:${region}:ACCOUNT:policy/12345678-1234-1234-1234-123456789012`;
    // Notification channels and the administrator have no resource of their own: IAM takes "*".
    it.each([
      ['fms:PutPolicy', firewallPolicy],
      ['fms:DeletePolicy', firewallPolicy],
      ['fms:PutNotificationChannel', () => '*'],
      ['fms:DeleteNotificationChannel', () => '*'],
      ['fms:DisassociateAdminAccount', () => '*'],
    ])(
      'keeps Firewall Manager from being changed in its administrator, the security account: %s is denied to engineers, allowed to the exempt roles',
      async (action, resourceIn) => {
        expect(await decide({ account: 'security', action, resource: resourceIn('eu-west-1') })).toBe(denied);
        for (const who of ['access role', 'break-glass role'] as const) {
          expect(await decide({ account: 'security', action, resource: resourceIn('eu-west-1'), who })).toBe(allowed);
          // CloudFront's policies are made in us-east-1, which the region deny leaves to the same roles.
          expect(await decide({ account: 'security', action, resource: resourceIn('us-east-1'), region: 'us-east-1', who })).toBe(allowed);
        }
      },
    );

    it('leaves Firewall Manager policies readable to engineers of the security account', async () => {
      for (const action of ['fms:GetPolicy', 'fms:GetComplianceDetail']) {
        expect(await decide({ account: 'security', action, resource: firewallPolicy('eu-west-1') })).toBe(allowed);
      }
      expect(await decide({ account: 'security', action: 'fms:ListPolicies' })).toBe(allowed);
    });

    it.each([
      ['events:DisableRule', 'payments-prod', 'arn:aws:events:eu-west-1:ACCOUNT:rule/landing-zone-forward-security-events-1'],
      ['events:RemoveTargets', 'payments-prod', 'arn:aws:events:us-east-1:ACCOUNT:rule/landing-zone-forward-security-events-2'],
      ['events:PutRule', 'payments-prod', 'arn:aws:events:eu-central-1:ACCOUNT:rule/landing-zone-forward-security-events-1'],
      ['events:DeleteRule', 'security', 'arn:aws:events:eu-west-1:ACCOUNT:rule/landing-zone-security-alerts/landing-zone-root-api-use'],
      ['events:DeleteEventBus', 'security', 'arn:aws:events:eu-west-1:ACCOUNT:event-bus/landing-zone-security-alerts'],
      ['sns:DeleteTopic', 'security', 'arn:aws:sns:eu-west-1:ACCOUNT:landing-zone-security-alerts'],
      ['sns:SetTopicAttributes', 'security', 'arn:aws:sns:eu-west-1:ACCOUNT:landing-zone-security-alerts'],
      ['sns:Unsubscribe', 'security', 'arn:aws:sns:eu-west-1:ACCOUNT:landing-zone-security-alerts'],
      ['sns:DeleteTopic', 'security', 'arn:aws:sns:eu-west-1:ACCOUNT:landing-zone-security-chat'],
      ['events:DeleteRule', 'security', 'arn:aws:events:eu-west-1:ACCOUNT:rule/landing-zone-security-alerts/landing-zone-chat-root-api-use'],
      ['events:RemoveTargets', 'security', 'arn:aws:events:eu-west-1:ACCOUNT:rule/landing-zone-security-alerts/landing-zone-incident-cloudtrail-stopped'],
      ['events:DisableRule', 'security', 'arn:aws:events:eu-west-1:ACCOUNT:rule/landing-zone-security-hub-action-send-to-chat'],
      ['events:DeleteRule', 'payments-prod', 'arn:aws:events:eu-central-1:ACCOUNT:rule/landing-zone-remediate-close-public-ssh'],
    ])('protects the alert path: %s in %s is denied to engineers, allowed to the access role', async (action, account, resource) => {
      const region = resource.split(':')[3];
      expect(await decide({ account, action, resource, region: region === 'us-east-1' ? 'eu-west-1' : region })).toBe(denied);
      expect(await decide({ account, action, resource, who: 'access role' })).toBe(allowed);
    });

    it("leaves the teams' own event rules and topics alone, on the central bus too", async () => {
      expect(
        await decide({ account: 'payments-prod', action: 'events:DeleteRule', resource: 'arn:aws:events:eu-west-1:ACCOUNT:rule/nightly-settlement' }),
      ).toBe(allowed);
      expect(await decide({ account: 'payments-prod', action: 'sns:DeleteTopic', resource: 'arn:aws:sns:eu-west-1:ACCOUNT:payments-events' })).toBe(allowed);
      expect(
        await decide({ account: 'security', action: 'events:PutRule', resource: 'arn:aws:events:eu-west-1:ACCOUNT:rule/landing-zone-security-alerts/to-siem' }),
      ).toBe(allowed);
    });

    it("protects the alert topic's key from being disabled, deleted or re-policied, by its alias", async () => {
      const key = 'arn:aws:kms:eu-west-1:ACCOUNT:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      // A key policy that leaves the key to IAM, as AWS's default one does: the SCPs decide.
      const resourcePolicy = {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_IDS.security}:root` }, Action: 'kms:*', Resource: '*' }],
      };
      const onKey = (action: string, who: Who, alias: string) =>
        decide({ account: 'security', action, resource: key, who, resourcePolicy, context: { 'kms:ResourceAliases': [alias] } });
      for (const action of ['kms:DisableKey', 'kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy']) {
        expect(await onKey(action, 'engineer', 'alias/landing-zone-security-alerts')).toBe(denied);
        expect(await onKey(action, 'access role', 'alias/landing-zone-security-alerts')).toBe(allowed);
        expect(await onKey(action, 'engineer', 'alias/payments-data')).toBe(allowed);
      }
    });

    it('leaves reading the security services to everyone', async () => {
      expect(await decide({ account: 'payments-prod', action: 'guardduty:ListFindings' })).toBe(allowed);
    });
  },
  'protect-log-archive': () => {
    const trailBucket = 'arn:aws:s3:::example-corp-logs-cloudtrail-222222222222-eu-west-1';

    it.each(['s3:PutBucketPolicy', 's3:DeleteBucket', 's3:PutBucketVersioning', 's3:PutLifecycleConfiguration'])(
      'denies %s on a log bucket',
      async (action) => {
        expect(await decide({ account: 'log-archive', action, resource: trailBucket })).toBe(denied);
        expect(await decide({ account: 'log-archive', action, resource: trailBucket, who: 'access role' })).toBe(allowed);
      },
    );

    it('denies bypassing governance retention on log objects and deleting their versions', async () => {
      expect(await decide({ account: 'log-archive', action: 's3:BypassGovernanceRetention', resource: `${trailBucket}/AWSLogs/o-abc123/log.json.gz` })).toBe(
        denied,
      );
      expect(await decide({ account: 'log-archive', action: 's3:DeleteObjectVersion', resource: `${trailBucket}/AWSLogs/o-abc123/log.json.gz` })).toBe(denied);
    });

    it('denies replicating a log bucket elsewhere', async () => {
      expect(await decide({ account: 'log-archive', action: 's3:PutReplicationConfiguration', resource: trailBucket })).toBe(denied);
    });

    it('denies scheduling the deletion of, or disabling, the keys', async () => {
      const key = 'arn:aws:kms:eu-west-1:ACCOUNT:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      expect(await decide({ account: 'log-archive', action: 'kms:ScheduleKeyDeletion', resource: key })).toBe(denied);
      expect(await decide({ account: 'log-archive', action: 'kms:DisableKey', resource: key })).toBe(denied);
    });

    it('denies granting the keys to a principal, not to an AWS service acting for its caller', async () => {
      const key = 'arn:aws:kms:eu-west-1:ACCOUNT:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      // A key policy that leaves the key to IAM, as AWS's default one does: the SCPs decide.
      const resourcePolicy = {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_IDS['log-archive']}:root` }, Action: 'kms:*', Resource: '*' }],
      };
      const grant = (who: Who, forAwsResource: string) =>
        decide({
          account: 'log-archive',
          action: 'kms:CreateGrant',
          resource: key,
          who,
          resourcePolicy,
          context: { 'kms:GrantIsForAWSResource': forAwsResource },
        });
      expect(await grant('engineer', 'false')).toBe(denied);
      expect(await grant('engineer', 'true')).toBe(allowed);
      expect(await grant('access role', 'false')).toBe(allowed);
    });

    it('leaves other buckets of the log-archive account, and log-named buckets elsewhere, alone', async () => {
      expect(await decide({ account: 'log-archive', action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::scratch-space' })).toBe(allowed);
      expect(await decide({ account: 'payments-prod', action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::example-corp-logs-payments' })).toBe(allowed);
    });
  },
  'protect-account-baseline': () => {
    it.each([
      ['s3:PutAccountPublicAccessBlock', 'us-east-1', '*'],
      ['ec2:DisableEbsEncryptionByDefault', 'eu-west-1', '*'],
      ['iam:DeleteAccountPasswordPolicy', 'us-east-1', '*'],
      ['ssm:UpdateDocument', 'eu-west-1', 'arn:aws:ssm:eu-west-1:ACCOUNT:document/SSM-SessionManagerRunShell'],
      ['ssm:DeleteDocument', 'eu-central-1', 'arn:aws:ssm:eu-central-1:ACCOUNT:document/SSM-SessionManagerRunShell'],
    ])('protects the account baseline: %s is denied to engineers, allowed to the exempt roles', async (action, region, resource) => {
      expect(await decide({ account: 'shared-services', action, region, resource })).toBe(denied);
      expect(await decide({ account: 'shared-services', action, region, resource, who: 'access role' })).toBe(allowed);
      expect(await decide({ account: 'shared-services', action, region, resource, who: 'break-glass role' })).toBe(allowed);
    });

    it("leaves the teams' own SSM documents alone", async () => {
      expect(await decide({ account: 'shared-services', action: 'ssm:UpdateDocument', resource: 'arn:aws:ssm:eu-west-1:ACCOUNT:document/patch-fleet' })).toBe(
        allowed,
      );
    });
  },
  'deny-iam-users': () => {
    it('denies creating IAM users and access keys in Sandbox, not in Workloads', async () => {
      expect(await decide({ account: 'sandbox-data-science', action: 'iam:CreateUser', resource: 'arn:aws:iam::ACCOUNT:user/analyst' })).toBe(denied);
      expect(await decide({ account: 'sandbox-data-science', action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::ACCOUNT:user/analyst' })).toBe(denied);
      expect(
        await decide({ account: 'sandbox-data-science', action: 'iam:CreateServiceSpecificCredential', resource: 'arn:aws:iam::ACCOUNT:user/analyst' }),
      ).toBe(denied);
      expect(await decide({ account: 'payments-prod', action: 'iam:CreateUser', resource: 'arn:aws:iam::ACCOUNT:user/vendor' })).toBe(allowed);
    });
  },
  'protect-landing-zone-roles': () => {
    it.each([
      'arn:aws:iam::ACCOUNT:role/OrganizationAccountAccessRole',
      'arn:aws:iam::ACCOUNT:role/landing-zone-alert-forwarder',
      'arn:aws:iam::ACCOUNT:role/landing-zone-config-recorder',
    ])('protects %s from being created, changed or deleted, except by the exempt roles', async (role) => {
      for (const action of ['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRole']) {
        expect(await decide({ account: 'payments-dev', action, resource: role })).toBe(denied);
      }
      expect(await decide({ account: 'payments-dev', action: 'iam:DeleteRole', resource: role, who: 'break-glass role' })).toBe(allowed);
      expect(await decide({ account: 'payments-dev', action: 'iam:CreateRole', resource: role, who: 'access role' })).toBe(allowed);
    });

    it('keeps an administrator from creating a role named like an exempt principal, which would escape every guardrail', async () => {
      const breakGlass = 'arn:aws:iam::ACCOUNT:role/BreakGlassAdmin';
      expect(await decide({ account: 'payments-dev', action: 'iam:CreateRole', resource: breakGlass })).toBe(denied);
      expect(await decide({ account: 'payments-dev', action: 'iam:UpdateAssumeRolePolicy', resource: breakGlass })).toBe(denied);
      expect(await decide({ account: 'payments-dev', action: 'iam:CreateRole', resource: breakGlass, who: 'access role' })).toBe(allowed);
    });

    it("leaves the teams' own roles alone", async () => {
      expect(await decide({ account: 'payments-dev', action: 'iam:CreateRole', resource: 'arn:aws:iam::ACCOUNT:role/payments-app' })).toBe(allowed);
      expect(await decide({ account: 'payments-dev', action: 'iam:AttachRolePolicy', resource: 'arn:aws:iam::ACCOUNT:role/payments-app' })).toBe(allowed);
    });
  },
  'protect-identity-center': () => {
    it.each([
      ['sso:CreatePermissionSet', 'arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6'],
      ['sso:PutInlinePolicyToPermissionSet', 'arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-1a2b3c4d5e6f7a8b'],
      ['sso:CreateAccountAssignment', 'arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-1a2b3c4d5e6f7a8b'],
      ['sso:DeleteAccountAssignment', 'arn:aws:sso:::account/ACCOUNT'],
      ['sso:CreateInstance', '*'],
      ['identitystore:CreateGroup', 'arn:aws:identitystore::ACCOUNT:identitystore/d-1234567890'],
    ])('denies %s in a member account (a delegated administrator) except to the exempt roles', async (action, resource) => {
      expect(await decide({ account: 'shared-services', action, resource })).toBe(denied);
      expect(await decide({ account: 'shared-services', action, resource, who: 'access role' })).toBe(allowed);
    });

    it('protects the SAML provider Identity Center provisions in each account, except from the exempt roles', async () => {
      const provider = 'arn:aws:iam::ACCOUNT:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE';
      for (const action of ['iam:UpdateSAMLProvider', 'iam:DeleteSAMLProvider']) {
        expect(await decide({ account: 'payments-prod', action, resource: provider })).toBe(denied);
        expect(await decide({ account: 'payments-prod', action, resource: provider, who: 'break-glass role' })).toBe(allowed);
      }
      expect(await decide({ account: 'payments-prod', action: 'iam:DeleteSAMLProvider', resource: 'arn:aws:iam::ACCOUNT:saml-provider/partner-idp' })).toBe(
        allowed,
      );
    });

    it('leaves reading Identity Center and group memberships to the administrators', async () => {
      expect(await decide({ account: 'shared-services', action: 'sso:ListPermissionSets', resource: 'arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6' })).toBe(
        allowed,
      );
      expect(
        await decide({
          account: 'shared-services',
          action: 'identitystore:CreateGroupMembership',
          resource: 'arn:aws:identitystore::ACCOUNT:identitystore/d-1234567890',
        }),
      ).toBe(allowed);
    });
  },
  'protect-incident-response': () => {
    it.each([
      ['chatbot:DeleteSlackChannelConfiguration', 'arn:aws:chatbot::ACCOUNT:chat-configuration/slack-channel/landing-zone-security-alerts'],
      ['chatbot:UpdateMicrosoftTeamsChannelConfiguration', 'arn:aws:chatbot::ACCOUNT:chat-configuration/microsoft-teams-channel/landing-zone-security-teams'],
      ['ssm-incidents:DeleteResponsePlan', 'arn:aws:ssm-incidents::ACCOUNT:response-plan/landing-zone-security-incident'],
      ['ssm-incidents:UpdateResponsePlan', 'arn:aws:ssm-incidents::ACCOUNT:response-plan/landing-zone-security-incident'],
      ['ssm-incidents:DeleteReplicationSet', 'arn:aws:ssm-incidents::ACCOUNT:replication-set/4bc1b0a2-93d7-4e1f-a2b8-6c0e5d4f3a21'],
      ['ssm-contacts:DeleteContact', 'arn:aws:ssm-contacts:eu-west-1:ACCOUNT:contact/landing-zone-security-on-call'],
      [
        'ssm-contacts:DeactivateContactChannel',
        'arn:aws:ssm-contacts:eu-west-1:ACCOUNT:contactchannel/landing-zone-alice/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
      ],
      ['ssm:DeleteDocument', 'arn:aws:ssm:eu-west-1:ACCOUNT:document/landing-zone-contain-credentials'],
      ['securityhub:DeleteActionTarget', 'arn:aws:securityhub:eu-west-1:ACCOUNT:hub/default'],
    ])('denies %s in the security account to engineers, allows it to the exempt roles', async (action, resource) => {
      expect(await decide({ account: 'security', action, resource })).toBe(denied);
      expect(await decide({ account: 'security', action, resource, who: 'access role' })).toBe(allowed);
      expect(await decide({ account: 'security', action, resource, who: 'break-glass role' })).toBe(allowed);
    });

    it("leaves the teams' own chat configurations and Incident Manager to them, and every other account alone", async () => {
      expect(
        await decide({
          account: 'security',
          action: 'chatbot:DeleteSlackChannelConfiguration',
          resource: 'arn:aws:chatbot::ACCOUNT:chat-configuration/slack-channel/soc-tools',
        }),
      ).toBe(allowed);
      expect(
        await decide({
          account: 'security',
          action: 'ssm-incidents:DeleteResponsePlan',
          resource: 'arn:aws:ssm-incidents::ACCOUNT:response-plan/payments-outage',
        }),
      ).toBe(allowed);
      expect(
        await decide({ account: 'payments-prod', action: 'securityhub:DeleteActionTarget', resource: 'arn:aws:securityhub:eu-west-1:ACCOUNT:hub/default' }),
      ).toBe(allowed);
      expect(
        await decide({
          account: 'payments-prod',
          action: 'ssm-incidents:DeleteReplicationSet',
          resource: 'arn:aws:ssm-incidents::ACCOUNT:replication-set/4bc1b0a2',
        }),
      ).toBe(allowed);
    });

    it('leaves responding to incidents to the security team: starting, updating and reading them', async () => {
      expect(
        await decide({
          account: 'security',
          action: 'ssm-incidents:StartIncident',
          resource: 'arn:aws:ssm-incidents::ACCOUNT:response-plan/landing-zone-security-incident',
        }),
      ).toBe(allowed);
      expect(
        await decide({
          account: 'security',
          action: 'ssm-incidents:UpdateIncidentRecord',
          resource: 'arn:aws:ssm-incidents::ACCOUNT:incident-record/landing-zone-security-incident/0c1d2e3f',
        }),
      ).toBe(allowed);
    });
  },
  'protect-central-alert-bus': () => {
    it.each(['events:PutPermission', 'events:RemovePermission'])('denies %s in the security account, except to the exempt roles', async (action) => {
      expect(await decide({ account: 'security', action })).toBe(denied);
      expect(await decide({ account: 'security', action, who: 'access role' })).toBe(allowed);
      expect(await decide({ account: 'security', action, who: 'break-glass role' })).toBe(allowed);
    });

    it('leaves the event bus permissions of other accounts to their teams', async () => {
      expect(await decide({ account: 'payments-prod', action: 'events:PutPermission' })).toBe(allowed);
    });
  },
  'deny-all': () => {
    it.each<Who>(['engineer', 'access role', 'break-glass role'])('denies every request of the %s in a suspended account', async (who) => {
      expect(await decide({ account: 'retired', who, action: 's3:ListAllMyBuckets' })).toBe(denied);
      expect(await decide({ account: 'retired', who, action: 'iam:ListRoles' })).toBe(denied);
    });

    it('leaves accounts outside the Suspended OU alone', async () => {
      expect(await decide({ account: 'payments-prod', action: 's3:ListAllMyBuckets' })).toBe(allowed);
    });
  },
};

it('has simulation cases for every built-in SCP guardrail', () => {
  expect(Object.keys(CASES_BY_GUARDRAIL).sort()).toEqual(SERVICE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => guardrail.id).sort());
});

describe.each(Object.entries(CASES_BY_GUARDRAIL))('%s', (_id, cases) => cases());

describe('the SCP chain read back from the synthesized stacks', () => {
  it('is root, then each OU from the top down, then the account, each level headed by FullAWSAccess', () => {
    expect(chainOf('payments-prod').map((level) => [level.orgIdentifier, level.policies.map((policy) => policy.name)])).toEqual([
      [
        'root',
        [
          'FullAWSAccess',
          'deny-leaving-organization',
          'protect-account-baseline',
          'protect-identity-center',
          'protect-landing-zone-roles',
          'protect-security-services',
          'root-user-lockdown',
        ],
      ],
      ['Workloads', ['FullAWSAccess', 'region-deny', 'require-tags-on-create']],
      ['Prod', ['FullAWSAccess']],
      ['payments-prod', ['FullAWSAccess']],
    ]);
    expect(
      chainOf('log-archive')
        .at(-1)!
        .policies.map((policy) => policy.name),
    ).toEqual(['FullAWSAccess', 'protect-log-archive']);
  });
});

describe('the custom SCP deny-large-instances, attached to Sandbox', () => {
  it('denies large instance types through the custom deny-large-instances SCP', async () => {
    const request = { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:eu-west-1:ACCOUNT:instance/i-0123456789abcdef0', tags: COMPLETE_TAGS };
    const large = { 'ec2:InstanceType': 'm7g.2xlarge' };
    expect(await decide({ account: 'sandbox-data-science', ...request, context: large })).toBe(denied);
    expect(await decide({ account: 'sandbox-data-science', ...request, context: { 'ec2:InstanceType': 't3.micro' } })).toBe(allowed);
    expect(await decide({ account: 'payments-prod', ...request, context: large })).toBe(allowed);
  });
});

describe('ordinary work in a governed region', () => {
  it.each([
    ['dynamodb:PutItem', 'arn:aws:dynamodb:eu-west-1:ACCOUNT:table/orders'],
    ['s3:GetObject', 'arn:aws:s3:::payments-reports/2026/11/statement.csv'],
    ['lambda:InvokeFunction', 'arn:aws:lambda:eu-west-1:ACCOUNT:function:settle'],
    ['ec2:DescribeInstances', '*'],
    ['iam:PassRole', 'arn:aws:iam::ACCOUNT:role/payments-app'],
  ])('allows %s', async (action, resource) => {
    expect(await decide({ account: 'payments-prod', action, resource })).toBe(allowed);
  });
});
