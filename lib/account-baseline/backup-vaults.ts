/**
 * What the organization's backup plans need in every account: a vault under one name in
 * each governed region (AWS Backup refuses a plan whose vault does not exist) and the role
 * AWS Backup backs up and restores through, with AWS's managed policies for both. Made in
 * every account whenever backup plans are configured, whichever OUs they are attached to,
 * so that moving an account between OUs does not change its baseline.
 *
 * Each vault encrypts with a key of the account's own (which, unlike AWS's managed key, can
 * be shared for a copy to another account) and is locked in governance mode: AWS Backup
 * then refuses to delete a recovery point or shorten its lifecycle before its retention
 * ends, and only the exempt principals may remove the lock (`protect-account-baseline`).
 * AWS Backup cannot change the key of a vault: a vault made before with AWS's key stops the
 * plan on `prevent_destroy` rather than being replaced.
 */
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { awsManagedPolicyArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { accountAdministersAndUses } from '../iam/key-policies';
import { BACKUP_KEY_ALIAS, BACKUP_ROLE, BACKUP_VAULT_NAME } from '../resource-names';
import { customerManagedKey } from '../terraform/customer-managed-key';
import { serviceRole } from '../terraform/service-role';
import { regionName } from '../terraform/terraform-names';

export interface BackupVaultsProps {
  /** A vault in each. */
  readonly governedRegions: readonly AwsRegion[];
  /** The account whose principals, and AWS Backup through its role, use the vaults' keys. */
  readonly accountId: string;
}

const BACKUP_ROLE_POLICIES = ['service-role/AWSBackupServiceRolePolicyForBackup', 'service-role/AWSBackupServiceRolePolicyForRestores'];

export class BackupVaults extends Construct {
  constructor(scope: Construct, id: string, props: BackupVaultsProps) {
    super(scope, id);
    // AWS Backup's own default service role trusts the service with no condition; none is documented for backup jobs.
    const role = serviceRole(this, 'role', { name: BACKUP_ROLE, service: 'backup.amazonaws.com', onlyFor: 'unsupported' });
    BACKUP_ROLE_POLICIES.forEach((path, index) => {
      new IamRolePolicyAttachment(this, `role_policy_${index}`, { role: role.name, policyArn: awsManagedPolicyArn(path) });
    });
    for (const region of props.governedRegions) {
      const suffix = regionName(region);
      // AWS Backup encrypts through grants its role makes on the key, which AWSBackupServiceRolePolicyForBackup allows.
      const key = customerManagedKey(this, `key_${suffix}`, {
        region,
        description: `landing-zone: encrypts the recovery points of the backup vault ${BACKUP_VAULT_NAME}.`,
        policy: { Version: '2012-10-17', Statement: [accountAdministersAndUses(props.accountId)] },
        alias: BACKUP_KEY_ALIAS,
      });
      const vault = new BackupVault(this, `vault_${suffix}`, { region, name: BACKUP_VAULT_NAME, kmsKeyArn: key.arn, lifecycle: { preventDestroy: true } });
      // No changeable_for_days: governance mode, which the exempt principals can still lift; compliance mode could never be undone.
      new BackupVaultLockConfiguration(this, `vault_lock_${suffix}`, { region, backupVaultName: vault.name });
    }
  }
}
