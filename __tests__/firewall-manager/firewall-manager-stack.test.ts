/**
 * The firewall-manager stack, synthesized from the example and from a variant with every
 * other policy type: where each policy is made, whom it reaches (OU ids read from the
 * management stack's state, account ids from the account stacks' or literal), and the
 * managed service data AWS receives, parsed from the synthesized Terraform.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesisSummary } from '../../lib/app/synthesis-summary';
import { synthesizeLandingZone } from '../../lib/app/synthesize-landing-zone';
import { copyExample, editFile, governRegion, readStack, resources, synthesize, temporaryDirectory, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { policyFromTerraform } from '../support/terraform-values';

const STACK = 'firewall-manager';
const SECURITY_ACCOUNT = '${data.terraform_remote_state.account_security.outputs.account_id}';
/** How Terraform reads the OU at `path` from the management stack's output: by attribute, or by key when the path has a "/". */
const organizationalUnitId = (path: string) =>
  `\${data.terraform_remote_state.management.outputs.organizational_unit_ids${/^\w+$/.test(path) ? `.${path}` : `["${path}"]`}}`;

/** Every Firewall Manager policy of that name, by region. */
function policiesNamed(stack: TerraformJson, name: string): Record<string, TerraformJson> {
  const named = resources(stack, 'aws_fms_policy').filter((policy) => policy.name === name);
  const byRegion = Object.fromEntries(named.map((policy) => [policy.region, policy]));
  expect(Object.keys(byRegion)).toHaveLength(named.length);
  return byRegion;
}

function managedServiceData(policy: TerraformJson): any {
  return JSON.parse(policy.security_service_policy_data.managed_service_data);
}

/** `${type.name.attribute}` of the one resource of `type` in `region` that `matches`. */
function referenceTo(
  stack: TerraformJson,
  type: string,
  region: string,
  attribute: string,
  matches: (resource: TerraformJson) => boolean = () => true,
): string {
  const names = Object.entries<TerraformJson>(stack.resource[type]).filter(([, resource]) => resource.region === region && matches(resource));
  expect(names).toHaveLength(1);
  return `\${${type}.${names[0][0]}.${attribute}}`;
}

function addressOf(reference: string): string {
  return reference.replace(/^\$\{(.*)\.[a-z_]+\}$/, '$1');
}

describe('the example', () => {
  const stack = () => readStack(exampleOutput(), STACK);

  it('runs in the security account, Firewall Manager administrator, with a state of its own', () => {
    expect(stack().provider.aws).toEqual([
      {
        region: 'eu-west-1',
        allowed_account_ids: [SECURITY_ACCOUNT],
        assume_role: [{ role_arn: `arn:aws:iam::${SECURITY_ACCOUNT}:role/OrganizationAccountAccessRole`, session_name: 'landing-zone' }],
      },
    ]);
    expect(stack().terraform.backend.s3.key).toBe('landing-zone/firewall-manager.tfstate');
    expect(Object.keys(stack().data.terraform_remote_state).sort()).toEqual(['account_security', 'management']);
  });

  it('is applied after the security stack', () => {
    const manifest = JSON.parse(readFileSync(join(exampleOutput(), 'manifest.json'), 'utf8'));
    expect(manifest.stacks[STACK].dependencies).toEqual(['security']);
  });

  describe('the WAF policy of the Workloads OU', () => {
    it('is made in each governed region, for load balancers and API stages of the accounts in Workloads and the OUs below it', () => {
      const policies = policiesNamed(stack(), 'landing-zone-workloads-web');
      expect(Object.keys(policies).sort()).toEqual(['eu-central-1', 'eu-west-1']);
      for (const policy of Object.values(policies)) {
        expect(policy).toMatchObject({
          include_map: { orgunit: [organizationalUnitId('Workloads')] },
          resource_type_list: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ApiGateway::Stage'],
          remediation_enabled: true,
          exclude_resource_tags: false,
          delete_all_policy_resources: true,
          security_service_policy_data: { type: 'WAFV2' },
        });
        expect(policy.exclude_map).toBeUndefined();
        expect(policy.resource_type).toBeUndefined();
      }
    });

    it.each(['eu-west-1', 'eu-central-1'])('in %s, puts the rate-based rule group of the region first, then the AWS managed groups in order', (region) => {
      const data = managedServiceData(policiesNamed(stack(), 'landing-zone-workloads-web')[region]);
      const rateLimit = referenceTo(stack(), 'aws_wafv2_rule_group', region, 'arn');
      expect(data.type).toBe('WAFV2');
      expect(data.preProcessRuleGroups[0]).toEqual({
        ruleGroupType: 'RuleGroup',
        ruleGroupArn: rateLimit,
        overrideAction: { type: 'NONE' },
        sampledRequestsEnabled: true,
      });
      expect(data.preProcessRuleGroups.slice(1).map((group: any) => [group.ruleGroupType, group.managedRuleGroupIdentifier])).toEqual(
        ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet', 'AWSManagedRulesAmazonIpReputationList'].map(
          (name) => ['ManagedRuleGroup', { vendorName: 'AWS', managedRuleGroupName: name }],
        ),
      );
      expect(data.preProcessRuleGroups[1].ruleActionOverrides).toEqual([{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]);
      expect(data.preProcessRuleGroups[2].ruleActionOverrides).toBeUndefined();
      expect(data).toMatchObject({
        postProcessRuleGroups: [],
        defaultAction: { type: 'ALLOW' },
        overrideCustomerWebACLAssociation: false,
        loggingConfiguration: { logDestinationConfigs: [`arn:aws:s3:::aws-waf-logs-example-corp-logs-${region}`], redactedFields: [] },
        optimizeUnassociatedWebACL: true,
      });
    });

    it('limits each IP address with a rate-based rule group of the security account, regional, in each region', () => {
      const groups = resources(stack(), 'aws_wafv2_rule_group');
      expect(groups.map((group) => group.region).sort()).toEqual(['eu-central-1', 'eu-west-1']);
      for (const group of groups) {
        expect(group).toMatchObject({ name: 'landing-zone-workloads-web-rate-limit', scope: 'REGIONAL', capacity: 2 });
        expect(group.rule).toEqual([
          expect.objectContaining({ action: { block: {} }, statement: { rate_based_statement: { limit: 2000, aggregate_key_type: 'IP' } } }),
        ]);
      }
    });

    const ORGANIZATION = '${data.aws_organizations_organization.organization.id}';
    const bucketResource = (region: string, bucketName: string) =>
      referenceTo(stack(), 'aws_s3_bucket', region, 'id', (bucket) => bucket.bucket === bucketName);
    const ofBucket = (type: string, region: string, bucketName: string) =>
      resources(stack(), type).find((candidate) => candidate.bucket === bucketResource(region, bucketName))!;

    it.each(['eu-west-1', 'eu-central-1'])(
      'logs to an aws-waf-logs- bucket of the security account in %s, whose policy lets log delivery write before the policy exists',
      (region) => {
        const bucketName = `aws-waf-logs-example-corp-logs-${region}`;
        const bucket = resources(stack(), 'aws_s3_bucket').find((candidate) => candidate.bucket === bucketName)!;
        expect(bucket).toMatchObject({ region, lifecycle: { prevent_destroy: true } });
        const statements = JSON.parse(ofBucket('aws_s3_bucket_policy', region, bucketName).policy).Statement;
        expect(statements.map((statement: any) => statement.Sid)).toEqual(['DenyInsecureTransport', 'AWSLogDeliveryAclCheckFMS', 'AWSLogDeliveryWriteFMS']);
        expect(statements[2]).toEqual({
          Sid: 'AWSLogDeliveryWriteFMS',
          Effect: 'Allow',
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${bucketName}/*/AWSLogs/*`,
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceOrgID': ORGANIZATION } },
        });
        expect(policiesNamed(stack(), 'landing-zone-workloads-web')[region].depends_on).toEqual([
          addressOf(referenceTo(stack(), 'aws_s3_bucket_policy', region, 'id', (policy) => policy.bucket === bucketResource(region, bucketName))),
        ]);
        expect(ofBucket('aws_s3_bucket_public_access_block', region, bucketName)).toMatchObject({ block_public_acls: true, restrict_public_buckets: true });
      },
    );

    it.each(['eu-west-1', 'eu-central-1'])(
      'encrypts the WAF logs of %s with a key of that region that log delivery may use for the organization only, and logs access to the bucket beside it',
      (region) => {
        const bucketName = `aws-waf-logs-example-corp-logs-${region}`;
        const key = referenceTo(stack(), 'aws_kms_key', region, 'arn');
        expect(ofBucket('aws_s3_bucket_server_side_encryption_configuration', region, bucketName).rule).toEqual([
          { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: key }, bucket_key_enabled: true },
        ]);
        const keyResource = Object.values<TerraformJson>(stack().resource.aws_kms_key).find((candidate) => candidate.region === region)!;
        expect(keyResource).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
        expect(JSON.parse(keyResource.policy).Statement[1]).toMatchObject({
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceOrgID': ORGANIZATION } },
        });
        expect(resources(stack(), 'aws_kms_alias').find((alias) => alias.region === region)).toMatchObject({ name: 'alias/landing-zone-waf-logs' });
        const accessLogs = `example-corp-logs-waf-access-logs-${region}`;
        expect(ofBucket('aws_s3_bucket_logging', region, bucketName)).toMatchObject({
          target_bucket: bucketResource(region, accessLogs),
          target_prefix: `${bucketName}/`,
        });
        expect(ofBucket('aws_s3_bucket_server_side_encryption_configuration', region, accessLogs).rule).toEqual([
          { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
        ]);
        expect(JSON.parse(ofBucket('aws_s3_bucket_policy', region, accessLogs).policy).Statement[1]).toMatchObject({
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Condition: { ArnLike: { 'aws:SourceArn': [`arn:aws:s3:::${bucketName}`] }, StringEquals: { 'aws:SourceAccount': SECURITY_ACCOUNT } },
        });
      },
    );

    it('admits log delivery for accounts of the organization only, as the simulator decides on the bucket policy', async () => {
      const bucketName = 'aws-waf-logs-example-corp-logs-eu-west-1';
      const resourcePolicy = policyFromTerraform(ofBucket('aws_s3_bucket_policy', 'eu-west-1', bucketName).policy, {
        'data.aws_organizations_organization.organization.id': 'o-exampleorg1',
        'data.terraform_remote_state.account_security.outputs.account_id': '333333333333',
      });
      const deliver = async (sourceOrganization: string) => {
        const response = await runSimulation(
          {
            request: {
              principal: 'delivery.logs.amazonaws.com',
              action: 's3:PutObject',
              resource: { resource: `arn:aws:s3:::${bucketName}/12345678-policy/AWSLogs/555555555555/WAFLogs/log.gz`, accountId: '333333333333' },
              contextVariables: {
                'aws:SourceOrgID': sourceOrganization,
                'aws:SourceAccount': '555555555555',
                's3:x-amz-acl': 'bucket-owner-full-control',
                'aws:SecureTransport': 'true',
              },
            },
            identityPolicies: [],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            resourcePolicy,
          },
          {},
        );
        if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
        return response.overallResult;
      };
      expect(await deliver('o-exampleorg1')).toBe('Allowed');
      expect(await deliver('o-otherorg22')).toBe('ImplicitlyDenied');
    });
  });

  describe('the security group content audit', () => {
    it.each(['eu-west-1', 'eu-central-1'])(
      'in %s, compares every security group of the organization but the security account with an audit group (DENY)',
      (region) => {
        const policy = policiesNamed(stack(), 'landing-zone-open-admin-ports')[region];
        const auditGroup = referenceTo(stack(), 'aws_security_group', region, 'id', (group) => group.name === 'landing-zone-open-admin-ports');
        expect(managedServiceData(policy)).toEqual({
          type: 'SECURITY_GROUPS_CONTENT_AUDIT',
          securityGroups: [{ id: auditGroup }],
          securityGroupAction: { type: 'DENY' },
        });
        expect(policy).toMatchObject({ resource_type: 'AWS::EC2::SecurityGroup', remediation_enabled: false, exclude_map: { account: [SECURITY_ACCOUNT] } });
        expect(policy.include_map).toBeUndefined();
      },
    );

    it('makes the VPC of the audit groups in each region of the security account, without subnets and with a default security group without rules', () => {
      const vpcs = resources(stack(), 'aws_vpc');
      expect(vpcs.map((vpc) => vpc.region).sort()).toEqual(['eu-central-1', 'eu-west-1']);
      for (const vpc of vpcs) expect(vpc).toMatchObject({ cidr_block: '10.255.255.0/28', tags: { Name: 'landing-zone-firewall-manager-reference' } });
      expect(stack().resource.aws_subnet).toBeUndefined();
      expect(resources(stack(), 'aws_default_security_group')).toEqual(
        expect.arrayContaining(
          ['eu-west-1', 'eu-central-1'].map((region) =>
            expect.objectContaining({ region, vpc_id: referenceTo(stack(), 'aws_vpc', region, 'id'), ingress: [], egress: [] }),
          ),
        ),
      );
      expect(resources(stack(), 'aws_default_security_group')).toHaveLength(2);
    });

    it("opens each audited port to every IPv4 and IPv6 source in the audit group, in the region's VPC of the security account, and nothing else", () => {
      for (const region of ['eu-west-1', 'eu-central-1']) {
        const group = resources(stack(), 'aws_security_group').find(
          (candidate) => candidate.region === region && candidate.name === 'landing-zone-open-admin-ports',
        )!;
        expect(group.vpc_id).toBe(referenceTo(stack(), 'aws_vpc', region, 'id'));
        expect(group.ingress).toBeUndefined();
        expect(group.egress).toBeUndefined();
        const groupId = referenceTo(stack(), 'aws_security_group', region, 'id', (candidate) => candidate.name === 'landing-zone-open-admin-ports');
        const rules = resources(stack(), 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.security_group_id === groupId);
        const byPort = (a: any[], b: any[]) => a[1] - b[1] || (a[3] < b[3] ? -1 : 1);
        expect(rules.map((rule) => [rule.ip_protocol, rule.from_port, rule.to_port, rule.cidr_ipv4 ?? rule.cidr_ipv6]).sort(byPort)).toEqual(
          [22, 1433, 3306, 3389, 5432, 6379, 27017].flatMap((port) => [
            ['tcp', port, port, '0.0.0.0/0'],
            ['tcp', port, port, '::/0'],
          ]),
        );
        expect(rules.every((rule) => rule.region === region)).toBe(true);
        // The policy compares with the rules, so it waits for them.
        const policy = policiesNamed(stack(), 'landing-zone-open-admin-ports')[region];
        expect(policy.depends_on).toHaveLength(rules.length);
      }
      expect(resources(stack(), 'aws_vpc_security_group_egress_rule')).toEqual([]);
    });
  });

  it('audits the use of security groups everywhere but in the security account, whose reference groups are unused by design', () => {
    for (const policy of Object.values(policiesNamed(stack(), 'landing-zone-unused-security-groups'))) {
      expect(managedServiceData(policy)).toEqual({
        type: 'SECURITY_GROUPS_USAGE_AUDIT',
        deleteUnusedSecurityGroups: true,
        coalesceRedundantSecurityGroups: true,
        optionalDelayForUnusedInMinutes: 10080,
      });
      expect(policy).toMatchObject({ resource_type: 'AWS::EC2::SecurityGroup', exclude_map: { account: [SECURITY_ACCOUNT] }, remediation_enabled: false });
    }
  });

  describe('the DNS Firewall policy', () => {
    const REGIONS = ['eu-west-1', 'eu-central-1'];

    it.each(REGIONS)('in %s, reads the domain lists of the security account through Cloud Control, with a provider of the region', (region) => {
      const alias = region.replace(/-/g, '_');
      expect(stack().terraform.required_providers.awscc).toEqual({ source: 'hashicorp/awscc', version: '~> 1.0' });
      expect(stack().provider.awscc).toContainEqual({
        alias,
        region,
        assume_role: { role_arn: `arn:aws:iam::${SECURITY_ACCOUNT}:role/OrganizationAccountAccessRole`, session_name: 'landing-zone' },
      });
      const [[idsName, ids]] = Object.entries<TerraformJson>(stack().data.awscc_route53resolver_firewall_domain_lists).filter(
        ([, candidate]) => candidate.provider === `awscc.${alias}`,
      );
      expect(ids).toEqual({ '//': expect.anything(), provider: `awscc.${alias}` });
      const [[listsName, lists]] = Object.entries<TerraformJson>(stack().data.awscc_route53resolver_firewall_domain_list).filter(
        ([, candidate]) => candidate.provider === `awscc.${alias}`,
      );
      expect(lists).toMatchObject({ for_each: `\${toset(data.awscc_route53resolver_firewall_domain_lists.${idsName}.ids)}`, id: '${each.value}' });
      expect(Object.values(stack().locals)).toContain(
        `\${{ for list in data.awscc_route53resolver_firewall_domain_list.${listsName} : list.name => list.firewall_domain_list_id if list.managed_owner_name != null }}`,
      );
    });

    it.each(REGIONS)('in %s, blocks the managed domain lists of the region, looked up by name, with a rule group of the security account', (region) => {
      const group = referenceTo(stack(), 'aws_route53_resolver_firewall_rule_group', region, 'id');
      const rules = resources(stack(), 'aws_route53_resolver_firewall_rule').filter((rule) => rule.firewall_rule_group_id === group);
      const [names] = Object.entries<string>(stack().locals).find(([, expression]) =>
        expression.includes(`data.awscc_route53resolver_firewall_domain_list.managed_domain_lists_domain_lists_${region.replace(/-/g, '_')}_`),
      )!;
      expect(rules.map((rule) => [rule.name, rule.firewall_domain_list_id, rule.priority, rule.action, rule.block_response])).toEqual([
        ['AWSManagedDomainsMalwareDomainList', `\${local.${names}.AWSManagedDomainsMalwareDomainList}`, 100, 'BLOCK', 'NODATA'],
        ['AWSManagedDomainsBotnetCommandandControl', `\${local.${names}.AWSManagedDomainsBotnetCommandandControl}`, 200, 'BLOCK', 'NODATA'],
      ]);
      for (const rule of rules) {
        expect(rule.lifecycle.precondition).toEqual([
          {
            condition: `\${contains(keys(local.${names}), "${rule.name}")}`,
            error_message:
              `The AWS managed domain list ${rule.name} is not among the DNS Firewall domain lists the security account reads in ${region} through Cloud Control. ` +
              `Give its id under firewallManager.dnsFirewallDomainLists.${region}.${rule.name} in landing-zone.yaml (aws route53resolver list-firewall-domain-lists --region ${region}).`,
          },
        ]);
      }
      const policy = policiesNamed(stack(), 'landing-zone-dns-threats')[region];
      expect(managedServiceData(policy)).toEqual({
        type: 'DNS_FIREWALL',
        preProcessRuleGroups: [{ ruleGroupId: group, priority: 10 }],
        postProcessRuleGroups: [],
      });
      expect(policy).toMatchObject({ resource_type: 'AWS::EC2::VPC', remediation_enabled: true });
      expect(policy.exclude_map).toBeUndefined();
      expect(policy.include_map).toBeUndefined();
    });

    it('has AWS RAM share its rule groups: sharing with the organization on, from the management account, and RAM trusted', () => {
      expect(resources(readStack(exampleOutput(), 'organization-services'), 'aws_ram_sharing_with_organization')).toHaveLength(1);
      expect(resources(readStack(exampleOutput(), 'management'), 'aws_organizations_organization')[0].aws_service_access_principals).toContain(
        'ram.amazonaws.com',
      );
    });
  });

  it('subscribes to no Shield Advanced and makes no Network Firewall, which the example leaves off', () => {
    expect(resources(stack(), 'aws_shield_subscription')).toEqual([]);
    expect(resources(stack(), 'aws_fms_policy').map((policy) => policy.security_service_policy_data.type)).not.toEqual(
      expect.arrayContaining(['SHIELD_ADVANCED', 'NETWORK_FIREWALL']),
    );
  });
});

/** A VPC of the security account that the variant names for its reference security groups in eu-central-1. */
const OWN_VPC = 'vpc-0f1e2d3c4b5a69788';
/** The id of AWSManagedDomainsMalwareDomainList in us-east-1 that the variant gives. */
const OWN_DOMAIN_LIST = 'rslvr-fdl-6d2f8a0c4e1b3957';

/** The example with us-east-1 governed, an adopted account, a VPC of its own for eu-central-1, a domain list id of us-east-1, and a policy of every other kind and scope. */
function everyPolicyType(): string {
  const dir = copyExample();
  editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Infrastructure\naccountId: "444444444444"'));
  governRegion(dir, 'us-east-1');
  editFile(dir, 'landing-zone.yaml', (text) =>
    text.replace(
      '  policies:\n',
      [
        '  referenceSecurityGroupVpcs:',
        `    eu-central-1: ${OWN_VPC}`,
        '  dnsFirewallDomainLists:',
        `    us-east-1: { AWSManagedDomainsMalwareDomainList: ${OWN_DOMAIN_LIST} }`,
        '  policies:',
        '    edge:',
        '      type: waf',
        '      regions: [eu-west-1]',
        '      resourceTypes: [AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::CloudFront::Distribution]',
        '      scope:',
        '        exclude: { organizationalUnits: [Sandbox, Suspended], accounts: [shared-services, payments-dev] }',
        '        resourceTags: { exposure: internal }',
        '        excludeResourceTags: true',
        '      managedRuleGroups: [{ name: AWSManagedRulesAnonymousIpList }]',
        '      rateBasedRule: { limit: 500, action: count }',
        '      defaultAction: block',
        '      logging: true',
        '    ddos:',
        '      type: shieldAdvanced',
        '      resourceTypes: [AWS::CloudFront::Distribution, AWS::EC2::EIP]',
        '      automaticResponse: block',
        '      scope: { include: { accounts: [payments-prod] } }',
        '    inspection:',
        '      type: networkFirewall',
        '      regions: [eu-central-1]',
        '      scope: { include: { organizationalUnits: [Workloads/Prod] } }',
        '      managedStatefulRuleGroups:',
        '        - { name: ThreatSignaturesMalwareStrictOrder, priority: 10 }',
        '        - { name: ThreatSignaturesBotnetStrictOrder, priority: 20 }',
        '      statefulDefaultActions: [aws:alert_established]',
        '      singleFirewallEndpointPerVpc: true',
        '      allowedIpv4Cidrs: [10.0.255.0/28, 10.0.255.16/28]',
        '      routeManagement: MONITOR',
        '      remediation: true',
        '    baseline-group:',
        '      type: securityGroupsCommon',
        '      regions: [eu-central-1]',
        '      resourceTypes: [AWS::EC2::Instance, AWS::EC2::NetworkInterface]',
        '      ingress: [{ protocol: tcp, fromPort: 443, toPort: 443, cidrIpv4: 10.0.0.0/8, description: HTTPS from the network }]',
        '      egress: [{ protocol: all, cidrIpv6: "::/0" }]',
        '      exclusiveResourceSecurityGroupManagement: true',
        '',
      ].join('\n'),
    ),
  );
  return dir;
}

describe('every other policy type', () => {
  let stack: TerraformJson;
  let summary: string;
  beforeAll(async () => {
    const outdir = temporaryDirectory();
    const { landingZone, app } = await synthesizeLandingZone(everyPolicyType(), { outdir });
    stack = readStack(outdir, STACK);
    summary = synthesisSummary(landingZone, app);
  });

  it('puts the reference security groups of eu-central-1 in the VPC the configuration names, and says in the synth summary that it must exist', () => {
    expect(
      resources(stack, 'aws_vpc')
        .map((vpc) => vpc.region)
        .sort(),
    ).toEqual(['eu-west-1', 'us-east-1']);
    const groups = resources(stack, 'aws_security_group').filter((group) => group.region === 'eu-central-1');
    expect(groups.map((group) => [group.name, group.vpc_id]).sort()).toEqual([
      ['landing-zone-baseline-group', OWN_VPC],
      ['landing-zone-open-admin-ports', OWN_VPC],
    ]);
    expect(summary.split('\n').filter((line) => line.includes('referenceSecurityGroupVpcs'))).toEqual([
      `  before applying firewall-manager: the VPC ${OWN_VPC} (firewallManager.referenceSecurityGroupVpcs.eu-central-1) exists in the security account in eu-central-1`,
    ]);
  });

  it('protects CloudFront distributions from us-east-1 (Global) in a policy of their own, and the regional resources in the regions given', () => {
    const regional = policiesNamed(stack, 'landing-zone-edge');
    expect(Object.keys(regional)).toEqual(['eu-west-1']);
    expect(regional['eu-west-1']).toMatchObject({ resource_type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' });
    const cloudFront = policiesNamed(stack, 'landing-zone-edge-cloudfront');
    expect(Object.keys(cloudFront)).toEqual(['us-east-1']);
    expect(cloudFront['us-east-1']).toMatchObject({ resource_type: 'AWS::CloudFront::Distribution' });
    const data = managedServiceData(cloudFront['us-east-1']);
    const cloudFrontGroup = resources(stack, 'aws_wafv2_rule_group').find((group) => group.scope === 'CLOUDFRONT')!;
    expect(cloudFrontGroup).toMatchObject({ region: 'us-east-1', name: 'landing-zone-edge-rate-limit' });
    expect(cloudFrontGroup.rule[0]).toMatchObject({ action: { count: {} }, statement: { rate_based_statement: { limit: 500, aggregate_key_type: 'IP' } } });
    expect(data.preProcessRuleGroups[0].ruleGroupArn).toBe(
      referenceTo(stack, 'aws_wafv2_rule_group', 'us-east-1', 'arn', (group) => group.scope === 'CLOUDFRONT'),
    );
    expect(data).toMatchObject({
      defaultAction: { type: 'BLOCK' },
      loggingConfiguration: { logDestinationConfigs: ['arn:aws:s3:::aws-waf-logs-example-corp-logs-us-east-1'] },
    });
  });

  it('excludes OUs by the ids of the management state, a vended account by its account stack, an adopted one by its id, and resources by tag', () => {
    for (const policy of [
      ...Object.values(policiesNamed(stack, 'landing-zone-edge')),
      ...Object.values(policiesNamed(stack, 'landing-zone-edge-cloudfront')),
    ]) {
      expect(policy.exclude_map).toEqual({
        orgunit: [organizationalUnitId('Sandbox'), organizationalUnitId('Suspended')],
        account: ['444444444444', '${data.terraform_remote_state.account_payments_dev.outputs.account_id}'],
      });
      expect(policy.include_map).toBeUndefined();
      expect(policy).toMatchObject({ resource_tags: { exposure: 'internal' }, exclude_resource_tags: true });
    }
  });

  it('subscribes the security account to Shield Advanced before its policies, and mitigates at the application layer for CloudFront only', () => {
    const [subscription] = resources(stack, 'aws_shield_subscription');
    expect(subscription).toMatchObject({ auto_renew: 'ENABLED' });
    const subscriptionAddress = `aws_shield_subscription.${Object.keys(stack.resource.aws_shield_subscription)[0]}`;
    const cloudFront = policiesNamed(stack, 'landing-zone-ddos-cloudfront')['us-east-1'];
    expect(managedServiceData(cloudFront)).toEqual({
      type: 'SHIELD_ADVANCED',
      automaticResponseConfiguration: { automaticResponseStatus: 'ENABLED', automaticResponseAction: 'BLOCK' },
      overrideCustomerWebaclClassic: false,
      optimizeUnassociatedWebACL: true,
    });
    const regional = policiesNamed(stack, 'landing-zone-ddos');
    expect(Object.keys(regional).sort()).toEqual(['eu-central-1', 'eu-west-1', 'us-east-1']);
    for (const policy of [cloudFront, ...Object.values(regional)]) {
      expect(policy.depends_on).toEqual([subscriptionAddress]);
      expect(policy.include_map).toEqual({ account: ['${data.terraform_remote_state.account_payments_prod.outputs.account_id}'] });
    }
    // The Firewall Manager API documents no managed service data for Shield Advanced policies of other resource types than CloudFront distributions.
    expect(regional['eu-west-1'].security_service_policy_data).toEqual({ type: 'SHIELD_ADVANCED' });
    expect(regional['eu-west-1']).toMatchObject({ resource_type: 'AWS::EC2::EIP' });
  });

  it('makes a distributed Network Firewall of the AWS managed rule groups of its region, in strict order, for the VPCs of Workloads/Prod', () => {
    const policy = policiesNamed(stack, 'landing-zone-inspection')['eu-central-1'];
    expect(policy).toMatchObject({ resource_type: 'AWS::EC2::VPC', include_map: { orgunit: [organizationalUnitId('Workloads/Prod')] } });
    expect(policy.security_service_policy_data.policy_option).toBeUndefined();
    expect(managedServiceData(policy)).toEqual({
      type: 'NETWORK_FIREWALL',
      networkFirewallStatelessRuleGroupReferences: [],
      networkFirewallStatelessDefaultActions: ['aws:forward_to_sfe'],
      networkFirewallStatelessFragmentDefaultActions: ['aws:forward_to_sfe'],
      networkFirewallStatelessCustomActions: [],
      networkFirewallStatefulRuleGroupReferences: [
        { resourceARN: 'arn:aws:network-firewall:eu-central-1:aws-managed:stateful-rulegroup/ThreatSignaturesMalwareStrictOrder', priority: 10 },
        { resourceARN: 'arn:aws:network-firewall:eu-central-1:aws-managed:stateful-rulegroup/ThreatSignaturesBotnetStrictOrder', priority: 20 },
      ],
      networkFirewallStatefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
      networkFirewallStatefulDefaultActions: ['aws:alert_established'],
      networkFirewallOrchestrationConfig: {
        singleFirewallEndpointPerVPC: true,
        allowedIPV4CidrList: ['10.0.255.0/28', '10.0.255.16/28'],
        routeManagementAction: 'MONITOR',
        routeManagementTargetTypes: ['InternetGateway'],
      },
    });
  });

  it('copies a primary group of the security account, with the rules given, to every VPC in scope but the security account', () => {
    const policy = policiesNamed(stack, 'landing-zone-baseline-group')['eu-central-1'];
    const group = referenceTo(stack, 'aws_security_group', 'eu-central-1', 'id', (candidate) => candidate.name === 'landing-zone-baseline-group');
    expect(managedServiceData(policy)).toEqual({
      type: 'SECURITY_GROUPS_COMMON',
      securityGroups: [{ id: group }],
      revertManualSecurityGroupChanges: true,
      exclusiveResourceSecurityGroupManagement: true,
      applyToAllEC2InstanceENIs: false,
      includeSharedVPC: false,
    });
    expect(policy).toMatchObject({ resource_type_list: ['AWS::EC2::Instance', 'AWS::EC2::NetworkInterface'], exclude_map: { account: [SECURITY_ACCOUNT] } });
    expect(resources(stack, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.security_group_id === group)).toEqual([
      expect.objectContaining({ ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.0.0.0/8', description: 'HTTPS from the network' }),
    ]);
    const [egress] = resources(stack, 'aws_vpc_security_group_egress_rule');
    expect(egress).toMatchObject({ security_group_id: group, ip_protocol: '-1', cidr_ipv6: '::/0' });
    expect(egress.from_port).toBeUndefined();
  });

  it('covers a governed region added to the list with the policies that name no regions, with no id given for it', () => {
    expect(Object.keys(policiesNamed(stack, 'landing-zone-dns-threats')).sort()).toEqual(['eu-central-1', 'eu-west-1', 'us-east-1']);
    expect(stack.provider.awscc.map((provider: TerraformJson) => provider.region).sort()).toEqual(['eu-central-1', 'eu-west-1', 'us-east-1']);
  });

  it('uses a domain list id the configuration gives as it is, looks up the others, and says in the synth summary what the id must be', () => {
    const rules = resources(stack, 'aws_route53_resolver_firewall_rule').filter((rule) => rule.region === 'us-east-1');
    const [malware, botnet] = ['AWSManagedDomainsMalwareDomainList', 'AWSManagedDomainsBotnetCommandandControl'].map((name) =>
      rules.find((rule) => rule.name === name)!,
    );
    expect(malware.firewall_domain_list_id).toBe(OWN_DOMAIN_LIST);
    expect(malware.lifecycle).toBeUndefined();
    expect(botnet.firewall_domain_list_id).toMatch(/^\$\{local\.managed_domain_lists_names_us_east_1_[0-9A-F]+\.AWSManagedDomainsBotnetCommandandControl\}$/);
    expect(summary.split('\n').filter((line) => line.includes('dnsFirewallDomainLists'))).toEqual([
      `  before applying firewall-manager: ${OWN_DOMAIN_LIST} (firewallManager.dnsFirewallDomainLists.us-east-1.AWSManagedDomainsMalwareDomainList) is the id of AWSManagedDomainsMalwareDomainList in us-east-1`,
    ]);
  });
});

describe('without a firewallManager section', () => {
  it('writes no firewall-manager stack, and leaves AWS RAM alone', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(/\nfirewallManager:\n(?:(?: {2}.*)?\n)+/, '\n'));
    const out = await synthesize(dir);
    expect(() => readStack(out, STACK)).toThrow();
    expect(resources(readStack(out, 'organization-services'), 'aws_ram_sharing_with_organization')).toEqual([]);
    expect(resources(readStack(out, 'management'), 'aws_organizations_organization')[0].aws_service_access_principals).not.toContain('ram.amazonaws.com');
  });
});
