/**
 * The names the landing zone gives what it creates inside accounts. They all start with
 * one prefix, so that the guardrails protect every one of them by pattern
 * (`landing-zone-*`), a name added later included, without listing them.
 */
export const RESOURCE_NAME_PREFIX = 'landing-zone';

/** The tag of an OU that says what it holds (production, core...), as the review reads it. */
export const ENVIRONMENT_TAG = `${RESOURCE_NAME_PREFIX}:environment`;

function named(name: string): string {
  return `${RESOURCE_NAME_PREFIX}-${name}`;
}

/** In every account: puts the forwarded events on the central bus. */
export const ALERT_FORWARDER_ROLE = named('alert-forwarder');
/** In every account: AWS Config records through it. */
export const CONFIG_RECORDER_ROLE = named('config-recorder');
/** In the security account: the organization Config aggregator reads through it. */
export const CONFIG_AGGREGATOR_ROLE = named('config-aggregator');
/** In the security account: mails the alerts. */
export const ALERT_TOPIC_NAME = named('security-alerts');
/** In the security account, unless `alerts.eventBusName` says otherwise. */
export const DEFAULT_ALERT_EVENT_BUS_NAME = named('security-alerts');

/** In the security account: carries the alerts, and Incident Manager's updates, to the chat channels. */
export const CHAT_TOPIC_NAME = named('security-chat');
/** In the security account: what chat channel members may do, through the chat integration. */
export const CHAT_CHANNEL_ROLE = named('chat-channel');
/** In the security account: EventBridge starts incidents through it. */
export const INCIDENT_STARTER_ROLE = named('incident-starter');
/** In the security account: Incident Manager runs a response plan's runbook through it. */
export const INCIDENT_RUNBOOK_ROLE = named('incident-runbook');
/** In the security account: EventBridge calls the on-call services' API destinations through it. */
export const PAGING_ROLE = named('paging');
/** In the security account: the alerts no on-call service took, after EventBridge's retries. */
export const PAGING_DEAD_LETTER_QUEUE = named('paging-dead-letters');
/** A placeholder API key of a paging connection; the real key is set with `aws events update-connection`. */
export const PAGING_API_KEY_PLACEHOLDER = 'set-with-aws-events-update-connection';

/** In every account with a remediation on: EventBridge starts the remediation runbooks through it. */
export const REMEDIATION_STARTER_ROLE = named('remediation-starter');
/** In every account with a remediation on: the remediation runbooks run as it. */
export const REMEDIATION_ROLE = named('remediation');

/**
 * What the landing zone names after the configuration: a chat configuration, an Incident
 * Manager contact, escalation plan or response plan, a custom runbook.
 */
export function configuredName(name: string): string {
  return named(name);
}

/**
 * The aliases of the landing zone's KMS keys inside accounts: the guardrails protect a key
 * by its alias, and the aliases themselves from being removed or put on another key.
 */
export function keyAlias(purpose: string): string {
  return `alias/${named(purpose)}`;
}
/** In every governed region of every account: encrypts Session Manager's session data. */
export const SESSION_MANAGER_KEY_ALIAS = keyAlias('session-manager');
/** In every governed region of every account with backup vaults: encrypts the recovery points. */
export const BACKUP_KEY_ALIAS = keyAlias('backup');
/** In each region of the security account where a WAF policy logs: encrypts the WAF logs. */
export const WAF_LOGS_KEY_ALIAS = keyAlias('waf-logs');
/** In the management account: encrypts the organization trail's CloudWatch Logs group. */
export const TRAIL_LOG_GROUP_KEY_ALIAS = keyAlias('trail-log-group');

/** Fixed by AWS: Session Manager reads each region's preferences from this document. */
export const SESSION_MANAGER_PREFERENCES_DOCUMENT = 'SSM-SessionManagerRunShell';

const FORWARDING_RULE_PREFIX = named('forward-security-events-');

/** The rules of every account's default buses that forward security events. */
export function forwardingRuleName(number: number): string {
  return `${FORWARDING_RULE_PREFIX}${number}`;
}

/** The rule of one alert on the central bus. */
export function alertRuleName(alertId: string): string {
  return named(alertId);
}

/** The rule of the central bus that posts one alert to chat. */
export function chatRuleName(alertId: string): string {
  return named(`chat-${alertId}`);
}

/** The rule of the central bus that pages the on-call services for one kind of alert. */
export function pagingRuleName(kind: string): string {
  return named(`page-${kind}`);
}

/** The rule of the central bus that starts an incident for one kind of alert. */
export function incidentRuleName(kind: string): string {
  return named(`incident-${kind}`);
}

const SECURITY_HUB_ACTION_RULE_PREFIX = named('security-hub-action-');

/** The rule of the security account's default bus, home region, for one Security Hub custom action. */
export function securityHubActionRuleName(action: string): string {
  return `${SECURITY_HUB_ACTION_RULE_PREFIX}${action}`;
}

const REMEDIATION_RULE_PREFIX = named('remediate-');

/** The rule of every account's default buses that starts one remediation. */
export function remediationRuleName(remediation: string): string {
  return `${REMEDIATION_RULE_PREFIX}${remediation}`;
}

/** Every forwarding rule, and every alert rule of the central bus, as IAM wildcards of their names. */
export const FORWARDING_RULE_NAMES = `${FORWARDING_RULE_PREFIX}*`;
export const ALERT_RULE_NAMES = alertRuleName('*');

/** A Firewall Manager policy of `firewallManager.policies`; the one for CloudFront distributions, made in us-east-1, apart. */
export function firewallManagerPolicyName(key: string, cloudFront: boolean): string {
  return named(cloudFront ? `${key}-cloudfront` : key);
}

/** The rule group of a WAF policy's rate-based rule, in the security account. */
export function wafRateBasedRuleGroupName(key: string): string {
  return named(`${key}-rate-limit`);
}

/** A DNS Firewall rule group of a policy, by its place among the policy's groups (from 1). */
export function dnsFirewallRuleGroupName(key: string, number: number): string {
  return named(`${key}-${number}`);
}

/** The audit or primary security group of a security group policy, in the security account. */
export function referenceSecurityGroupName(key: string): string {
  return named(key);
}

/** The VPC of the reference security groups of a region, in the security account, when the configuration names none. */
export const REFERENCE_SECURITY_GROUP_VPC_NAME = named('firewall-manager-reference');

/** AWS WAF logs only to buckets whose name starts with `aws-waf-logs-`; this one follows the log archive's names after it. */
export function wafLogBucketName(bucketNamePrefix: string, region: string): string {
  return `aws-waf-logs-${bucketNamePrefix}-${region}`;
}
/** Beside each WAF log bucket: its S3 server access logs (a bucket of the same account and region, as S3 requires). */
export function wafAccessLogsBucketName(bucketNamePrefix: string, region: string): string {
  return `${bucketNamePrefix}-waf-access-logs-${region}`;
}
/** The other rules of default buses: Security Hub custom actions and remediations. */
export const SECURITY_HUB_ACTION_RULE_NAMES = `${SECURITY_HUB_ACTION_RULE_PREFIX}*`;
export const REMEDIATION_RULE_NAMES = `${REMEDIATION_RULE_PREFIX}*`;
/** In every account, when backup plans are configured: AWS Backup backs up through it. */
export const BACKUP_ROLE = named('backup');
/** In every governed region of every account, when backup plans are configured: where the plans keep their recovery points. */
export const BACKUP_VAULT_NAME = named('backup');
/** In an account whose detective controls have remediation: Systems Manager runs AWS's runbooks through it. */
export const CONFIG_REMEDIATION_ROLE = named('config-remediation');
