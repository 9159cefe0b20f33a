/**
 * The resource policies of the log archive: who may write where, and who may read. Each
 * follows the statements AWS documents for its writer, narrowed to this organization's
 * trail, and each bucket refuses plain-HTTP requests. Values may be Terraform references
 * (an account or organization id that another stack or a data source knows).
 */
import { accountRootArn, iamRoleArn, s3BucketArn } from '../iam/arns';
import { denyInsecureTransport } from '../iam/deny-insecure-transport';
import { throughS3ForBucket } from '../iam/key-policies';
import type { ResourcePolicyDocument, ResourcePolicyStatement } from '../iam/policy-document';
import type { LogArchiveBuckets } from '../model/log-archive-buckets';
import { CONFIG_RECORDER_ROLE } from '../resource-names';

export interface LogArchivePolicyContext {
  /** Where the buckets and keys are: S3 uses the keys through its endpoint there. */
  readonly homeRegion: string;
  /** Owner of the organization trail: its id names the trail and the `AWSLogs/<account>/` prefix. */
  readonly managementAccountId: string;
  readonly organizationId: string;
  readonly logArchiveAccountId: string;
  /** May read the logs and decrypt them, for investigation. */
  readonly securityAccountId: string;
  readonly trailArn: string;
  readonly buckets: LogArchiveBuckets;
}

/** Every request to the bucket and its objects. */
function denyInsecureTransportTo(bucket: string): ResourcePolicyStatement {
  return denyInsecureTransport('s3:*', [s3BucketArn(bucket), `${s3BucketArn(bucket)}/*`]);
}

function securityAccountRead(bucket: string, context: LogArchivePolicyContext): ResourcePolicyStatement {
  return {
    Sid: 'SecurityAccountRead',
    Effect: 'Allow',
    Principal: { AWS: accountRootArn(context.securityAccountId) },
    Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:GetBucketLocation'],
    Resource: [s3BucketArn(bucket), `${s3BucketArn(bucket)}/*`],
  };
}

/** Organization trail delivery, as AWS documents it: ACL check, then writes under the management account's and the organization's prefixes, each for this trail only. */
export function cloudTrailBucketPolicy(context: LogArchivePolicyContext): ResourcePolicyDocument {
  const bucket = context.buckets.cloudTrail;
  const write = (sid: string, owner: string): ResourcePolicyStatement => ({
    Sid: sid,
    Effect: 'Allow',
    Principal: { Service: 'cloudtrail.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: `${s3BucketArn(bucket)}/AWSLogs/${owner}/*`,
    Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': context.trailArn } },
  });
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransportTo(bucket),
      {
        Sid: 'CloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: s3BucketArn(bucket),
        Condition: { StringEquals: { 'aws:SourceArn': context.trailArn } },
      },
      write('CloudTrailWriteManagementAccount', context.managementAccountId),
      write('CloudTrailWriteOrganization', context.organizationId),
      securityAccountRead(bucket, context),
    ],
  };
}

/**
 * AWS Config delivery from every account of this organization, each account under its own
 * `AWSLogs/<account>/Config/` and nowhere else. Config first delivers through the
 * recorder's role, and only when the bucket refuses it as its service principal, whose
 * requests carry no organization to condition on (AWS Config's "Permissions for the Amazon
 * S3 bucket"): the bucket admits the landing zone's recorder role of the organization's
 * accounts, and not the service principal, so no account outside the organization writes.
 */
export function configBucketPolicy(context: LogArchivePolicyContext): ResourcePolicyDocument {
  const bucket = context.buckets.config;
  const recorders = {
    StringEquals: { 'aws:PrincipalOrgID': context.organizationId },
    ArnLike: { 'aws:PrincipalArn': iamRoleArn('*', CONFIG_RECORDER_ROLE) },
  };
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransportTo(bucket),
      {
        Sid: 'ConfigRecordersCheckBucket',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetBucketAcl', 's3:ListBucket'],
        Resource: s3BucketArn(bucket),
        Condition: recorders,
      },
      {
        Sid: 'ConfigRecordersDeliver',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:PutObject', 's3:PutObjectAcl'],
        Resource: `${s3BucketArn(bucket)}/AWSLogs/\${aws:PrincipalAccount}/Config/*`,
        Condition: { ...recorders, StringEquals: { ...recorders.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      },
      securityAccountRead(bucket, context),
    ],
  };
}

/**
 * Session Manager transcripts, written by the instances of every account of the
 * organization, each account under its own id and nowhere else.
 */
export function sessionLogsBucketPolicy(context: LogArchivePolicyContext): ResourcePolicyDocument {
  const bucket = context.buckets.sessionLogs;
  const inOrganization = { StringEquals: { 'aws:PrincipalOrgID': context.organizationId } };
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransportTo(bucket),
      {
        Sid: 'OrganizationSessionLogsWrite',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${s3BucketArn(bucket)}/\${aws:PrincipalAccount}/*`,
        Condition: inOrganization,
      },
      {
        Sid: 'OrganizationEncryptionCheck',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetEncryptionConfiguration',
        Resource: s3BucketArn(bucket),
        Condition: inOrganization,
      },
      securityAccountRead(bucket, context),
    ],
  };
}

/** S3's logging service may write the server access logs of `sources` (buckets of `accountId`) into `target`. */
export function serverAccessLogsDelivery(target: string, sources: readonly string[], accountId: string): ResourcePolicyStatement {
  return {
    Sid: 'S3ServerAccessLogsDelivery',
    Effect: 'Allow',
    Principal: { Service: 'logging.s3.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: `${s3BucketArn(target)}/*`,
    Condition: {
      ArnLike: { 'aws:SourceArn': sources.map(s3BucketArn) },
      StringEquals: { 'aws:SourceAccount': accountId },
    },
  };
}

/** S3 server access logs of the other log buckets, delivered by the S3 logging service. */
export function accessLogsBucketPolicy(context: LogArchivePolicyContext): ResourcePolicyDocument {
  const { accessLogs, ...logged } = context.buckets;
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransportTo(accessLogs),
      serverAccessLogsDelivery(accessLogs, Object.values(logged), context.logArchiveAccountId),
      securityAccountRead(accessLogs, context),
    ],
  };
}

/**
 * AWS's key administrator actions, but for `kms:Create*`: of those only the alias is
 * administration, while a grant (`kms:CreateGrant`) would let the administrator give
 * itself the right to decrypt the logs.
 */
const KEY_ADMINISTRATION_ACTIONS = [
  'kms:CreateAlias',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/** The log-archive account administers a key of the archive without being able to use it: the logs stay unreadable there. */
function keyAdministration(context: LogArchivePolicyContext): ResourcePolicyStatement {
  return {
    Sid: 'KeyAdministration',
    Effect: 'Allow',
    Principal: { AWS: accountRootArn(context.logArchiveAccountId) },
    Action: KEY_ADMINISTRATION_ACTIONS,
    Resource: '*',
  };
}

/** The security account reads what a key of the archive encrypts, for investigation. */
function securityAccountDecrypt(sid: string, context: LogArchivePolicyContext): ResourcePolicyStatement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { AWS: accountRootArn(context.securityAccountId) },
    Action: ['kms:Decrypt', 'kms:DescribeKey'],
    Resource: '*',
    Condition: { StringEquals: { 'kms:CallerAccount': context.securityAccountId } },
  };
}

/**
 * The trail's key: CloudTrail may encrypt for this organization's trail only, the
 * security account may decrypt those logs, and the log-archive account administers the
 * key without being able to use it. CloudTrail also needs `kms:Decrypt` on the key of a
 * bucket with an S3 Bucket Key, or it refuses to create or update the trail.
 */
export function cloudTrailKeyPolicy(context: LogArchivePolicyContext): ResourcePolicyDocument {
  const cloudTrail = { Service: 'cloudtrail.amazonaws.com' };
  const thisTrail = { 'aws:SourceArn': context.trailArn };
  return {
    Version: '2012-10-17',
    Statement: [
      keyAdministration(context),
      {
        Sid: 'CloudTrailEncryptForThisTrail',
        Effect: 'Allow',
        Principal: cloudTrail,
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: { StringEquals: { ...thisTrail, 'kms:EncryptionContext:aws:cloudtrail:arn': context.trailArn } },
      },
      {
        Sid: 'CloudTrailDescribeKey',
        Effect: 'Allow',
        Principal: cloudTrail,
        Action: 'kms:DescribeKey',
        Resource: '*',
        Condition: { StringEquals: thisTrail },
      },
      {
        Sid: 'CloudTrailDecryptForBucketKey',
        Effect: 'Allow',
        Principal: cloudTrail,
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: thisTrail },
      },
      securityAccountDecrypt('SecurityAccountDecryptTrailLogs', context),
    ],
  };
}

/**
 * The Config bucket's key: the recorder roles of the organization's accounts, which deliver
 * (AWS Config's "Permissions for the KMS Key", IAM role delivery), may encrypt with it
 * through S3 for that bucket; the security account may decrypt; the log-archive account
 * administers it.
 */
export function configKeyPolicy(context: LogArchivePolicyContext): ResourcePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      keyAdministration(context),
      {
        Sid: 'ConfigRecordersEncrypt',
        Effect: 'Allow',
        Principal: '*',
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:PrincipalOrgID': context.organizationId, ...throughS3ForBucket(context.homeRegion, s3BucketArn(context.buckets.config)) },
          ArnLike: { 'aws:PrincipalArn': iamRoleArn('*', CONFIG_RECORDER_ROLE) },
        },
      },
      securityAccountDecrypt('SecurityAccountDecryptConfigFiles', context),
    ],
  };
}

/**
 * The session logs bucket's key: the instances of the organization's accounts may encrypt
 * transcripts with it through S3 for that bucket (`kms:Decrypt` too, which S3 asks for
 * when a transcript is uploaded in parts), but those of the log-archive account, whose
 * principals could otherwise read every transcript of the bucket through it; the security
 * account may decrypt; the log-archive account administers it.
 */
export function sessionLogsKeyPolicy(context: LogArchivePolicyContext): ResourcePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      keyAdministration(context),
      {
        Sid: 'OrganizationEncryptsSessionLogs',
        Effect: 'Allow',
        Principal: '*',
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:PrincipalOrgID': context.organizationId, ...throughS3ForBucket(context.homeRegion, s3BucketArn(context.buckets.sessionLogs)) },
          StringNotEquals: { 'aws:PrincipalAccount': context.logArchiveAccountId },
        },
      },
      securityAccountDecrypt('SecurityAccountDecryptTranscripts', context),
    ],
  };
}
