/**
 * The log archive, in the log-archive account's home region: the organization trail's
 * bucket (object lock, SSE-KMS) and its key, the buckets AWS Config and Session Manager
 * deliver to from every account, and the access-logs bucket behind them. Nothing here
 * can be destroyed by a plan. The organization id comes from a data source, not from the
 * management stack, and the bucket names follow from the configuration, so that the
 * stacks writing here need no state of this one but the key's ARN.
 */
import { DataAwsOrganizationsOrganization } from '@cdktf/provider-aws/lib/data-aws-organizations-organization';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import { TerraformOutput, TerraformStack, type TerraformRemoteState } from 'cdktf';
import type { Construct } from 'constructs';
import { memberAccountProvider } from '../lib/aws-providers';
import type { AwsRegion } from '../lib/config/aws-regions';
import { LogBucket } from '../lib/constructs/log-bucket';
import {
  accessLogsBucketPolicy,
  cloudTrailBucketPolicy,
  cloudTrailKeyPolicy,
  configBucketPolicy,
  organizationTrailArn,
  sessionLogsBucketPolicy,
  type LogArchivePolicyContext,
} from '../lib/log-archive/log-archive-policies';
import type { Account, LandingZone } from '../lib/model/landing-zone';
import { terraformPolicy } from '../lib/policies/terraform-policy';
import type { StateBackend } from '../lib/state-backend';
import { accountIdIn } from './account-stack';

const CLOUDTRAIL_KEY_ARN_OUTPUT = 'cloudtrail_kms_key_arn';

/** The ARN of the trail's key, read from the log archive stack's state. */
export function cloudTrailKeyArnFrom(logArchiveState: TerraformRemoteState): string {
  return logArchiveState.getString(CLOUDTRAIL_KEY_ARN_OUTPUT);
}

export interface LogArchiveStackProps {
  readonly logArchiveAccount: Account;
  readonly securityAccount: Account;
  readonly managementAccountId: string;
  readonly accountAccessRole: string;
  readonly homeRegion: AwsRegion;
  readonly logArchive: LandingZone['logArchive'];
  readonly trailName: string;
  readonly stateBackend: StateBackend;
}

export class LogArchiveStack extends TerraformStack {
  constructor(scope: Construct, name: string, props: LogArchiveStackProps) {
    super(scope, name);
    const { logArchive, homeRegion } = props;
    const { buckets } = logArchive;
    props.stateBackend.attach(this, name);
    const logArchiveAccountId = accountIdIn(this, props.logArchiveAccount, props.stateBackend);
    memberAccountProvider(this, { homeRegion, accountId: logArchiveAccountId, roleName: props.accountAccessRole });

    const context: LogArchivePolicyContext = {
      managementAccountId: props.managementAccountId,
      organizationId: new DataAwsOrganizationsOrganization(this, 'organization').id,
      logArchiveAccountId,
      securityAccountId: accountIdIn(this, props.securityAccount, props.stateBackend),
      trailArn: organizationTrailArn(homeRegion, props.managementAccountId, props.trailName),
      buckets,
    };

    const key = new KmsKey(this, 'cloudtrail_key', {
      description: `Encrypts the log files of the organization trail ${props.trailName}.`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: terraformPolicy(cloudTrailKeyPolicy(context)),
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'cloudtrail_key_alias', { name: `alias/${logArchive.bucketNamePrefix}-cloudtrail`, targetKeyId: key.keyId });

    new LogBucket(this, 'access_logs', {
      bucketName: buckets.accessLogs,
      expireAfterDays: logArchive.accessLogsExpireAfterDays,
      policy: accessLogsBucketPolicy(context),
    });
    const retention = { archiveAfterDays: logArchive.lifecycle.archiveAfterDays, expireAfterDays: logArchive.lifecycle.expireAfterDays };
    const trailBucket = new LogBucket(this, 'cloudtrail', {
      bucketName: buckets.cloudTrail,
      objectLockEnabled: true,
      kmsKeyArn: key.arn,
      accessLogsBucket: buckets.accessLogs,
      ...retention,
      policy: cloudTrailBucketPolicy(context),
    });
    new S3BucketObjectLockConfigurationA(this, 'cloudtrail_object_lock', {
      bucket: trailBucket.bucket.id,
      rule: { defaultRetention: { mode: logArchive.objectLock.mode, days: logArchive.objectLock.retentionDays } },
    });
    new LogBucket(this, 'config', { bucketName: buckets.config, accessLogsBucket: buckets.accessLogs, ...retention, policy: configBucketPolicy(context) });
    new LogBucket(this, 'session_logs', {
      bucketName: buckets.sessionLogs,
      accessLogsBucket: buckets.accessLogs,
      ...retention,
      policy: sessionLogsBucketPolicy(context),
    });

    new TerraformOutput(this, CLOUDTRAIL_KEY_ARN_OUTPUT, { value: key.arn });
  }
}
