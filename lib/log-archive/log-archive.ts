/**
 * The log archive in the log-archive account's home region: the organization trail's
 * bucket (object lock) and the buckets AWS Config and Session Manager deliver to from every
 * account, each encrypted with a key of its own that the log-archive account administers
 * but cannot use, and the access-logs bucket behind them. Nothing here can be destroyed by
 * a plan. Created in the scope given, for the reason `organization/organization.ts` gives.
 */
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import type { Construct } from 'constructs';
import type { LandingZone } from '../model/landing-zone';
import { customerManagedKey } from '../terraform/customer-managed-key';
import {
  accessLogsBucketPolicy,
  cloudTrailBucketPolicy,
  cloudTrailKeyPolicy,
  configBucketPolicy,
  configKeyPolicy,
  sessionLogsBucketPolicy,
  sessionLogsKeyPolicy,
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
  const alias = (purpose: string) => `alias/${settings.bucketNamePrefix}-${purpose}`;
  const key = customerManagedKey(scope, 'cloudtrail_key', {
    description: `Encrypts the log files of the organization trail ${props.trailName}.`,
    policy: cloudTrailKeyPolicy(context),
    alias: alias('cloudtrail'),
  });
  const configKey = customerManagedKey(scope, 'config_key', {
    description: 'Encrypts the AWS Config files of every account in the log archive.',
    policy: configKeyPolicy(context),
    alias: alias('config'),
  });
  const sessionLogsKey = customerManagedKey(scope, 'session_logs_key', {
    description: 'Encrypts the Session Manager transcripts of every account in the log archive.',
    policy: sessionLogsKeyPolicy(context),
    alias: alias('session-logs'),
  });

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
  new LogBucket(scope, 'config', {
    bucketName: buckets.config,
    kmsKeyArn: configKey.arn,
    accessLogsBucket: accessLogs,
    ...retention,
    policy: configBucketPolicy(context),
  });
  new LogBucket(scope, 'session_logs', {
    bucketName: buckets.sessionLogs,
    kmsKeyArn: sessionLogsKey.arn,
    accessLogsBucket: accessLogs,
    ...retention,
    policy: sessionLogsBucketPolicy(context),
  });
  return key;
}
