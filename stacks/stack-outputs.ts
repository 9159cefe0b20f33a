/**
 * The one contract between stacks: each stack's name (its directory under
 * `cdktf.out/stacks` and the key of its state), the outputs it publishes for the others,
 * the ids under which a stack reads another's state, and the typed readers of those
 * outputs. No stack imports another stack; the tests read the same names from here.
 *
 * Stacks share values through these explicit outputs and remote states, never through
 * cdktf's cross-stack references, which would add an output to the producing stack the
 * first time some stack reads a value: vending an account then changes no other stack.
 */
import { Fn, Op, TerraformSelf, type TerraformRemoteState } from 'cdktf';
import type { Construct } from 'constructs';
import type { IdentityCenterReferences } from '../lib/identity-center/account-assignments';
import type { Account } from '../lib/model/landing-zone';
import { expressionText } from '../lib/terraform/literal-text';
import type { StateBackend } from '../lib/terraform/state-backend';

export const MANAGEMENT_STACK = 'management';
export const LOG_ARCHIVE_STACK = 'log-archive';
export const ORGANIZATION_SERVICES_STACK = 'organization-services';
export const SECURITY_STACK = 'security';
/** Chat channels, Incident Manager and Security Hub custom actions, in the security account. */
export const INCIDENT_RESPONSE_STACK = 'incident-response';
/** The organization Config rules and conformance packs, from the security account. */
export const DETECTIVE_CONTROLS_STACK = 'detective-controls';
/** Permission sets and groups, where IAM Identity Center is administered. */
export const IDENTITY_CENTER_STACK = 'identity-center';
/** Permission sets granted on the management account while Identity Center is delegated: only the management account may manage them. */
export const IDENTITY_CENTER_MANAGEMENT_STACK = 'identity-center-management';

/** Every account stack is `account-<key>`; every baseline `baseline-<key>`. */
export const ACCOUNT_STACK_PREFIX = 'account-';
export const ACCOUNT_BASELINE_STACK_PREFIX = 'baseline-';
export const FIREWALL_MANAGER_STACK = 'firewall-manager';
/** One for each chat channel, in the security account. */
const CHAT_CHANNEL_STACK_PREFIX = 'chat-';

export function accountStackName(account: Pick<Account, 'key'>): string {
  return `${ACCOUNT_STACK_PREFIX}${account.key}`;
}

export function chatChannelStackName(channel: { readonly name: string }): string {
  return `${CHAT_CHANNEL_STACK_PREFIX}${channel.name}`;
}

export function accountBaselineStackName(account: Pick<Account, 'key'>): string {
  return `${ACCOUNT_BASELINE_STACK_PREFIX}${account.key}`;
}

/** What the management stack publishes. */
export const MANAGEMENT_OUTPUTS = {
  organizationId: 'organization_id',
  rootId: 'root_id',
  /** Every OU's id, by OU path, whether or not an account uses the OU yet. */
  organizationalUnitIds: 'organizational_unit_ids',
  /** Every policy's id, by name. */
  policyIds: 'policy_ids',
} as const;

/** What each account stack publishes. */
export const ACCOUNT_OUTPUTS = { accountId: 'account_id' } as const;

/** What the log archive stack publishes. */
export const LOG_ARCHIVE_OUTPUTS = { cloudTrailKeyArn: 'cloudtrail_kms_key_arn' } as const;

/** What the security stack publishes. */
export const SECURITY_OUTPUTS = { centralEventBusArn: 'central_event_bus_arn', alertTopicArn: 'alert_topic_arn' } as const;

/** What each Identity Center stack publishes. */
export const IDENTITY_CENTER_OUTPUTS = {
  instanceArn: 'instance_arn',
  identityStoreId: 'identity_store_id',
  /** The ARN of each permission set of the stack, by name. */
  permissionSetArns: 'permission_set_arns',
  /** The identity store id of each group, by display name; only in `identity-center`. */
  groupIds: 'group_ids',
} as const;

/** The ids of the remote states a stack reads: `data.terraform_remote_state.<id>`. */
export const REMOTE_STATE_IDS = {
  management: 'management',
  logArchive: 'log_archive',
  identityCenter: 'identity_center',
  identityCenterManagement: 'identity_center_management',
  account: (account: Pick<Account, 'key'>) => `account_${account.key.replace(/[^A-Za-z0-9]/g, '_')}`,
} as const;

/** The state of `stackName`, read once per stack however many values are read from it. */
function remoteStateIn(scope: Construct, stateBackend: StateBackend, id: string, stackName: string): TerraformRemoteState {
  return (scope.node.tryFindChild(id) as TerraformRemoteState | undefined) ?? stateBackend.remoteState(scope, id, stackName);
}

function managementStateIn(scope: Construct, stateBackend: StateBackend): TerraformRemoteState {
  return remoteStateIn(scope, stateBackend, REMOTE_STATE_IDS.management, MANAGEMENT_STACK);
}

/** The id of the OU at `path`, read from the management stack's state. */
export function organizationalUnitIdIn(scope: Construct, stateBackend: StateBackend, path: string): string {
  return Fn.lookup(managementStateIn(scope, stateBackend).get(MANAGEMENT_OUTPUTS.organizationalUnitIds), expressionText(path)) as string;
}

/** The id of the policy `name`, read from the management stack's state. */
export function policyIdIn(scope: Construct, stateBackend: StateBackend, name: string): string {
  return Fn.lookup(managementStateIn(scope, stateBackend).get(MANAGEMENT_OUTPUTS.policyIds), expressionText(name)) as string;
}

/** What an account stack's outputs read as before it is applied. */
const NOT_APPLIED = 'not-applied-yet';

/**
 * The id of `account` for a stack of `scope`: the literal id of an adopted account, else
 * a read of its account stack's state (a vended account has no id before it exists).
 * While that stack has not been applied, planning the reading stack fails with a message
 * that says so, before any provider tries to reach an account that does not exist yet.
 */
export function accountIdIn(scope: Construct, account: Account, stateBackend: StateBackend): string {
  if (account.existingAccountId) return account.existingAccountId;
  const id = REMOTE_STATE_IDS.account(account);
  const existing = scope.node.tryFindChild(id) as TerraformRemoteState | undefined;
  const state = existing ?? stateBackend.remoteState(scope, id, accountStackName(account), { [ACCOUNT_OUTPUTS.accountId]: NOT_APPLIED });
  if (!existing) {
    const stack = accountStackName(account);
    state.addOverride('lifecycle.postcondition', [
      {
        condition: Op.neq(TerraformSelf.getString(`outputs.${ACCOUNT_OUTPUTS.accountId}`), NOT_APPLIED),
        error_message: `${stack} has not been applied yet, so the account ${account.name} does not exist: apply ${stack} first (cdktf deploy ${stack}), then plan this stack.`,
      },
    ]);
  }
  return state.getString(ACCOUNT_OUTPUTS.accountId);
}

/** The ARN of the organization trail's key, read from the log archive stack's state. */
export function cloudTrailKeyArnIn(scope: Construct, stateBackend: StateBackend): string {
  return remoteStateIn(scope, stateBackend, REMOTE_STATE_IDS.logArchive, LOG_ARCHIVE_STACK).getString(LOG_ARCHIVE_OUTPUTS.cloudTrailKeyArn);
}

/** The Identity Center instance, groups and permission sets, read from the Identity Center stacks' states. */
export function identityCenterIn(scope: Construct, stateBackend: StateBackend): IdentityCenterReferences {
  const main = remoteStateIn(scope, stateBackend, REMOTE_STATE_IDS.identityCenter, IDENTITY_CENTER_STACK);
  return {
    instanceArn: main.getString(IDENTITY_CENTER_OUTPUTS.instanceArn),
    identityStoreId: main.getString(IDENTITY_CENTER_OUTPUTS.identityStoreId),
    groupId: (name) => Fn.lookup(main.get(IDENTITY_CENTER_OUTPUTS.groupIds), expressionText(name)) as string,
    permissionSetArn: (set) => {
      const state = set.managedFromManagementAccount
        ? remoteStateIn(scope, stateBackend, REMOTE_STATE_IDS.identityCenterManagement, IDENTITY_CENTER_MANAGEMENT_STACK)
        : main;
      return Fn.lookup(state.get(IDENTITY_CENTER_OUTPUTS.permissionSetArns), expressionText(set.name)) as string;
    },
  };
}
