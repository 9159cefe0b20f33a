/**
 * A member account in its OU: created by AWS Organizations, or adopted by import when the
 * request carries its id. Never closed nor destroyed by a plan: removing an account is a
 * reviewed act (the suspended OU, then `lifecycle: closing`, then deleting the request
 * file), not the side effect of a deleted file. Only a closing account may be destroyed,
 * and destroying it closes it: AWS's provider reads `close_on_deletion` from the state, so
 * it is set by the apply before the request file goes.
 * Created in the scope given, for the reason `organization.ts` gives.
 */
import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import type { Construct } from 'constructs';
import type { MemberAccount } from '../model/landing-zone';
import { terraformMap } from '../terraform/map-keys';

/**
 * AWS cannot read back `role_name` or `iam_user_access_to_billing`, and a change to either
 * replaces the account: without this, every adopted account plans as destroy-and-create.
 */
const UNREADABLE_ACCOUNT_ARGUMENTS = ['role_name', 'iam_user_access_to_billing'];

export interface MemberAccountProps {
  /** The account as the model holds it. */
  readonly account: MemberAccount;
  /** The id of the account's OU (a reference to the management stack's state). */
  readonly parentId: string;
  /** The role AWS Organizations creates in a vended account, for the stacks that run inside it. */
  readonly accountAccessRole: string;
}

export function memberAccount(scope: Construct, props: MemberAccountProps): OrganizationsAccount {
  const { account } = props;
  const created = new OrganizationsAccount(scope, 'account', {
    name: account.name,
    email: account.email,
    parentId: props.parentId,
    roleName: props.accountAccessRole,
    iamUserAccessToBilling: 'ALLOW',
    closeOnDeletion: account.lifecycle === 'closing',
    tags: terraformMap(account.tags),
    lifecycle: { preventDestroy: account.lifecycle !== 'closing', ignoreChanges: UNREADABLE_ACCOUNT_ARGUMENTS },
  });
  if (account.existingAccountId) created.importFrom(account.existingAccountId);
  return created;
}
