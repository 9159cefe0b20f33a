/**
 * The names the landing zone gives what it creates inside accounts. They all start with
 * one prefix, so that the guardrails protect every one of them by pattern
 * (`landing-zone-*`), a name added later included, without listing them.
 */
export const RESOURCE_NAME_PREFIX = 'landing-zone';

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

/** AWS WAF logs only to buckets whose name starts with `aws-waf-logs-`; this one follows the log archive's names after it. */
export function wafLogBucketName(bucketNamePrefix: string, region: string): string {
  return `aws-waf-logs-${bucketNamePrefix}-${region}`;
}
