/**
 * Validation of the firewallManager section: every problem names landing-zone.yaml, its
 * line and the field, says what was expected and, where one is close, what was meant.
 */
import { formatFieldPath } from '../../lib/diagnostics';
import { WAF_MANAGED_RULE_GROUPS } from '../../lib/firewall-policies/waf-managed-rule-groups';
import { copyExample, editFile, governRegion } from '../support/example-config';
import { issuesOf, lineOf, linesOf } from '../support/read-configuration';

const FILE = 'landing-zone.yaml';

/** A copy of the example with landing-zone.yaml edited. */
function example(edit: (text: string) => string): string {
  const dir = copyExample();
  editFile(dir, FILE, edit);
  return dir;
}

/** The example with these policies added (YAML lines under `policies:`). */
function withPolicies(...lines: string[]): string {
  return example((text) => text.replace('  policies:\n', `  policies:\n${lines.map((line) => `    ${line}`).join('\n')}\n`));
}

/** The issue at the first line that starts with `prefix`, at `field` of firewallManager.policies (dotted), as a user reads it. */
const at = (dir: string, prefix: string, field: string, message: string, line = lineOf(dir, FILE, prefix)) =>
  `${FILE}:${line} ${formatFieldPath(['firewallManager', 'policies', ...field.split('.')])}: ${message}`;

describe('the example', () => {
  it('passes with its four policies', () => {
    expect(issuesOf(copyExample())).toEqual([]);
  });
});

describe('schema', () => {
  it('refuses a port out of range, with its line', () => {
    const dir = example((text) => text.replace('ports: [22, 3389,', 'ports: [22, 0, 3389,'));
    expect(issuesOf(dir)).toEqual([at(dir, 'ports:', 'open-admin-ports.ports.1', 'expected a port from 1 to 65535, got 0')]);
    const high = example((text) => text.replace('27017]', '65536]'));
    expect(issuesOf(high)).toEqual([at(high, 'ports:', 'open-admin-ports.ports.6', 'expected a port from 1 to 65535, got 65536')]);
  });

  it('refuses an unknown policy type, with a suggestion', () => {
    const dir = example((text) => text.replace('type: dnsFirewall', 'type: dnsFirewal'));
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'type: dnsFirewal',
        'dns-threats.type',
        'expected type to be one of waf, securityGroupsContentAudit, securityGroupsUsageAudit, securityGroupsCommon, dnsFirewall, networkFirewall, shieldAdvanced, got "dnsFirewal"; did you mean "dnsFirewall"?',
      ),
    ]);
  });

  it('refuses an unknown key of a policy, a Network Firewall CIDR block that is not a /28, and a domain list id of the wrong form', () => {
    const dir = withPolicies(
      'inspection:',
      '  type: networkFirewall',
      '  managedStatefulRuleGroups: [{ name: ThreatSignaturesMalwareStrictOrder, priority: 1 }]',
      '  allowedIpv4Cidrs: [10.0.0.0/24]',
      '  remediate: true',
    );
    editFile(dir, FILE, (text) =>
      text.replace('  policies:\n', '  dnsFirewallDomainLists:\n    eu-west-1:\n      AWSManagedDomainsMalwareDomainList: fdl-2c46f2ecbfec4dcc\n  policies:\n'),
    );
    expect(issuesOf(dir)).toEqual([
      `${FILE}:${lineOf(dir, FILE, 'AWSManagedDomainsMalwareDomainList: fdl-')} firewallManager.dnsFirewallDomainLists.eu-west-1.AWSManagedDomainsMalwareDomainList: expected a DNS Firewall domain list id such as rslvr-fdl-0123456789abcdef, got "fdl-2c46f2ecbfec4dcc"`,
      at(dir, 'allowedIpv4Cidrs:', 'inspection.allowedIpv4Cidrs.0', 'expected a /28 CIDR block'),
      expect.stringMatching(
        new RegExp(
          `^${FILE}:${lineOf(dir, FILE, 'remediate:')} firewallManager\\.policies\\.inspection\\.remediate: unknown key \\(expected one of .*\\); did you mean "remediation"\\?$`,
        ),
      ),
    ]);
  });
});

describe('the primary group of a common security group policy', () => {
  it('takes rule descriptions of the characters EC2 allows, one CIDR block a rule, and ports for tcp and udp only', () => {
    const dir = withPolicies(
      'baseline-group:',
      '  type: securityGroupsCommon',
      '  ingress: [{ protocol: tcp, fromPort: 443, toPort: 443, cidrIpv4: 10.0.0.0/8, description: "the team\'s network" }]',
      '  egress: [{ protocol: all, fromPort: 1, toPort: 2, cidrIpv4: 0.0.0.0/0, cidrIpv6: "::/0" }]',
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'ingress:',
        'baseline-group.ingress.0.description',
        'expected a description of letters, digits, spaces and ._-:/()#,@[]+=;{}!$* (as EC2 allows), got "the team\'s network"',
      ),
      at(dir, 'egress:', 'baseline-group.egress.0', 'a rule names exactly one of cidrIpv4 and cidrIpv6'),
      at(dir, 'egress:', 'baseline-group.egress.0', 'a tcp or udp rule needs fromPort and toPort; an "all" rule takes neither'),
    ]);
  });
});

describe('scopes', () => {
  it('refuses include and exclude together: Firewall Manager would apply the inclusions alone', () => {
    const dir = example((text) =>
      text.replace(
        '        include:\n          organizationalUnits: [Workloads]',
        '        include:\n          organizationalUnits: [Workloads]\n        exclude:\n          accounts: [payments-dev]',
      ),
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'scope:',
        'workloads-web.scope',
        'has both include and exclude: Firewall Manager takes inclusions or exclusions, not both (it would apply the inclusions alone); keep one',
      ),
    ]);
  });

  it('refuses an OU path and an account that do not exist, with suggestions', () => {
    const dir = example((text) => text.replace('organizationalUnits: [Workloads]', 'organizationalUnits: [Workloads/Prd]\n          accounts: [payments-prd]'));
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'organizationalUnits: [Workloads/Prd]',
        'workloads-web.scope.include.organizationalUnits.0',
        'expected an OU path of organizationalUnits (Security, Infrastructure, Workloads, Workloads/Prod, Workloads/NonProd, Sandbox, Suspended), got "Workloads/Prd"; did you mean "Workloads/Prod"?',
      ),
      at(
        dir,
        'accounts: [payments-prd]',
        'workloads-web.scope.include.accounts.0',
        'expected the name of an account request (log-archive, management, payments-dev, payments-prod, sandbox-data-science, security, shared-services), got "payments-prd"; did you mean "payments-prod"?',
      ),
    ]);
  });

  it('refuses an include that names nothing', () => {
    const dir = example((text) => text.replace('        include:\n          organizationalUnits: [Workloads]', '        include: {}'));
    expect(issuesOf(dir)).toEqual([
      at(dir, 'include: {}', 'workloads-web.scope.include', 'names no OU and no account; remove it to leave the scope to the other side'),
    ]);
  });

  it("holds Firewall Manager's quotas: 20 OUs and 8 resource tags per policy", () => {
    const units = Array.from({ length: 21 }, (_, index) => `Team${index}`);
    const dir = example((text) =>
      text
        .replace('  Sandbox: {}\n', `  Sandbox: {}\n${units.map((unit) => `  ${unit}: {}`).join('\n')}\n`)
        .replace(
          'organizationalUnits: [Workloads]',
          `organizationalUnits: [${units.join(', ')}]\n        resourceTags: { ${Array.from({ length: 9 }, (_, index) => `t${index}: v`).join(', ')} }`,
        ),
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'organizationalUnits: [Team0',
        'workloads-web.scope.include.organizationalUnits',
        "expected at most 20 OUs (Firewall Manager's quota per policy), got 21; name a parent OU instead, which covers the OUs below it",
      ),
      at(dir, 'resourceTags:', 'workloads-web.scope.resourceTags', "expected at most 8 tags (Firewall Manager's quota per policy), got 9"),
    ]);
  });

  it("holds Firewall Manager's quota of 200 accounts named in one policy", () => {
    const dir = example((text) =>
      text.replace('organizationalUnits: [Workloads]', `accounts: [${Array.from({ length: 201 }, (_value, index) => `team-${index}`).join(', ')}]`),
    );
    // Besides the quota, each of the 201 names no account of the example.
    expect(issuesOf(dir)).toContain(
      at(
        dir,
        'accounts: [team-0,',
        'workloads-web.scope.include.accounts',
        "expected at most 200 accounts (Firewall Manager's quota of accounts named in one policy), got 201; name their OUs instead",
      ),
    );
  });

  it('refuses a security group policy whose inclusion reaches the security account, which it must leave out', () => {
    const dir = example((text) =>
      text.replace('      ports: [22,', '      scope: { include: { organizationalUnits: [Security, Workloads] } }\n      ports: [22,'),
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'scope: { include: { organizationalUnits: [Security',
        'open-admin-ports.scope.include',
        'reaches the security account security, which security group policies leave out (its audit and primary groups would be found noncompliant, and removed as unused): include OUs and accounts without it, or use exclude, to which it is added',
      ),
    ]);
  });
});

describe('resource types and regions', () => {
  it('refuses AppSync and Cognito user pools in a WAF policy: AWS WAF protects them, Firewall Manager does not', () => {
    const dir = example((text) =>
      text.replace(
        '        - AWS::ApiGateway::Stage\n',
        '        - AWS::ApiGateway::Stage\n        - AWS::AppSync::GraphQLApi\n        - AWS::Cognito::UserPool\n',
      ),
    );
    const supported = 'AWS::ApiGateway::Stage, AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::CloudFront::Distribution';
    expect(issuesOf(dir)).toEqual(
      ['AWS::AppSync::GraphQLApi', 'AWS::Cognito::UserPool'].map((type, index) =>
        at(
          dir,
          `- ${type}`,
          `workloads-web.resourceTypes.${index + 2}`,
          `${type} is protected by AWS WAF, but Firewall Manager's WAF policies take ${supported} only (Firewall Manager API, Policy.ResourceType); associate its web ACL in the account instead`,
        ),
      ),
    );
  });

  it('refuses a resource type the policy type does not take, with a suggestion', () => {
    const dir = example((text) => text.replace('      ports: [22,', '      resourceTypes: [AWS::EC2::Instances]\n      ports: [22,'));
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'resourceTypes: [AWS::EC2::Instances]',
        'open-admin-ports.resourceTypes.0',
        'expected a resource type of securityGroupsContentAudit policies (AWS::EC2::SecurityGroup, AWS::EC2::NetworkInterface, AWS::EC2::Instance), got "AWS::EC2::Instances"; did you mean "AWS::EC2::Instance"?',
      ),
    ]);
  });

  it('refuses a resource type listed twice', () => {
    const dir = example((text) => text.replace('        - AWS::ApiGateway::Stage\n', '        - AWS::ApiGateway::Stage\n        - AWS::ApiGateway::Stage\n'));
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        '- AWS::ApiGateway::Stage',
        'workloads-web.resourceTypes.2',
        '"AWS::ApiGateway::Stage" is listed twice, as item 1 too; keep one',
        linesOf(dir, FILE, '- AWS::ApiGateway::Stage')[1],
      ),
    ]);
  });

  it('refuses CloudFront distributions while us-east-1, where AWS Config records them, is not governed', () => {
    const dir = example((text) =>
      text.replace('        - AWS::ApiGateway::Stage\n', '        - AWS::ApiGateway::Stage\n        - AWS::CloudFront::Distribution\n'),
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        '- AWS::CloudFront::Distribution',
        'workloads-web.resourceTypes.2',
        'needs us-east-1 governed: Firewall Manager finds CloudFront distributions through AWS Config, which records them in us-east-1 only, and the baseline records Config in the governed regions; add us-east-1 to governedRegions',
      ),
    ]);
  });

  it('refuses a region that is not governed, or given twice', () => {
    const ungoverned = example((text) => text.replace('      ports: [22,', '      regions: [eu-west-1, eu-west-2]\n      ports: [22,'));
    expect(issuesOf(ungoverned)).toEqual([
      `${FILE}:${lineOf(ungoverned, FILE, 'regions: [eu-west-1')} firewallManager.policies.open-admin-ports.regions.1: expected a governed region (eu-west-1, eu-central-1), got "eu-west-2"; did you mean "eu-west-1"?`,
    ]);
    const twice = example((text) => text.replace('      ports: [22,', '      regions: [eu-west-1, eu-central-1, eu-west-1]\n      ports: [22,'));
    expect(issuesOf(twice)).toEqual([
      `${FILE}:${lineOf(twice, FILE, 'regions: [eu-west-1')} firewallManager.policies.open-admin-ports.regions.2: "eu-west-1" is listed twice, as item 0 too; keep one`,
    ]);
  });
});

describe('rule groups', () => {
  it('refuses an AWS managed rule group that is not in the catalogue, with a suggestion', () => {
    const dir = example((text) => text.replace('- name: AWSManagedRulesSQLiRuleSet', '- name: AWSManagedRulesSQLRuleSet'));
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        '- name: AWSManagedRulesSQLRuleSet',
        'workloads-web.managedRuleGroups.2.name',
        `expected an AWS managed rule group (${WAF_MANAGED_RULE_GROUPS.map((group) => group.name).join(', ')}), got "AWSManagedRulesSQLRuleSet"; did you mean "AWSManagedRulesSQLiRuleSet"?`,
      ),
    ]);
  });

  it('refuses to count a rule the group does not hold, with a suggestion', () => {
    const dir = example((text) => text.replace('countRules: [SizeRestrictions_BODY]', 'countRules: [SizeRestrictions_BODY, NoUserAgent_HEADERS]'));
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'countRules:',
        'workloads-web.managedRuleGroups.0.countRules.1',
        'expected a rule of AWSManagedRulesCommonRuleSet (NoUserAgent_HEADER, UserAgent_BadBots_HEADER, SizeRestrictions_QUERYSTRING, SizeRestrictions_Cookie_HEADER, SizeRestrictions_BODY, SizeRestrictions_URIPATH, EC2MetaDataSSRF_BODY, EC2MetaDataSSRF_COOKIE, EC2MetaDataSSRF_URIPATH, EC2MetaDataSSRF_QUERYARGUMENTS, GenericLFI_QUERYARGUMENTS, GenericLFI_URIPATH, ...), got "NoUserAgent_HEADERS"; did you mean "NoUserAgent_HEADER"?',
      ),
    ]);
  });

  it('refuses a managed rule group listed twice', () => {
    const dir = example((text) =>
      text.replace(
        '        - name: AWSManagedRulesSQLiRuleSet\n',
        '        - name: AWSManagedRulesSQLiRuleSet\n        - name: AWSManagedRulesKnownBadInputsRuleSet\n',
      ),
    );
    const lines = linesOf(dir, FILE, '- name: AWSManagedRulesKnownBadInputsRuleSet');
    expect(issuesOf(dir)).toEqual([
      `${FILE}:${lines[1]} firewallManager.policies.workloads-web.managedRuleGroups.3: "AWSManagedRulesKnownBadInputsRuleSet" is listed twice, as item 1 too; keep one`,
    ]);
  });

  it('warns of Bot Control, billed on top of AWS WAF in every web ACL', () => {
    const dir = example((text) =>
      text.replace(
        '        - name: AWSManagedRulesSQLiRuleSet\n',
        '        - name: AWSManagedRulesSQLiRuleSet\n        - name: AWSManagedRulesBotControlRuleSet\n',
      ),
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        '- name: AWSManagedRulesBotControlRuleSet',
        'workloads-web.managedRuleGroups.3.name',
        "AWSManagedRulesBotControlRuleSet costs fees of its own on top of AWS WAF's (see AWS WAF pricing), in every web ACL the policy makes, in every account and region it reaches",
      ),
    ]);
  });

  it("keeps the catalogue's groups together within AWS WAF's 1,500 capacity units of the base price, which validation relies on", () => {
    expect(WAF_MANAGED_RULE_GROUPS.reduce((sum, group) => sum + group.capacity, 0)).toBeLessThanOrEqual(1500 - 2);
  });

  it('refuses a third DNS Firewall rule group, a priority outside the first and last ranges, and a priority used twice', () => {
    const dir = example((text) =>
      text.replace(
        '        - priority: 10\n',
        '        - priority: 100\n          domainLists: [AWSManagedDomainsMalwareDomainList]\n        - priority: 9901\n          domainLists: [AWSManagedDomainsMalwareDomainList]\n        - priority: 9901\n          domainLists: [AWSManagedDomainsMalwareDomainList]\n        - priority: 10\n',
      ),
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'ruleGroups:',
        'dns-threats.ruleGroups',
        "expected at most 2 rule groups (Firewall Manager's quota per DNS Firewall policy), got 4; put more rules in one group",
      ),
      at(
        dir,
        '- priority: 100',
        'dns-threats.ruleGroups.0.priority',
        'expected 1-99 (evaluated before the groups of the accounts) or 9901-10000 (after them), got 100',
      ),
      `${FILE}:${linesOf(dir, FILE, '- priority: 9901')[1]} firewallManager.policies.dns-threats.ruleGroups.2.priority: 9901 is the priority of another rule group of the policy; each needs its own`,
    ]);
  });

  it('refuses Network Firewall rule groups at one priority, and two drop actions', () => {
    const dir = withPolicies(
      'inspection:',
      '  type: networkFirewall',
      '  managedStatefulRuleGroups:',
      '    - { name: ThreatSignaturesMalwareStrictOrder, priority: 1 }',
      '    - { name: ThreatSignaturesBotnetStrictOrder, priority: 1 }',
      '  statefulDefaultActions: [aws:drop_strict, aws:drop_established]',
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        '- { name: ThreatSignaturesBotnetStrictOrder',
        'inspection.managedStatefulRuleGroups.1.priority',
        '1 is the priority of another rule group; strict order needs each its own',
      ),
      at(dir, 'statefulDefaultActions:', 'inspection.statefulDefaultActions', 'expected at most one drop action, got aws:drop_strict and aws:drop_established'),
    ]);
  });
});

describe('settings AWS refuses', () => {
  it('refuses automatic remediation of the content audit', () => {
    const dir = example((text) => text.replace('      ports: [22,', '      remediation: true\n      ports: [22,'));
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'remediation: true',
        'open-admin-ports.remediation',
        'must be false: AWS requires automatic remediation off when an audit security group policy is created, and with it on Firewall Manager would change or remove every rule in scope that matches the audit group; review the findings instead',
        // The WAF policy above has remediation on too.
        linesOf(dir, FILE, 'remediation: true')[1],
      ),
    ]);
  });

  it('warns of the fee of Shield Advanced, and refuses its cleanup and automatic mitigation without CloudFront', () => {
    const dir = withPolicies(
      'ddos:',
      '  type: shieldAdvanced',
      '  resourceTypes: [AWS::EC2::EIP]',
      '  automaticResponse: count',
      '  deleteUnusedManagedResources: true',
    );
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'type: shieldAdvanced',
        'ddos.type',
        'turns AWS Shield Advanced on: the first apply subscribes the security account, and Firewall Manager every account in scope, at USD 3,000 a month for the organization with a one-year commitment, plus data transfer out of the protected resources; removing the policy stops the renewal, not the term',
      ),
      at(
        dir,
        'automaticResponse:',
        'ddos.automaticResponse',
        'applies to CloudFront distributions only: add AWS::CloudFront::Distribution to resourceTypes, or leave it at ignore',
      ),
      at(
        dir,
        'deleteUnusedManagedResources:',
        'ddos.deleteUnusedManagedResources',
        'must be false: Firewall Manager does not remove Shield Advanced protections from resources that leave the scope',
      ),
    ]);
  });

  it('warns of a delay for unused security groups that are not deleted', () => {
    const dir = example((text) => text.replace('      deleteUnusedSecurityGroups: true\n', ''));
    expect(issuesOf(dir)).toEqual([
      at(
        dir,
        'unusedForMinutes:',
        'unused-security-groups.unusedForMinutes',
        'has no effect without deleteUnusedSecurityGroups: it is how long a group may stay unused before it counts as unused',
      ),
    ]);
  });
});

describe('limits of what AWS receives', () => {
  it('refuses managed service data over 30,000 characters', () => {
    const groups = Array.from({ length: 150 }, (_, index) => `    - { name: ThreatSignatures${'X'.repeat(100)}${index}StrictOrder, priority: ${index + 1} }`);
    const dir = withPolicies('inspection:', '  type: networkFirewall', '  regions: [eu-west-1]', '  managedStatefulRuleGroups:', ...groups);
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${FILE}:${lineOf(dir, FILE, 'inspection:')} firewallManager\\.policies\\.inspection: makes managed service data of 3\\d{4} characters in eu-west-1, over the 30000 Firewall Manager takes; split the policy$`,
        ),
      ),
    ]);
  });

  it('refuses a policy name that makes names longer than AWS takes', () => {
    const long = `p${'x'.repeat(60)}`;
    const dir = withPolicies(`${long}:`, '  type: dnsFirewall', '  ruleGroups: [{ priority: 1, domainLists: [AWSManagedDomainsMalwareDomainList] }]');
    expect(issuesOf(dir)).toEqual([
      at(dir, `${long}:`, long, `makes the DNS Firewall rule group name landing-zone-${long}-1, over the 64 characters it may have; shorten the policy's name`),
    ]);
    const longer = `p${'x'.repeat(120)}`;
    const waf = withPolicies(`${longer}:`, '  type: waf', '  resourceTypes: [AWS::ApiGateway::Stage]', '  rateBasedRule: { limit: 100 }');
    expect(issuesOf(waf)).toEqual([
      ...['eu-west-1', 'eu-central-1'].map((_region) =>
        at(
          waf,
          `${longer}:`,
          longer,
          `makes the Firewall Manager policy name landing-zone-${longer}, of 134 characters: expected at most 128; shorten the policy's name`,
        ),
      ),
      at(
        waf,
        `${longer}:`,
        longer,
        `makes the AWS WAF rule group name landing-zone-${longer}-rate-limit, over the 128 characters it may have; shorten the policy's name`,
      ),
      at(
        waf,
        `${longer}:`,
        longer,
        `makes the DNS Firewall rule group name landing-zone-${longer}-1, over the 64 characters it may have; shorten the policy's name`,
      ),
    ]);
  });

  it('refuses two policies of one name in one region: CloudFront distributions of x and a policy named x-cloudfront, with us-east-1 governed', () => {
    const dir = withPolicies(
      'edge:',
      '  type: waf',
      '  resourceTypes: [AWS::CloudFront::Distribution]',
      '  rateBasedRule: { limit: 100 }',
      'edge-cloudfront:',
      '  type: waf',
      '  regions: [us-east-1]',
      '  resourceTypes: [AWS::ApiGateway::Stage]',
      '  rateBasedRule: { limit: 100 }',
    );
    governRegion(dir, 'us-east-1');
    expect(issuesOf(dir)).toEqual([
      at(dir, 'edge-cloudfront:', 'edge-cloudfront', 'makes the Firewall Manager policy landing-zone-edge-cloudfront in us-east-1, as edge does; rename one'),
    ]);
  });

  it("warns beyond Firewall Manager's default 20 policies in one region", () => {
    const dir = withPolicies(...Array.from({ length: 17 }, (_, index) => [`audit-${index}:`, '  type: securityGroupsUsageAudit']).flat());
    expect(issuesOf(dir)).toEqual(
      ['eu-west-1', 'eu-central-1'].map(
        (region) =>
          `${FILE}:${lineOf(dir, FILE, 'policies:')} firewallManager.policies: make 21 Firewall Manager policies in ${region}, over the 20 Firewall Manager allows by default in one region (Global counts as us-east-1): ask for more in Service Quotas before applying`,
      ),
    );
  });
});
