/**
 * AWS Shield Advanced policies: Firewall Manager subscribes the accounts in scope to Shield
 * Advanced (the administrator account must be subscribed first) and protects the resources
 * in scope. Automatic application layer DDoS mitigation is for CloudFront distributions
 * only, and so for the policy made in us-east-1 (Firewall Manager's "Global").
 */

/** The resource types a Shield Advanced policy protects, as the Firewall Manager API documents them. */
export const SHIELD_RESOURCE_TYPES = [
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer',
  'AWS::EC2::EIP',
  'AWS::CloudFront::Distribution',
] as const;

/** What the policy does with automatic application layer mitigation: leave it to each resource, turn it off, or on with an action. */
export type ShieldAutomaticResponse = 'IGNORE' | 'DISABLE' | 'COUNT' | 'BLOCK';

interface AutomaticResponseConfiguration {
  readonly automaticResponseStatus: 'IGNORED' | 'DISABLED' | 'ENABLED';
  readonly automaticResponseAction?: 'COUNT' | 'BLOCK';
}

export interface ShieldAdvancedManagedServiceData {
  readonly type: 'SHIELD_ADVANCED';
  readonly automaticResponseConfiguration?: AutomaticResponseConfiguration;
  readonly overrideCustomerWebaclClassic?: false;
  readonly optimizeUnassociatedWebACL?: true;
}

function automaticResponseConfiguration(response: ShieldAutomaticResponse): AutomaticResponseConfiguration {
  switch (response) {
    case 'IGNORE':
      return { automaticResponseStatus: 'IGNORED' };
    case 'DISABLE':
      return { automaticResponseStatus: 'DISABLED' };
    case 'COUNT':
    case 'BLOCK':
      return { automaticResponseStatus: 'ENABLED', automaticResponseAction: response };
  }
}

/**
 * For CloudFront distributions, with the automatic response; for regional resources,
 * which take no settings, the type alone, which Firewall Manager receives as no managed
 * service data at all (`managedServiceDataText`).
 */
export function shieldAdvancedManagedServiceData(automaticResponse?: ShieldAutomaticResponse): ShieldAdvancedManagedServiceData {
  if (automaticResponse === undefined) return { type: 'SHIELD_ADVANCED' };
  return {
    type: 'SHIELD_ADVANCED',
    automaticResponseConfiguration: automaticResponseConfiguration(automaticResponse),
    overrideCustomerWebaclClassic: false,
    optimizeUnassociatedWebACL: true,
  };
}
