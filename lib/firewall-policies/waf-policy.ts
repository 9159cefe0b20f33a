/**
 * AWS WAF (v2) policies: Firewall Manager makes a web ACL in every account in scope and
 * puts these rule groups first in it, the rate-based rule group (a group of the security
 * account, by ARN) before the AWS managed ones; account teams may add their own rules
 * after them. Web ACLs are made only where a resource will use them
 * (`optimizeUnassociatedWebACL`), since each one is billed.
 */
/** The resource types a WAF policy protects, as the Firewall Manager API documents them. */
export const WAF_RESOURCE_TYPES = ['AWS::ApiGateway::Stage', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::CloudFront::Distribution'] as const;

/** A rate-based statement without a scope-down statement costs 2 web ACL capacity units. */
export const RATE_BASED_RULE_CAPACITY = 2;

export interface WafManagedRuleGroupUse {
  /** A group of `WAF_MANAGED_RULE_GROUPS`. */
  readonly name: string;
  /** Rules of the group whose action is overridden to count. */
  readonly countRules: readonly string[];
}

export interface WafPolicySettings {
  readonly managedRuleGroups: readonly WafManagedRuleGroupUse[];
  /** What the web ACL does with a request no rule decides. */
  readonly defaultAction: 'ALLOW' | 'BLOCK';
  /** Replace the web ACL a resource already has (one no other Firewall Manager policy manages). */
  readonly overrideCustomerWebAclAssociation: boolean;
}

/** What the policy names that exists apart from it; each may be a Terraform reference. */
export interface WafPolicyReferences {
  /**
   * The rate-based rule group of the security account, evaluated first.
   * @default no rate-based rule
   */
  readonly rateBasedRuleGroupArn?: string;
  /**
   * The bucket (`aws-waf-logs-*`) every web ACL of the policy logs to.
   * @default not logged
   */
  readonly logDestinationArn?: string;
}

interface RuleGroupReference {
  readonly ruleGroupType: 'ManagedRuleGroup' | 'RuleGroup';
  readonly managedRuleGroupIdentifier?: { readonly vendorName: 'AWS'; readonly managedRuleGroupName: string };
  readonly ruleGroupArn?: string;
  readonly overrideAction: { readonly type: 'NONE' };
  readonly ruleActionOverrides?: readonly { readonly name: string; readonly actionToUse: { readonly count: Record<string, never> } }[];
  readonly sampledRequestsEnabled: true;
}

export interface WafV2ManagedServiceData {
  readonly type: 'WAFV2';
  readonly preProcessRuleGroups: readonly RuleGroupReference[];
  readonly postProcessRuleGroups: readonly RuleGroupReference[];
  readonly defaultAction: { readonly type: 'ALLOW' | 'BLOCK' };
  readonly overrideCustomerWebACLAssociation: boolean;
  readonly loggingConfiguration?: { readonly logDestinationConfigs: readonly string[]; readonly redactedFields: readonly never[] };
  readonly sampledRequestsEnabledForDefaultActions: true;
  readonly optimizeUnassociatedWebACL: true;
}

export function wafManagedServiceData(settings: WafPolicySettings, references: WafPolicyReferences): WafV2ManagedServiceData {
  const rateBased: RuleGroupReference[] = references.rateBasedRuleGroupArn
    ? [{ ruleGroupType: 'RuleGroup', ruleGroupArn: references.rateBasedRuleGroupArn, overrideAction: { type: 'NONE' }, sampledRequestsEnabled: true }]
    : [];
  const managed = settings.managedRuleGroups.map((group): RuleGroupReference => ({
    ruleGroupType: 'ManagedRuleGroup',
    managedRuleGroupIdentifier: { vendorName: 'AWS', managedRuleGroupName: group.name },
    overrideAction: { type: 'NONE' },
    ...(group.countRules.length > 0 ? { ruleActionOverrides: group.countRules.map((name) => ({ name, actionToUse: { count: {} } })) } : {}),
    sampledRequestsEnabled: true,
  }));
  return {
    type: 'WAFV2',
    preProcessRuleGroups: [...rateBased, ...managed],
    postProcessRuleGroups: [],
    defaultAction: { type: settings.defaultAction },
    overrideCustomerWebACLAssociation: settings.overrideCustomerWebAclAssociation,
    ...(references.logDestinationArn ? { loggingConfiguration: { logDestinationConfigs: [references.logDestinationArn], redactedFields: [] } } : {}),
    sampledRequestsEnabledForDefaultActions: true,
    optimizeUnassociatedWebACL: true,
  };
}
