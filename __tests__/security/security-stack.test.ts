/**
 * The security account's stack, synthesized from the example's model: the organization
 * security services in every governed region, the cross-region views in the home region,
 * and the alert path, whose resource policies are decided by an IAM policy simulator.
 */
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { App } from 'cdktf';
import type { AwsRegion } from '../../lib/iam/aws-regions';
import { GUARDDUTY_PROTECTIONS, SECURITY_HUB_STANDARDS, type SecurityServicesConfig } from '../../lib/config/schemas/security-services';
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import type { LandingZone } from '../../lib/model/landing-zone';
import { stateBackendFor } from '../../lib/terraform/state-backend';
import { SecurityStack, type SecurityStackProps } from '../../stacks/security-stack';
import { copyExample, onlyResource, readStack, resources, temporaryDirectory, type TerraformJson } from '../support/example-config';

const ALERT_RULES = [
  {
    id: 'root-user-sign-in',
    title: 'Root user signed in',
    eventPattern: JSON.stringify({ 'detail-type': ['AWS Console Sign In via CloudTrail'], detail: { userIdentity: { type: ['Root'] } } }),
  },
  {
    id: 'guardduty-high-severity-finding',
    title: 'High-severity GuardDuty finding',
    eventPattern: JSON.stringify({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', 7] }] } }),
  },
];

const MANAGEMENT_ACCOUNT_ID = '111111111111';
const SECURITY_ACCOUNT_ID = '333333333333';
const MEMBER_ACCOUNT_ID = '555555555555';
const ORGANIZATION_ID = 'o-a1b2c3d4e5';
const SECURITY_ACCOUNT_REFERENCE = '${data.terraform_remote_state.account_security.outputs.account_id}';
const ORGANIZATION_ID_REFERENCE = '${data.aws_organizations_organization.organization.id}';

let landingZone: LandingZone;
let example: TerraformJson;
beforeAll(async () => {
  ({ landingZone } = await loadLandingZone(copyExample()));
  example = synthesizeSecurityStack();
});

function synthesizeSecurityStack(overrides: Partial<SecurityStackProps> = {}): TerraformJson {
  const outdir = temporaryDirectory();
  const app = new App({ outdir });
  new SecurityStack(app, 'security', {
    securityAccount: landingZone.securityAccount,
    accountAccessRole: landingZone.accountAccessRole,
    managementAccountId: landingZone.managementAccount.existingAccountId,
    homeRegion: landingZone.homeRegion,
    governedRegions: landingZone.governedRegions,
    securityServices: landingZone.securityServices,
    alerts: landingZone.alerts,
    alertRules: ALERT_RULES,
    stateBackend: stateBackendFor(landingZone.stateBackend),
    ...overrides,
  });
  app.synth();
  return readStack(outdir, 'security');
}

function withGuardDuty(protections: Partial<SecurityServicesConfig['guardDuty']['protections']>): Partial<SecurityStackProps> {
  const services = landingZone.securityServices;
  return { securityServices: { ...services, guardDuty: { ...services.guardDuty, protections: { ...services.guardDuty.protections, ...protections } } } };
}

function regionsOf(stack: TerraformJson, type: string): string[] {
  return resources(stack, type)
    .map((resource) => resource.region)
    .sort();
}

/** `type.name` of the one resource of `type` in `region`, as `depends_on` names it. */
function addressInRegion(stack: TerraformJson, type: string, region: string): string {
  const names = Object.entries<TerraformJson>(stack.resource[type]).filter(([, resource]) => resource.region === region);
  expect(names).toHaveLength(1);
  return `${type}.${names[0][0]}`;
}

function referenceInRegion(stack: TerraformJson, type: string, region: string, attribute: string): string {
  return `\${${addressInRegion(stack, type, region)}.${attribute}}`;
}

/** `type.name` of the one resource of `type`, as `depends_on` names it. */
function address(stack: TerraformJson, type: string): string {
  const names = Object.keys(stack.resource[type]);
  expect(names).toHaveLength(1);
  return `${type}.${names[0]}`;
}

function reference(stack: TerraformJson, type: string, attribute: string): string {
  return `\${${address(stack, type)}.${attribute}}`;
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('SecurityStack: where it runs', () => {
  it('assumes the access role in the security account, whose id comes from its account stack, and registers it as administrator from the management account', () => {
    expect(example.provider.aws).toEqual([
      {
        region: 'eu-west-1',
        allowed_account_ids: [SECURITY_ACCOUNT_REFERENCE],
        assume_role: [{ role_arn: `arn:aws:iam::${SECURITY_ACCOUNT_REFERENCE}:role/OrganizationAccountAccessRole`, session_name: 'landing-zone' }],
      },
      { alias: 'management', region: 'eu-west-1', allowed_account_ids: [MANAGEMENT_ACCOUNT_ID] },
    ]);
    expect(example.terraform.backend.s3.key).toBe('landing-zone/security.tfstate');
  });

  it('reads the organization id from a data source, not from the management stack', () => {
    expect(Object.keys(example.data.aws_organizations_organization)).toEqual(['organization']);
    expect(Object.keys(example.data.terraform_remote_state)).toEqual(['account_security']);
  });

  it('publishes the central bus and the alert topic', () => {
    expect(example.output.central_event_bus_arn.value).toBe(reference(example, 'aws_cloudwatch_event_bus', 'arn'));
    expect(example.output.alert_topic_arn.value).toBe(reference(example, 'aws_sns_topic', 'arn'));
  });
});

describe('registration as delegated administrator', () => {
  it.each([
    ['aws_guardduty_organization_admin_account', 'aws_guardduty_detector'],
    ['aws_securityhub_organization_admin_account', 'aws_securityhub_account'],
  ])(
    '%s: in each governed region, from the management account, once %s is on in the security account, the home region first and each after the one before',
    (registrationType, serviceType) => {
      expect(regionsOf(example, registrationType)).toEqual(['eu-central-1', 'eu-west-1']);
      const [home, other] = landingZone.governedRegions;
      expect(resources(example, registrationType).find((registration) => registration.region === home)).toMatchObject({
        provider: 'aws.management',
        admin_account_id: SECURITY_ACCOUNT_REFERENCE,
        depends_on: [addressInRegion(example, serviceType, home)],
      });
      expect(resources(example, registrationType).find((registration) => registration.region === other)).toMatchObject({
        provider: 'aws.management',
        admin_account_id: SECURITY_ACCOUNT_REFERENCE,
        depends_on: [addressInRegion(example, serviceType, other), addressInRegion(example, registrationType, home)],
      });
    },
  );
});

describe('GuardDuty', () => {
  it('enables a detector and every member account, existing and new, in each governed region', () => {
    for (const region of ['eu-west-1', 'eu-central-1']) {
      const detector = referenceInRegion(example, 'aws_guardduty_detector', region, 'id');
      expect(resources(example, 'aws_guardduty_detector').find((resource) => resource.region === region)).toMatchObject({
        enable: true,
        finding_publishing_frequency: 'FIFTEEN_MINUTES',
      });
      expect(resources(example, 'aws_guardduty_organization_configuration').filter((resource) => resource.region === region)).toEqual([
        expect.objectContaining({
          detector_id: detector,
          auto_enable_organization_members: 'ALL',
          depends_on: [addressInRegion(example, 'aws_guardduty_organization_admin_account', region)],
        }),
      ]);
    }
  });

  it('sets each protection plan on the detector and for the members as configured', () => {
    const expected = Object.entries(GUARDDUTY_PROTECTIONS).map(([setting, feature]) => {
      const enabled = landingZone.securityServices.guardDuty.protections[setting as keyof typeof GUARDDUTY_PROTECTIONS];
      return { feature, enabled };
    });
    expect(expected.find(({ feature }) => feature === 'RUNTIME_MONITORING')?.enabled).toBe(false);
    for (const region of ['eu-west-1', 'eu-central-1']) {
      const detector = referenceInRegion(example, 'aws_guardduty_detector', region, 'id');
      const features = resources(example, 'aws_guardduty_detector_feature').filter((feature) => feature.region === region);
      const memberFeatures = resources(example, 'aws_guardduty_organization_configuration_feature').filter((feature) => feature.region === region);
      expect(sorted(features.map((feature) => `${feature.name}=${feature.status}`))).toEqual(
        sorted(expected.map(({ feature, enabled }) => `${feature}=${enabled ? 'ENABLED' : 'DISABLED'}`)),
      );
      expect(sorted(memberFeatures.map((feature) => `${feature.name}=${feature.auto_enable}`))).toEqual(
        sorted(expected.map(({ feature, enabled }) => `${feature}=${enabled ? 'ALL' : 'NONE'}`)),
      );
      expect(new Set([...features, ...memberFeatures].map((feature) => feature.detector_id))).toEqual(new Set([detector]));
    }
  });

  it('lets GuardDuty manage the Runtime Monitoring agent on EKS, ECS Fargate and EC2 when Runtime Monitoring is on', () => {
    const stack = synthesizeSecurityStack(withGuardDuty({ runtimeMonitoring: true }));
    const agentManagement = ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'];
    for (const feature of resources(stack, 'aws_guardduty_detector_feature').filter((resource) => resource.name === 'RUNTIME_MONITORING')) {
      expect(feature.status).toBe('ENABLED');
      expect(feature.additional_configuration).toEqual(agentManagement.map((name) => ({ name, status: 'ENABLED' })));
    }
    for (const feature of resources(stack, 'aws_guardduty_organization_configuration_feature').filter((resource) => resource.name === 'RUNTIME_MONITORING')) {
      expect(feature.auto_enable).toBe('ALL');
      expect(feature.additional_configuration).toEqual(agentManagement.map((name) => ({ name, auto_enable: 'ALL' })));
    }
  });

  it('turns a protection off for the members too', () => {
    const stack = synthesizeSecurityStack(withGuardDuty({ s3DataEvents: false }));
    const s3 = (type: string) => resources(stack, type).filter((resource) => resource.name === 'S3_DATA_EVENTS');
    expect(s3('aws_guardduty_detector_feature').map((feature) => feature.status)).toEqual(['DISABLED', 'DISABLED']);
    expect(s3('aws_guardduty_organization_configuration_feature').map((feature) => feature.auto_enable)).toEqual(['NONE', 'NONE']);
  });
});

describe('Security Hub', () => {
  it('enables the hub in each governed region with consolidated control findings and no implicit standards', () => {
    expect(regionsOf(example, 'aws_securityhub_account')).toEqual(['eu-central-1', 'eu-west-1']);
    for (const hub of resources(example, 'aws_securityhub_account')) {
      expect(hub).toMatchObject({ enable_default_standards: false, control_finding_generator: 'SECURITY_CONTROL', auto_enable_controls: true });
    }
  });

  it('sets the organization to central configuration in the home region, once the finding aggregator and every registration exist', () => {
    expect(onlyResource(example, 'aws_securityhub_organization_configuration')).toEqual(
      expect.objectContaining({
        region: 'eu-west-1',
        auto_enable: false,
        auto_enable_standards: 'NONE',
        organization_configuration: { configuration_type: 'CENTRAL' },
        depends_on: [
          address(example, 'aws_securityhub_finding_aggregator'),
          addressInRegion(example, 'aws_securityhub_organization_admin_account', 'eu-central-1'),
        ],
      }),
    );
  });

  it('enables the configured standards in every account by one policy associated to the root and to the management account', () => {
    const configured = landingZone.securityServices.securityHub.standards;
    expect(configured).toEqual(['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark']);
    const policy = onlyResource(example, 'aws_securityhub_configuration_policy');
    expect(policy).toMatchObject({
      region: 'eu-west-1',
      name: 'landing-zone',
      configuration_policy: {
        service_enabled: true,
        enabled_standard_arns: configured.map((standard) => `arn:aws:securityhub:eu-west-1::${SECURITY_HUB_STANDARDS[standard]}`),
        security_controls_configuration: { disabled_control_identifiers: [] },
      },
      depends_on: [address(example, 'aws_securityhub_organization_configuration')],
    });
    const policyId = reference(example, 'aws_securityhub_configuration_policy', 'id');
    expect(
      sorted(resources(example, 'aws_securityhub_configuration_policy_association').map((association) => `${association.target_id} ${association.policy_id}`)),
    ).toEqual(sorted([`\${data.aws_organizations_organization.organization.roots[0].id} ${policyId}`, `${MANAGEMENT_ACCOUNT_ID} ${policyId}`]));
    expect(resources(example, 'aws_securityhub_standards_subscription')).toEqual([]);
  });

  it('gives an OU that differs a policy of its own, the controls it turns off included, associated to that OU', () => {
    const services = landingZone.securityServices;
    const stack = synthesizeSecurityStack({
      securityServices: {
        ...services,
        securityHub: { ...services.securityHub, disabledControls: ['IAM.6'], organizationalUnits: { 'Workloads/Prod': { standards: ['pci-dss'] } } },
      },
    });
    const policies = Object.values<TerraformJson>(stack.resource.aws_securityhub_configuration_policy);
    expect(
      policies.map((policy) => [policy.name, policy.configuration_policy.enabled_standard_arns, policy.configuration_policy.security_controls_configuration]),
    ).toEqual([
      ['landing-zone', expect.any(Array), { disabled_control_identifiers: ['IAM.6'] }],
      ['landing-zone-workloads-prod', [`arn:aws:securityhub:eu-west-1::${SECURITY_HUB_STANDARDS['pci-dss']}`], { disabled_control_identifiers: ['IAM.6'] }],
    ]);
    expect(resources(stack, 'aws_securityhub_configuration_policy_association').map((association) => association.target_id)).toContain(
      '${data.terraform_remote_state.management.outputs.organizational_unit_ids["Workloads/Prod"]}',
    );
  });

  it('aggregates findings into the home region from the other governed regions', () => {
    expect(onlyResource(example, 'aws_securityhub_finding_aggregator')).toMatchObject({
      region: 'eu-west-1',
      linking_mode: 'SPECIFIED_REGIONS',
      specified_regions: ['eu-central-1'],
    });
  });

  it('keeps the home region as the aggregation region when it is the only governed region', () => {
    const stack = synthesizeSecurityStack({ governedRegions: ['eu-west-1'] });
    const aggregator = onlyResource(stack, 'aws_securityhub_finding_aggregator');
    expect(aggregator).toMatchObject({ region: 'eu-west-1', linking_mode: 'NO_REGIONS' });
    expect(aggregator.specified_regions).toBeUndefined();
  });
});

describe('IAM Access Analyzer and AWS Config', () => {
  it('analyzes the organization in each governed region', () => {
    expect(
      resources(example, 'aws_accessanalyzer_analyzer')
        .map((analyzer) => [analyzer.region, analyzer.type])
        .sort(),
    ).toEqual([
      ['eu-central-1', 'ORGANIZATION'],
      ['eu-west-1', 'ORGANIZATION'],
    ]);
  });

  it('aggregates Config data of the organization from every governed region in the home region, with a role Config may assume', () => {
    const aggregator = onlyResource(example, 'aws_config_configuration_aggregator');
    const role = onlyResource(example, 'aws_iam_role');
    expect(aggregator.region).toBe('eu-west-1');
    expect(aggregator.organization_aggregation_source).toEqual({ regions: ['eu-west-1', 'eu-central-1'], role_arn: reference(example, 'aws_iam_role', 'arn') });
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': SECURITY_ACCOUNT_REFERENCE } },
      },
    ]);
    expect(onlyResource(example, 'aws_iam_role_policy_attachment')).toEqual(
      expect.objectContaining({
        role: reference(example, 'aws_iam_role', 'name'),
        policy_arn: 'arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations',
      }),
    );
  });
});

describe('three governed regions', () => {
  const regions: AwsRegion[] = ['eu-west-1', 'eu-central-1', 'eu-north-1'];
  let stack: TerraformJson;
  beforeAll(() => {
    stack = synthesizeSecurityStack({ governedRegions: regions });
  });

  it.each([
    'aws_guardduty_detector',
    'aws_guardduty_organization_configuration',
    'aws_securityhub_account',
    'aws_securityhub_organization_admin_account',
    'aws_accessanalyzer_analyzer',
  ])('has one %s in each region', (type) => {
    expect(regionsOf(stack, type)).toEqual(sorted(regions));
  });

  it('sets every protection plan in each region', () => {
    const perRegion = (type: string) => regions.map((region) => resources(stack, type).filter((resource) => resource.region === region).length);
    const features = Object.keys(GUARDDUTY_PROTECTIONS).length;
    expect(perRegion('aws_guardduty_detector_feature')).toEqual([features, features, features]);
    expect(perRegion('aws_guardduty_organization_configuration_feature')).toEqual([features, features, features]);
  });

  it('links the two other regions to the home region and aggregates Config from all three', () => {
    const aggregator = onlyResource(stack, 'aws_securityhub_finding_aggregator');
    expect(aggregator.region).toBe('eu-west-1');
    expect(sorted(aggregator.specified_regions)).toEqual(['eu-central-1', 'eu-north-1']);
    expect(onlyResource(stack, 'aws_config_configuration_aggregator').organization_aggregation_source.regions).toEqual(regions);
  });

  it('keeps the alert path in the home region only', () => {
    for (const type of ['aws_cloudwatch_event_bus', 'aws_sns_topic', 'aws_kms_key']) expect(regionsOf(stack, type)).toEqual(['eu-west-1']);
  });
});

describe('the alert path', () => {
  it('creates the central bus in the home region under its configured name', () => {
    expect(onlyResource(example, 'aws_cloudwatch_event_bus')).toMatchObject({ region: 'eu-west-1', name: landingZone.alerts.eventBusName });
    expect(landingZone.alerts.eventBusName).toBe('landing-zone-security-alerts');
  });

  it('has one rule on the central bus per alert, each sending to the topic', () => {
    const bus = reference(example, 'aws_cloudwatch_event_bus', 'name');
    const rules = Object.entries<TerraformJson>(example.resource.aws_cloudwatch_event_rule);
    expect(rules.map(([, rule]) => [rule.description, rule.event_pattern, rule.event_bus_name])).toEqual(
      expect.arrayContaining(ALERT_RULES.map((alert) => [alert.title, alert.eventPattern, bus])),
    );
    expect(rules).toHaveLength(ALERT_RULES.length);
    const targets = resources(example, 'aws_cloudwatch_event_target');
    expect(sorted(targets.map((target) => target.rule))).toEqual(sorted(rules.map(([name]) => `\${aws_cloudwatch_event_rule.${name}.name}`)));
    for (const target of targets) {
      expect(target).toMatchObject({ arn: reference(example, 'aws_sns_topic', 'arn'), event_bus_name: bus, region: 'eu-west-1' });
    }
  });

  it('mails the alert title and the whole event', () => {
    const target = resources(example, 'aws_cloudwatch_event_target').find((resource) => resource.rule.includes('root_user_sign_in'))!;
    expect(target.input_transformer).toEqual({ input_template: '{"alert":"Root user signed in","event":<aws.events.event.json>}' });
  });

  it('subscribes each alert recipient once', () => {
    const emails = ['security-alerts@example.com', 'soc@example.com'];
    const stack = synthesizeSecurityStack({ alerts: { ...landingZone.alerts, emails: [...emails, 'soc@example.com'] } });
    const subscriptions = resources(stack, 'aws_sns_topic_subscription');
    expect(sorted(subscriptions.map((subscription) => subscription.endpoint))).toEqual(emails);
    for (const subscription of subscriptions) expect(subscription).toMatchObject({ protocol: 'email', topic_arn: reference(stack, 'aws_sns_topic', 'arn') });
  });

  it('encrypts the topic with a rotated key that no plan can destroy', () => {
    const key = onlyResource(example, 'aws_kms_key');
    expect(key).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true }, region: 'eu-west-1' });
    expect(onlyResource(example, 'aws_sns_topic').kms_master_key_id).toBe(reference(example, 'aws_kms_key', 'arn'));
  });
});

/** A policy as Terraform would send it to AWS, with the two references resolved to example values. */
function resolvedPolicy(policy: string): TerraformJson {
  return JSON.parse(
    policy
      .split(ORGANIZATION_ID_REFERENCE)
      .join(ORGANIZATION_ID)
      .split(SECURITY_ACCOUNT_REFERENCE)
      .join(SECURITY_ACCOUNT_ID)
      .replace(/\$\$\{/g, '${')
      .replace(/%%\{/g, '%{'),
  );
}

async function decide(simulation: Omit<Simulation, 'serviceControlPolicies' | 'resourceControlPolicies'>): Promise<string> {
  const response = await runSimulation({ serviceControlPolicies: [], resourceControlPolicies: [], ...simulation }, {});
  if (response.resultType === 'error') throw new Error(`the simulation of ${simulation.request.action} rejected its input: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

describe('who may put events on the central bus', () => {
  const busArn = `arn:aws:events:eu-west-1:${SECURITY_ACCOUNT_ID}:event-bus/landing-zone-security-alerts`;
  const forwarder = `arn:aws:iam::${MEMBER_ACCOUNT_ID}:role/landing-zone-alert-forwarder`;
  const mayPutEvents = {
    name: 'put-events',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: busArn }] },
  };

  const putEvents = (principal: string, context: Record<string, string>) =>
    decide({
      request: {
        principal,
        action: 'events:PutEvents',
        resource: { resource: busArn, accountId: SECURITY_ACCOUNT_ID },
        contextVariables: { 'aws:PrincipalArn': principal, 'aws:PrincipalAccount': principal.split(':')[4], ...context },
      },
      identityPolicies: [mayPutEvents],
      resourcePolicy: resolvedPolicy(onlyResource(example, 'aws_cloudwatch_event_bus_policy').policy),
    });

  it('conditions on the organization id read from the data source', () => {
    const policy = onlyResource(example, 'aws_cloudwatch_event_bus_policy');
    expect(policy.event_bus_name).toBe(reference(example, 'aws_cloudwatch_event_bus', 'name'));
    expect(JSON.parse(policy.policy).Statement[0].Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': ORGANIZATION_ID_REFERENCE } });
  });

  it('allows a principal of an account of the organization', async () => {
    expect(await putEvents(forwarder, { 'aws:PrincipalOrgID': ORGANIZATION_ID })).toBe('Allowed');
  });

  it('refuses a principal of another organization', async () => {
    expect(await putEvents('arn:aws:iam::999999999999:role/landing-zone-alert-forwarder', { 'aws:PrincipalOrgID': 'o-zz9y8x7w6v' })).not.toBe('Allowed');
  });

  it('refuses a principal of an account in no organization', async () => {
    expect(await putEvents('arn:aws:iam::999999999999:role/landing-zone-alert-forwarder', {})).not.toBe('Allowed');
  });
});

describe('who may publish to the alert topic', () => {
  const topicArn = `arn:aws:sns:eu-west-1:${SECURITY_ACCOUNT_ID}:landing-zone-security-alerts`;

  const publish = (sourceArn: string, secureTransport = 'true') =>
    decide({
      request: {
        principal: 'events.amazonaws.com',
        action: 'sns:Publish',
        resource: { resource: topicArn, accountId: SECURITY_ACCOUNT_ID },
        contextVariables: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': sourceArn.split(':')[4], 'aws:SecureTransport': secureTransport },
      },
      identityPolicies: [],
      resourcePolicy: resolvedPolicy(onlyResource(example, 'aws_sns_topic_policy').policy),
    });

  it('allows EventBridge for a rule of the central bus', async () => {
    expect(await publish(`arn:aws:events:eu-west-1:${SECURITY_ACCOUNT_ID}:rule/landing-zone-security-alerts/landing-zone-root-user-sign-in`)).toBe('Allowed');
  });

  it('refuses EventBridge for a rule of the default bus of the security account', async () => {
    expect(await publish(`arn:aws:events:eu-west-1:${SECURITY_ACCOUNT_ID}:rule/landing-zone-forward-root-user-sign-in`)).not.toBe('Allowed');
  });

  it('refuses EventBridge for a rule of a bus of the same name in another account', async () => {
    expect(await publish(`arn:aws:events:eu-west-1:${MEMBER_ACCOUNT_ID}:rule/landing-zone-security-alerts/landing-zone-root-user-sign-in`)).not.toBe('Allowed');
  });

  it('denies publishing over plain HTTP', async () => {
    expect(await publish(`arn:aws:events:eu-west-1:${SECURITY_ACCOUNT_ID}:rule/landing-zone-security-alerts/landing-zone-root-user-sign-in`, 'false')).toBe(
      'ExplicitlyDenied',
    );
  });

  it('refuses a principal of a member account', async () => {
    const principal = `arn:aws:iam::${MEMBER_ACCOUNT_ID}:role/PlatformEngineer`;
    const result = await decide({
      request: {
        principal,
        action: 'sns:Publish',
        resource: { resource: topicArn, accountId: SECURITY_ACCOUNT_ID },
        contextVariables: {
          'aws:PrincipalArn': principal,
          'aws:PrincipalAccount': MEMBER_ACCOUNT_ID,
          'aws:PrincipalOrgID': ORGANIZATION_ID,
          'aws:SecureTransport': 'true',
        },
      },
      identityPolicies: [{ name: 'publish', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: topicArn }] } }],
      resourcePolicy: resolvedPolicy(onlyResource(example, 'aws_sns_topic_policy').policy),
    });
    expect(result).not.toBe('Allowed');
  });
});

describe('who may use the topic key', () => {
  const keyArn = `arn:aws:kms:eu-west-1:${SECURITY_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const keyPolicy = () => resolvedPolicy(onlyResource(example, 'aws_kms_key').policy);

  const useKey = (principal: string, action: string) =>
    decide({
      request: { principal, action, resource: { resource: keyArn, accountId: SECURITY_ACCOUNT_ID }, contextVariables: {} },
      identityPolicies: principal.startsWith('arn:')
        ? [{ name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }]
        : [],
      resourcePolicy: keyPolicy(),
    });

  it('lets EventBridge encrypt and decrypt alerts, with no condition SNS would not pass on', async () => {
    expect(await useKey('events.amazonaws.com', 'kms:GenerateDataKey')).toBe('Allowed');
    expect(await useKey('events.amazonaws.com', 'kms:Decrypt')).toBe('Allowed');
    const eventBridge = keyPolicy().Statement.find((statement: any) => statement.Principal?.Service === 'events.amazonaws.com');
    expect(eventBridge.Condition).toBeUndefined();
  });

  it('refuses other services and other accounts', async () => {
    expect(await useKey('events.amazonaws.com', 'kms:ScheduleKeyDeletion')).not.toBe('Allowed');
    expect(await useKey('sns.amazonaws.com', 'kms:Decrypt')).not.toBe('Allowed');
    expect(await useKey(`arn:aws:iam::${MEMBER_ACCOUNT_ID}:role/Admin`, 'kms:Decrypt')).not.toBe('Allowed');
  });

  it('lets the security account administer and use it', async () => {
    const administrator = `arn:aws:iam::${SECURITY_ACCOUNT_ID}:role/OrganizationAccountAccessRole`;
    expect(await useKey(administrator, 'kms:PutKeyPolicy')).toBe('Allowed');
    expect(await useKey(administrator, 'kms:Decrypt')).toBe('Allowed');
  });
});
