/**
 * What each Firewall Manager policy protects, and where: resource types its policy type
 * takes (as the Firewall Manager API documents them), governed regions only, us-east-1
 * governed for CloudFront distributions (AWS Config records them there only, and Firewall
 * Manager needs the record).
 */
import { expectedOneOf, type Issue } from '../../diagnostics';
import { COMMON_SECURITY_GROUP_RESOURCE_TYPES } from '../../firewall-policies/security-groups-common';
import { CONTENT_AUDIT_RESOURCE_TYPES } from '../../firewall-policies/security-groups-content-audit';
import { SHIELD_RESOURCE_TYPES } from '../../firewall-policies/shield-advanced-policy';
import { WAF_RESOURCE_TYPES } from '../../firewall-policies/waf-policy';
import type { ConfigurationFiles } from '../configuration-files';
import { CLOUDFRONT_RESOURCE_TYPE, declaredPolicies, GLOBAL_POLICY_REGION, type DeclaredPolicy } from '../firewall-manager-plans';
import type { FirewallManagerPolicyConfig } from '../schemas/firewall-manager';

type Files = Pick<ConfigurationFiles<'firewallManager' | 'governedRegions'>, 'landingZone'>;

const RESOURCE_TYPES: Partial<Record<FirewallManagerPolicyConfig['type'], readonly string[]>> = {
  waf: WAF_RESOURCE_TYPES,
  shieldAdvanced: SHIELD_RESOURCE_TYPES,
  securityGroupsContentAudit: CONTENT_AUDIT_RESOURCE_TYPES,
  securityGroupsCommon: COMMON_SECURITY_GROUP_RESOURCE_TYPES,
};

/** Resource types AWS WAF itself protects, which the Firewall Manager API does not list for its WAF policies. */
const NOT_IN_FIREWALL_MANAGER = ['AWS::AppSync::GraphQLApi', 'AWS::Cognito::UserPool', 'AWS::AppRunner::Service'];

function resourceTypeIssues({ policy, fieldPath }: DeclaredPolicy, files: Files): Issue[] {
  const supported = RESOURCE_TYPES[policy.type];
  if (!supported || !('resourceTypes' in policy)) return [];
  return policy.resourceTypes.flatMap((type, index): Issue[] => {
    const path = [...fieldPath, 'resourceTypes', index];
    if (supported.includes(type)) return [];
    const message =
      policy.type === 'waf' && NOT_IN_FIREWALL_MANAGER.includes(type)
        ? `${type} is protected by AWS WAF, but Firewall Manager's WAF policies take ${supported.join(', ')} only (Firewall Manager API, Policy.ResourceType); associate its web ACL in the account instead`
        : expectedOneOf(`a resource type of ${policy.type} policies`, supported, type);
    return [{ file: files.landingZone.file, path, message }];
  });
}

function regionIssues({ policy, fieldPath }: DeclaredPolicy, files: Files): Issue[] {
  const { governedRegions } = files.landingZone.config;
  const regions = policy.regions ?? [];
  return regions.flatMap((region, index): Issue[] => {
    const path = [...fieldPath, 'regions', index];
    return governedRegions.includes(region)
      ? []
      : [{ file: files.landingZone.file, path, message: expectedOneOf('a governed region', governedRegions, region) }];
  });
}

function cloudFrontIssues({ policy, fieldPath }: DeclaredPolicy, files: Files): Issue[] {
  if (!('resourceTypes' in policy) || !policy.resourceTypes.includes(CLOUDFRONT_RESOURCE_TYPE)) return [];
  if (files.landingZone.config.governedRegions.includes(GLOBAL_POLICY_REGION)) return [];
  return [
    {
      file: files.landingZone.file,
      path: [...fieldPath, 'resourceTypes', policy.resourceTypes.indexOf(CLOUDFRONT_RESOURCE_TYPE)],
      message: `needs ${GLOBAL_POLICY_REGION} governed: Firewall Manager finds CloudFront distributions through AWS Config, which records them in ${GLOBAL_POLICY_REGION} only, and the baseline records Config in the governed regions; add ${GLOBAL_POLICY_REGION} to governedRegions`,
    },
  ];
}

export function firewallManagerResources(files: Files): Issue[] {
  return declaredPolicies(files.landingZone.config.firewallManager).flatMap((declared) => [
    ...resourceTypeIssues(declared, files),
    ...regionIssues(declared, files),
    ...cloudFrontIssues(declared, files),
  ]);
}
