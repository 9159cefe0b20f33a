/**
 * Protect the account baseline: the account-level S3 public access block, EBS
 * encryption by default, the IAM password policy, the Session Manager
 * preferences (idle timeout, transcripts to the log archive, encryption) and the backup
 * vaults stay as the baseline set them. Nobody makes a Session document of their own
 * either: a session started with one (`ssm:StartSession --document-name`) would follow its
 * preferences, no transcript among them. Only the exempt principals, among them the role
 * that applies the baseline, may change them. A vault's recovery points are kept by its
 * Vault Lock (AWS Backup refuses to delete them or shorten their lifecycle before their
 * retention ends); what is denied here is removing or changing that lock, the vault, its
 * access policy and its notifications.
 */
import { BACKUP_VAULT_NAME, SESSION_MANAGER_PREFERENCES_DOCUMENT } from '../resource-names';
import { backupVaultArn, ssmDocumentArn } from '../iam/arns';
import { type Guardrail, unlessExempt } from './guardrail';

export const protectAccountBaseline: Guardrail = {
  id: 'protect-account-baseline',
  type: 'SERVICE_CONTROL_POLICY',
  description:
    'Denies changing the S3 account public access block, EBS default encryption, the password policy, the Session Manager preferences and the backup vaults, except to the exempt principals.',
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
      {
        Sid: 'DenySessionDocuments',
        Effect: 'Deny',
        Action: 'ssm:CreateDocument',
        Resource: '*',
        Condition: { ...unlessExempt(context), StringEquals: { 'ssm:DocumentType': 'Session' } },
      },
      {
        Sid: 'ProtectBackupVaults',
        Effect: 'Deny',
        Action: [
          'backup:DeleteBackupVault',
          'backup:DeleteBackupVaultLockConfiguration',
          'backup:PutBackupVaultLockConfiguration',
          'backup:PutBackupVaultAccessPolicy',
          'backup:DeleteBackupVaultAccessPolicy',
          'backup:PutBackupVaultNotifications',
          'backup:DeleteBackupVaultNotifications',
        ],
        Resource: backupVaultArn('*', '*', BACKUP_VAULT_NAME),
        Condition: unlessExempt(context),
      },
    ],
  }),
};
