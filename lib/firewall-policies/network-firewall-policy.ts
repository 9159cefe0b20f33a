/**
 * AWS Network Firewall policies in the distributed model (no policy option): Firewall
 * Manager makes a firewall, its firewall policy and its endpoints in every VPC in scope,
 * with AWS managed stateful rule groups evaluated in strict order. Every packet goes from
 * the stateless engine to the stateful one; the firewall's routes are the account's to set
 * (Firewall Manager monitors them with MONITOR, and that choice cannot be undone).
 */
import type { AwsRegion } from '../iam/aws-regions';

/** The one resource type of Network Firewall policies. */
export const NETWORK_FIREWALL_RESOURCE_TYPE = 'AWS::EC2::VPC';

/** Firewall Manager's quota of allowed CIDR blocks in one policy; each must be a /28. */
export const NETWORK_FIREWALL_MAX_ALLOWED_CIDRS = 50;

/** The stateful default actions of a strict-order firewall policy: at most one drop and one alert. */
export const NETWORK_FIREWALL_STATEFUL_DEFAULT_ACTIONS = ['aws:drop_strict', 'aws:drop_established', 'aws:alert_strict', 'aws:alert_established'] as const;

export type NetworkFirewallStatefulDefaultAction = (typeof NETWORK_FIREWALL_STATEFUL_DEFAULT_ACTIONS)[number];

export interface NetworkFirewallSettings {
  /** AWS managed stateful rule groups, by name (`...StrictOrder`), each with its priority. */
  readonly managedStatefulRuleGroups: readonly { readonly name: string; readonly priority: number }[];
  readonly statefulDefaultActions: readonly NetworkFirewallStatefulDefaultAction[];
  /** One endpoint per VPC instead of one per Availability Zone with public subnets. */
  readonly singleFirewallEndpointPerVpc: boolean;
  /** /28 blocks Firewall Manager may take the firewall subnets from; any free space of the VPC when empty. */
  readonly allowedIpv4Cidrs: readonly string[];
  readonly routeManagement: 'OFF' | 'MONITOR';
}

export interface NetworkFirewallManagedServiceData {
  readonly type: 'NETWORK_FIREWALL';
  readonly networkFirewallStatelessRuleGroupReferences: readonly never[];
  readonly networkFirewallStatelessDefaultActions: readonly ['aws:forward_to_sfe'];
  readonly networkFirewallStatelessFragmentDefaultActions: readonly ['aws:forward_to_sfe'];
  readonly networkFirewallStatelessCustomActions: readonly never[];
  readonly networkFirewallStatefulRuleGroupReferences: readonly { readonly resourceARN: string; readonly priority: number }[];
  readonly networkFirewallStatefulEngineOptions: { readonly ruleOrder: 'STRICT_ORDER' };
  readonly networkFirewallStatefulDefaultActions: readonly NetworkFirewallStatefulDefaultAction[];
  readonly networkFirewallOrchestrationConfig: {
    readonly singleFirewallEndpointPerVPC: boolean;
    readonly allowedIPV4CidrList: readonly string[];
    readonly routeManagementAction: 'OFF' | 'MONITOR';
    readonly routeManagementTargetTypes?: readonly ['InternetGateway'];
  };
}

/** An AWS managed stateful rule group of Network Firewall in `region`. */
function managedStatefulRuleGroupArn(region: AwsRegion, name: string): string {
  return `arn:aws:network-firewall:${region}:aws-managed:stateful-rulegroup/${name}`;
}

export function networkFirewallManagedServiceData(settings: NetworkFirewallSettings, region: AwsRegion): NetworkFirewallManagedServiceData {
  return {
    type: 'NETWORK_FIREWALL',
    networkFirewallStatelessRuleGroupReferences: [],
    networkFirewallStatelessDefaultActions: ['aws:forward_to_sfe'],
    networkFirewallStatelessFragmentDefaultActions: ['aws:forward_to_sfe'],
    networkFirewallStatelessCustomActions: [],
    networkFirewallStatefulRuleGroupReferences: settings.managedStatefulRuleGroups.map((group) => ({
      resourceARN: managedStatefulRuleGroupArn(region, group.name),
      priority: group.priority,
    })),
    // Placed as in the API's documented import example (awsNetworkFirewallConfig), whose other members the distributed model has at the top.
    networkFirewallStatefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
    networkFirewallStatefulDefaultActions: [...settings.statefulDefaultActions],
    networkFirewallOrchestrationConfig: {
      singleFirewallEndpointPerVPC: settings.singleFirewallEndpointPerVpc,
      allowedIPV4CidrList: [...settings.allowedIpv4Cidrs],
      routeManagementAction: settings.routeManagement,
      // Internet gateways are the only route target Firewall Manager monitors.
      ...(settings.routeManagement === 'MONITOR' ? { routeManagementTargetTypes: ['InternetGateway'] as const } : {}),
    },
  };
}
