/**
 * The account-wide settings every account starts from: a strong IAM password policy
 * (every character class), the account-level S3 public access block, and EBS encryption
 * by default in every governed region. Created in the scope given, for the reason
 * `organization/organization.ts` gives.
 */
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';
import { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
import type { Construct } from 'constructs';
import type { PasswordPolicyConfig } from '../config/schemas/account-baseline';
import type { AwsRegion } from '../iam/aws-regions';
import { regionName } from '../terraform/terraform-names';

export interface AccountHardeningProps {
  /** Length, reuse and age; every character class is always required. */
  readonly passwordPolicy: PasswordPolicyConfig;
  /** EBS encryption by default is turned on in each. */
  readonly governedRegions: readonly AwsRegion[];
}

export function accountHardening(scope: Construct, props: AccountHardeningProps): void {
  const { passwordPolicy } = props;
  new IamAccountPasswordPolicy(scope, 'password_policy', {
    minimumPasswordLength: passwordPolicy.minimumLength,
    requireLowercaseCharacters: true,
    requireUppercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
    allowUsersToChangePassword: true,
    passwordReusePrevention: passwordPolicy.reusePrevention,
    maxPasswordAge: passwordPolicy.maxAgeDays,
  });

  new S3AccountPublicAccessBlock(scope, 's3_public_access_block', {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });

  for (const region of props.governedRegions) {
    new EbsEncryptionByDefault(scope, `ebs_encryption_by_default_${regionName(region)}`, { region, enabled: true });
  }
}
