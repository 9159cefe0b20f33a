/**
 * The validated model of the landing zone: what the stacks are built from. Every
 * reference is resolved (an account knows its OU, contacts are merged with their
 * defaults), so stacks read typed values and never a raw file.
 */
import type { AccountLifecycle, AccountRole, BudgetConfig } from '../config/schemas/account';
import type { AlternateContact, AlternateContactType } from '../config/schemas/common';
import type { AwsRegion } from '../iam/aws-regions';
import type { QuotasConfig } from '../config/schemas/quotas';
import type { LogArchiveConfig } from '../config/schemas/log-archive';
import type { OrganizationTrailConfig } from '../config/schemas/organization-trail';
import type { AlertsConfig } from '../config/schemas/alerts';
import type { SecurityServicesConfig } from '../config/schemas/security-services';
import type { SessionManagerConfig } from '../config/schemas/session-manager';
import type { PasswordPolicyConfig } from '../config/schemas/account-baseline';
import type { LandingZoneConfig } from '../config/schemas/landing-zone';
import type { StateBackendConfig } from '../config/schemas/state-backend';
import type { FieldPath } from '../diagnostics';
import type { OrganizationPolicyType, PolicyAttachmentKey } from '../guardrails/policy-types';
import type { DetectiveControlSet } from './detective-controls';
import type { Assignment, IdentityCenter } from './identity-center';
import type { FirewallManager } from './firewall-manager';
import type { IncidentResponse } from './incident-response';
import type { LogArchiveBuckets } from './log-archive-buckets';

/** The policies attached to one root, OU or account, by name, for each type. */
export type PolicyAttachments = Readonly<Record<PolicyAttachmentKey, readonly string[]>>;

/** A policy of the organization: a built-in guardrail built for this landing zone, a custom SCP or a backup plan. */
export interface OrganizationPolicy {
  /** The guardrail id, custom SCP or backup plan name; the policy's name in AWS Organizations. */
  readonly name: string;
  readonly type: OrganizationPolicyType;
  readonly description: string;
  /** The exact text AWS receives and counts against the size quota. */
  readonly content: string;
  /** Where a problem with the policy is reported: the custom file, or the first attachment of a built-in. */
  readonly origin: { readonly file: string; readonly path: FieldPath };
}

export interface OrganizationalUnit {
  /** `Workloads/Prod`: unique, and how accounts and later settings name the OU. */
  readonly path: string;
  readonly name: string;
  /** Absent for OUs directly under the organization root. */
  readonly parentPath?: string;
  /** 1 for OUs directly under the root. */
  readonly depth: number;
  /** An existing OU to adopt. */
  readonly existingId?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Attached to this OU (and so reaching every account below it). */
  readonly policies: PolicyAttachments;
}

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

export interface LandingZone {
  readonly organization: LandingZoneConfig['organization'];
  /** Every AWS service trusted by the organization: the list is authoritative. */
  readonly serviceAccessPrincipals: readonly string[];
  /** Every policy type enabled on the root: the list is authoritative. */
  readonly enabledPolicyTypes: readonly string[];
  readonly homeRegion: AwsRegion;
  /** The home region first, then the others in the order given. */
  readonly governedRegions: readonly AwsRegion[];
  readonly requiredTags: LandingZoneConfig['requiredTags'];
  /** Parents before children. */
  readonly organizationalUnits: readonly OrganizationalUnit[];
  /** Every account, the management account included, sorted by key. */
  readonly accounts: readonly Account[];
  readonly managementAccount: ManagementAccount;
  /** Every account but the management account, sorted by key. */
  readonly memberAccounts: readonly MemberAccount[];
  readonly logArchiveAccount: MemberAccount;
  readonly securityAccount: MemberAccount;
  /** The role that stacks assume in member accounts. */
  readonly accountAccessRole: string;
  readonly stateBackend: StateBackendConfig;
  readonly passwordPolicy: PasswordPolicyConfig;
  /** Attached to the organization root. */
  readonly rootPolicies: PolicyAttachments;
  /** Every policy attached somewhere, service control policies first, each sorted by name. */
  readonly policies: readonly OrganizationPolicy[];
  readonly quotas: QuotasConfig;
  readonly logArchive: LogArchiveConfig & { readonly buckets: LogArchiveBuckets };
  readonly organizationTrail: OrganizationTrailConfig;
  readonly securityServices: SecurityServicesConfig;
  readonly alerts: AlertsConfig;
  readonly sessionManager: SessionManagerConfig;
  /** Absent when the configuration has no `identityCenter` section. */
  readonly identityCenter?: IdentityCenter;
  /** Absent when the configuration has no `incidentResponse` section. */
  readonly incidentResponse?: IncidentResponse;
  /** The detective controls attached to the root, deployed for every account by the Config delegated administrator. */
  readonly organizationDetectiveControls: DetectiveControlSet;
  /** Recipients resolved: the alert recipients when none are given. */
  readonly costAnomalyDetection: { readonly thresholdUsd: number; readonly emails: readonly string[] };
  /**
   * The Firewall Manager policies and what they need.
   * @default no Firewall Manager policy
   */
  readonly firewallManager?: FirewallManager;
}
