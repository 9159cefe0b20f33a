/**
 * Protect the log archive: the log buckets cannot be deleted, re-policied, replicated
 * elsewhere or have their versioning, object lock, encryption, lifecycle or logging
 * weakened, governance-mode retention cannot be bypassed, and the account's KMS keys (which
 * decrypt the logs) cannot be disabled, re-policied, scheduled for deletion or granted to
 * anyone but an AWS service acting for its caller. Attach it to the log-archive account:
 * the key statements cover every key of the accounts it reaches.
 */
import { s3BucketArn } from '../iam/arns';
import { type Guardrail, unlessExempt } from './guardrail';

/** On a log bucket and its objects: what would delete, weaken, expose or copy away the logs it holds. */
export const LOG_BUCKET_ACTIONS = [
  's3:DeleteBucket',
  's3:DeleteBucketPolicy',
  's3:PutBucketPolicy',
  's3:PutBucketAcl',
  's3:PutBucketOwnershipControls',
  's3:PutBucketPublicAccessBlock',
  's3:PutBucketVersioning',
  's3:PutBucketObjectLockConfiguration',
  's3:PutEncryptionConfiguration',
  's3:PutLifecycleConfiguration',
  's3:PutBucketLogging',
  's3:PutReplicationConfiguration',
  's3:BypassGovernanceRetention',
  's3:DeleteObjectVersion',
];

const KEY_ACTIONS = ['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:DisableKeyRotation', 'kms:PutKeyPolicy', 'kms:DeleteAlias'];

export const protectLogArchive: Guardrail = {
  id: 'protect-log-archive',
  type: 'SERVICE_CONTROL_POLICY',
  description:
    'Denies deleting, weakening or replicating the log archive buckets and disabling, deleting, re-policying or granting their KMS keys, except to the exempt principals.',
  build: (context) => {
    const buckets = s3BucketArn(`${context.logArchiveBucketNamePrefix}-*`);
    return {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ProtectLogArchiveBuckets', Effect: 'Deny', Action: LOG_BUCKET_ACTIONS, Resource: [buckets, `${buckets}/*`], Condition: unlessExempt(context) },
        { Sid: 'ProtectLogArchiveKeys', Effect: 'Deny', Action: KEY_ACTIONS, Resource: '*', Condition: unlessExempt(context) },
        {
          Sid: 'DenyLogArchiveKeyGrants',
          Effect: 'Deny',
          Action: 'kms:CreateGrant',
          Resource: '*',
          Condition: { ...unlessExempt(context), Bool: { 'kms:GrantIsForAWSResource': 'false' } },
        },
      ],
    };
  },
};
