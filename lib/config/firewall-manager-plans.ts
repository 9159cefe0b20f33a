/**
 * The Firewall Manager policies of `firewallManager.policies` as AWS will hold them.
 * Firewall Manager policies are regional: a policy for regional resources is made in each
 * of its governed regions, and one for CloudFront distributions in us-east-1 (the region
 * Firewall Manager calls Global). Each plan has its name, its resource types and the
 * managed service data it sends; validation measures these, and the model is built from
 * them.
 */
import type { FieldPath } from '../diagnostics';
import { dnsFirewallManagedServiceData, DNS_FIREWALL_RESOURCE_TYPE } from '../firewall-policies/dns-firewall-policy';
import type { ManagedServiceData } from '../firewall-policies/managed-service-data';
import { networkFirewallManagedServiceData, NETWORK_FIREWALL_RESOURCE_TYPE } from '../firewall-policies/network-firewall-policy';
import { commonSecurityGroupManagedServiceData } from '../firewall-policies/security-groups-common';
import { contentAuditManagedServiceData } from '../firewall-policies/security-groups-content-audit';
import { usageAuditManagedServiceData, USAGE_AUDIT_RESOURCE_TYPE } from '../firewall-policies/security-groups-usage-audit';
import { shieldAdvancedManagedServiceData, type ShieldAutomaticResponse } from '../firewall-policies/shield-advanced-policy';
import { wafManagedServiceData } from '../firewall-policies/waf-policy';
import type { AwsRegion } from '../iam/aws-regions';
import { firewallManagerPolicyName } from '../resource-names';
import type { FirewallManagerConfig, FirewallManagerPolicyConfig } from './schemas/firewall-manager';

export const CLOUDFRONT_RESOURCE_TYPE = 'AWS::CloudFront::Distribution';

/** Firewall Manager's Global region: CloudFront distributions are protected from here. */
export const GLOBAL_POLICY_REGION: AwsRegion = 'us-east-1';

/** One Firewall Manager policy in one region. */
export interface FirewallManagerPlan {
  /** The policy's name in `firewallManager.policies`. */
  readonly key: string;
  /** Where the policy is declared in landing-zone.yaml. */
  readonly fieldPath: FieldPath;
  /** Its name in Firewall Manager. */
  readonly policyName: string;
  readonly region: AwsRegion;
  /** For CloudFront distributions, from us-east-1. */
  readonly cloudFront: boolean;
  /** The resource types in scope, in the order given. */
  readonly resourceTypes: readonly string[];
  readonly policy: FirewallManagerPolicyConfig;
}

/** The security group policy types: AWS recommends leaving the administrator account out of their scope. */
export const SECURITY_GROUP_POLICY_TYPES: ReadonlySet<FirewallManagerPolicyConfig['type']> = new Set([
  'securityGroupsContentAudit',
  'securityGroupsUsageAudit',
  'securityGroupsCommon',
]);

/** A policy of `firewallManager.policies`, with where it is declared. */
export interface DeclaredPolicy {
  readonly key: string;
  readonly policy: FirewallManagerPolicyConfig;
  readonly fieldPath: FieldPath;
}

/** The policies in the order of the file. */
export function declaredPolicies(firewallManager: FirewallManagerConfig | undefined): DeclaredPolicy[] {
  return Object.entries(firewallManager?.policies ?? {}).map(([key, policy]) => ({ key, policy, fieldPath: ['firewallManager', 'policies', key] }));
}

/** The resource types a policy names, or the only one its type takes. */
function resourceTypesOf(policy: FirewallManagerPolicyConfig): readonly string[] {
  switch (policy.type) {
    case 'securityGroupsUsageAudit':
      return [USAGE_AUDIT_RESOURCE_TYPE];
    case 'dnsFirewall':
      return [DNS_FIREWALL_RESOURCE_TYPE];
    case 'networkFirewall':
      return [NETWORK_FIREWALL_RESOURCE_TYPE];
    default:
      return policy.resourceTypes;
  }
}

/** The governed regions a policy's regional resources are protected in (each once: the schemas refuse a region listed twice). */
export function policyRegions(policy: FirewallManagerPolicyConfig, governedRegions: readonly AwsRegion[]): readonly AwsRegion[] {
  return policy.regions ?? governedRegions;
}

/** Every policy in every region it is made in: by policy in the order of the file, its regions in order, the CloudFront one last. */
export function firewallManagerPlans(firewallManager: FirewallManagerConfig | undefined, governedRegions: readonly AwsRegion[]): FirewallManagerPlan[] {
  return declaredPolicies(firewallManager).flatMap(({ key, policy, fieldPath }) => {
    const types = resourceTypesOf(policy);
    // Only WAF and Shield Advanced policies protect CloudFront distributions; validation refuses it elsewhere.
    const cloudFront = (policy.type === 'waf' || policy.type === 'shieldAdvanced') && types.includes(CLOUDFRONT_RESOURCE_TYPE);
    const regional = cloudFront ? types.filter((type) => type !== CLOUDFRONT_RESOURCE_TYPE) : types;
    const plans: FirewallManagerPlan[] =
      regional.length === 0
        ? []
        : policyRegions(policy, governedRegions).map((region) => ({
            key,
            fieldPath,
            policyName: firewallManagerPolicyName(key, false),
            region,
            cloudFront: false,
            resourceTypes: regional,
            policy,
          }));
    if (cloudFront) {
      plans.push({
        key,
        fieldPath,
        policyName: firewallManagerPolicyName(key, true),
        region: GLOBAL_POLICY_REGION,
        cloudFront: true,
        resourceTypes: [CLOUDFRONT_RESOURCE_TYPE],
        policy,
      });
    }
    return plans;
  });
}

/** What a policy's managed service data names that is made apart from it; each may be a Terraform reference. */
export interface PolicyReferences {
  /** For a WAF policy with a rate-based rule. */
  readonly rateBasedRuleGroupArn?: string;
  /** For a WAF policy that logs. */
  readonly logDestinationArn?: string;
  /** The audit group of a content audit, the primary group of a common security group policy. */
  readonly referenceSecurityGroupId?: string;
  /** The rule groups of a DNS Firewall policy, in the order of `ruleGroups`. */
  readonly dnsFirewallRuleGroupIds?: readonly string[];
}

function required<T>(value: T | undefined, what: string, plan: FirewallManagerPlan): T {
  if (value === undefined) throw new Error(`${plan.policyName} in ${plan.region}: ${what} not given`);
  return value;
}

type ShieldPolicyConfig = Extract<FirewallManagerPolicyConfig, { readonly type: 'shieldAdvanced' }>;

const AUTOMATIC_RESPONSES: Record<ShieldPolicyConfig['automaticResponse'], ShieldAutomaticResponse> = {
  ignore: 'IGNORE',
  disable: 'DISABLE',
  count: 'COUNT',
  block: 'BLOCK',
};

/** The managed service data of one plan, with the references it needs. */
export function managedServiceDataOf(plan: FirewallManagerPlan, references: PolicyReferences): ManagedServiceData {
  const { policy } = plan;
  switch (policy.type) {
    case 'waf':
      return wafManagedServiceData(
        {
          managedRuleGroups: policy.managedRuleGroups,
          defaultAction: policy.defaultAction === 'allow' ? 'ALLOW' : 'BLOCK',
          overrideCustomerWebAclAssociation: policy.overrideCustomerWebAclAssociation,
        },
        {
          rateBasedRuleGroupArn: policy.rateBasedRule ? required(references.rateBasedRuleGroupArn, 'the rate-based rule group', plan) : undefined,
          logDestinationArn: policy.logging ? required(references.logDestinationArn, 'the log bucket', plan) : undefined,
        },
      );
    case 'securityGroupsContentAudit':
      return contentAuditManagedServiceData(required(references.referenceSecurityGroupId, 'the audit security group', plan));
    case 'securityGroupsUsageAudit':
      return usageAuditManagedServiceData(policy);
    case 'securityGroupsCommon':
      return commonSecurityGroupManagedServiceData(policy, required(references.referenceSecurityGroupId, 'the primary security group', plan));
    case 'dnsFirewall': {
      const ids = required(references.dnsFirewallRuleGroupIds, 'the rule groups', plan);
      return dnsFirewallManagedServiceData(
        policy.ruleGroups.map((group, index) => ({ ruleGroupId: required(ids[index], `rule group ${index + 1}`, plan), priority: group.priority })),
      );
    }
    case 'networkFirewall':
      return networkFirewallManagedServiceData(policy, plan.region);
    case 'shieldAdvanced':
      return shieldAdvancedManagedServiceData(plan.cloudFront ? AUTOMATIC_RESPONSES[policy.automaticResponse] : undefined);
  }
}
