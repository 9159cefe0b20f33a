/**
 * One account's assignments: each permission set granted to a group or a user there. Users
 * are looked up by user name where they are assigned, so that a request file granting a
 * user access changes no other stack.
 */
import { DataAwsIdentitystoreUser } from '@cdktf/provider-aws/lib/data-aws-identitystore-user';
import { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
import type { TerraformDependable, TerraformProvider } from '../terraform/terraform-types';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { type Assignment, type IdentityCenter, type PermissionSet, permissionSetNamed } from '../model/identity-center';
import { textName } from '../terraform/terraform-names';

/** What assigning reads of the Identity Center stacks. */
export interface IdentityCenterReferences {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  groupId(name: string): string;
  permissionSetArn(set: PermissionSet): string;
}

export interface AccountAssignmentsProps {
  /** Each permission set granted to a group or user in the account. */
  readonly assignments: readonly Assignment[];
  /** The account assigned in: a literal id or a reference. */
  readonly accountId: string;
  /** The permission sets and Identity Center's region. */
  readonly identityCenter: IdentityCenter;
  /** The instance, groups and permission sets, from the Identity Center stacks. */
  readonly references: IdentityCenterReferences;
  /**
   * Credentials that may assign: the management account's.
   * @default the stack's default provider
   */
  readonly provider?: TerraformProvider;
  /**
   * What must exist first: the customer managed policies the permission sets name.
   * @default nothing
   */
  readonly dependsOn?: TerraformDependable[];
}

export class AccountAssignments extends Construct {
  constructor(scope: Construct, id: string, props: AccountAssignmentsProps) {
    super(scope, id);
    const { references, provider } = props;
    const region: AwsRegion = props.identityCenter.region;
    const users = new Map<string, string>();
    const userId = (name: string) => {
      const existing = users.get(name);
      if (existing) return existing;
      const user = new DataAwsIdentitystoreUser(this, `user_${textName(name)}`, {
        provider,
        region,
        identityStoreId: references.identityStoreId,
        alternateIdentifier: { uniqueAttribute: { attributePath: 'UserName', attributeValue: name } },
      });
      users.set(name, user.userId);
      return user.userId;
    };
    for (const { principal, permissionSet } of props.assignments) {
      const set = permissionSetNamed(props.identityCenter, permissionSet);
      new SsoadminAccountAssignment(this, `${textName(permissionSet)}_${principal.type.toLowerCase()}_${textName(principal.name)}`, {
        provider,
        region,
        instanceArn: references.instanceArn,
        permissionSetArn: references.permissionSetArn(set),
        principalType: principal.type,
        principalId: principal.type === 'GROUP' ? references.groupId(principal.name) : userId(principal.name),
        targetType: 'AWS_ACCOUNT',
        targetId: props.accountId,
        dependsOn: props.dependsOn?.length ? props.dependsOn : undefined,
      });
    }
  }
}
