/**
 * Where the web ACLs of the WAF policies log: a bucket of the security account in each
 * region where a policy logs. AWS WAF logs only to a bucket whose name starts with
 * `aws-waf-logs-`, of the account that manages the web ACL; for Firewall Manager's web ACLs
 * that is its administrator, which writes the log delivery permissions into that bucket's
 * policy itself. The policy here holds those permissions from the start (AWS's statements,
 * with the policy's folder left open, since no policy id exists before the bucket must),
 * narrowed to deliveries for this organization's accounts (`aws:SourceOrgID`, where AWS's
 * example lists each account in `aws:SourceAccount`), besides refusing plain HTTP. Each
 * bucket encrypts with a key of the security account that log delivery may use for this
 * organization only (AWS WAF logs to SSE-KMS with a customer managed key, not AWS's own),
 * logs its access to a bucket beside it, and is hardened and kept as the log archive's
 * buckets are; `protect-security-services` guards the buckets and the key.
 */
import { Construct } from 'constructs';
import { s3BucketArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { denyInsecureTransport } from '../iam/deny-insecure-transport';
import { accountAdministersAndUses } from '../iam/key-policies';
import type { ResourcePolicyDocument } from '../iam/policy-document';
import { serverAccessLogsDelivery } from '../log-archive/log-archive-policies';
import { LogBucket } from '../log-archive/log-bucket';
import type { FirewallManager } from '../model/firewall-manager';
import { WAF_LOGS_KEY_ALIAS } from '../resource-names';
import { customerManagedKey } from '../terraform/customer-managed-key';
import { regionName } from '../terraform/terraform-names';
import type { MadeFirst } from './policy-resources';

const LOG_DELIVERY = { Service: 'delivery.logs.amazonaws.com' };

/** Who the buckets and keys speak to. */
interface Parties {
  readonly organizationId: string;
  readonly securityAccountId: string;
}

/** The bucket policy AWS documents for Firewall Manager's WAF log delivery: an ACL check, and writes under `<policy id>/AWSLogs/`. */
function wafLogBucketPolicy(bucketName: string, { organizationId }: Parties): ResourcePolicyDocument {
  const bucket = s3BucketArn(bucketName);
  const forThisOrganization = { 'aws:SourceOrgID': organizationId };
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport('s3:*', [bucket, `${bucket}/*`]),
      {
        Sid: 'AWSLogDeliveryAclCheckFMS',
        Effect: 'Allow',
        Principal: LOG_DELIVERY,
        Action: 's3:GetBucketAcl',
        Resource: bucket,
        Condition: { StringEquals: forThisOrganization },
      },
      {
        Sid: 'AWSLogDeliveryWriteFMS',
        Effect: 'Allow',
        Principal: LOG_DELIVERY,
        Action: 's3:PutObject',
        Resource: `${bucket}/*/AWSLogs/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...forThisOrganization } },
      },
    ],
  };
}

/** The statement AWS documents for log delivery to a bucket with a customer managed key, for this organization's deliveries only. */
function wafLogsKeyPolicy({ organizationId, securityAccountId }: Parties): ResourcePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      accountAdministersAndUses(securityAccountId, 'SecurityAccountAdministersAndUses'),
      {
        Sid: 'LogDeliveryEncryptsWafLogs',
        Effect: 'Allow',
        Principal: LOG_DELIVERY,
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceOrgID': organizationId } },
      },
    ],
  };
}

export interface WafLogBucketsProps extends Parties {
  /** The buckets, one per region, and how long logs are kept. */
  readonly firewallManager: Pick<FirewallManager, 'wafLogBuckets' | 'logLifecycle'>;
}

export class WafLogBuckets extends Construct {
  private readonly buckets: ReadonlyMap<AwsRegion, { readonly name: string; readonly bucket: LogBucket }>;

  constructor(scope: Construct, id: string, props: WafLogBucketsProps) {
    super(scope, id);
    const { wafLogBuckets, logLifecycle } = props.firewallManager;
    const retention = { archiveAfterDays: logLifecycle.archiveAfterDays, expireAfterDays: logLifecycle.expireAfterDays };
    this.buckets = new Map(
      wafLogBuckets.map(({ region, bucketName, accessLogsBucketName: accessLogsName }) => {
        const suffix = regionName(region);
        const accessLogs = new LogBucket(this, `access_logs_${suffix}`, {
          region,
          bucketName: accessLogsName,
          expireAfterDays: logLifecycle.expireAfterDays,
          policy: {
            Version: '2012-10-17',
            Statement: [
              denyInsecureTransport('s3:*', [s3BucketArn(accessLogsName), `${s3BucketArn(accessLogsName)}/*`]),
              serverAccessLogsDelivery(accessLogsName, [bucketName], props.securityAccountId),
            ],
          },
        });
        const key = customerManagedKey(this, `key_${suffix}`, {
          region,
          description: `Encrypts the WAF logs of the Firewall Manager policies in ${bucketName}.`,
          policy: wafLogsKeyPolicy(props),
          alias: WAF_LOGS_KEY_ALIAS,
        });
        const bucket = new LogBucket(this, suffix, {
          region,
          bucketName,
          kmsKeyArn: key.arn,
          accessLogsBucket: accessLogs,
          ...retention,
          policy: wafLogBucketPolicy(bucketName, props),
        });
        return [region, { name: bucketName, bucket }];
      }),
    );
  }

  /** The bucket of `region`, by ARN, for a policy to log to once its bucket policy admits the delivery. */
  destinationIn(region: AwsRegion): MadeFirst<string> {
    const destination = this.buckets.get(region);
    if (!destination) throw new Error(`no WAF log bucket in ${region}`);
    return { reference: s3BucketArn(destination.name), dependencies: [destination.bucket.policy] };
  }
}
