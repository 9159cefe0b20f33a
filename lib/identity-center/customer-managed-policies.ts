/**
 * The customer managed policies an account's permission sets name, made in that account
 * before anything is assigned there: IAM Identity Center refers to them by name and fails
 * the assignment of a permission set whose policy the account lacks.
 */
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { Construct } from 'constructs';
import type { CustomerManagedPolicy } from '../model/identity-center';
import { textName } from '../terraform/terraform-names';

export function customerManagedPolicies(scope: Construct, policies: readonly CustomerManagedPolicy[]): IamPolicy[] {
  return policies.map(
    (policy) =>
      new IamPolicy(scope, `identity_center_policy_${textName(policy.name)}`, {
        name: policy.name,
        path: '/',
        description: policy.description,
        policy: policy.document,
      }),
  );
}
