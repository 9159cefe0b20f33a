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

/** In every account, when backup plans are configured: AWS Backup backs up through it. */
export const BACKUP_ROLE = named('backup');
/** In every governed region of every account, when backup plans are configured: where the plans keep their recovery points. */
export const BACKUP_VAULT_NAME = named('backup');
/** In an account whose detective controls have remediation: Systems Manager runs AWS's runbooks through it. */
export const CONFIG_REMEDIATION_ROLE = named('config-remediation');
