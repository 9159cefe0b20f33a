/**
 * Protect the account baseline: the account-level S3 public access block, EBS
 * encryption by default and the IAM password policy stay as the baseline set them. Only
 * the exempt principals, among them the role that applies the baseline, may change them.
 */
import { type Guardrail, unlessExempt } from './guardrail';

export const protectAccountBaseline: Guardrail = {
  id: 'protect-account-baseline',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies changing the S3 account public access block, disabling EBS default encryption and changing the password policy, except to the exempt principals.',
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectAccountBaseline',
        Effect: 'Deny',
        Action: [
          's3:PutAccountPublicAccessBlock',
          'ec2:DisableEbsEncryptionByDefault',
          'iam:UpdateAccountPasswordPolicy',
          'iam:DeleteAccountPasswordPolicy',
        ],
        Resource: '*',
        Condition: unlessExempt(context),
      },
    ],
  }),
};
