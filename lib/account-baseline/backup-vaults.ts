/**
 * What the organization's backup plans need in every account: a vault under one name in
 * each governed region (AWS Backup refuses a plan whose vault does not exist) and the role
 * AWS Backup backs up and restores through, with AWS's managed policies for both. Made in
 * every account whenever backup plans are configured, whichever OUs they are attached to,
 * so that moving an account between OUs does not change its baseline.
 */
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { awsManagedPolicyArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { BACKUP_ROLE, BACKUP_VAULT_NAME } from '../resource-names';
import { serviceRole } from '../terraform/service-role';
import { regionName } from '../terraform/terraform-names';

export interface BackupVaultsProps {
  /** A vault in each. */
  readonly governedRegions: readonly AwsRegion[];
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
      new BackupVault(this, `vault_${regionName(region)}`, { region, name: BACKUP_VAULT_NAME, lifecycle: { preventDestroy: true } });
    }
  }
}
