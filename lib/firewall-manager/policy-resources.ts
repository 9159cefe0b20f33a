/**
 * What a Firewall Manager policy names that must exist in the administrator (security)
 * account before it: the rule group of a WAF policy's rate-based rule, the audit or
 * primary security group of a security group policy (in a VPC of the security account,
 * made here unless the configuration names one), and the rule groups of a DNS Firewall
 * policy. Each is made in the policy's region, and returned with what the policy must wait for.
 */
import { Route53ResolverFirewallRule } from '@cdktf/provider-aws/lib/route53-resolver-firewall-rule';
import { Route53ResolverFirewallRuleGroup } from '@cdktf/provider-aws/lib/route53-resolver-firewall-rule-group';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Wafv2RuleGroup } from '@cdktf/provider-aws/lib/wafv2-rule-group';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { ruleName, type FirewallManagerPolicyConfig, type SecurityGroupRuleConfig } from '../config/schemas/firewall-manager';
import type { AwsRegion } from '../iam/aws-regions';
import type { FirewallManagerPolicy } from '../model/firewall-manager';
import { textName } from '../terraform/terraform-names';
import { dnsFirewallRuleGroupName, REFERENCE_SECURITY_GROUP_VPC_NAME, referenceSecurityGroupName, wafRateBasedRuleGroupName } from '../resource-names';
import type { ManagedDomainLists } from './managed-domain-lists';
import { auditRules } from '../firewall-policies/security-groups-content-audit';
import { RATE_BASED_RULE_CAPACITY } from '../firewall-policies/waf-policy';

type PolicyOf<T extends FirewallManagerPolicyConfig['type']> = Extract<FirewallManagerPolicyConfig, { readonly type: T }>;

/** A reference the policy's managed service data names, and what else must exist before the policy (the reference itself makes Terraform wait for its resource). */
export interface MadeFirst<T> {
  readonly reference: T;
  readonly dependencies: readonly ITerraformDependable[];
}

export function rateBasedRuleGroup(
  scope: Construct,
  id: string,
  policy: FirewallManagerPolicy,
  rule: NonNullable<PolicyOf<'waf'>['rateBasedRule']>,
): MadeFirst<string> {
  const name = wafRateBasedRuleGroupName(policy.key);
  const group = new Wafv2RuleGroup(scope, id, {
    region: policy.region,
    name,
    scope: policy.cloudFront ? 'CLOUDFRONT' : 'REGIONAL',
    capacity: RATE_BASED_RULE_CAPACITY,
    rule: [
      {
        name: 'rate-limit',
        priority: 0,
        action: rule.action === 'block' ? { block: {} } : { count: {} },
        // The statement is passed to Terraform as it is: its block names are Terraform's.
        statement: { rate_based_statement: { limit: rule.limit, aggregate_key_type: 'IP' } },
        visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: 'rate-limit', sampledRequestsEnabled: true },
      },
    ],
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
  });
  return { reference: group.arn, dependencies: [] };
}

/**
 * A VPC of the security account that only holds the reference security groups of its
 * region: no subnets, so nothing runs in it, no traffic crosses it and it costs nothing (its
 * CIDR block may overlap any other network for that reason). AWS's default security group
 * of the VPC loses its rules, as Security Hub's EC2.2 asks of every VPC.
 */
export function referenceSecurityGroupVpc(scope: Construct, id: string, region: AwsRegion): string {
  const vpc = new Vpc(scope, id, {
    region,
    cidrBlock: '10.255.255.0/28',
    tags: { Name: REFERENCE_SECURITY_GROUP_VPC_NAME },
  });
  new DefaultSecurityGroup(scope, `${id}_default_security_group`, { region, vpcId: vpc.id, ingress: [], egress: [] });
  return vpc.id;
}

const IP_PROTOCOLS: Record<SecurityGroupRuleConfig['protocol'], string> = { tcp: 'tcp', udp: 'udp', all: '-1' };

/**
 * The audit group of a content audit (each audited port open to every source, which no
 * rule in scope may match) or the primary group of a common security group policy (its
 * rules as configured). Terraform removes the egress rule AWS gives a new group, so the
 * group holds these rules only.
 */
export function referenceSecurityGroup(
  scope: Construct,
  id: string,
  policy: FirewallManagerPolicy & { readonly policy: PolicyOf<'securityGroupsContentAudit'> | PolicyOf<'securityGroupsCommon'> },
  vpcId: string,
): MadeFirst<string> {
  const { region } = policy;
  const audit = policy.policy.type === 'securityGroupsContentAudit';
  const group = new SecurityGroup(scope, id, {
    region,
    name: referenceSecurityGroupName(policy.key),
    description: audit
      ? `Audit group of Firewall Manager policy ${policy.policyName}: rules no security group in scope may match`
      : `Primary group of Firewall Manager policy ${policy.policyName}: copied to every VPC in scope`,
    vpcId,
  });
  const securityGroupId = group.id;
  const ingress: SecurityGroupRuleConfig[] =
    policy.policy.type === 'securityGroupsContentAudit'
      ? auditRules(policy.policy.ports).map((rule) => ({
          protocol: 'tcp',
          fromPort: rule.port,
          toPort: rule.port,
          cidrIpv4: rule.cidrIpv4,
          cidrIpv6: rule.cidrIpv6,
        }))
      : policy.policy.ingress;
  const egress = policy.policy.type === 'securityGroupsCommon' ? policy.policy.egress : [];
  const ruleArguments = (rule: SecurityGroupRuleConfig) => ({
    region,
    securityGroupId,
    ipProtocol: IP_PROTOCOLS[rule.protocol],
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    cidrIpv4: rule.cidrIpv4,
    cidrIpv6: rule.cidrIpv6,
    description: rule.description,
  });
  // Named by what each rule is, not by its place in the list: a rule added or removed leaves the others as they are.
  const rules = [
    ...ingress.map((rule) => new VpcSecurityGroupIngressRule(scope, `${id}_ingress_${textName(ruleName(rule))}`, ruleArguments(rule))),
    ...egress.map((rule) => new VpcSecurityGroupEgressRule(scope, `${id}_egress_${textName(ruleName(rule))}`, ruleArguments(rule))),
  ];
  // The policy compares with, or copies, the group's rules: they must be in place first.
  return { reference: securityGroupId, dependencies: rules };
}

/** Each rule group of a DNS Firewall policy, a rule per AWS managed domain list (their ids by name, in the policy's region). */
export function dnsFirewallRuleGroups(
  scope: Construct,
  id: string,
  policy: FirewallManagerPolicy & { readonly policy: PolicyOf<'dnsFirewall'> },
  domainLists: ManagedDomainLists,
): MadeFirst<readonly string[]> {
  const { region } = policy;
  const made = policy.policy.ruleGroups.map((ruleGroup, groupIndex) => {
    const group = new Route53ResolverFirewallRuleGroup(scope, `${id}_${groupIndex + 1}`, {
      region,
      name: dnsFirewallRuleGroupName(policy.key, groupIndex + 1),
    });
    const rules = ruleGroup.domainLists.map((domainList, ruleIndex) => {
      const domainListId = domainLists.idOf(region, domainList);
      const rule = new Route53ResolverFirewallRule(scope, `${id}_${groupIndex + 1}_rule_${ruleIndex + 1}`, {
        region,
        name: domainList,
        firewallRuleGroupId: group.id,
        firewallDomainListId: domainListId.id,
        priority: (ruleIndex + 1) * 100,
        action: ruleGroup.action === 'block' ? 'BLOCK' : 'ALERT',
        blockResponse: ruleGroup.action === 'block' ? ruleGroup.blockResponse : undefined,
      });
      const { precondition } = domainListId;
      if (precondition) {
        rule.addOverride('lifecycle.precondition', [{ condition: precondition.condition, error_message: precondition.errorMessage }]);
      }
      return rule;
    });
    return { id: group.id, rules };
  });
  return { reference: made.map((group) => group.id), dependencies: made.flatMap((group) => group.rules) };
}
