/**
 * Warnings for the Firewall Manager choices that cost far more than the rest: Shield
 * Advanced, a subscription of the whole organization with a one-year commitment, and the
 * AWS managed rule groups billed on top of AWS WAF (Bot Control), in every web ACL.
 */
import type { Issue } from '../../diagnostics';
import { wafManagedRuleGroup } from '../../firewall-policies/waf-managed-rule-groups';
import type { ConfigurationFiles } from '../configuration-files';
import { declaredPolicies, type DeclaredPolicy } from '../firewall-manager-plans';

/**
 * AWS's Shield Advanced pricing: one monthly fee for the organization (consolidated
 * billing), with a one-year commitment, plus data transfer out of the protected resources.
 */
const SHIELD_ADVANCED_MONTHLY_FEE = 'USD 3,000';

function policyWarnings({ policy, fieldPath }: DeclaredPolicy, file: string): Issue[] {
  if (policy.type === 'shieldAdvanced') {
    return [
      {
        file,
        path: [...fieldPath, 'type'],
        severity: 'warning',
        message:
          `turns AWS Shield Advanced on: the first apply subscribes the security account, and Firewall Manager every account in scope, at ${SHIELD_ADVANCED_MONTHLY_FEE} a month for the organization ` +
          'with a one-year commitment, plus data transfer out of the protected resources; removing the policy stops the renewal, not the term',
      },
    ];
  }
  if (policy.type !== 'waf') return [];
  return policy.managedRuleGroups.flatMap((use, index): Issue[] => {
    const caution = wafManagedRuleGroup(use.name)?.caution;
    return caution ? [{ file, path: [...fieldPath, 'managedRuleGroups', index, 'name'], severity: 'warning', message: `${use.name} ${caution}` }] : [];
  });
}

export function firewallManagerCosts({ landingZone }: Pick<ConfigurationFiles<'firewallManager'>, 'landingZone'>): Issue[] {
  return declaredPolicies(landingZone.config.firewallManager).flatMap((declared) => policyWarnings(declared, landingZone.file));
}
