/**
 * One AWS Config view of the whole organization: an organization aggregator in the home
 * region that collects the configuration and compliance data of every account from each
 * governed region. The security account runs it as Config's delegated administrator.
 */
import { ConfigConfigurationAggregator } from '@cdktf/provider-aws/lib/config-configuration-aggregator';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { awsManagedPolicyArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { serviceRole } from '../terraform/service-role';
import { CONFIG_AGGREGATOR_ROLE } from '../resource-names';

export interface OrganizationConfigAggregatorProps {
  /** Where the aggregator is. */
  readonly homeRegion: AwsRegion;
  /** The regions aggregated from every account. */
  readonly governedRegions: readonly AwsRegion[];
  /** Config may assume the aggregator's role for this account only. */
  readonly accountId: string;
}

export class OrganizationConfigAggregator extends Construct {
  /** The organization aggregator. */
  readonly aggregator: ConfigConfigurationAggregator;

  constructor(scope: Construct, id: string, props: OrganizationConfigAggregatorProps) {
    super(scope, id);
    const role = serviceRole(this, 'role', {
      name: CONFIG_AGGREGATOR_ROLE,
      service: 'config.amazonaws.com',
      onlyFor: { 'aws:SourceAccount': props.accountId },
    });
    const permissions = new IamRolePolicyAttachment(this, 'role_policy', {
      role: role.name,
      policyArn: awsManagedPolicyArn('service-role/AWSConfigRoleForOrganizations'),
    });

    this.aggregator = new ConfigConfigurationAggregator(this, 'aggregator', {
      region: props.homeRegion,
      name: 'organization',
      organizationAggregationSource: { regions: [...props.governedRegions], roleArn: role.arn },
      // Config checks the role's permissions when the aggregator is created.
      dependsOn: [permissions],
    });
  }
}
