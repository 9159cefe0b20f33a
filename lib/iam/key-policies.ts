/** What the landing zone's KMS key policies are made of. */
import { accountRootArn } from './arns';
import type { ResourcePolicyStatement } from './policy-document';

/** The account's principals administer and use the key as IAM and the SCPs let them: AWS's default key policy, written out. */
export function accountAdministersAndUses(accountId: string, sid = 'AccountAdministersAndUses'): ResourcePolicyStatement {
  return { Sid: sid, Effect: 'Allow', Principal: { AWS: accountRootArn(accountId) }, Action: 'kms:*', Resource: '*' };
}

/**
 * The key used through S3 for one bucket only: with an S3 Bucket Key, S3 asks for data keys
 * under the bucket's ARN as encryption context.
 */
export function throughS3ForBucket(region: string, bucketArn: string): Record<string, string> {
  return { 'kms:ViaService': `s3.${region}.amazonaws.com`, 'kms:EncryptionContext:aws:s3:arn': bucketArn };
}
