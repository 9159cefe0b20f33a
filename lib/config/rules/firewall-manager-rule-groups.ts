/**
 * The rule groups of Firewall Manager policies: WAF policies name AWS managed rule groups
 * of the catalogue and override to count only rules those groups hold (all of
 * the catalogue's groups together stay below the 1,500 capacity units of AWS WAF's base
 * price, and so below Firewall Manager's 5,000 of a policy); DNS Firewall policies take at most two groups, each in the first (1-99) or last
 * (9901-10000) range, at distinct priorities; Network Firewall rule groups have distinct
 * priorities, and the default actions at most one drop and one alert action.
 */
import { expectedOneOf, type FieldPath, type Issue } from '../../diagnostics';
import { DNS_FIREWALL_PRIORITIES, DNS_FIREWALL_RULE_GROUPS_PER_POLICY } from '../../firewall-policies/dns-firewall-policy';
import { WAF_MANAGED_RULE_GROUP_NAMES, wafManagedRuleGroup } from '../../firewall-policies/waf-managed-rule-groups';
import type { ConfigurationFiles } from '../configuration-files';
import { declaredPolicies, type DeclaredPolicy } from '../firewall-manager-plans';
import type { FirewallManagerPolicyConfig } from '../schemas/firewall-manager';

type Files = Pick<ConfigurationFiles<'firewallManager'>, 'landingZone'>;
type PolicyOf<T extends FirewallManagerPolicyConfig['type']> = Extract<FirewallManagerPolicyConfig, { readonly type: T }>;

function wafIssues(policy: PolicyOf<'waf'>, fieldPath: FieldPath, file: string): Issue[] {
  const issues: Issue[] = [];
  policy.managedRuleGroups.forEach((use, index) => {
    const path = [...fieldPath, 'managedRuleGroups', index];
    const group = wafManagedRuleGroup(use.name);
    if (!group) {
      issues.push({ file, path: [...path, 'name'], message: expectedOneOf('an AWS managed rule group', WAF_MANAGED_RULE_GROUP_NAMES, use.name) });
      return;
    }
    use.countRules.forEach((rule, ruleIndex) => {
      if (!group.rules.includes(rule)) {
        issues.push({ file, path: [...path, 'countRules', ruleIndex], message: expectedOneOf(`a rule of ${group.name}`, group.rules, rule) });
      }
    });
  });
  return issues;
}

function dnsFirewallIssues(policy: PolicyOf<'dnsFirewall'>, fieldPath: FieldPath, file: string): Issue[] {
  const issues: Issue[] = [];
  if (policy.ruleGroups.length > DNS_FIREWALL_RULE_GROUPS_PER_POLICY) {
    issues.push({
      file,
      path: [...fieldPath, 'ruleGroups'],
      message: `expected at most ${DNS_FIREWALL_RULE_GROUPS_PER_POLICY} rule groups (Firewall Manager's quota per DNS Firewall policy), got ${policy.ruleGroups.length}; put more rules in one group`,
    });
  }
  const { first, last } = DNS_FIREWALL_PRIORITIES;
  policy.ruleGroups.forEach(({ priority }, index) => {
    const path = [...fieldPath, 'ruleGroups', index, 'priority'];
    const inRange = (priority >= first.min && priority <= first.max) || (priority >= last.min && priority <= last.max);
    if (!inRange) {
      issues.push({
        file,
        path,
        message: `expected ${first.min}-${first.max} (evaluated before the groups of the accounts) or ${last.min}-${last.max} (after them), got ${priority}`,
      });
    } else if (policy.ruleGroups.findIndex((other) => other.priority === priority) !== index) {
      issues.push({ file, path, message: `${priority} is the priority of another rule group of the policy; each needs its own` });
    }
  });
  return issues;
}

function networkFirewallIssues(policy: PolicyOf<'networkFirewall'>, fieldPath: FieldPath, file: string): Issue[] {
  const issues: Issue[] = [];
  policy.managedStatefulRuleGroups.forEach(({ priority }, index) => {
    const path = [...fieldPath, 'managedStatefulRuleGroups', index];
    if (policy.managedStatefulRuleGroups.findIndex((other) => other.priority === priority) !== index) {
      issues.push({ file, path: [...path, 'priority'], message: `${priority} is the priority of another rule group; strict order needs each its own` });
    }
  });
  for (const kind of ['drop', 'alert']) {
    const actions = policy.statefulDefaultActions.filter((action) => action.startsWith(`aws:${kind}_`));
    if (actions.length > 1) {
      issues.push({
        file,
        path: [...fieldPath, 'statefulDefaultActions'],
        message: `expected at most one ${kind} action, got ${actions.join(' and ')}`,
      });
    }
  }
  return issues;
}

function policyIssues({ policy, fieldPath }: DeclaredPolicy, file: string): Issue[] {
  switch (policy.type) {
    case 'waf':
      return wafIssues(policy, fieldPath, file);
    case 'dnsFirewall':
      return dnsFirewallIssues(policy, fieldPath, file);
    case 'networkFirewall':
      return networkFirewallIssues(policy, fieldPath, file);
    default:
      return [];
  }
}

export function firewallManagerRuleGroups({ landingZone }: Files): Issue[] {
  return declaredPolicies(landingZone.config.firewallManager).flatMap((declared) => policyIssues(declared, landingZone.file));
}
