/**
 * Where the web ACLs of the WAF policies log: a bucket of the security account in each
 * region where a policy logs. AWS WAF logs only to a bucket whose name starts with
 * `aws-waf-logs-`, of the account that manages the web ACL; for Firewall Manager's web ACLs
 * that is its administrator, which writes the log delivery permissions into that bucket's
 * policy itself. The policy here holds those permissions from the start (AWS's statements,
 * with the policy's folder left open, since no policy id exists before the bucket must),
 * besides refusing plain HTTP. Hardened and kept as the log archive's buckets are.
 */
import { Construct } from 'constructs';
import { s3BucketArn } from '../iam/arns';
import { denyInsecureTransport } from '../iam/deny-insecure-transport';
import type { ResourcePolicyDocument } from '../iam/policy-document';
import { LogBucket } from '../log-archive/log-bucket';
import type { AwsRegion } from '../iam/aws-regions';
import type { FirewallManager } from '../model/firewall-manager';
import { regionName } from '../terraform/terraform-names';
import type { MadeFirst } from './policy-resources';

const LOG_DELIVERY = { Service: 'delivery.logs.amazonaws.com' };

/** The bucket policy AWS documents for Firewall Manager's WAF log delivery: an ACL check, and writes under `<policy id>/AWSLogs/`. */
function wafLogBucketPolicy(bucketName: string): ResourcePolicyDocument {
  const bucket = s3BucketArn(bucketName);
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport('s3:*', [bucket, `${bucket}/*`]),
      { Sid: 'AWSLogDeliveryAclCheckFMS', Effect: 'Allow', Principal: LOG_DELIVERY, Action: 's3:GetBucketAcl', Resource: bucket },
      {
        Sid: 'AWSLogDeliveryWriteFMS',
        Effect: 'Allow',
        Principal: LOG_DELIVERY,
        Action: 's3:PutObject',
        Resource: `${bucket}/*/AWSLogs/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      },
    ],
  };
}

export interface WafLogBucketsProps {
  /** The buckets, one per region, and how long logs are kept. */
  readonly firewallManager: Pick<FirewallManager, 'wafLogBuckets' | 'logLifecycle'>;
}

export class WafLogBuckets extends Construct {
  private readonly buckets: ReadonlyMap<AwsRegion, { readonly name: string; readonly bucket: LogBucket }>;

  constructor(scope: Construct, id: string, props: WafLogBucketsProps) {
    super(scope, id);
    const { wafLogBuckets, logLifecycle } = props.firewallManager;
    this.buckets = new Map(
      wafLogBuckets.map(({ region, bucketName }) => [
        region,
        {
          name: bucketName,
          bucket: new LogBucket(this, regionName(region), {
            region,
            bucketName,
            archiveAfterDays: logLifecycle.archiveAfterDays,
            expireAfterDays: logLifecycle.expireAfterDays,
            policy: wafLogBucketPolicy(bucketName),
          }),
        },
      ]),
    );
  }

  /** The bucket of `region`, by ARN, for a policy to log to once its bucket policy admits the delivery. */
  destinationIn(region: AwsRegion): MadeFirst<string> {
    const destination = this.buckets.get(region);
    if (!destination) throw new Error(`no WAF log bucket in ${region}`);
    return { reference: s3BucketArn(destination.name), dependencies: [destination.bucket.policy] };
  }
}
