/**
 * The log archive in the log-archive account's home region: the organization trail's
 * bucket (object lock, SSE-KMS) and its key, the buckets AWS Config and Session Manager
 * deliver to from every account, and the access-logs bucket behind them. Nothing here can
 * be destroyed by a plan. Created in the scope given, for the reason
 * `organization/organization.ts` gives.
 */
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import type { Construct } from 'constructs';
import type { LandingZone } from '../model/landing-zone';
import { policyText } from '../iam/policy-document';
import {
  accessLogsBucketPolicy,
  cloudTrailBucketPolicy,
  cloudTrailKeyPolicy,
  configBucketPolicy,
  sessionLogsBucketPolicy,
  type LogArchivePolicyContext,
} from './log-archive-policies';
import { LogBucket } from './log-bucket';

export interface LogArchiveProps {
  /** The settings and the bucket names. */
  readonly logArchive: LandingZone['logArchive'];
  /** The organization trail the key encrypts for. */
  readonly trailName: string;
  /** Who may write and read, for the bucket and key policies. */
  readonly policyContext: LogArchivePolicyContext;
}

/** Returns the trail's key. */
export function logArchive(scope: Construct, props: LogArchiveProps): KmsKey {
  const { logArchive: settings, policyContext: context } = props;
  const { buckets } = settings;
  const key = new KmsKey(scope, 'cloudtrail_key', {
    description: `Encrypts the log files of the organization trail ${props.trailName}.`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: policyText(cloudTrailKeyPolicy(context)),
    lifecycle: { preventDestroy: true },
  });
  new KmsAlias(scope, 'cloudtrail_key_alias', { name: `alias/${settings.bucketNamePrefix}-cloudtrail`, targetKeyId: key.keyId });

  const accessLogs = new LogBucket(scope, 'access_logs', {
    bucketName: buckets.accessLogs,
    expireAfterDays: settings.accessLogsExpireAfterDays,
    policy: accessLogsBucketPolicy(context),
  });
  const retention = { archiveAfterDays: settings.lifecycle.archiveAfterDays, expireAfterDays: settings.lifecycle.expireAfterDays };
  const trailBucket = new LogBucket(scope, 'cloudtrail', {
    bucketName: buckets.cloudTrail,
    objectLockEnabled: true,
    kmsKeyArn: key.arn,
    accessLogsBucket: accessLogs,
    ...retention,
    policy: cloudTrailBucketPolicy(context),
  });
  new S3BucketObjectLockConfigurationA(scope, 'cloudtrail_object_lock', {
    bucket: trailBucket.bucket.id,
    rule: { defaultRetention: { mode: settings.objectLock.mode, days: settings.objectLock.retentionDays } },
  });
  new LogBucket(scope, 'config', { bucketName: buckets.config, accessLogsBucket: accessLogs, ...retention, policy: configBucketPolicy(context) });
  new LogBucket(scope, 'session_logs', {
    bucketName: buckets.sessionLogs,
    accessLogsBucket: accessLogs,
    ...retention,
    policy: sessionLogsBucketPolicy(context),
  });
  return key;
}
