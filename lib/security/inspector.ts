/**
 * Amazon Inspector for the whole organization, run by its delegated administrator in
 * every governed region: EC2, ECR and Lambda scanning on for the administrator itself and
 * auto-enabled for every account that joins later, and each account that already exists
 * made a member and enabled from its own baseline (auto-enable does not reach the accounts
 * that were in the organization before it was set, which, on a first apply, is all of them).
 */
import { Inspector2Enabler } from '@cdktf/provider-aws/lib/inspector2-enabler';
import { Inspector2MemberAssociation } from '@cdktf/provider-aws/lib/inspector2-member-association';
import { Inspector2OrganizationConfiguration } from '@cdktf/provider-aws/lib/inspector2-organization-configuration';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { regionName } from '../terraform/terraform-names';

/** What every account scans: instances, images and functions (code scanning is billed apart, and off). */
const RESOURCE_TYPES = ['EC2', 'ECR', 'LAMBDA'];

export interface InspectorOrganizationProps {
  /** Inspector runs in each. */
  readonly regions: readonly AwsRegion[];
  /** The delegated administrator, where the stack runs. */
  readonly administratorAccountId: string;
}

/** In the security stack, the administrator's part. */
export class InspectorOrganization extends Construct {
  constructor(scope: Construct, id: string, props: InspectorOrganizationProps) {
    super(scope, id);
    for (const region of props.regions) {
      const suffix = regionName(region);
      const scanning = new Inspector2Enabler(this, `administrator_${suffix}`, {
        region,
        accountIds: [props.administratorAccountId],
        resourceTypes: RESOURCE_TYPES,
      });
      new Inspector2OrganizationConfiguration(this, `organization_configuration_${suffix}`, {
        region,
        autoEnable: { ec2: true, ecr: true, lambda: true, lambdaCode: false },
        dependsOn: [scanning],
      });
    }
  }
}

export interface InspectorMemberProps {
  /** Inspector runs in each. */
  readonly regions: readonly AwsRegion[];
  /** The member account. */
  readonly accountId: string;
  /** A provider in the delegated administrator account, which alone can make members and enable them. */
  readonly administratorProvider: AwsProvider;
}

/** In each other account's baseline, once the administrator's part exists: the account made a member and its scanning enabled. */
export class InspectorMember extends Construct {
  constructor(scope: Construct, id: string, props: InspectorMemberProps) {
    super(scope, id);
    for (const region of props.regions) {
      const suffix = regionName(region);
      const provider = props.administratorProvider;
      const member = new Inspector2MemberAssociation(this, `member_${suffix}`, { provider, region, accountId: props.accountId });
      new Inspector2Enabler(this, `scanning_${suffix}`, {
        provider,
        region,
        accountIds: [props.accountId],
        resourceTypes: RESOURCE_TYPES,
        dependsOn: [member],
      });
    }
  }
}
