/**
 * Security Hub for the organization in each governed region, from the delegated
 * administrator (its own hub, then its registration as administrator), and the findings
 * of every region gathered in the home region.
 *
 * The configuration is local (per region): the security account's own hub subscribes the
 * configured standards explicitly, and accounts that join the organization are enabled
 * with AWS's default standards, the only standards local configuration can give them.
 * Auto-enable reaches new accounts only: accounts already in the organization when this
 * is first applied are not enabled by it.
 */
import { SecurityhubAccount } from '@cdktf/provider-aws/lib/securityhub-account';
import { SecurityhubFindingAggregator } from '@cdktf/provider-aws/lib/securityhub-finding-aggregator';
import { SecurityhubOrganizationAdminAccount } from '@cdktf/provider-aws/lib/securityhub-organization-admin-account';
import { SecurityhubOrganizationConfiguration } from '@cdktf/provider-aws/lib/securityhub-organization-configuration';
import { SecurityhubStandardsSubscription } from '@cdktf/provider-aws/lib/securityhub-standards-subscription';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { SECURITY_HUB_STANDARDS, type SecurityServicesConfig } from '../config/schemas/security-services';
import { securityHubStandardArn } from '../iam/arns';
import { regionName } from '../terraform/terraform-names';
import type { AdministratorRegistration } from './administrator-registration';

export interface SecurityHubOrganizationProps {
  /** Holds the finding aggregator. */
  readonly homeRegion: AwsRegion;
  /** The home region first. */
  readonly regions: readonly AwsRegion[];
  /** The standards enabled. */
  readonly securityHub: SecurityServicesConfig['securityHub'];
  /** Made in each region once the hub is on. */
  readonly registration: AdministratorRegistration;
}

export class SecurityHubOrganization extends Construct {
  constructor(scope: Construct, id: string, props: SecurityHubOrganizationProps) {
    super(scope, id);
    const hubs = props.regions.map((region) => {
      const suffix = regionName(region);
      const hub = new SecurityhubAccount(this, `account_${suffix}`, {
        region,
        // The standards are subscribed below, each one explicitly.
        enableDefaultStandards: false,
        // One finding per control, whatever the number of standards that include it.
        controlFindingGenerator: 'SECURITY_CONTROL',
        autoEnableControls: true,
      });
      const administrator = new SecurityhubOrganizationAdminAccount(this, `administrator_${suffix}`, {
        provider: props.registration.managementProvider,
        region,
        adminAccountId: props.registration.administratorAccountId,
        dependsOn: [hub],
      });
      new SecurityhubOrganizationConfiguration(this, `organization_configuration_${suffix}`, {
        region,
        autoEnable: true,
        // NONE would leave every new member with Security Hub on and no control checked at all.
        autoEnableStandards: 'DEFAULT',
        organizationConfiguration: { configurationType: 'LOCAL' },
        dependsOn: [administrator],
      });
      for (const standard of props.securityHub.standards) {
        new SecurityhubStandardsSubscription(this, `standard_${standard.replace(/-/g, '_')}_${suffix}`, {
          region,
          standardsArn: securityHubStandardArn(region, SECURITY_HUB_STANDARDS[standard]),
          dependsOn: [hub],
        });
      }
      return hub;
    });

    const linkedRegions = props.regions.filter((region) => region !== props.homeRegion);
    new SecurityhubFindingAggregator(this, 'finding_aggregator', {
      region: props.homeRegion,
      // With no other region to link, NO_REGIONS still makes the home region the aggregation (and central configuration) region.
      ...(linkedRegions.length > 0 ? { linkingMode: 'SPECIFIED_REGIONS', specifiedRegions: linkedRegions } : { linkingMode: 'NO_REGIONS' }),
      // A linked region must have Security Hub enabled to send its findings.
      dependsOn: hubs,
    });
  }
}
