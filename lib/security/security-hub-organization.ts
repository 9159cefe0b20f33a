/**
 * Security Hub for the whole organization, by central configuration from the delegated
 * administrator: its own hub and its registration as administrator in each governed
 * region (one region after another), the home region made the aggregation region of the
 * findings of every other, then the organization set to central configuration, and a
 * configuration policy (the configured standards, the controls turned off) associated to
 * the root, so that it reaches every account that exists, the management account too, and
 * every account that joins later. An OU whose accounts differ gets a policy of its own,
 * which the OUs below it inherit.
 *
 * Local configuration with auto-enable would reach accounts that join later only, with
 * AWS's default standards: every account here exists before this stack runs. Central
 * configuration needs the finding aggregator first and a delegated administrator that is
 * not the management account; it conflicts with Security Hub settings made in the member
 * accounts themselves, which the landing zone makes nowhere.
 */
import { SecurityhubAccount } from '@cdktf/provider-aws/lib/securityhub-account';
import { SecurityhubConfigurationPolicy } from '@cdktf/provider-aws/lib/securityhub-configuration-policy';
import { SecurityhubConfigurationPolicyAssociation } from '@cdktf/provider-aws/lib/securityhub-configuration-policy-association';
import { SecurityhubFindingAggregator } from '@cdktf/provider-aws/lib/securityhub-finding-aggregator';
import { SecurityhubOrganizationAdminAccount } from '@cdktf/provider-aws/lib/securityhub-organization-admin-account';
import { SecurityhubOrganizationConfiguration } from '@cdktf/provider-aws/lib/securityhub-organization-configuration';
import { Construct } from 'constructs';
import { createHash } from 'node:crypto';
import { SECURITY_HUB_STANDARDS, type SecurityHubStandard, type SecurityServicesConfig } from '../config/schemas/security-services';
import { securityHubStandardArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { organizationalUnitName, regionName } from '../terraform/terraform-names';
import { RegistrationsInTurn, type AdministratorRegistration } from './administrator-registration';

export interface SecurityHubOrganizationProps {
  /** The aggregation region, where the configuration policies are made. */
  readonly homeRegion: AwsRegion;
  /** The home region first. */
  readonly regions: readonly AwsRegion[];
  /** The standards and disabled controls, for the organization and the OUs that differ. */
  readonly securityHub: SecurityServicesConfig['securityHub'];
  /** Made in each region once the hub is on. */
  readonly registration: AdministratorRegistration;
  /** The organization root, to which the organization's policy is associated. */
  readonly rootId: string;
  /** Associated to the organization's policy by its id as well, so that it is covered however the root's reach is read. */
  readonly managementAccountId: string;
  /** The id of the OU at a path, for the OUs that differ. */
  readonly organizationalUnitId: (path: string) => string;
}

/** Security Hub takes letters, digits, "-", ".", "!", "*" and "/" in a configuration policy's name, at most 128 of them. */
function policyName(ouPath: string): string {
  const name = `landing-zone-${organizationalUnitName(ouPath).toLowerCase().replace(/_/g, '-')}`;
  return name.length <= 128 ? name : `${name.slice(0, 119)}-${createHash('sha256').update(ouPath).digest('hex').slice(0, 8)}`;
}

export class SecurityHubOrganization extends Construct {
  constructor(scope: Construct, id: string, props: SecurityHubOrganizationProps) {
    super(scope, id);
    const { homeRegion, securityHub } = props;
    const registrations = new RegistrationsInTurn();
    const hubs = props.regions.map((region) => {
      const suffix = regionName(region);
      const hub = new SecurityhubAccount(this, `account_${suffix}`, {
        region,
        // The configuration policy decides the standards of every account, this one included.
        enableDefaultStandards: false,
        // One finding per control, whatever the number of standards that include it.
        controlFindingGenerator: 'SECURITY_CONTROL',
        autoEnableControls: true,
      });
      registrations.made(
        new SecurityhubOrganizationAdminAccount(this, `administrator_${suffix}`, {
          provider: props.registration.managementProvider,
          region,
          adminAccountId: props.registration.administratorAccountId,
          dependsOn: registrations.after(hub),
        }),
      );
      return hub;
    });

    const linkedRegions = props.regions.filter((region) => region !== homeRegion);
    const aggregator = new SecurityhubFindingAggregator(this, 'finding_aggregator', {
      region: homeRegion,
      // With no other region to link, NO_REGIONS still makes the home region the aggregation (and central configuration) region.
      ...(linkedRegions.length > 0 ? { linkingMode: 'SPECIFIED_REGIONS', specifiedRegions: linkedRegions } : { linkingMode: 'NO_REGIONS' }),
      // A linked region must have Security Hub enabled to send its findings.
      dependsOn: hubs,
    });
    const central = new SecurityhubOrganizationConfiguration(this, 'organization_configuration', {
      region: homeRegion,
      // Central configuration: the policies, not auto-enable, decide what every account runs.
      autoEnable: false,
      autoEnableStandards: 'NONE',
      organizationConfiguration: { configurationType: 'CENTRAL' },
      dependsOn: [aggregator, ...registrations.after()!],
    });

    const policyFor = (name: string, description: string, standards: readonly SecurityHubStandard[], disabledControls: readonly string[]) =>
      new SecurityhubConfigurationPolicy(this, `policy_${name.replace(/-/g, '_')}`, {
        region: homeRegion,
        name,
        description,
        configurationPolicy: {
          serviceEnabled: true,
          enabledStandardArns: standards.map((standard) => securityHubStandardArn(homeRegion, SECURITY_HUB_STANDARDS[standard])),
          securityControlsConfiguration: { disabledControlIdentifiers: [...disabledControls] },
        },
        dependsOn: [central],
      });
    const organization = policyFor('landing-zone', 'Security Hub in every account of the organization.', securityHub.standards, securityHub.disabledControls);
    for (const [target, targetId] of [
      ['root', props.rootId],
      ['management_account', props.managementAccountId],
    ] as const) {
      new SecurityhubConfigurationPolicyAssociation(this, `policy_association_${target}`, { region: homeRegion, targetId, policyId: organization.id });
    }
    for (const [path, differs] of Object.entries(securityHub.organizationalUnits)) {
      const name = policyName(path);
      const policy = policyFor(
        name,
        `Security Hub in the accounts of ${path} and the OUs below it.`,
        differs.standards ?? securityHub.standards,
        differs.disabledControls ?? securityHub.disabledControls,
      );
      new SecurityhubConfigurationPolicyAssociation(this, `policy_association_ou_${organizationalUnitName(path)}`, {
        region: homeRegion,
        targetId: props.organizationalUnitId(path),
        policyId: policy.id,
      });
    }
  }
}
