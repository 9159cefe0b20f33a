/**
 * The validated model of the landing zone: what the stacks are built from. Every
 * reference is resolved (an account knows its OU, contacts are merged with their
 * defaults), so stacks read typed values and never a raw file.
 */
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
import type { ReviewConfig } from '../config/schemas/review';
import type { Environment } from '../config/schemas/organizational-units';
import type { FieldPath } from '../diagnostics';
import type { OrganizationPolicyType } from '../guardrails/policy-types';
import type { DetectiveControlSet } from './detective-controls';
import type { Account, ManagementAccount, MemberAccount, PolicyAttachments } from './accounts';
import type { IdentityCenter } from './identity-center';
import type { FirewallManager } from './firewall-manager';
import type { IncidentResponse } from './incident-response';
import type { LogArchiveBuckets } from './log-archive-buckets';

export type { Account, ManagementAccount, MemberAccount, PolicyAttachments } from './accounts';

/** The policies attached to one root, OU or account, by name, for each type. */
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
  /** What the OU holds, as configured on it (not inherited). */
  readonly environment?: Environment;
  /** Attached to this OU (and so reaching every account below it). */
  readonly policies: PolicyAttachments;
}

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
  /** Risks the review is told were accepted, each until a date. */
  readonly review: ReviewConfig;
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
