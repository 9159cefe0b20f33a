/**
 * The Firewall Manager policies, made from the administrator (security) account: for each
 * policy in each of its regions, what it names (rule groups, reference security groups, the
 * log bucket) and then the policy itself, scoped by OU ids and account ids. Shield
 * Advanced policies need the administrator subscribed first.
 */
import { FmsPolicy } from '@cdktf/provider-aws/lib/fms-policy';
import { ShieldSubscription } from '@cdktf/provider-aws/lib/shield-subscription';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { managedServiceDataOf, type PolicyReferences } from '../config/firewall-manager-plans';
import type { FirewallManager, FirewallManagerPolicy } from '../model/firewall-manager';
import { regionName } from '../terraform/terraform-names';
import { managedServiceDataText } from '../firewall-policies/managed-service-data';
import { resourceTypeArguments, scopeArguments, type ScopeIds } from './policy-scope';
import type { AwsRegion } from '../iam/aws-regions';
import { dnsFirewallRuleGroups, rateBasedRuleGroup, referenceSecurityGroup, referenceSecurityGroupVpc, type MadeFirst } from './policy-resources';
import type { ManagedDomainLists } from './managed-domain-lists';
import { WafLogBuckets } from './waf-log-buckets';

export interface FirewallManagerPoliciesProps extends ScopeIds {
  /** The policies, in their regions, and what they need. */
  readonly firewallManager: FirewallManager;
  /** The WAF log buckets admit log delivery for this organization's accounts only. */
  readonly organizationId: string;
  /** Firewall Manager's administrator, which keeps the WAF log buckets and their keys. */
  readonly securityAccountId: string;
  /** The ids of the AWS managed domain lists the DNS Firewall policies block, in each region. */
  readonly domainLists: ManagedDomainLists;
}

/** `<policy>_<region>`, or `<policy>_cloudfront` for the us-east-1 policy of CloudFront distributions (us-east-1 may be governed too). */
function idOf(policy: FirewallManagerPolicy): string {
  return `${policy.key.replace(/-/g, '_')}_${policy.cloudFront ? 'cloudfront' : regionName(policy.region)}`;
}

export class FirewallManagerPolicies extends Construct {
  /** By region, the VPC of the reference security groups: the configuration's, or one made on first use. */
  private readonly referenceVpcs = new Map<AwsRegion, string>();

  constructor(scope: Construct, id: string, props: FirewallManagerPoliciesProps) {
    super(scope, id);
    const { firewallManager } = props;
    const shieldSubscription = firewallManager.shieldAdvancedSubscription
      ? // Turning Shield Advanced off again stops the renewal; the subscription runs to the end of its term.
        new ShieldSubscription(this, 'shield_advanced_subscription', { autoRenew: 'ENABLED' })
      : undefined;
    const logBuckets = new WafLogBuckets(this, 'waf_logs', {
      firewallManager,
      organizationId: props.organizationId,
      securityAccountId: props.securityAccountId,
    });

    for (const policy of firewallManager.policies) {
      const suffix = idOf(policy);
      const dependencies: ITerraformDependable[] = policy.policy.type === 'shieldAdvanced' && shieldSubscription ? [shieldSubscription] : [];
      const made = <T>({ reference, dependencies: first }: MadeFirst<T>): T => {
        dependencies.push(...first);
        return reference;
      };
      const data = managedServiceDataOf(policy, this.referencesOf(policy, suffix, { firewallManager, logBuckets, domainLists: props.domainLists, made }));
      new FmsPolicy(this, `policy_${suffix}`, {
        region: policy.region,
        name: policy.policyName,
        description: policy.policy.description,
        ...scopeArguments(policy.scope, props),
        ...resourceTypeArguments(policy.resourceTypes),
        remediationEnabled: policy.policy.remediation,
        deleteUnusedFmManagedResources: policy.policy.deleteUnusedManagedResources,
        deleteAllPolicyResources: policy.policy.deleteAllPolicyResources,
        securityServicePolicyData: { type: data.type, managedServiceData: managedServiceDataText(data) },
        dependsOn: dependencies.length > 0 ? dependencies : undefined,
      });
    }
  }

  private referenceVpcIn(region: AwsRegion, firewallManager: FirewallManager): string {
    let vpcId = this.referenceVpcs.get(region) ?? firewallManager.referenceSecurityGroupVpcs[region];
    vpcId ??= referenceSecurityGroupVpc(this, `reference_vpc_${regionName(region)}`, region);
    this.referenceVpcs.set(region, vpcId);
    return vpcId;
  }

  /** Makes what the policy names, and notes (through `made`) that the policy waits for it. */
  private referencesOf(
    policy: FirewallManagerPolicy,
    suffix: string,
    {
      firewallManager,
      logBuckets,
      domainLists,
      made,
    }: { firewallManager: FirewallManager; logBuckets: WafLogBuckets; domainLists: ManagedDomainLists; made: <T>(first: MadeFirst<T>) => T },
  ): PolicyReferences {
    const config = policy.policy;
    switch (config.type) {
      case 'waf':
        return {
          rateBasedRuleGroupArn: config.rateBasedRule ? made(rateBasedRuleGroup(this, `rate_limit_${suffix}`, policy, config.rateBasedRule)) : undefined,
          logDestinationArn: config.logging ? made(logBuckets.destinationIn(policy.region)) : undefined,
        };
      case 'securityGroupsContentAudit':
      case 'securityGroupsCommon': {
        const vpcId = this.referenceVpcIn(policy.region, firewallManager);
        return { referenceSecurityGroupId: made(referenceSecurityGroup(this, `security_group_${suffix}`, { ...policy, policy: config }, vpcId)) };
      }
      case 'dnsFirewall':
        return {
          dnsFirewallRuleGroupIds: made(dnsFirewallRuleGroups(this, `dns_rule_group_${suffix}`, { ...policy, policy: config }, domainLists)),
        };
      default:
        return {};
    }
  }
}
