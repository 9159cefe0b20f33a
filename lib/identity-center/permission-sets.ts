/**
 * Permission sets with everything attached to them: AWS managed policies, references to
 * the customer managed policies each assigned account holds, the inline policy and the
 * permissions boundary. AWS's provider provisions a permission set again to every account
 * it is assigned in whenever one of these changes.
 */
import { SsoadminCustomerManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-customer-managed-policy-attachment';
import { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
import { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
import { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
import { SsoadminPermissionsBoundaryAttachment } from '@cdktf/provider-aws/lib/ssoadmin-permissions-boundary-attachment';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import type { PermissionSet } from '../model/identity-center';
import { textName } from '../terraform/terraform-names';
import { terraformMap } from '../terraform/map-keys';

export interface PermissionSetsProps {
  /** Read from the Identity Center instance. */
  readonly instanceArn: string;
  /** Identity Center's region, named on every resource. */
  readonly region: AwsRegion;
  /** The permission sets to make, with their policies. */
  readonly permissionSets: readonly PermissionSet[];
}

/** Each permission set by name. */
export function permissionSets(scope: Construct, props: PermissionSetsProps): Map<string, SsoadminPermissionSet> {
  const { instanceArn, region } = props;
  const made = new Map<string, SsoadminPermissionSet>();
  for (const set of props.permissionSets) {
    const id = `permission_set_${textName(set.name)}`;
    const permissionSet = new SsoadminPermissionSet(scope, id, {
      region,
      instanceArn,
      name: set.name,
      description: set.description,
      sessionDuration: set.sessionDuration,
      relayState: set.relayState,
      tags: Object.keys(set.tags).length > 0 ? terraformMap(set.tags) : undefined,
    });
    const permissionSetArn = permissionSet.arn;
    for (const managedPolicyArn of set.awsManagedPolicyArns) {
      new SsoadminManagedPolicyAttachment(scope, `${id}_${textName(managedPolicyArn.slice(managedPolicyArn.indexOf('policy/') + 7))}`, {
        region,
        instanceArn,
        permissionSetArn,
        managedPolicyArn,
      });
    }
    for (const name of set.customerManagedPolicies) {
      new SsoadminCustomerManagedPolicyAttachment(scope, `${id}_${textName(name)}`, {
        region,
        instanceArn,
        permissionSetArn,
        customerManagedPolicyReference: { name, path: '/' },
      });
    }
    if (set.inlinePolicy !== undefined) {
      new SsoadminPermissionSetInlinePolicy(scope, `${id}_inline_policy`, { region, instanceArn, permissionSetArn, inlinePolicy: set.inlinePolicy });
    }
    const boundary = set.permissionsBoundary;
    if (boundary) {
      new SsoadminPermissionsBoundaryAttachment(scope, `${id}_permissions_boundary`, {
        region,
        instanceArn,
        permissionSetArn,
        permissionsBoundary:
          'awsManagedPolicyArn' in boundary
            ? { managedPolicyArn: boundary.awsManagedPolicyArn }
            : { customerManagedPolicyReference: { name: boundary.customerManagedPolicy, path: '/' } },
      });
    }
    made.set(set.name, permissionSet);
  }
  return made;
}
