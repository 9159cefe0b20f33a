/**
 * The groups that grants name: looked up by display name (groups an external identity
 * provider keeps in step through SCIM), or created when the configuration says so.
 */
import { DataAwsIdentitystoreGroup } from '@cdktf/provider-aws/lib/data-aws-identitystore-group';
import { IdentitystoreGroup } from '@cdktf/provider-aws/lib/identitystore-group';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import type { IdentityCenter } from '../model/identity-center';
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
  for (const group of props.groups) {
    const id = `group_${textName(group.name)}`;
    ids.set(
      group.name,
      group.create
        ? new IdentitystoreGroup(scope, id, { region, identityStoreId, displayName: group.name, description: group.description || undefined }).groupId
        : new DataAwsIdentitystoreGroup(scope, id, {
            region,
            identityStoreId,
            alternateIdentifier: { uniqueAttribute: { attributePath: 'DisplayName', attributeValue: group.name } },
          }).groupId,
    );
  }
  return ids;
}
