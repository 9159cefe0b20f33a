/**
 * Security group usage audit: Firewall Manager reports, and with remediation removes,
 * security groups no resource uses, and folds groups with the very same rules in one VPC
 * into one.
 */

/** The one resource type a usage audit takes. */
export const USAGE_AUDIT_RESOURCE_TYPE = 'AWS::EC2::SecurityGroup';

export interface UsageAuditSettings {
  readonly deleteUnusedSecurityGroups: boolean;
  readonly coalesceRedundantSecurityGroups: boolean;
  /**
   * How long a group may stay unused before it is noncompliant (0 to 525,600 minutes).
   * @default 0, as soon as it is unused
   */
  readonly unusedForMinutes?: number;
}

export interface SecurityGroupsUsageAuditManagedServiceData {
  readonly type: 'SECURITY_GROUPS_USAGE_AUDIT';
  readonly deleteUnusedSecurityGroups: boolean;
  readonly coalesceRedundantSecurityGroups: boolean;
  readonly optionalDelayForUnusedInMinutes?: number;
}

export function usageAuditManagedServiceData(settings: UsageAuditSettings): SecurityGroupsUsageAuditManagedServiceData {
  return {
    type: 'SECURITY_GROUPS_USAGE_AUDIT',
    deleteUnusedSecurityGroups: settings.deleteUnusedSecurityGroups,
    coalesceRedundantSecurityGroups: settings.coalesceRedundantSecurityGroups,
    // The delay applies to the removal of unused groups only.
    ...(settings.deleteUnusedSecurityGroups && settings.unusedForMinutes !== undefined ? { optionalDelayForUnusedInMinutes: settings.unusedForMinutes } : {}),
  };
}
