/**
 * What every Firewall Manager policy type shares: the managed service data is a typed
 * object, serialised once, here; validation measures the same text AWS receives.
 */
import type { DnsFirewallManagedServiceData } from './dns-firewall-policy';
import type { NetworkFirewallManagedServiceData } from './network-firewall-policy';
import type { SecurityGroupsCommonManagedServiceData } from './security-groups-common';
import type { SecurityGroupsContentAuditManagedServiceData } from './security-groups-content-audit';
import type { SecurityGroupsUsageAuditManagedServiceData } from './security-groups-usage-audit';
import type { ShieldAdvancedManagedServiceData } from './shield-advanced-policy';
import type { WafV2ManagedServiceData } from './waf-policy';

/** `SecurityServicePolicyData.ManagedServiceData`: 1 to 30,000 characters (Firewall Manager API). */
export const MANAGED_SERVICE_DATA_MAX_LENGTH = 30_000;

export type ManagedServiceData =
  | WafV2ManagedServiceData
  | SecurityGroupsContentAuditManagedServiceData
  | SecurityGroupsUsageAuditManagedServiceData
  | SecurityGroupsCommonManagedServiceData
  | DnsFirewallManagedServiceData
  | NetworkFirewallManagedServiceData
  | ShieldAdvancedManagedServiceData;

/**
 * The text `aws_fms_policy.security_service_policy_data.managed_service_data` takes: compact
 * JSON; none for a Shield Advanced policy of regional resources, whose managed service data
 * the Firewall Manager API documents as empty (CloudFront distributions alone take settings).
 */
export function managedServiceDataText(data: ManagedServiceData): string | undefined {
  if (data.type === 'SHIELD_ADVANCED' && data.automaticResponseConfiguration === undefined) return undefined;
  return JSON.stringify(data);
}
