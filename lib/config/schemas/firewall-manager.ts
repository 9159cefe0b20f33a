/**
 * The `firewallManager` section of landing-zone.yaml: the Firewall Manager policies the
 * security account (Firewall Manager's administrator) applies across the organization, each
 * with its scope, and what of the security account a policy may use instead of what the
 * landing zone makes or looks up (a VPC for its reference security groups, the ids of DNS
 * Firewall's managed domain lists).
 */
import { z } from 'zod';
import { didYouMean, quoted } from '../../diagnostics';
import { DNS_FIREWALL_MANAGED_DOMAIN_LISTS } from '../../firewall-policies/dns-firewall-policy';
import { NETWORK_FIREWALL_MAX_ALLOWED_CIDRS, NETWORK_FIREWALL_STATEFUL_DEFAULT_ACTIONS } from '../../firewall-policies/network-firewall-policy';
import { expected, expectedType } from '../schema-issues';
import { AccountNameSchema, plainText, RegionSchema, setOf, TagKeySchema, TagValueSchema } from './common';
import { nameRecord } from '../../name-record';

/** A policy's name in the file; the Firewall Manager policy is named `landing-zone-<name>`. */
const PolicyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, { error: expected('a policy name of letters, digits and inner hyphens') });

/** A resource type as CloudFormation names it; which ones a policy type takes is checked apart. */
const ResourceTypeSchema = z
  .string()
  .regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/, { error: expected('a resource type such as AWS::ElasticLoadBalancingV2::LoadBalancer') });

const PortSchema = z
  .number({ error: expectedType('a port number') })
  .int()
  .refine((port) => port >= 1 && port <= 65535, { error: (issue) => `expected a port from 1 to 65535, got ${String(issue.input)}` });

const VpcIdSchema = z.string().regex(/^vpc-[0-9a-f]{8,17}$/, { error: expected('a VPC id such as vpc-0a1b2c3d4e5f67890') });

const DomainListIdSchema = z.string().regex(/^rslvr-fdl-[0-9a-z]{1,54}$/, { error: expected('a DNS Firewall domain list id such as rslvr-fdl-0123456789abcdef') });

const ScopeTargetsSchema = z
  .strictObject({
    organizationalUnits: setOf(z.string().min(1)).default([]).describe('OU paths: every account in them and in the OUs below them, those added later too.'),
    accounts: setOf(AccountNameSchema).default([]).describe('Accounts by name.'),
  })
  .describe('OUs and accounts.');

const ScopeSchema = z
  .strictObject({
    include: ScopeTargetsSchema.optional().describe('Only these OUs and accounts; every account of the organization when absent. Not with exclude.'),
    exclude: ScopeTargetsSchema.optional().describe('Every account but these OUs and accounts. Not with include.'),
    resourceTags: nameRecord(TagKeySchema, TagValueSchema)
      .default({})
      .describe('Only resources with all of these tags (all but them with excludeResourceTags); at most 8.'),
    excludeResourceTags: z.boolean().default(false).describe('resourceTags name the resources left out instead.'),
  })
  .describe('Which accounts and resources the policy applies to.');

/** What every policy type has. */
const PolicyFields = {
  description: plainText(0, 256).optional().describe('The policy description in Firewall Manager.'),
  regions: setOf(RegionSchema).min(1).optional().describe('Governed regions of the regional resources; every governed region when absent.'),
  scope: ScopeSchema.default(ScopeSchema.parse({})),
  remediation: z
    .boolean()
    .default(false)
    .describe('Firewall Manager brings what does not comply into line (associates web ACLs, changes security groups ...); it only reports when false.'),
  deleteUnusedManagedResources: z
    .boolean()
    .default(false)
    .describe('Remove the protection from resources that leave the scope, and what Firewall Manager made for them; not for Shield Advanced.'),
  deleteAllPolicyResources: z.boolean().default(true).describe('When the policy is deleted, Firewall Manager removes what it made (web ACLs, copies of groups, associations).'),
};

const WafPolicySchema = z
  .strictObject({
    type: z.literal('waf'),
    ...PolicyFields,
    resourceTypes: setOf(ResourceTypeSchema)
      .min(1)
      .describe('AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::ApiGateway::Stage (per governed region), AWS::CloudFront::Distribution (from us-east-1).'),
    managedRuleGroups: setOf(
      z.strictObject({
        name: z.string().min(1).describe('An AWS managed rule group, such as AWSManagedRulesCommonRuleSet.'),
        countRules: setOf(z.string().min(1)).default([]).describe('Rules of the group that count instead of acting.'),
      }),
      (group) => group.name,
    )
      .default([])
      .describe('AWS managed rule groups evaluated first in every web ACL of the policy, in this order.'),
    rateBasedRule: z
      .strictObject({
        limit: z.number().int().min(100).max(2_000_000_000).describe('Requests from one IP address in 5 minutes above which the rule acts.'),
        action: z.enum(['block', 'count']).default('block'),
      })
      .optional()
      .describe('A rate-based rule, in a rule group of the security account, evaluated before the managed groups.'),
    defaultAction: z.enum(['allow', 'block']).default('allow').describe('What the web ACL does with a request no rule decides.'),
    overrideCustomerWebAclAssociation: z
      .boolean()
      .default(false)
      .describe('With remediation, replace web ACLs that resources already have (those no other Firewall Manager policy manages).'),
    logging: z.boolean().default(false).describe('Log every web ACL of the policy to the landing zone bucket aws-waf-logs-<logArchive.bucketNamePrefix>-<region>.'),
  })
  .refine((policy) => policy.managedRuleGroups.length > 0 || policy.rateBasedRule !== undefined, {
    error: 'a WAF policy needs managedRuleGroups or a rateBasedRule',
  });

const SecurityGroupsContentAuditSchema = z.strictObject({
  type: z.literal('securityGroupsContentAudit'),
  ...PolicyFields,
  resourceTypes: setOf(ResourceTypeSchema)
    .min(1)
    .default(['AWS::EC2::SecurityGroup'])
    .describe('AWS::EC2::SecurityGroup, AWS::EC2::NetworkInterface or AWS::EC2::Instance.'),
  ports: setOf(PortSchema)
    .min(1)
    .default([22, 3389])
    .describe('TCP ports (administration, databases) that no rule may open: the audit group opens each to 0.0.0.0/0 and ::/0.'),
});

const SecurityGroupsUsageAuditSchema = z.strictObject({
  type: z.literal('securityGroupsUsageAudit'),
  ...PolicyFields,
  deleteUnusedSecurityGroups: z.boolean().default(false).describe('Security groups no resource uses are noncompliant (and, with remediation, deleted).'),
  coalesceRedundantSecurityGroups: z.boolean().default(false).describe('Security groups with the very same rules in one VPC are folded into one.'),
  unusedForMinutes: z.number().int().min(0).max(525_600).optional().describe('How long a group may stay unused before it counts as unused; 0 when absent.'),
});

const SecurityGroupRuleSchema = z
  .strictObject({
    protocol: z.enum(['tcp', 'udp', 'all']),
    fromPort: PortSchema.optional(),
    toPort: PortSchema.optional(),
    cidrIpv4: z.cidrv4({ error: expected('an IPv4 CIDR block such as 10.0.0.0/8') }).optional(),
    cidrIpv6: z.cidrv6({ error: expected('an IPv6 CIDR block such as 2001:db8::/32') }).optional(),
    description: z
      .string()
      .max(255)
      .regex(/^[A-Za-z0-9 ._\-:/()#,@[\]+=;{}!$*]*$/, { error: expected('a description of letters, digits, spaces and ._-:/()#,@[]+=;{}!$* (as EC2 allows)') })
      .optional(),
  })
  .refine((rule) => (rule.cidrIpv4 === undefined) !== (rule.cidrIpv6 === undefined), { error: 'a rule names exactly one of cidrIpv4 and cidrIpv6' })
  .refine((rule) => (rule.protocol === 'all' ? rule.fromPort === undefined && rule.toPort === undefined : rule.fromPort !== undefined && rule.toPort !== undefined), {
    error: 'a tcp or udp rule needs fromPort and toPort; an "all" rule takes neither',
  })
  .refine((rule) => rule.fromPort === undefined || rule.toPort === undefined || rule.fromPort <= rule.toPort, { error: 'fromPort is above toPort' });

/** What makes two rules of a security group the same for EC2, which refuses the second: all but the description. */
/** A security group rule as the messages name it, and as its Terraform name is made (`tcp 22-22 0.0.0.0/0`): what makes it the rule it is. */
export function ruleName({ protocol, fromPort, toPort, cidrIpv4, cidrIpv6 }: z.output<typeof SecurityGroupRuleSchema>): string {
  return `${protocol}${fromPort === undefined ? '' : ` ${fromPort}-${toPort}`} ${cidrIpv4 ?? cidrIpv6}`;
}

const SecurityGroupsCommonSchema = z.strictObject({
  type: z.literal('securityGroupsCommon'),
  ...PolicyFields,
  resourceTypes: setOf(ResourceTypeSchema).min(1).default(['AWS::EC2::Instance']).describe('AWS::EC2::Instance or AWS::EC2::NetworkInterface.'),
  ingress: setOf(SecurityGroupRuleSchema, ruleName).default([]).describe('Inbound rules of the primary security group.'),
  egress: setOf(SecurityGroupRuleSchema, ruleName).default([]).describe('Outbound rules of the primary security group.'),
  revertManualSecurityGroupChanges: z.boolean().default(true).describe('Report (and with remediation revert) changes made to the copies in the accounts.'),
  exclusiveResourceSecurityGroupManagement: z.boolean().default(false).describe('The copy is the only security group of the resources in scope.'),
  applyToAllEC2InstanceENIs: z.boolean().default(false).describe("Every network interface of an instance, not only its first."),
  includeSharedVPC: z.boolean().default(false).describe('Resources in VPCs shared with the accounts in scope too.'),
});

const DnsFirewallSchema = z.strictObject({
  type: z.literal('dnsFirewall'),
  ...PolicyFields,
  ruleGroups: z
    .array(
      z.strictObject({
        priority: z.number().int().describe('1-99: evaluated before the groups an account associates itself; 9901-10000: after them.'),
        domainLists: setOf(z.enum(DNS_FIREWALL_MANAGED_DOMAIN_LISTS)).min(1).describe('AWS managed domain lists, one rule each.'),
        action: z.enum(['block', 'alert']).default('block'),
        blockResponse: z.enum(['NODATA', 'NXDOMAIN']).default('NODATA').describe('What a blocked query is answered.'),
      }),
    )
    .min(1)
    .describe('Rule groups of the security account, associated with every VPC in scope; at most 2.'),
});

const NetworkFirewallSchema = z.strictObject({
  type: z.literal('networkFirewall'),
  ...PolicyFields,
  managedStatefulRuleGroups: setOf(
    z.strictObject({
      name: z
        .string()
        .regex(/^[A-Za-z0-9]+StrictOrder$/, { error: expected('an AWS managed stateful rule group for strict order, such as ThreatSignaturesMalwareStrictOrder') }),
      priority: z.number().int().min(1).max(65535),
    }),
    (group) => group.name,
  )
    .min(1)
    .describe('AWS managed stateful rule groups, evaluated in strict order by priority.'),
  statefulDefaultActions: setOf(z.enum(NETWORK_FIREWALL_STATEFUL_DEFAULT_ACTIONS))
    .default([])
    .describe('What happens to traffic no rule decides: none passes it; at most one drop and one alert action.'),
  singleFirewallEndpointPerVpc: z.boolean().default(false).describe('One endpoint per VPC instead of one per Availability Zone with public subnets.'),
  allowedIpv4Cidrs: setOf(z.cidrv4({ error: expected('an IPv4 CIDR block such as 10.0.0.0/28') }).refine((cidr) => cidr.endsWith('/28'), { error: 'expected a /28 CIDR block' }))
    .max(NETWORK_FIREWALL_MAX_ALLOWED_CIDRS)
    .default([])
    .describe('/28 blocks for the firewall subnets; any free space of the VPC when empty.'),
  routeManagement: z.enum(['OFF', 'MONITOR']).default('OFF').describe('MONITOR: report routes that bypass the firewall; it cannot be turned off again.'),
});

const ShieldAdvancedSchema = z.strictObject({
  type: z.literal('shieldAdvanced'),
  ...PolicyFields,
  resourceTypes: setOf(ResourceTypeSchema)
    .min(1)
    .describe('AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::ElasticLoadBalancing::LoadBalancer, AWS::EC2::EIP, AWS::CloudFront::Distribution.'),
  automaticResponse: z
    .enum(['ignore', 'disable', 'count', 'block'])
    .default('ignore')
    .describe('Automatic application layer DDoS mitigation of CloudFront distributions: left to each resource, off, or on with count or block.'),
});

const POLICY_SCHEMAS = [
  WafPolicySchema,
  SecurityGroupsContentAuditSchema,
  SecurityGroupsUsageAuditSchema,
  SecurityGroupsCommonSchema,
  DnsFirewallSchema,
  NetworkFirewallSchema,
  ShieldAdvancedSchema,
] as const;

/** The policy types, as the `type` of a policy names them. */
const FIREWALL_MANAGER_POLICY_TYPES: readonly string[] = POLICY_SCHEMAS.map((schema) => schema.shape.type.value);

const PolicySchema = z.discriminatedUnion('type', POLICY_SCHEMAS, {
  error: (issue) => {
    const type = (issue.input as { type?: unknown } | undefined)?.type;
    const types = FIREWALL_MANAGER_POLICY_TYPES.join(', ');
    if (type === undefined) return `needs a type: one of ${types}`;
    return typeof type === 'string'
      ? `expected type to be one of ${types}, got ${quoted(type)}${didYouMean(FIREWALL_MANAGER_POLICY_TYPES, type)}`
      : `expected type to be one of ${types}, got ${String(type)}`;
  },
});

export const FirewallManagerSchema = z
  .strictObject({
    referenceSecurityGroupVpcs: z
      .partialRecord(RegionSchema, VpcIdSchema)
      .default({})
      .describe(
        'By region: a VPC of the security account, made before the first apply, to hold the audit and primary security groups; where none is named, the landing zone makes one (no subnets).',
      ),
    dnsFirewallDomainLists: z
      .partialRecord(RegionSchema, z.partialRecord(z.enum(DNS_FIREWALL_MANAGED_DOMAIN_LISTS), DomainListIdSchema))
      .default({})
      .describe(
        'By region: the id of an AWS managed domain list, to use instead of the one looked up by name when Terraform plans (aws route53resolver list-firewall-domain-lists).',
      ),
    policies: nameRecord(PolicyKeySchema, PolicySchema).default({}).describe('Firewall Manager policies by name.'),
  })
  .describe('Firewall Manager policies, created from the security account (the Firewall Manager administrator).');

export type FirewallManagerConfig = z.output<typeof FirewallManagerSchema>;
export type FirewallManagerPolicyConfig = z.output<typeof PolicySchema>;
export type FirewallManagerScopeConfig = z.output<typeof ScopeSchema>;
export type SecurityGroupRuleConfig = z.output<typeof SecurityGroupRuleSchema>;
