/**
 * The baseline inside one account: a strong IAM password policy, EBS encryption by
 * default in every governed region, the account-level S3 public access block, a monthly
 * budget with alerts, AWS Config and Session Manager preferences in every governed region
 * (delivering to the log archive), the detective controls of the account's OUs and its own
 * (Config rules after the recorder), the backup vaults when backup plans are configured, the
 * forwarding of security events to the central bus, and the automated remediations turned
 * on. It runs in the account itself: member accounts through the account access role,
 * the management account with the pipeline's credentials.
 */

import type { Construct } from 'constructs';
import { accountHardening } from '../lib/account-baseline/account-hardening';
import { BackupVaults } from '../lib/account-baseline/backup-vaults';
import { ConfigRecorder } from '../lib/account-baseline/config-recorder';
import { monthlyBudget } from '../lib/account-baseline/monthly-budget';
import { SessionManagerPreferences } from '../lib/account-baseline/session-manager-preferences';
import { AlertForwarding } from '../lib/alerts/alert-forwarding';
import { AutomatedRemediation } from '../lib/incident-response/automated-remediation';
import type { Remediation } from '../lib/incident-response/remediation-catalogue';
import { AccountDetectiveControls } from '../lib/detective-controls/account-detective-controls';
import type { AlertForwardingSettings } from '../lib/alerts/forwarding-plan';
import type { PasswordPolicyConfig } from '../lib/config/schemas/account-baseline';
import type { SessionManagerConfig } from '../lib/config/schemas/session-manager';
import { eventBusArn } from '../lib/iam/arns';
import type { AwsRegion } from '../lib/iam/aws-regions';
import type { Account, MemberAccount } from '../lib/model/landing-zone';
import { AccountAssignments } from '../lib/identity-center/account-assignments';
import { customerManagedPolicies } from '../lib/identity-center/customer-managed-policies';
import { assignmentsByStack, customerManagedPoliciesFor, type IdentityCenter } from '../lib/model/identity-center';
import { InspectorMember } from '../lib/security/inspector';
import type { LogArchiveBuckets } from '../lib/model/log-archive-buckets';
import { AlternateContacts } from '../lib/organization/alternate-contacts';
import { managementAccountProvider, memberAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { accountIdIn, identityCenterIn } from './stack-outputs';

/** How the baseline reaches its account. */
export type AccountAccess =
  /** The management account: the pipeline's own credentials, refused for any other account. */
  | { readonly kind: 'management'; readonly managementAccountId: string }
  /** A member account: assume `roleName` in it; its id comes from the request file or from its account stack's state. */
  | { readonly kind: 'member'; readonly roleName: string };

export interface AccountBaselineStackProps {
  /** The account the baseline is for. */
  readonly account: Account;
  /** How the stack reaches the account. */
  readonly access: AccountAccess;
  /** Where AWS Config records global resources, and the region of the provider. */
  readonly homeRegion: AwsRegion;
  /** EBS encryption by default, AWS Config and Session Manager are set in each. */
  readonly governedRegions: readonly AwsRegion[];
  /** The IAM password policy of the account. */
  readonly passwordPolicy: PasswordPolicyConfig;
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
  /**
   * Set from inside the account. Only for the management account: a member account's
   * contacts are set by its AccountStack.
   * @default not set here
   */
  readonly setAlternateContacts?: boolean;
  /** AWS Config and Session Manager deliver to the log archive. */
  readonly logArchiveBuckets: LogArchiveBuckets;
  /** Idle timeout and encryption of sessions. */
  readonly sessionManager: SessionManagerConfig;
  /** Which security events the account forwards to the central bus, from which regions. */
  readonly alertForwarding: AlertForwardingSettings;
  /**
   * Keeps the vault and the role that the organization's backup plans use.
   * @default no backup plans
   */
  readonly backupVaults?: boolean;
  /**
   * Inspector's delegated administrator, which makes this account a member and enables its
   * scanning in every governed region, through `roleName` in the administrator account.
   * @default none: Inspector is off, or this account is its administrator
   */
  readonly inspectorAdministrator?: { readonly account: MemberAccount; readonly roleName: string };
  /**
   * Makes the customer managed policies the account's permission sets name, then the
   * assignments that need them (all the management account's), with the management
   * account's credentials.
   * @default no Identity Center
   */
  readonly identityCenter?: { readonly settings: IdentityCenter; readonly managementAccountId: string };
  /**
   * Failed Security Hub controls the account fixes itself, in every governed region, with an AWS-owned runbook.
   * @default none
   */
  readonly remediations?: readonly Remediation[];
}

export class AccountBaselineStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: AccountBaselineStackProps) {
    super(scope, name, props.stateBackend);
    const { account, access, homeRegion, governedRegions, logArchiveBuckets, alertForwarding } = props;
    let accountId: string;
    if (access.kind === 'management') {
      accountId = access.managementAccountId;
      managementAccountProvider(this, { region: homeRegion, managementAccountId: accountId });
    } else {
      accountId = accountIdIn(this, account, props.stateBackend);
      memberAccountProvider(this, { region: homeRegion, accountId, roleName: access.roleName });
    }

    accountHardening(this, { passwordPolicy: props.passwordPolicy, governedRegions });
    monthlyBudget(this, account);
    if (props.setAlternateContacts) new AlternateContacts(this, 'alternate_contacts', { contacts: account.alternateContacts });

    const recorder = new ConfigRecorder(this, 'config', { homeRegion, governedRegions, deliveryBucket: logArchiveBuckets.config, accountId });
    const { detectiveControls } = account;
    if (detectiveControls.controls.length > 0 || detectiveControls.conformancePacks.length > 0) {
      new AccountDetectiveControls(this, 'detective_controls', { detectiveControls, homeRegion, governedRegions, recording: recorder.recording, accountId });
    }
    new SessionManagerPreferences(this, 'session_manager', {
      governedRegions,
      settings: props.sessionManager,
      logBucket: logArchiveBuckets.sessionLogs,
      accountId,
    });
    if (props.backupVaults) new BackupVaults(this, 'backup', { governedRegions, accountId });
    const securityAccountId = alertForwarding.securityAccount === account ? accountId : accountIdIn(this, alertForwarding.securityAccount, props.stateBackend);
    if (props.inspectorAdministrator) {
      const administratorAccountId = accountIdIn(this, props.inspectorAdministrator.account, props.stateBackend);
      const administratorProvider = memberAccountProvider(this, {
        region: homeRegion,
        accountId: administratorAccountId,
        roleName: props.inspectorAdministrator.roleName,
        alias: 'inspector_administrator',
      });
      new InspectorMember(this, 'inspector', { regions: governedRegions, accountId, administratorProvider });
    }
    if (props.identityCenter) assignAccess(this, props, props.identityCenter, accountId);
    if (props.remediations && props.remediations.length > 0) {
      new AutomatedRemediation(this, 'remediation', { regions: governedRegions, accountId, remediations: props.remediations });
    }
    new AlertForwarding(this, 'alert_forwarding', {
      regions: alertForwarding.regions,
      rulesIn: (region) => alertForwarding.rulesIn(region, accountId),
      centralBusArn: eventBusArn(homeRegion, securityAccountId, alertForwarding.eventBusName),
      accountId,
    });
  }
}

/** The account's assignments that its baseline makes, after the customer managed policies they need. */
function assignAccess(
  stack: AccountBaselineStack,
  { account, access, homeRegion, stateBackend }: AccountBaselineStackProps,
  { settings, managementAccountId }: NonNullable<AccountBaselineStackProps['identityCenter']>,
  accountId: string,
): void {
  const assignments = assignmentsByStack(settings, account).baseline;
  if (assignments.length === 0) return;
  new AccountAssignments(stack, 'access', {
    assignments,
    accountId,
    identityCenter: settings,
    references: identityCenterIn(stack, stateBackend),
    provider: access.kind === 'management' ? undefined : managementAccountProvider(stack, { region: homeRegion, managementAccountId, alias: 'management' }),
    dependsOn: customerManagedPolicies(stack, customerManagedPoliciesFor(settings, assignments)),
  });
}
