/**
 * Protect the account baseline: the account-level S3 public access block, EBS
 * encryption by default, the IAM password policy and the Session Manager
 * preferences (idle timeout, transcripts to the log archive, encryption) stay as the
 * baseline set them. Only the exempt principals, among them the role that applies the
 * baseline, may change them.
 */
import { SESSION_MANAGER_PREFERENCES_DOCUMENT } from '../resource-names';
import { ssmDocumentArn } from '../iam/arns';
import { type Guardrail, unlessExempt } from './guardrail';

export const protectAccountBaseline: Guardrail = {
  id: 'protect-account-baseline',
  type: 'SERVICE_CONTROL_POLICY',
  description:
    'Denies changing the S3 account public access block, EBS default encryption, the password policy and the Session Manager preferences, except to the exempt principals.',
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectAccountBaseline',
        Effect: 'Deny',
        Action: ['s3:PutAccountPublicAccessBlock', 'ec2:DisableEbsEncryptionByDefault', 'iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy'],
        Resource: '*',
        Condition: unlessExempt(context),
      },
      {
        Sid: 'ProtectSessionManagerPreferences',
        Effect: 'Deny',
        Action: ['ssm:CreateDocument', 'ssm:UpdateDocument', 'ssm:UpdateDocumentDefaultVersion', 'ssm:DeleteDocument'],
        Resource: ssmDocumentArn('*', '*', SESSION_MANAGER_PREFERENCES_DOCUMENT),
        Condition: unlessExempt(context),
      },
    ],
  }),
};
