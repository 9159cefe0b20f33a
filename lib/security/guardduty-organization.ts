/**
 * GuardDuty for the whole organization in each governed region, from the delegated
 * administrator: its own detector, then its registration as administrator, then every
 * member account enabled (existing and new), and each protection plan set on the
 * detector and for every member alike.
 */
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { GuarddutyOrganizationAdminAccount } from '@cdktf/provider-aws/lib/guardduty-organization-admin-account';
import { GuarddutyOrganizationConfiguration } from '@cdktf/provider-aws/lib/guardduty-organization-configuration';
import { GuarddutyOrganizationConfigurationFeature } from '@cdktf/provider-aws/lib/guardduty-organization-configuration-feature';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { GUARDDUTY_PROTECTIONS, type GuardDutyProtection, type SecurityServicesConfig } from '../config/schemas/security-services';
import { regionName } from '../terraform/terraform-names';
import { RegistrationsInTurn, type AdministratorRegistration } from './administrator-registration';

/**
 * Runtime Monitoring only sees workloads that run GuardDuty's security agent; with these,
 * GuardDuty installs and updates the agent itself on EKS, ECS Fargate and EC2. AWS reads
 * them back whether they are on or off, so they are always written, or every plan would
 * show a change.
 */
const RUNTIME_MONITORING_AGENT_MANAGEMENT = ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'] as const;

export interface GuardDutyOrganizationProps {
  /** GuardDuty runs in each. */
  readonly regions: readonly AwsRegion[];
  /** Finding frequency and protection plans. */
  readonly guardDuty: SecurityServicesConfig['guardDuty'];
  /** Made in each region once the detector exists. */
  readonly registration: AdministratorRegistration;
}

export class GuardDutyOrganization extends Construct {
  constructor(scope: Construct, id: string, props: GuardDutyOrganizationProps) {
    super(scope, id);
    const { guardDuty } = props;
    const registrations = new RegistrationsInTurn();
    for (const region of props.regions) {
      const suffix = regionName(region);
      const detector = new GuarddutyDetector(this, `detector_${suffix}`, {
        region,
        enable: true,
        findingPublishingFrequency: guardDuty.findingPublishingFrequency,
      });
      const administrator = registrations.made(
        new GuarddutyOrganizationAdminAccount(this, `administrator_${suffix}`, {
          provider: props.registration.managementProvider,
          region,
          adminAccountId: props.registration.administratorAccountId,
          dependsOn: registrations.after(detector),
        }),
      );
      const organization = new GuarddutyOrganizationConfiguration(this, `organization_configuration_${suffix}`, {
        region,
        detectorId: detector.id,
        autoEnableOrganizationMembers: 'ALL',
        dependsOn: [administrator],
      });

      for (const [setting, feature] of Object.entries(GUARDDUTY_PROTECTIONS) as [GuardDutyProtection, string][]) {
        const enabled = guardDuty.protections[setting];
        const featureSuffix = `${feature.toLowerCase()}_${suffix}`;
        const agentManagement = feature === GUARDDUTY_PROTECTIONS.runtimeMonitoring ? RUNTIME_MONITORING_AGENT_MANAGEMENT : undefined;
        new GuarddutyDetectorFeature(this, `feature_${featureSuffix}`, {
          region,
          detectorId: detector.id,
          name: feature,
          status: enabled ? 'ENABLED' : 'DISABLED',
          additionalConfiguration: agentManagement?.map((name) => ({ name, status: enabled ? 'ENABLED' : 'DISABLED' })),
        });
        new GuarddutyOrganizationConfigurationFeature(this, `organization_feature_${featureSuffix}`, {
          region,
          detectorId: detector.id,
          name: feature,
          autoEnable: enabled ? 'ALL' : 'NONE',
          additionalConfiguration: agentManagement?.map((name) => ({ name, autoEnable: enabled ? 'ALL' : 'NONE' })),
          // Each feature update re-sends the members' auto-enable setting, read back from AWS: set it first.
          dependsOn: [organization],
        });
      }
    }
  }
}
