/**
 * Settings of Firewall Manager policies that AWS refuses or ignores: automatic remediation
 * of a content audit (AWS requires it off when the policy is created, and it would rewrite
 * the rules in scope), cleanup of resources leaving the scope for Shield Advanced (not
 * available there), automatic application layer mitigation without CloudFront distributions
 * (it is for them only), and a delay for unused security groups that are not removed.
 */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { CLOUDFRONT_RESOURCE_TYPE, declaredPolicies, type DeclaredPolicy } from '../firewall-manager-plans';

function policyIssues({ policy, fieldPath }: DeclaredPolicy, file: string): Issue[] {
  const issue = (field: string, message: string, severity?: Issue['severity']): Issue => ({ file, path: [...fieldPath, field], message, severity });
  switch (policy.type) {
    case 'securityGroupsContentAudit':
      return policy.remediation
        ? [
            issue(
              'remediation',
              'must be false: AWS requires automatic remediation off when an audit security group policy is created, and with it on Firewall Manager would change or remove every rule in scope that matches the audit group; review the findings instead',
            ),
          ]
        : [];
    case 'shieldAdvanced':
      return [
        ...(policy.deleteUnusedManagedResources
          ? [
              issue(
                'deleteUnusedManagedResources',
                'must be false: Firewall Manager does not remove Shield Advanced protections from resources that leave the scope',
              ),
            ]
          : []),
        ...(policy.automaticResponse !== 'ignore' && !policy.resourceTypes.includes(CLOUDFRONT_RESOURCE_TYPE)
          ? [issue('automaticResponse', `applies to CloudFront distributions only: add ${CLOUDFRONT_RESOURCE_TYPE} to resourceTypes, or leave it at ignore`)]
          : []),
      ];
    case 'securityGroupsUsageAudit':
      return policy.unusedForMinutes !== undefined && !policy.deleteUnusedSecurityGroups
        ? [
            issue(
              'unusedForMinutes',
              'has no effect without deleteUnusedSecurityGroups: it is how long a group may stay unused before it counts as unused',
              'warning',
            ),
          ]
        : [];
    default:
      return [];
  }
}

export function firewallManagerSettings({ landingZone }: Pick<ConfigurationFiles<'firewallManager'>, 'landingZone'>): Issue[] {
  return declaredPolicies(landingZone.config.firewallManager).flatMap((declared) => policyIssues(declared, landingZone.file));
}
