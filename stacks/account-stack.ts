/**
 * One member account, run with management-account credentials: the account itself (or
 * its adoption) in its OU, its alternate contacts, the policies attached to it alone, and
 * whatever else is per account but lives in the management account. Moving the account to
 * another OU changes this stack only.
 */
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../lib/iam/aws-regions';
import { AccountAssignments } from '../lib/identity-center/account-assignments';
import { assignmentsByStack, type IdentityCenter } from '../lib/model/identity-center';
import type { MemberAccount } from '../lib/model/landing-zone';
import { AlternateContacts } from '../lib/organization/alternate-contacts';
import { memberAccount } from '../lib/organization/member-account';
import { PolicyAttachments } from '../lib/organization/policy-attachments';
import { managementAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { ACCOUNT_OUTPUTS, identityCenterIn, organizationalUnitIdIn, policyIdIn } from './stack-outputs';

export interface AccountStackProps {
  /** The member account, with its OU; the OU's id is read from the management stack's state. */
  readonly account: MemberAccount;
  /** The role AWS Organizations creates in a vended account, for the stacks that run inside it. */
  readonly accountAccessRole: string;
  /** The provider refuses credentials of any other account. */
  readonly managementAccountId: string;
  /** The region of the provider; Organizations is a global service. */
  readonly homeRegion: AwsRegion;
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
  /**
   * Assigns the account's permission sets but those that need policies in the account,
   * which its baseline assigns once it has made them.
   * @default no Identity Center
   */
  readonly identityCenter?: IdentityCenter;
}

export class AccountStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: AccountStackProps) {
    super(scope, name, props.stateBackend);
    const { account, stateBackend } = props;
    managementAccountProvider(this, { region: props.homeRegion, managementAccountId: props.managementAccountId });

    const created = memberAccount(this, {
      account,
      parentId: organizationalUnitIdIn(this, stateBackend, account.ouPath),
      accountAccessRole: props.accountAccessRole,
    });
    new AlternateContacts(this, 'alternate_contacts', { contacts: account.alternateContacts, accountId: created.id });
    new PolicyAttachments(this, 'policies', {
      targetId: created.id,
      policies: account.policies,
      policyId: (policyName) => policyIdIn(this, stateBackend, policyName),
    });

    const assignments = props.identityCenter ? assignmentsByStack(props.identityCenter, account).accountStack : [];
    if (props.identityCenter && assignments.length > 0) {
      new AccountAssignments(this, 'access', {
        assignments,
        accountId: created.id,
        identityCenter: props.identityCenter,
        references: identityCenterIn(this, stateBackend),
      });
    }

    new TerraformOutput(this, ACCOUNT_OUTPUTS.accountId, { value: created.id });
  }
}
