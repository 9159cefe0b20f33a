/**
 * One member account, run with management-account credentials: the account itself (or
 * its adoption), its alternate contacts, the policies attached to it alone, and later
 * whatever else is per account but lives in the management account. Moving the account to another OU changes this stack
 * only.
 */
import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { TerraformOutput, TerraformStack, type TerraformRemoteState } from 'cdktf';
import type { Construct } from 'constructs';
import { managementAccountProvider } from '../lib/aws-providers';
import type { AwsRegion } from '../lib/config/aws-regions';
import { AlternateContacts } from '../lib/constructs/alternate-contacts';
import { PolicyAttachments } from '../lib/constructs/policy-attachments';
import type { Account } from '../lib/model/landing-zone';
import type { StateBackend } from '../lib/state-backend';
import { accountStackName } from '../lib/stack-names';
import { organizationalUnitIdFrom, policyIdFrom } from './management-stack';

const ACCOUNT_ID_OUTPUT = 'account_id';

/** The account's id, read from its account stack's state. */
export function accountIdFrom(accountState: TerraformRemoteState): string {
  return accountState.getString(ACCOUNT_ID_OUTPUT);
}

/**
 * The id of `account` for a stack of `scope`: the literal id of an adopted account, else
 * a read of its account stack's state (a vended account has no id before it exists).
 */
export function accountIdIn(scope: Construct, account: Account, stateBackend: StateBackend): string {
  if (account.existingAccountId) return account.existingAccountId;
  const id = `account_${account.key.replace(/[^A-Za-z0-9]/g, '_')}`;
  const state = (scope.node.tryFindChild(id) as TerraformRemoteState | undefined) ?? stateBackend.remoteState(scope, id, accountStackName(account));
  return accountIdFrom(state);
}

/**
 * AWS cannot read back `role_name` or `iam_user_access_to_billing`, and a change to either
 * replaces the account: without this, every adopted account plans as destroy-and-create.
 */
const UNREADABLE_ACCOUNT_ARGUMENTS = ['role_name', 'iam_user_access_to_billing'];

export interface AccountStackProps {
  /** A member account (not the management account) with its OU. */
  readonly account: Account & { readonly ouPath: string };
  /** The role AWS Organizations creates in a vended account, for the stacks that run inside it. */
  readonly accountAccessRole: string;
  readonly managementAccountId: string;
  readonly homeRegion: AwsRegion;
  readonly stateBackend: StateBackend;
  /** The management stack, whose state holds the OU ids. */
  readonly managementStackName: string;
}

export class AccountStack extends TerraformStack {
  readonly account: OrganizationsAccount;

  constructor(scope: Construct, name: string, props: AccountStackProps) {
    super(scope, name);
    const { account } = props;
    props.stateBackend.attach(this, name);
    managementAccountProvider(this, props);
    const management = props.stateBackend.remoteState(this, 'management', props.managementStackName);

    this.account = new OrganizationsAccount(this, 'account', {
      name: account.name,
      email: account.email,
      parentId: organizationalUnitIdFrom(management, account.ouPath),
      roleName: props.accountAccessRole,
      iamUserAccessToBilling: 'ALLOW',
      // Removing an account is a reviewed act (Suspended OU, then close), never a side effect.
      closeOnDeletion: false,
      tags: { ...account.tags },
      lifecycle: { preventDestroy: true, ignoreChanges: UNREADABLE_ACCOUNT_ARGUMENTS },
    });
    if (account.existingAccountId) this.account.importFrom(account.existingAccountId);

    new AlternateContacts(this, 'alternate_contacts', { contacts: account.alternateContacts, accountId: this.account.id });
    new PolicyAttachments(this, 'policies', {
      targetId: this.account.id,
      policies: account.policies,
      policyId: (policyName) => policyIdFrom(management, policyName),
    });

    new TerraformOutput(this, ACCOUNT_ID_OUTPUT, { value: this.account.id });
  }
}
