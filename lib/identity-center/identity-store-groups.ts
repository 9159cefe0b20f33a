/**
 * The groups that grants name: created when the configuration says so (an identity store of
 * Identity Center's own, the example's), or looked up by display name (groups an external
 * identity provider keeps in step through SCIM). The groups to look up are found in one
 * listing of the identity store, not one lookup each: a group that is not there stops the
 * plan of this stack with a message naming it and what to do, rather than with the provider's
 * `ResourceNotFoundException`, and before any account stack (which reads this one) is planned.
 */
import { DataAwsIdentitystoreGroups } from '@cdktf/provider-aws/lib/data-aws-identitystore-groups';
import { IdentitystoreGroup } from '@cdktf/provider-aws/lib/identitystore-group';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import type { IdentityCenter } from '../model/identity-center';
import { listedValue, requireListed } from '../terraform/postconditions';
import { textName } from '../terraform/terraform-names';

export interface IdentityStoreGroupsProps {
  /** Read from the Identity Center instance. */
  readonly identityStoreId: string;
  /** Identity Center's region, named on every resource. */
  readonly region: AwsRegion;
  /** Each group grants name, and whether the landing zone creates it. */
  readonly groups: IdentityCenter['groups'];
}

/** Each group's id in the identity store, by display name. */
export function identityStoreGroups(scope: Construct, props: IdentityStoreGroupsProps): Map<string, string> {
  const { identityStoreId, region } = props;
  const ids = new Map<string, string>();
  const lookedUp = props.groups.filter((group) => !group.create);
  const listing = lookedUp.length > 0 ? new DataAwsIdentitystoreGroups(scope, 'groups', { region, identityStoreId }) : undefined;
  if (listing) {
    requireListed(
      listing,
      'groups',
      'display_name',
      lookedUp.map((group) => ({
        value: group.name,
        message:
          `The group ${group.name} is not in the identity store of IAM Identity Center (${region}). ` +
          'Have the identity provider synchronise it through SCIM (or create it in the Identity Center console), ' +
          `or set identityCenter.groups.${group.name}.create: true in landing-zone.yaml for the landing zone to create it.`,
      })),
    );
  }
  for (const group of props.groups) {
    ids.set(
      group.name,
      group.create
        ? new IdentitystoreGroup(scope, `group_${textName(group.name)}`, {
            region,
            identityStoreId,
            displayName: group.name,
            description: group.description || undefined,
          }).groupId
        : listedValue(listing!, 'groups', 'display_name', group.name, 'group_id'),
    );
  }
  return ids;
}
