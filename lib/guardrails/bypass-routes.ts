/**
 * The ways around each protective guardrail, and what closes each: a guardrail (the SCP or
 * RCP that denies the one request the route cannot do without), a resource policy the
 * landing zone writes, AWS itself, or nothing, with the reason it is left open. Written once
 * here: the README's table is rendered from it, and a test simulates every route but those
 * AWS refuses on the example's synthesized policies (`__tests__/guardrails/bypass-routes.test.ts`).
 *
 * The routes are of five kinds: rename or remove the label a guardrail keys on (names of
 * roles, buckets, topics, rules and documents cannot change; an alias of a KMS key can),
 * remove or edit what grants an exemption, make a second resource or a new version the
 * pattern misses, change the resource's policy instead of the resource, and act through an
 * exempt principal (who can assume it, name a role like it, or hand it to a service).
 */

/** Where a route is tried. */
export type BypassAccount = 'a member account' | 'the security account' | 'the log-archive account' | 'a Sandbox account';

/**
 * Who tries it: the `Administrator` permission set of the account, the landing zone's
 * access role, the root user, a root session of centralized root access, a principal of
 * another organization, a role of the account by its name and path, or an AWS service
 * principal acting for a resource of another organization.
 */
export type BypassActor =
  | 'an administrator'
  | 'the access role'
  | 'the root user'
  | 'a root session'
  | 'a principal outside the organization'
  | `the role ${string}`
  | `${string}.amazonaws.com`;

export interface BypassAttempt {
  readonly account: BypassAccount;
  readonly who: BypassActor;
  readonly action: string;
  /** An ARN, `ACCOUNT` standing for the account's id. */
  readonly resource: string;
  /** @default the home region, eu-west-1 in the example */
  readonly region?: string;
  /** What the request says besides: `kms:ResourceAliases`, `aws:SourceOrgID` ... */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export type BypassVerdict =
  /** Denied by this guardrail (its id). */
  | { readonly deniedBy: string }
  /** Denied by a policy the landing zone writes on the resource (a key, trust or bucket policy), named in words. */
  | { readonly deniedByPolicy: string }
  /** Refused by AWS whatever the policies say; not simulated. */
  | { readonly refusedByAws: string }
  /** Left open, and why. */
  | { readonly outOfScope: string };

export interface BypassRoute {
  /** Unique; names the route's simulation. */
  readonly id: string;
  /** The guardrail the route goes around. */
  readonly guardrail: string;
  /** The way around, in words. */
  readonly way: string;
  /** The request the route cannot do without; none where AWS refuses the route. */
  readonly attempt?: BypassAttempt;
  /** The request the route is for, allowed once the attempt has succeeded: why the attempt must be denied. */
  readonly then?: BypassAttempt;
  readonly verdict: BypassVerdict;
}

const ADMINISTRATOR = 'an administrator';
const MEMBER = 'a member account';
const SECURITY = 'the security account';
const LOG_ARCHIVE = 'the log-archive account';
const ALERT_KEY = 'arn:aws:kms:eu-west-1:ACCOUNT:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const TRAIL_BUCKET = 'arn:aws:s3:::example-corp-logs-cloudtrail-eu-west-1';
const WAF_LOG_BUCKET = 'arn:aws:s3:::aws-waf-logs-example-corp-logs-eu-west-1';
const ORGANIZATIONS_ONLY_FROM_MANAGEMENT =
  'AWS Organizations takes this only from the management account, which no SCP restricts, or from a delegated administrator for policy management, which the landing zone does not register';

export const BYPASS_ROUTES: readonly BypassRoute[] = [
  {
    id: 'region-deny-outside',
    guardrail: 'region-deny',
    way: 'Run a workload in a region outside the governed ones',
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:ACCOUNT:instance/i-0123456789abcdef0',
      region: 'us-east-1',
    },
    verdict: { deniedBy: 'region-deny' },
  },
  {
    id: 'region-deny-exempt-name',
    guardrail: 'region-deny',
    way: 'Create a role named like an exempt principal (`BreakGlassAdmin`), then act through it',
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'iam:CreateRole', resource: 'arn:aws:iam::ACCOUNT:role/BreakGlassAdmin' },
    then: {
      account: MEMBER,
      who: 'the role BreakGlassAdmin',
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:ACCOUNT:instance/i-0123456789abcdef0',
      region: 'us-east-1',
    },
    verdict: { deniedBy: 'protect-landing-zone-roles' },
  },
  {
    id: 'region-deny-exempt-name-with-path',
    guardrail: 'region-deny',
    way: 'Create a role of the exempt name under a path (`role/team/BreakGlassAdmin`), which the exemption might be taken to match',
    attempt: {
      account: MEMBER,
      who: 'the role team/BreakGlassAdmin',
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:ACCOUNT:instance/i-0123456789abcdef0',
      region: 'us-east-1',
    },
    verdict: { deniedBy: 'region-deny' },
  },
  {
    id: 'region-deny-retrust-access-role',
    guardrail: 'region-deny',
    way: "Change the access role's trust policy so that the account's own principals may assume it",
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'iam:UpdateAssumeRolePolicy', resource: 'arn:aws:iam::ACCOUNT:role/OrganizationAccountAccessRole' },
    verdict: { deniedBy: 'protect-landing-zone-roles' },
  },
  {
    id: 'region-deny-assume-access-role',
    guardrail: 'region-deny',
    way: 'Assume the access role from inside the account',
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'sts:AssumeRole', resource: 'arn:aws:iam::ACCOUNT:role/OrganizationAccountAccessRole' },
    verdict: { deniedByPolicy: "the access role's trust policy, which AWS Organizations writes for the management account alone" },
  },
  {
    id: 'region-deny-pass-access-role',
    guardrail: 'region-deny',
    way: 'Hand the access role to a service (a Lambda function, an instance profile) that would act as it',
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'iam:PassRole', resource: 'arn:aws:iam::ACCOUNT:role/OrganizationAccountAccessRole' },
    verdict: { deniedBy: 'protect-landing-zone-roles' },
  },
  {
    id: 'region-deny-detach',
    guardrail: 'region-deny',
    way: 'Detach the SCP from the OU, or edit it',
    verdict: { refusedByAws: ORGANIZATIONS_ONLY_FROM_MANAGEMENT },
  },
  {
    id: 'root-user',
    guardrail: 'root-user-lockdown',
    way: "Sign in as the account's root user (after a password reset by e-mail, say) and act",
    attempt: { account: MEMBER, who: 'the root user', action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::payments-data' },
    verdict: { deniedBy: 'root-user-lockdown' },
  },
  {
    id: 'root-session',
    guardrail: 'root-user-lockdown',
    way: 'Act as a root session (`sts:AssumeRoot`), which the lockdown exempts',
    attempt: { account: MEMBER, who: 'a root session', action: 's3:DeleteBucketPolicy', resource: 'arn:aws:s3:::payments-data' },
    verdict: {
      outOfScope:
        'a root session starts only from the management account, beyond every SCP, and AWS limits it to the one task of its task policy (unlock a bucket or queue policy, delete or audit root credentials)',
    },
  },
  {
    id: 'alert-key-delete-alias',
    guardrail: 'protect-security-services',
    way: "Delete the alert topic key's alias, the label the key protection keys on, then schedule the key's deletion",
    attempt: { account: SECURITY, who: ADMINISTRATOR, action: 'kms:DeleteAlias', resource: 'arn:aws:kms:eu-west-1:ACCOUNT:alias/landing-zone-security-alerts' },
    then: { account: SECURITY, who: ADMINISTRATOR, action: 'kms:ScheduleKeyDeletion', resource: ALERT_KEY, context: { 'kms:ResourceAliases': [] } },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'alert-key-move-alias',
    guardrail: 'protect-security-services',
    way: "Point the alert key's alias at another key, then schedule the alert key's deletion",
    attempt: { account: SECURITY, who: ADMINISTRATOR, action: 'kms:UpdateAlias', resource: 'arn:aws:kms:eu-west-1:ACCOUNT:alias/landing-zone-security-alerts' },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'alias-on-own-key',
    guardrail: 'protect-security-services',
    way: "Put a `landing-zone-*` alias on a key of one's own, making it look like the landing zone's",
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'kms:CreateAlias', resource: 'arn:aws:kms:eu-west-1:ACCOUNT:alias/landing-zone-backup' },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'alert-key-policy',
    guardrail: 'protect-security-services',
    way: "Change the alert key's policy instead of the key, shutting SNS out",
    attempt: {
      account: SECURITY,
      who: ADMINISTRATOR,
      action: 'kms:PutKeyPolicy',
      resource: ALERT_KEY,
      context: { 'kms:ResourceAliases': ['alias/landing-zone-security-alerts'] },
    },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'alert-topic-key',
    guardrail: 'protect-security-services',
    way: "Switch the alert topic to a key of one's own, or drop its policy (`sns:SetTopicAttributes`)",
    attempt: {
      account: SECURITY,
      who: ADMINISTRATOR,
      action: 'sns:SetTopicAttributes',
      resource: 'arn:aws:sns:eu-west-1:ACCOUNT:landing-zone-security-alerts',
    },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'landing-zone-keys-elsewhere',
    guardrail: 'protect-security-services',
    way: "Schedule the deletion of an account's Session Manager or backup key, taking what it encrypts with it",
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'kms:ScheduleKeyDeletion',
      resource: 'arn:aws:kms:eu-west-1:ACCOUNT:key/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
      context: { 'kms:ResourceAliases': ['alias/landing-zone-backup'] },
    },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'forwarding-rule',
    guardrail: 'protect-security-services',
    way: 'Disable the rule that forwards security events instead of the services that raise them',
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'events:DisableRule',
      resource: 'arn:aws:events:eu-west-1:ACCOUNT:rule/landing-zone-forward-security-events-1',
    },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'forwarding-role',
    guardrail: 'protect-security-services',
    way: 'Take the permissions of the role the forwarding rules put events with',
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'iam:DeleteRolePolicy', resource: 'arn:aws:iam::ACCOUNT:role/landing-zone-alert-forwarder' },
    verdict: { deniedBy: 'protect-landing-zone-roles' },
  },
  {
    id: 'config-recorder-role',
    guardrail: 'protect-security-services',
    way: "Stop AWS Config through its recorder's role rather than the recorder",
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'iam:DetachRolePolicy', resource: 'arn:aws:iam::ACCOUNT:role/landing-zone-config-recorder' },
    verdict: { deniedBy: 'protect-landing-zone-roles' },
  },
  {
    id: 'guardduty-filter',
    guardrail: 'protect-security-services',
    way: 'Blind GuardDuty with a suppression filter rather than disabling it',
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'guardduty:CreateFilter', resource: '*' },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'security-hub-automation',
    guardrail: 'protect-security-services',
    way: 'Suppress Security Hub findings with an automation rule',
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'securityhub:CreateAutomationRuleV2', resource: '*' },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'waf-log-bucket-policy',
    guardrail: 'protect-security-services',
    way: "Rewrite the WAF log bucket's policy instead of the bucket",
    attempt: { account: SECURITY, who: ADMINISTRATOR, action: 's3:PutBucketPolicy', resource: WAF_LOG_BUCKET },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'waf-log-lifecycle',
    guardrail: 'protect-security-services',
    way: 'Expire the WAF logs at once with a lifecycle rule',
    attempt: { account: SECURITY, who: ADMINISTRATOR, action: 's3:PutLifecycleConfiguration', resource: WAF_LOG_BUCKET },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'waf-access-logging',
    guardrail: 'protect-security-services',
    way: "Turn off the WAF log bucket's access logging before reading it",
    attempt: { account: SECURITY, who: ADMINISTRATOR, action: 's3:PutBucketLogging', resource: WAF_LOG_BUCKET },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'waf-log-delivery-elsewhere',
    guardrail: 'protect-security-services',
    way: 'Have log delivery write into the WAF log bucket for an account of another organization (the confused deputy)',
    attempt: {
      account: SECURITY,
      who: 'delivery.logs.amazonaws.com',
      action: 's3:PutObject',
      resource: `${WAF_LOG_BUCKET}/policy-id/AWSLogs/999999999999/WAFLogs/log.gz`,
      context: { 'aws:SourceOrgID': 'o-otherorg22', 'aws:SourceAccount': '999999999999', 's3:x-amz-acl': 'bucket-owner-full-control' },
    },
    verdict: { deniedByPolicy: "the WAF log bucket's policy, which admits deliveries for this organization only" },
  },
  {
    id: 'log-bucket-policy',
    guardrail: 'protect-log-archive',
    way: "Rewrite a log bucket's policy to read or delete the logs",
    attempt: { account: LOG_ARCHIVE, who: ADMINISTRATOR, action: 's3:PutBucketPolicy', resource: TRAIL_BUCKET },
    verdict: { deniedBy: 'protect-log-archive' },
  },
  {
    id: 'log-bucket-encryption',
    guardrail: 'protect-log-archive',
    way: "Switch a log bucket's default encryption to SSE-S3, which the account could read",
    attempt: { account: LOG_ARCHIVE, who: ADMINISTRATOR, action: 's3:PutEncryptionConfiguration', resource: TRAIL_BUCKET },
    verdict: { deniedBy: 'protect-log-archive' },
  },
  {
    id: 'log-object-versions',
    guardrail: 'protect-log-archive',
    way: 'Delete the log objects version by version, or bypass their governance retention',
    attempt: { account: LOG_ARCHIVE, who: ADMINISTRATOR, action: 's3:DeleteObjectVersion', resource: `${TRAIL_BUCKET}/AWSLogs/o-exampleorg1/log.json.gz` },
    verdict: { deniedBy: 'protect-log-archive' },
  },
  {
    id: 'log-replication',
    guardrail: 'protect-log-archive',
    way: "Replicate the logs to a bucket of one's own",
    attempt: { account: LOG_ARCHIVE, who: ADMINISTRATOR, action: 's3:PutReplicationConfiguration', resource: TRAIL_BUCKET },
    verdict: { deniedBy: 'protect-log-archive' },
  },
  {
    id: 'log-key-alias',
    guardrail: 'protect-log-archive',
    way: "Delete or move a log archive key's alias, then schedule the key's deletion",
    attempt: {
      account: LOG_ARCHIVE,
      who: ADMINISTRATOR,
      action: 'kms:ScheduleKeyDeletion',
      resource: 'arn:aws:kms:eu-west-1:ACCOUNT:key/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
      context: { 'kms:ResourceAliases': [] },
    },
    verdict: { deniedBy: 'protect-log-archive' },
  },
  {
    id: 'log-key-policy',
    guardrail: 'protect-log-archive',
    way: "Rewrite a log archive key's policy to let the account decrypt",
    attempt: {
      account: LOG_ARCHIVE,
      who: ADMINISTRATOR,
      action: 'kms:PutKeyPolicy',
      resource: 'arn:aws:kms:eu-west-1:ACCOUNT:key/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
    },
    verdict: { deniedBy: 'protect-log-archive' },
  },
  {
    id: 'log-key-grant',
    guardrail: 'protect-log-archive',
    way: 'Grant oneself decryption with a key grant instead of the key policy',
    attempt: {
      account: LOG_ARCHIVE,
      who: ADMINISTRATOR,
      action: 'kms:CreateGrant',
      resource: 'arn:aws:kms:eu-west-1:ACCOUNT:key/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
      context: { 'kms:GrantIsForAWSResource': 'false' },
    },
    verdict: { deniedBy: 'protect-log-archive' },
  },
  {
    id: 'log-read-transcripts',
    guardrail: 'protect-log-archive',
    way: "Read the session transcripts as the log-archive account's administrator, whose IAM permissions reach its own buckets",
    attempt: {
      account: LOG_ARCHIVE,
      who: ADMINISTRATOR,
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:eu-west-1:ACCOUNT:key/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
      context: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' },
    },
    verdict: { deniedByPolicy: "the session logs key's policy, which gives the log-archive account administration without use" },
  },
  {
    id: 'log-read-config',
    guardrail: 'protect-log-archive',
    way: "Read the AWS Config files as the log-archive account's administrator",
    attempt: {
      account: LOG_ARCHIVE,
      who: ADMINISTRATOR,
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:eu-west-1:ACCOUNT:key/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
      context: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' },
    },
    verdict: { deniedByPolicy: "the Config key's policy, which gives the log-archive account administration without use" },
  },
  {
    id: 'log-read-trail',
    guardrail: 'protect-log-archive',
    way: "Read the trail's log files as the log-archive account's administrator",
    attempt: {
      account: LOG_ARCHIVE,
      who: ADMINISTRATOR,
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:eu-west-1:ACCOUNT:key/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
      context: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' },
    },
    verdict: { deniedByPolicy: "the trail key's policy, which gives the log-archive account administration without use" },
  },
  {
    id: 'baseline-public-access',
    guardrail: 'protect-account-baseline',
    way: "Lift the account's S3 public access block",
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 's3:PutAccountPublicAccessBlock', resource: '*' },
    verdict: { deniedBy: 'protect-account-baseline' },
  },
  {
    id: 'baseline-session-preferences',
    guardrail: 'protect-account-baseline',
    way: 'Change the Session Manager preferences document, or a new default version of it',
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'ssm:UpdateDocument',
      resource: 'arn:aws:ssm:eu-west-1:ACCOUNT:document/SSM-SessionManagerRunShell',
    },
    verdict: { deniedBy: 'protect-account-baseline' },
  },
  {
    id: 'baseline-own-session-document',
    guardrail: 'protect-account-baseline',
    way: "Start sessions with a Session document of one's own, whose preferences keep no transcript",
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'ssm:CreateDocument',
      resource: 'arn:aws:ssm:eu-west-1:ACCOUNT:document/quiet-shell',
      context: { 'ssm:DocumentType': 'Session' },
    },
    verdict: { deniedBy: 'protect-account-baseline' },
  },
  {
    id: 'baseline-vault-lock',
    guardrail: 'protect-account-baseline',
    way: "Remove the backup vault's lock, then delete its recovery points",
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'backup:DeleteBackupVaultLockConfiguration',
      resource: 'arn:aws:backup:eu-west-1:ACCOUNT:backup-vault:landing-zone-backup',
    },
    verdict: { deniedBy: 'protect-account-baseline' },
  },
  {
    id: 'baseline-vault-policy',
    guardrail: 'protect-account-baseline',
    way: "Change the vault's access policy instead of the vault",
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'backup:PutBackupVaultAccessPolicy',
      resource: 'arn:aws:backup:eu-west-1:ACCOUNT:backup-vault:landing-zone-backup',
    },
    verdict: { deniedBy: 'protect-account-baseline' },
  },
  {
    id: 'baseline-recovery-points',
    guardrail: 'protect-account-baseline',
    way: 'Delete the recovery points of the vault, or shorten their lifecycle',
    verdict: { refusedByAws: 'AWS Backup refuses both in a vault with a Vault Lock until the retention of each recovery point has passed, whoever asks' },
  },
  {
    id: 'iam-users-create',
    guardrail: 'deny-iam-users',
    way: 'Create an IAM user with an access key',
    attempt: { account: 'a Sandbox account', who: ADMINISTRATOR, action: 'iam:CreateUser', resource: 'arn:aws:iam::ACCOUNT:user/analyst' },
    verdict: { deniedBy: 'deny-iam-users' },
  },
  {
    id: 'iam-users-existing',
    guardrail: 'deny-iam-users',
    way: 'Give a user that already exists a new access key or password',
    attempt: { account: 'a Sandbox account', who: ADMINISTRATOR, action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::ACCOUNT:user/legacy-integration' },
    verdict: { deniedBy: 'deny-iam-users' },
  },
  {
    id: 'iam-users-roles-anywhere',
    guardrail: 'deny-iam-users',
    way: 'Get long-lived credentials through IAM Roles Anywhere instead of a user',
    attempt: { account: 'a Sandbox account', who: ADMINISTRATOR, action: 'rolesanywhere:CreateTrustAnchor', resource: '*' },
    verdict: {
      outOfScope:
        'Roles Anywhere gives short sessions of a role to the certificates of a certificate authority the account names: no password or access key; an organization that forbids it adds a custom SCP',
    },
  },
  {
    id: 'roles-break-glass',
    guardrail: 'protect-landing-zone-roles',
    way: 'Create the break-glass role in an account that has none yet, and assume it',
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'iam:CreateRole', resource: 'arn:aws:iam::ACCOUNT:role/BreakGlassAdmin' },
    verdict: { deniedBy: 'protect-landing-zone-roles' },
  },
  {
    id: 'roles-instance-profile',
    guardrail: 'protect-landing-zone-roles',
    way: 'Launch instances with an instance profile holding the access role, which act as it (EC2 asks for `iam:PassRole` on the role)',
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'iam:PassRole',
      resource: 'arn:aws:iam::ACCOUNT:role/OrganizationAccountAccessRole',
      context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
    },
    verdict: { deniedBy: 'protect-landing-zone-roles' },
  },
  {
    id: 'roles-permissions',
    guardrail: 'protect-landing-zone-roles',
    way: 'Attach a policy to the access role, or change its boundary',
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'iam:PutRolePermissionsBoundary',
      resource: 'arn:aws:iam::ACCOUNT:role/OrganizationAccountAccessRole',
    },
    verdict: { deniedBy: 'protect-landing-zone-roles' },
  },
  {
    id: 'identity-center-policy-version',
    guardrail: 'protect-identity-center',
    way: 'Loosen a permission set in one account through a new default version of the customer managed policy it names there',
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'iam:CreatePolicyVersion',
      resource: 'arn:aws:iam::ACCOUNT:policy/landing-zone-deny-network-changes',
    },
    verdict: { deniedBy: 'protect-identity-center' },
  },
  {
    id: 'identity-center-assignment',
    guardrail: 'protect-identity-center',
    way: 'Assign oneself a permission set from the delegated administrator',
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'sso:CreateAccountAssignment',
      resource: 'arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-1a2b3c4d5e6f7a8b',
    },
    verdict: { deniedBy: 'protect-identity-center' },
  },
  {
    id: 'identity-center-instance',
    guardrail: 'protect-identity-center',
    way: 'Start an Identity Center instance of the account, with sign-ins the organization does not see',
    attempt: { account: MEMBER, who: ADMINISTRATOR, action: 'sso:CreateInstance', resource: '*' },
    verdict: { deniedBy: 'protect-identity-center' },
  },
  {
    id: 'identity-center-group-membership',
    guardrail: 'protect-identity-center',
    way: 'Add oneself to a group a grant names, from the delegated administrator',
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 'identitystore:CreateGroupMembership',
      resource: 'arn:aws:identitystore::ACCOUNT:identitystore/d-1234567890',
    },
    verdict: {
      outOfScope:
        "group memberships are the identity provider's, which provisions them through SCIM, and, for the groups the landing zone creates, their administrators'; keep the delegated administrator to platform administrators",
    },
  },
  {
    id: 'contact-channel',
    guardrail: 'protect-incident-response',
    way: "Deactivate the on-call contact's channel by a spelling of its ARN the protection does not name (the API's `contact-channel/...`, the service authorization reference's `contactchannel/...`: both are named)",
    attempt: {
      account: SECURITY,
      who: ADMINISTRATOR,
      action: 'ssm-contacts:DeactivateContactChannel',
      resource: 'arn:aws:ssm-contacts:eu-west-1:ACCOUNT:contactchannel/landing-zone-alice/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
    },
    verdict: { deniedBy: 'protect-incident-response' },
  },
  {
    id: 'response-plan-policy',
    guardrail: 'protect-incident-response',
    way: "Change the response plan's resource policy instead of the plan",
    attempt: {
      account: SECURITY,
      who: ADMINISTRATOR,
      action: 'ssm-incidents:PutResourcePolicy',
      resource: 'arn:aws:ssm-incidents::ACCOUNT:response-plan/landing-zone-security-incident',
    },
    verdict: { deniedBy: 'protect-incident-response' },
  },
  {
    id: 'runbook-version',
    guardrail: 'protect-incident-response',
    way: 'Change a custom runbook through a new default version',
    attempt: {
      account: SECURITY,
      who: ADMINISTRATOR,
      action: 'ssm:UpdateDocumentDefaultVersion',
      resource: 'arn:aws:ssm:eu-west-1:ACCOUNT:document/landing-zone-contain-credentials',
    },
    verdict: { deniedBy: 'protect-incident-response' },
  },
  {
    id: 'chat-topic-key',
    guardrail: 'protect-incident-response',
    way: "Disable the chat topic's key rather than the chat configuration",
    attempt: {
      account: SECURITY,
      who: ADMINISTRATOR,
      action: 'kms:DisableKey',
      resource: ALERT_KEY,
      context: { 'kms:ResourceAliases': ['alias/landing-zone-security-chat'] },
    },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'bus-permission',
    guardrail: 'protect-central-alert-bus',
    way: "Remove the organization from the central bus's policy",
    attempt: { account: SECURITY, who: ADMINISTRATOR, action: 'events:RemovePermission', resource: '*' },
    verdict: { deniedBy: 'protect-central-alert-bus' },
  },
  {
    id: 'bus-delete',
    guardrail: 'protect-central-alert-bus',
    way: 'Delete the central bus and make it again without its policy',
    attempt: {
      account: SECURITY,
      who: ADMINISTRATOR,
      action: 'events:DeleteEventBus',
      resource: 'arn:aws:events:eu-west-1:ACCOUNT:event-bus/landing-zone-security-alerts',
    },
    verdict: { deniedBy: 'protect-security-services' },
  },
  {
    id: 'leave-organization',
    guardrail: 'deny-leaving-organization',
    way: 'Leave the organization, and every guardrail with it, as the access role',
    attempt: { account: MEMBER, who: 'the access role', action: 'organizations:LeaveOrganization', resource: '*' },
    verdict: { deniedBy: 'deny-leaving-organization' },
  },
  {
    id: 'suspended-move',
    guardrail: 'deny-all',
    way: 'Move a suspended account out of the Suspended OU',
    verdict: { refusedByAws: 'AWS Organizations moves accounts only from the management account or a delegated administrator, not from the account itself' },
  },
  {
    id: 'perimeter-outside-principal',
    guardrail: 'enforce-organization-identities',
    way: 'Read a bucket of a Workloads account from another organization, through a bucket policy that says `"Principal": "*"`',
    attempt: { account: MEMBER, who: 'a principal outside the organization', action: 's3:GetObject', resource: 'arn:aws:s3:::payments-exports/statement.csv' },
    verdict: { deniedBy: 'enforce-organization-identities' },
  },
  {
    id: 'perimeter-confused-deputy',
    guardrail: 'enforce-organization-identities',
    way: "Have an AWS service write into such a bucket for another organization's resource",
    attempt: {
      account: MEMBER,
      who: 'cloudtrail.amazonaws.com',
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::payments-exports/AWSLogs/999999999999/trail.json.gz',
      context: { 'aws:SourceAccount': '999999999999', 'aws:SourceOrgID': 'o-otherorg22' },
    },
    verdict: { deniedBy: 'enforce-organization-identities' },
  },
  {
    id: 'perimeter-other-service',
    guardrail: 'enforce-organization-identities',
    way: 'Share a resource of a service the RCP does not name (a DynamoDB table, an ECR repository) with another organization',
    attempt: {
      account: MEMBER,
      who: 'a principal outside the organization',
      action: 'dynamodb:GetItem',
      resource: 'arn:aws:dynamodb:eu-west-1:ACCOUNT:table/orders',
    },
    verdict: {
      outOfScope:
        "the perimeter covers S3, SQS, KMS, Secrets Manager and STS, the services of AWS's data perimeter examples; RCPs take more services now, which the guardrail does not name yet: the table's own resource policy decides",
    },
  },
  {
    id: 'perimeter-detach',
    guardrail: 'enforce-organization-identities',
    way: 'Detach the RCP from the OU',
    verdict: { refusedByAws: ORGANIZATIONS_ONLY_FROM_MANAGEMENT },
  },
  {
    id: 'plain-http',
    guardrail: 'enforce-secure-transport',
    way: "Reach a bucket over plain HTTP, through a team's bucket policy that does not refuse it",
    attempt: {
      account: MEMBER,
      who: ADMINISTRATOR,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::payments-exports/statement.csv',
      context: { 'aws:SecureTransport': 'false' },
    },
    verdict: { deniedBy: 'enforce-secure-transport' },
  },
  {
    id: 'declarative-attributes',
    guardrail: 'ec2-imdsv2-by-default',
    way: "Set the account's EC2 defaults back (IMDSv1, public snapshots, the serial console) through the EC2 API",
    verdict: {
      refusedByAws: 'EC2 enforces a declarative policy itself: the API refuses a change of the attribute the policy sets, whoever asks, the root user included',
    },
  },
];
