/**
 * A bucket of the log archive, hardened the same way whatever it holds: versioned,
 * protected from destroy, owner-enforced (no ACLs), public access blocked, encrypted by
 * default, its access logged to the access-logs bucket, its lifecycle set, and its policy
 * (which always refuses plain HTTP) attached.
 */
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import type { ResourcePolicyDocument } from '../iam/policy-document';
import { policyText } from '../iam/policy-document';

export interface LogBucketProps {
  /** The bucket name, which follows from the configuration. */
  readonly bucketName: string;
  /**
   * Where the bucket is.
   * @default the region of the stack's provider
   */
  readonly region?: AwsRegion;
  /**
   * Object lock can only be turned on when the bucket is created.
   * @default off
   */
  readonly objectLockEnabled?: boolean;
  /**
   * SSE-KMS with this key and an S3 bucket key.
   * @default SSE-S3
   */
  readonly kmsKeyArn?: string;
  /**
   * Where S3 server access logs of this bucket go, under `<bucket name>/`. Logging is set
   * once that bucket and its policy exist: S3 refuses a target it cannot yet write to.
   * @default not logged
   */
  readonly accessLogsBucket?: LogBucket;
  /**
   * Days before current objects move to S3 Glacier Flexible Retrieval.
   * @default never
   */
  readonly archiveAfterDays?: number;
  /**
   * Days before objects expire; superseded versions go that many days after.
   * @default never
   */
  readonly expireAfterDays?: number;
  /** The bucket policy; it always starts by refusing plain HTTP. */
  readonly policy: ResourcePolicyDocument;
}

const ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;

export class LogBucket extends Construct {
  /** The bucket itself. */
  readonly bucket: S3Bucket;
  /** The bucket's policy. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: LogBucketProps) {
    super(scope, id);
    const { region } = props;
    this.bucket = new S3Bucket(this, 'bucket', {
      region,
      bucket: props.bucketName,
      objectLockEnabled: props.objectLockEnabled,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    const bucket = this.bucket.id;

    new S3BucketVersioningA(this, 'versioning', { region, bucket, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketOwnershipControls(this, 'ownership', { region, bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public_access_block', {
      region,
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      region,
      bucket,
      rule: [
        props.kmsKeyArn
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
      ],
    });
    const target = props.accessLogsBucket;
    if (target) {
      new S3BucketLoggingA(this, 'access_logging', {
        region,
        bucket,
        targetBucket: target.bucket.id,
        targetPrefix: `${props.bucketName}/`,
        dependsOn: [target.policy],
      });
    }
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      region,
      bucket,
      rule: [
        {
          id: 'log-retention',
          status: 'Enabled',
          filter: [{}],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS }],
          transition: props.archiveAfterDays === undefined ? undefined : [{ days: props.archiveAfterDays, storageClass: 'GLACIER' }],
          expiration: props.expireAfterDays === undefined ? undefined : [{ days: props.expireAfterDays }],
          noncurrentVersionExpiration: props.expireAfterDays === undefined ? undefined : [{ noncurrentDays: props.expireAfterDays }],
        },
      ],
    });
    // S3 refuses concurrent changes to one bucket's public access block and policy (OperationAborted).
    this.policy = new S3BucketPolicy(this, 'policy', { region, bucket, policy: policyText(props.policy), dependsOn: [publicAccessBlock] });
  }
}
