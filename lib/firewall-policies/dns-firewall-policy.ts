/**
 * Route 53 Resolver DNS Firewall policies: Firewall Manager associates the policy's rule
 * groups (groups of the administrator account, which it shares with the organization
 * through AWS RAM) with every VPC in scope. Groups with a priority from 1 to 99 are
 * evaluated first, before any group an account associates itself, those from 9901 to
 * 10000 last.
 */

/** The one resource type of DNS Firewall policies. */
export const DNS_FIREWALL_RESOURCE_TYPE = 'AWS::EC2::VPC';

/** The AWS managed domain lists of DNS Firewall, by name. */
export const DNS_FIREWALL_MANAGED_DOMAIN_LISTS = [
  'AWSManagedDomainsMalwareDomainList',
  'AWSManagedDomainsBotnetCommandandControl',
  'AWSManagedDomainsAggregateThreatList',
  'AWSManagedDomainsAmazonGuardDutyThreatList',
] as const;

export type DnsFirewallManagedDomainList = (typeof DNS_FIREWALL_MANAGED_DOMAIN_LISTS)[number];

/** Where a rule group of a policy may be evaluated: first or last. */
export const DNS_FIREWALL_PRIORITIES = { first: { min: 1, max: 99 }, last: { min: 9901, max: 10000 } } as const;

/** Firewall Manager's quota of DNS Firewall rule groups in one policy. */
export const DNS_FIREWALL_RULE_GROUPS_PER_POLICY = 2;

/** A rule group of the policy, by id (which may be a Terraform reference), with its association priority. */
export interface DnsFirewallRuleGroupUse {
  readonly ruleGroupId: string;
  readonly priority: number;
}

interface RuleGroupAssociation {
  readonly ruleGroupId: string;
  readonly priority: number;
}

export interface DnsFirewallManagedServiceData {
  readonly type: 'DNS_FIREWALL';
  readonly preProcessRuleGroups: readonly RuleGroupAssociation[];
  readonly postProcessRuleGroups: readonly RuleGroupAssociation[];
}

export function dnsFirewallManagedServiceData(ruleGroups: readonly DnsFirewallRuleGroupUse[]): DnsFirewallManagedServiceData {
  const association = ({ ruleGroupId, priority }: DnsFirewallRuleGroupUse): RuleGroupAssociation => ({ ruleGroupId, priority });
  return {
    type: 'DNS_FIREWALL',
    preProcessRuleGroups: ruleGroups.filter((group) => group.priority <= DNS_FIREWALL_PRIORITIES.first.max).map(association),
    postProcessRuleGroups: ruleGroups.filter((group) => group.priority >= DNS_FIREWALL_PRIORITIES.last.min).map(association),
  };
}
