/**
 * The security alert catalogue: each alert is an id, a title, why a platform team wants to
 * know, and a pure builder from the landing zone's settings to an EventBridge event pattern.
 * No constructs, no I/O; the stacks put each pattern on the forwarding rules and the README
 * lists the alerts from here.
 *
 * Why the patterns are shaped as they are:
 * - API calls reach EventBridge as CloudTrail management events, `detail-type` "AWS API Call
 *   via CloudTrail", on the default bus of the account and region where the call was made,
 *   and only while a trail logs there (the organization trail does). Global services (IAM,
 *   CloudFront and the WAF of its web ACLs) emit theirs in us-east-1. A rule in the home
 *   region alone therefore misses most of them: the stacks forward from every governed region
 *   and from us-east-1.
 * - Console sign-ins are "AWS Console Sign In via CloudTrail" events, emitted in the region of
 *   the sign-in endpoint (us-east-1 for the global one); a sign-in through the endpoint of a
 *   region that is not watched goes unseen.
 * - Rules in the ENABLED state receive no read-only calls named Describe*, Get* or List*; the
 *   patterns still name the write calls they mean, so that neither a read-only call (should
 *   its delivery be turned on) nor another write call of the same service alerts.
 * - Each CloudTrail pattern names `source`, `detail-type`, `detail.eventSource` and
 *   `detail.eventName`, as AWS documents for each service, so that no other service's call of
 *   the same name matches.
 * - GuardDuty and Security Hub send their own events ("GuardDuty Finding", "Security Hub
 *   Findings - Imported") in the region of the finding, to the account it concerns and to
 *   the delegated administrator, and Security Hub sends those of every linked region to
 *   the home region as well. So that each finding reaches the central bus once, Security
 *   Hub findings are forwarded from the region they arose in only, and the delegated
 *   administrator forwards its own findings only (`AlertContext.forwarding`): every other
 *   account forwards its own.
 * - Denied calls are events too and match: an attempt to stop the trail is worth knowing.
 *
 * Patterns are compared character by character by EventBridge: values are exactly as AWS
 * writes them in its events.
 */

export interface AlertContext {
  /** GuardDuty findings at or above this severity alert (1.0–8.9 scale; AWS: 7+ high, 9+ critical). */
  readonly guardDutyMinimumSeverity: number;
  /** Names of the landing zone's own IAM roles whose policy changes alert. */
  readonly protectedRoleNames: readonly string[];
  /** Names of the Config rules of the mandatory detective controls (`landing-zone-<id>`), in the accounts and in the organization. */
  readonly mandatoryControlRuleNames: readonly string[];
  /**
   * The forwarding the patterns are for: the alerts on findings then leave out the copies
   * that another account or region forwards too.
   * @default the patterns of the central bus, for the findings of every account and region
   */
  readonly forwarding?: ForwardingScope;
}

/** Where events are forwarded from: one region's default bus of one account. */
export interface ForwardingScope {
  readonly region: string;
  /**
   * Set for the account that administers GuardDuty and Security Hub, which receives every
   * account's findings: it forwards its own only. May be a Terraform reference.
   * @default an account that receives its own findings only
   */
  readonly administratorAccountId?: string;
}

/** An EventBridge event pattern, as documented (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html). */
export type EventPattern = { readonly [key: string]: unknown };

export interface Alert {
  /** kebab-case, unique, used in resource names: at most 40 characters of [a-z0-9-]. */
  readonly id: string;
  /** One line: what happened, for the alert e-mail subject / README table. */
  readonly title: string;
  /** One or two sentences: why a platform team wants to know. */
  readonly why: string;
  /**
   * Forwarded by the management account from every region enabled by default, governed or
   * not: no SCP restricts the management account, so what the alert watches can happen there
   * in any region.
   * @default forwarded from the governed regions and us-east-1 only
   */
  readonly everyRegionOfManagementAccount?: boolean;
  build(context: AlertContext): EventPattern;
}

/** An alert built for one landing zone: what a rule of the central bus, or a part of a forwarding rule, matches. */
export interface AlertRule {
  readonly id: string;
  readonly title: string;
  /** The event pattern as compact JSON. */
  readonly eventPattern: string;
}

/** EventBridge's default quota on the length of a rule's event pattern (adjustable to 4096). */
export const EVENT_PATTERN_DEFAULT_MAX_LENGTH = 2048;

const API_CALL = 'AWS API Call via CloudTrail';
const CONSOLE_SIGN_IN = 'AWS Console Sign In via CloudTrail';

/** A management API call of one service, by name; `detail` narrows it further. */
export function apiCall(service: string, eventNames: readonly string[], detail: Record<string, unknown> = {}): EventPattern {
  return {
    source: [`aws.${service}`],
    'detail-type': [API_CALL],
    detail: { eventSource: [`${service}.amazonaws.com`], eventName: [...eventNames], ...detail },
  };
}

/**
 * WAFv2 only: AWS WAF Classic (`waf`, `waf-regional`) reached end of support on
 * 30 September 2025, so a web ACL that still runs there needs a migration, not an alert.
 * Associating and disassociating a web ACL, and its logging, change what is protected and
 * what is seen as much as the ACL itself; regex pattern sets feed rules as IP sets do.
 */
const wafChange: Alert = {
  id: 'waf-change',
  title: 'AWS WAF web ACL, rule group, IP set or regex pattern set changed',
  why: 'A changed web ACL or rule can silently stop blocking attacks on a public application. An association or logging change alters what WAF protects and what it records.',
  build: () =>
    apiCall('wafv2', [
      'CreateWebACL',
      'UpdateWebACL',
      'DeleteWebACL',
      'AssociateWebACL',
      'DisassociateWebACL',
      'CreateRuleGroup',
      'UpdateRuleGroup',
      'DeleteRuleGroup',
      'CreateIPSet',
      'UpdateIPSet',
      'DeleteIPSet',
      'CreateRegexPatternSet',
      'UpdateRegexPatternSet',
      'DeleteRegexPatternSet',
      'PutLoggingConfiguration',
      'DeleteLoggingConfiguration',
    ]),
};

/**
 * The CIS AWS Foundations Benchmark's list (creating and deleting groups included) and
 * ModifySecurityGroupRules, which edits existing rules in place. Description-only updates
 * (UpdateSecurityGroupRuleDescriptions*) change nothing that is allowed.
 */
const securityGroupChange: Alert = {
  id: 'security-group-change',
  title: 'Security group created, deleted or its rules changed',
  why: 'Security groups are the network perimeter of every instance, database and endpoint. An opened port is often the first step of an exposure.',
  build: () =>
    apiCall('ec2', [
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'ModifySecurityGroupRules',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
    ]),
};

const sessionManagerSession: Alert = {
  id: 'session-manager-session',
  title: 'Session Manager session started or resumed',
  why: 'A session is interactive shell or port-forwarding access to an instance, outside the deployment pipeline. Each one should be someone the team expects.',
  build: () => apiCall('ssm', ['StartSession', 'ResumeSession']),
};

const rootConsoleSignIn: Alert = {
  id: 'root-console-sign-in',
  title: 'Root user signed in to the console',
  why: 'The root user cannot be restricted by IAM and should sit unused behind MFA. A sign-in, successful or not, is either a planned break-glass task or an account takeover attempt.',
  everyRegionOfManagementAccount: true,
  build: () => ({
    source: ['aws.signin'],
    'detail-type': [CONSOLE_SIGN_IN],
    detail: { eventSource: ['signin.amazonaws.com'], eventName: ['ConsoleLogin'], userIdentity: { type: ['Root'] } },
  }),
};

/**
 * Any AWS event with the root user as caller, except the sign-in itself (its own alert).
 * Calls an AWS service makes on the root user's behalf carry `invokedBy`, and are left out
 * as the CIS benchmark does: the root user's own call that started them has alerted.
 */
const rootApiUse: Alert = {
  id: 'root-api-use',
  title: 'Root user credentials used for an AWS call',
  why: 'The root user has every permission and no IAM policy can limit it. Any call it makes is either break-glass work to confirm or stolen credentials in use.',
  everyRegionOfManagementAccount: true,
  build: () => ({
    source: [{ prefix: 'aws.' }],
    'detail-type': [{ 'anything-but': [CONSOLE_SIGN_IN] }],
    detail: { userIdentity: { type: ['Root'], invokedBy: [{ exists: false }] } },
  }),
};

/**
 * Stopping, deleting or narrowing a trail, and the same on CloudTrail Lake event data
 * stores: each makes what happens next invisible, which is what an intruder does first.
 */
const cloudTrailTampering: Alert = {
  id: 'cloudtrail-tampering',
  title: 'CloudTrail logging stopped, deleted or reconfigured',
  why: 'Audit logs are the record every investigation depends on. Stopping or narrowing them is a classic first step of an intruder covering their tracks.',
  build: () =>
    apiCall('cloudtrail', [
      'StopLogging',
      'DeleteTrail',
      'UpdateTrail',
      'PutEventSelectors',
      'PutInsightSelectors',
      'StopEventDataStoreIngestion',
      'DeleteEventDataStore',
      'UpdateEventDataStore',
    ]),
};

const guardDutyFinding: Alert = {
  id: 'guardduty-finding',
  title: 'GuardDuty finding at or above the alert severity',
  why: 'GuardDuty has seen behaviour typical of a compromise: credential misuse, crypto-mining, contact with known malicious hosts. High-severity findings want a person within the hour.',
  build: (context) => {
    const severity = context.guardDutyMinimumSeverity;
    if (!Number.isFinite(severity) || severity < 1 || severity > 10) {
      throw new Error(`guardDutyMinimumSeverity is ${severity}: expected a GuardDuty severity from 1 to 10`);
    }
    const administrator = context.forwarding?.administratorAccountId;
    return {
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Finding'],
      detail: { severity: [{ numeric: ['>=', severity] }], ...(administrator ? { accountId: [administrator] } : {}) },
    };
  },
};

/**
 * Critical findings still to act on, as AWS recommends for alerting: NEW in the workflow
 * (not yet notified, suppressed or resolved) and ACTIVE (not archived by the producer), so
 * that updates to a finding already handled do not alert again.
 */
const securityHubCriticalFinding: Alert = {
  id: 'security-hub-critical-finding',
  title: 'Security Hub critical finding',
  why: 'A critical finding is a control failure or threat that AWS rates as needing action now, such as a public bucket, an exposed key or a disabled guardrail.',
  build: (context) => {
    const forwarding = context.forwarding;
    return {
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Imported'],
      detail: {
        findings: {
          Severity: { Label: ['CRITICAL'] },
          Workflow: { Status: ['NEW'] },
          RecordState: ['ACTIVE'],
          ...(forwarding ? { Region: [forwarding.region] } : {}),
          ...(forwarding?.administratorAccountId ? { AwsAccountId: [forwarding.administratorAccountId] } : {}),
        },
      },
    };
  },
};

/**
 * Firewall Manager policies decide the web ACLs, security group audits, DNS Firewall and
 * Network Firewall of every account in their scope. The calls are made in the policy's
 * region (us-east-1 for CloudFront's, and for the administrator's disassociation), from
 * the administrator, the security account, where only the exempt principals may make them;
 * an attempt of anyone else is denied, and alerts too.
 */
const firewallManagerPolicyChange: Alert = {
  id: 'firewall-manager-policy-change',
  title: 'Firewall Manager policy, administrator or notification channel changed',
  why: 'A Firewall Manager policy sets the web ACLs, security group audits and DNS filtering of every account in its scope at once. A change outside the pipeline can lift a protection across the organization.',
  build: () => apiCall('fms', ['PutPolicy', 'DeletePolicy', 'DisassociateAdminAccount', 'PutNotificationChannel', 'DeleteNotificationChannel']),
};

/** Every call that changes what a role may do or who may assume it, or removes it. */
const protectedRoleChange: Alert = {
  id: 'protected-role-change',
  title: 'Policy of a landing zone IAM role changed',
  why: 'The landing zone deploys and watches accounts through these roles. A changed policy or trust can widen access to every account or blind the alerts themselves.',
  build: (context) => {
    if (context.protectedRoleNames.length === 0) {
      throw new Error('protectedRoleNames is empty: the role change alert would watch no role');
    }
    return apiCall(
      'iam',
      [
        'AttachRolePolicy',
        'DetachRolePolicy',
        'PutRolePolicy',
        'DeleteRolePolicy',
        'UpdateAssumeRolePolicy',
        'PutRolePermissionsBoundary',
        'DeleteRolePermissionsBoundary',
        'DeleteRole',
      ],
      { requestParameters: { roleName: [...new Set(context.protectedRoleNames)].sort() } },
    );
  },
};

/**
 * Who may sign in where: permission sets, what they allow, and their assignments to
 * accounts. The landing zone's own deploys make these calls too, so an alert outside a
 * deploy is a change made by hand. Identity Center records them in its own region, in the
 * account that administers it, which validation keeps among the governed regions.
 */
const identityCenterChange: Alert = {
  id: 'identity-center-change',
  title: 'IAM Identity Center permission set or account assignment changed',
  why: 'A permission set or an assignment decides who can sign in to which account with what rights. A change made outside the pipeline can hand out administrator access quietly.',
  build: () =>
    apiCall('sso', [
      'CreatePermissionSet',
      'UpdatePermissionSet',
      'DeletePermissionSet',
      'AttachManagedPolicyToPermissionSet',
      'DetachManagedPolicyFromPermissionSet',
      'AttachCustomerManagedPolicyReferenceToPermissionSet',
      'DetachCustomerManagedPolicyReferenceFromPermissionSet',
      'PutInlinePolicyToPermissionSet',
      'DeleteInlinePolicyFromPermissionSet',
      'PutPermissionsBoundaryToPermissionSet',
      'DeletePermissionsBoundaryFromPermissionSet',
      'CreateAccountAssignment',
      'DeleteAccountAssignment',
      'CreateInstanceAccessControlAttributeConfiguration',
      'UpdateInstanceAccessControlAttributeConfiguration',
      'DeleteInstanceAccessControlAttributeConfiguration',
      'CreateInstance',
    ]),
};

/**
 * A mandatory detective control found a resource or an account out of compliance. AWS
 * Config sends the change in the account and region of the rule: a rule of the account's
 * own baseline has the control's name, the copy of an organization rule that AWS makes in
 * each account is named `OrgConfigRule-<name>-<suffix>`. The pattern names every mandatory
 * control of the catalogue, deployed or not, so that choosing controls changes no account's
 * forwarding.
 */
const mandatoryControlNonCompliant: Alert = {
  id: 'mandatory-control-non-compliant',
  title: 'A mandatory detective control turned non-compliant',
  why: 'A mandatory control guards what every account must keep, such as the trail, GuardDuty or the root user: a breach of one is either a mistake to undo or someone weakening the account.',
  build: (context) => {
    if (context.mandatoryControlRuleNames.length === 0) throw new Error('mandatoryControlRuleNames is empty: the alert would watch no rule');
    const names = [...new Set(context.mandatoryControlRuleNames)].sort();
    return {
      source: ['aws.config'],
      'detail-type': ['Config Rules Compliance Change'],
      detail: {
        messageType: ['ComplianceChangeNotification'],
        configRuleName: [...names, ...names.map((name) => ({ prefix: `OrgConfigRule-${name}-` }))],
        newEvaluationResult: { complianceType: ['NON_COMPLIANT'] },
      },
    };
  },
};

export const ALERTS: readonly Alert[] = [
  wafChange,
  securityGroupChange,
  sessionManagerSession,
  rootConsoleSignIn,
  rootApiUse,
  cloudTrailTampering,
  guardDutyFinding,
  securityHubCriticalFinding,
  protectedRoleChange,
  identityCenterChange,
  firewallManagerPolicyChange,
  mandatoryControlNonCompliant,
];

/** The pattern as `aws_cloudwatch_event_rule.event_pattern` takes it: compact JSON. */
export function alertPatternJson(alert: Alert, context: AlertContext): string {
  return JSON.stringify(alert.build(context));
}
