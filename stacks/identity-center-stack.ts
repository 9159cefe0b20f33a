/**
 * IAM Identity Center where it is administered: the permission sets with their policies,
 * and, in `identity-center`, the groups grants name and the attributes for access control.
 * Each account's assignments are in that account's own stacks, which read the ARNs and ids
 * published here: changing a permission set changes this stack alone.
 *
 * While Identity Center is delegated, the permission sets granted on the management
 * account are in `identity-center-management`, run from the management account, the only
 * one that may manage them.
 */
import { SsoadminInstanceAccessControlAttributes } from '@cdktf/provider-aws/lib/ssoadmin-instance-access-control-attributes';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { identityCenterInstance } from '../lib/identity-center/identity-center-instance';
import { identityStoreGroups } from '../lib/identity-center/identity-store-groups';
import { permissionSets } from '../lib/identity-center/permission-sets';
import type { IdentityCenter, PermissionSet } from '../lib/model/identity-center';
import { managementAccountProvider, memberAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { IDENTITY_CENTER_OUTPUTS } from './stack-outputs';
import { terraformMap } from '../lib/terraform/map-keys';

export interface IdentityCenterStackProps {
  /** Its region, named on every resource, and its groups and attributes. */
  readonly identityCenter: IdentityCenter;
  /** The permission sets this stack manages. */
  readonly permissionSets: readonly PermissionSet[];
  /**
   * Whether the groups and the attributes for access control are here too: in
   * `identity-center`, not in `identity-center-management`.
   */
  readonly withGroupsAndAttributes: boolean;
  /** The account the stack runs in: the management account, or the delegated administrator. */
  readonly accountId: string;
  /**
   * The role assumed in the delegated administrator.
   * @default none: the pipeline's own credentials, those of the management account
   */
  readonly roleName?: string;
  /** Where this stack keeps its state. */
  readonly stateBackend: StateBackend;
}

export class IdentityCenterStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: IdentityCenterStackProps) {
    super(scope, name, props.stateBackend);
    const { identityCenter, accountId, roleName } = props;
    const { region } = identityCenter;
    if (roleName === undefined) managementAccountProvider(this, { region, managementAccountId: accountId });
    else memberAccountProvider(this, { region, accountId, roleName });

    const { instanceArn, identityStoreId } = identityCenterInstance(this, region);
    const sets = permissionSets(this, { instanceArn, region, permissionSets: props.permissionSets });
    new TerraformOutput(this, IDENTITY_CENTER_OUTPUTS.instanceArn, { value: instanceArn });
    new TerraformOutput(this, IDENTITY_CENTER_OUTPUTS.identityStoreId, { value: identityStoreId });
    new TerraformOutput(this, IDENTITY_CENTER_OUTPUTS.permissionSetArns, {
      value: terraformMap(Object.fromEntries([...sets].map(([setName, set]) => [setName, set.arn]))),
    });
    if (!props.withGroupsAndAttributes) return;

    const groups = identityStoreGroups(this, { identityStoreId, region, groups: identityCenter.groups });
    new TerraformOutput(this, IDENTITY_CENTER_OUTPUTS.groupIds, { value: terraformMap(Object.fromEntries(groups)) });
    const attributes = Object.entries(identityCenter.accessControlAttributes);
    if (attributes.length > 0) {
      new SsoadminInstanceAccessControlAttributes(this, 'access_control_attributes', {
        region,
        instanceArn,
        attribute: attributes.map(([key, source]) => ({ key, value: [{ source: [...source] }] })),
      });
    }
  }
}
