/**
 * Common security groups: Firewall Manager copies a primary security group of the
 * administrator account into every VPC in scope and associates the copy with the
 * resources in scope.
 */

/** The resource types a common security group policy applies to, as the Firewall Manager API documents them. */
export const COMMON_SECURITY_GROUP_RESOURCE_TYPES = ['AWS::EC2::Instance', 'AWS::EC2::NetworkInterface'] as const;

export interface CommonSecurityGroupSettings {
  /** Report, and with remediation revert, changes made to the copies in the accounts. */
  readonly revertManualSecurityGroupChanges: boolean;
  /** The copy is the only security group of the resources in scope. */
  readonly exclusiveResourceSecurityGroupManagement: boolean;
  /** Every network interface of an instance, not only its first. */
  readonly applyToAllEC2InstanceENIs: boolean;
  /** Resources in VPCs shared with the accounts in scope too. */
  readonly includeSharedVPC: boolean;
}

export interface SecurityGroupsCommonManagedServiceData extends CommonSecurityGroupSettings {
  readonly type: 'SECURITY_GROUPS_COMMON';
  readonly securityGroups: readonly { readonly id: string }[];
}

/** `primarySecurityGroupId` may be a Terraform reference. */
export function commonSecurityGroupManagedServiceData(
  settings: CommonSecurityGroupSettings,
  primarySecurityGroupId: string,
): SecurityGroupsCommonManagedServiceData {
  return {
    type: 'SECURITY_GROUPS_COMMON',
    securityGroups: [{ id: primarySecurityGroupId }],
    revertManualSecurityGroupChanges: settings.revertManualSecurityGroupChanges,
    exclusiveResourceSecurityGroupManagement: settings.exclusiveResourceSecurityGroupManagement,
    applyToAllEC2InstanceENIs: settings.applyToAllEC2InstanceENIs,
    includeSharedVPC: settings.includeSharedVPC,
  };
}
