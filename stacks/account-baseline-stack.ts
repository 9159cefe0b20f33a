/**
 * The baseline inside one account: a strong IAM password policy, EBS encryption by
 * default in every governed region, the account-level S3 public access block, a monthly
 * budget with alerts, AWS Config and Session Manager preferences in every governed region
 * (delivering to the log archive), and the forwarding of security events to the central
 * bus. It runs in the account itself: member accounts through the account access role,
 * the management account with the pipeline's credentials.
 */
import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';
import { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { managementAccountProvider, memberAccountProvider } from '../lib/aws-providers';
import type { AwsRegion } from '../lib/config/aws-regions';
import type { PasswordPolicyConfig } from '../lib/config/landing-zone-schema';
import type { SessionManagerConfig } from '../lib/config/security-services-schema';
import type { ForwardingRule } from '../lib/alerts/forwarding-rules';
import { AlertForwarding, centralEventBusArn } from '../lib/constructs/alert-forwarding';
import { AlternateContacts } from '../lib/constructs/alternate-contacts';
import { ConfigRecorder } from '../lib/constructs/config-recorder';
import { SessionManagerPreferences } from '../lib/constructs/session-manager-preferences';
import type { Account } from '../lib/model/landing-zone';
import type { LogArchiveBuckets } from '../lib/model/log-archive-buckets';
import type { StateBackend } from '../lib/state-backend';
import { regionName } from '../lib/terraform-names';
import { accountIdIn } from './account-stack';

/** How the baseline reaches its account. */
export type AccountAccess =
  /** The management account: the pipeline's own credentials, refused for any other account. */
  | { readonly kind: 'management'; readonly managementAccountId: string }
  /** A member account: assume `roleName` in it; its id comes from the request file or from its account stack's state. */
  | { readonly kind: 'member'; readonly roleName: string };

export interface AccountBaselineStackProps {
  readonly account: Account;
  readonly access: AccountAccess;
  readonly homeRegion: AwsRegion;
  /** EBS encryption by default is turned on in each. */
  readonly governedRegions: readonly AwsRegion[];
  readonly passwordPolicy: PasswordPolicyConfig;
  readonly stateBackend: StateBackend;
  /**
   * Set from inside the account. Only for the management account: a member account's
   * contacts are set by its AccountStack.
   * @default not set here
   */
  readonly setAlternateContacts?: boolean;
  /** AWS Config and Session Manager deliver to the log archive. */
  readonly logArchiveBuckets: LogArchiveBuckets;
  readonly sessionManager: SessionManagerConfig;
  readonly alertForwarding: {
    /** The governed regions and us-east-1. */
    readonly regions: readonly AwsRegion[];
    /**
     * The forwarding rules of one region, for this account (its id may be a reference).
     * Those of the delegated administrator of GuardDuty and Security Hub forward its own
     * findings only, as it receives every account's.
     */
    readonly rulesIn: (region: AwsRegion, accountId: string) => readonly ForwardingRule[];
    /** Holds the central bus, in the home region. */
    readonly securityAccount: Account;
    readonly eventBusName: string;
  };
}

export class AccountBaselineStack extends TerraformStack {
  constructor(scope: Construct, name: string, props: AccountBaselineStackProps) {
    super(scope, name);
    const { account, access } = props;
    props.stateBackend.attach(this, name);
    let accountId: string;
    if (access.kind === 'management') {
      accountId = access.managementAccountId;
      managementAccountProvider(this, { homeRegion: props.homeRegion, managementAccountId: accountId });
    } else {
      accountId = accountIdIn(this, account, props.stateBackend);
      memberAccountProvider(this, { homeRegion: props.homeRegion, accountId, roleName: access.roleName });
    }

    new IamAccountPasswordPolicy(this, 'password_policy', {
      minimumPasswordLength: props.passwordPolicy.minimumLength,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: props.passwordPolicy.reusePrevention,
      maxPasswordAge: props.passwordPolicy.maxAgeDays,
    });

    new S3AccountPublicAccessBlock(this, 's3_public_access_block', {
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    for (const region of props.governedRegions) {
      new EbsEncryptionByDefault(this, `ebs_encryption_by_default_${regionName(region)}`, { region, enabled: true });
    }

    const { budget } = account;
    new BudgetsBudget(this, 'monthly_budget', {
      name: `${account.name} monthly cost`,
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      limitAmount: budget.monthlyLimitUsd.toFixed(2),
      limitUnit: 'USD',
      notification: budget.thresholdsPercent.flatMap((threshold) =>
        (['ACTUAL', 'FORECASTED'] as const).map((notificationType) => ({
          comparisonOperator: 'GREATER_THAN',
          notificationType,
          threshold,
          thresholdType: 'PERCENTAGE',
          subscriberEmailAddresses: [...budget.alertEmails],
        })),
      ),
    });

    if (props.setAlternateContacts) new AlternateContacts(this, 'alternate_contacts', { contacts: account.alternateContacts });

    const { governedRegions, homeRegion, logArchiveBuckets, alertForwarding } = props;
    new ConfigRecorder(this, 'config', { homeRegion, governedRegions, deliveryBucket: logArchiveBuckets.config, accountId });
    new SessionManagerPreferences(this, 'session_manager', {
      governedRegions,
      settings: props.sessionManager,
      logBucket: logArchiveBuckets.sessionLogs,
      accountId,
    });
    const securityAccountId = alertForwarding.securityAccount === account ? accountId : accountIdIn(this, alertForwarding.securityAccount, props.stateBackend);
    new AlertForwarding(this, 'alert_forwarding', {
      regions: alertForwarding.regions,
      rulesIn: (region) => alertForwarding.rulesIn(region, accountId),
      centralBusArn: centralEventBusArn(homeRegion, securityAccountId, alertForwarding.eventBusName),
      accountId,
    });
  }
}
