/** The accounts of the model: the management account and every member account, each with what reaches it. */
import type { AccountLifecycle, AccountRole, BudgetConfig } from '../config/schemas/account';
import type { AlternateContact, AlternateContactType } from '../config/schemas/common';
import type { PolicyAttachmentKey } from '../guardrails/policy-types';
import type { DetectiveControlSet } from './detective-controls';
import type { Assignment } from './identity-center';

export type PolicyAttachments = Readonly<Record<PolicyAttachmentKey, readonly string[]>>;

/** A policy of the organization: a built-in guardrail built for this landing zone, a custom SCP or a backup plan. */
interface AccountFields {
  /** The request file's name without extension; names the account's stacks. */
  readonly key: string;
  /** The request file, relative to the configuration directory. */
  readonly file: string;
  readonly name: string;
  readonly email: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly alternateContacts: Readonly<Record<AlternateContactType, AlternateContact>>;
  readonly budget: BudgetConfig;
  /** Attached to this account itself. */
  readonly policies: PolicyAttachments;
  /** Who may sign in to the account through IAM Identity Center, with which permission sets. */
  readonly access: readonly Assignment[];
  /** The detective controls deployed in the account's own baseline (the organization's reach it from the security account). */
  readonly detectiveControls: DetectiveControlSet;
}

/** The account that owns the organization: it stays at the root and exists before the landing zone. */
export interface ManagementAccount extends AccountFields {
  readonly role: 'management';
  readonly existingAccountId: string;
  readonly ouPath?: undefined;
}

/** Every other account, in an OU. */
export interface MemberAccount extends AccountFields {
  readonly role: Exclude<AccountRole, 'management'>;
  /** Path of the account's OU, such as `Workloads/Prod`: the suspended OU while it is suspended or closing. */
  readonly ouPath: string;
  /** Closing: the account closes when its account stack is destroyed (its request file deleted). */
  readonly lifecycle: AccountLifecycle;
  /** An existing account to adopt. */
  readonly existingAccountId?: string;
}

export type Account = ManagementAccount | MemberAccount;
