/**
 * What watches the accounts, and what a change takes from it: GuardDuty protection plans
 * and their auto-enable modes, Security Hub standards and controls, the trail's event
 * selectors, key, bucket and CloudWatch delivery, Inspector's scan types. Each weakening is
 * a sentence without the region or stack, so that the same weakening in every governed
 * region and stack is one risk naming them all.
 */
import type { ResourceChange } from './report';
import { valuesOf } from './stack-diff';
import { deepEqual, missingFrom } from './value-diff';

/** One weakening of what watches: `what` says it, `region` where, when the resource is regional. */
export interface DetectionWeakening {
  readonly what: string;
  readonly region?: string;
}

type Body = Record<string, unknown> | undefined;

const AUTO_ENABLE_ORDER = ['ALL', 'NEW', 'NONE'];

/** An auto-enable mode that covers fewer member accounts: ALL to NEW or NONE, NEW to NONE. */
function autoEnableNarrowed(before: unknown, after: unknown): boolean {
  const from = AUTO_ENABLE_ORDER.indexOf(String(before));
  return from >= 0 && AUTO_ENABLE_ORDER.indexOf(String(after ?? 'NONE')) > from;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function named(entries: unknown[]): Map<string, Record<string, unknown>> {
  return new Map(entries.map((entry) => entry as Record<string, unknown>).map((entry) => [String(entry.name ?? ''), entry]));
}

/** GuardDuty's protection plans, by the feature names of its API (DetectorFeatureConfiguration). */
const GUARDDUTY_FEATURES: Readonly<Record<string, string>> = {
  S3_DATA_EVENTS: 'S3 protection',
  EKS_AUDIT_LOGS: 'EKS audit log monitoring',
  EBS_MALWARE_PROTECTION: 'malware protection',
  RDS_LOGIN_EVENTS: 'RDS login monitoring',
  LAMBDA_NETWORK_LOGS: 'Lambda network monitoring',
  RUNTIME_MONITORING: 'runtime monitoring',
  EKS_RUNTIME_MONITORING: 'EKS runtime monitoring',
};

function featureLabel(name: unknown): string {
  const text = String(name);
  return Object.hasOwn(GUARDDUTY_FEATURES, text) ? GUARDDUTY_FEATURES[text] : text.toLowerCase().replaceAll('_', ' ');
}

function guardDutyFeature(before: Body, after: Body): string[] {
  const sentences: string[] = [];
  if (before?.status === 'ENABLED' && after?.status !== 'ENABLED')
    sentences.push(`GuardDuty ${featureLabel(before.name)} is turned off (${String(before.status)} -> ${String(after?.status ?? 'removed')})`);
  const was = named(listOf(before?.additional_configuration));
  const is = named(listOf(after?.additional_configuration));
  for (const [name, entry] of was) {
    if (entry.status === 'ENABLED' && is.get(name)?.status !== 'ENABLED')
      sentences.push(`GuardDuty ${featureLabel(before?.name)} ${featureLabel(name)} is turned off`);
  }
  return sentences;
}

function guardDutyAutoEnable(before: Body, after: Body, attribute: string, subject: string): string[] {
  const sentences: string[] = [];
  if (autoEnableNarrowed(before?.[attribute], after?.[attribute]))
    sentences.push(`${subject} is auto-enabled for fewer member accounts (${String(before?.[attribute])} -> ${String(after?.[attribute] ?? 'NONE')})`);
  const was = named(listOf(before?.additional_configuration));
  const is = named(listOf(after?.additional_configuration));
  for (const [name, entry] of was) {
    if (autoEnableNarrowed(entry.auto_enable, is.get(name)?.auto_enable))
      sentences.push(
        `${subject} ${featureLabel(name)} is auto-enabled for fewer member accounts (${String(entry.auto_enable)} -> ${String(is.get(name)?.auto_enable ?? 'NONE')})`,
      );
  }
  return sentences;
}

function removedMembers(before: unknown, after: unknown): unknown[] {
  return missingFrom(listOf(before), listOf(after));
}

function securityHubPolicy(before: Body, after: Body): string[] {
  const was = listOf(before?.configuration_policy)[0] as Body;
  const is = listOf(after?.configuration_policy)[0] as Body;
  const sentences: string[] = [];
  if (was?.service_enabled === true && is?.service_enabled !== true) sentences.push('Security Hub is turned off by its configuration policy');
  for (const standard of removedMembers(was?.enabled_standard_arns, is?.enabled_standard_arns))
    sentences.push(`Security Hub standard ${String(standard).replace(/^arn:aws:securityhub:[^:]*::/, '')} is no longer enabled`);
  const controls = (body: Body) => (listOf(body?.security_controls_configuration)[0] as Body) ?? {};
  const disabled = removedMembers(controls(is).disabled_control_identifiers, controls(was).disabled_control_identifiers).map(String);
  if (disabled.length > 0) sentences.push(`Security Hub controls ${disabled.sort().join(', ')} are disabled`);
  const enabled = removedMembers(controls(was).enabled_control_identifiers, controls(is).enabled_control_identifiers).map(String);
  if (enabled.length > 0) sentences.push(`Security Hub controls ${enabled.sort().join(', ')} are no longer enabled`);
  return sentences;
}

/** The `readOnly` field of a selector that limits it to write events. */
function writeOnly(selector: Record<string, unknown>): boolean {
  return listOf(selector.field_selector).some((field) => {
    const entry = field as Record<string, unknown>;
    return entry.field === 'readOnly' && listOf(entry.equals).map(String).includes('false');
  });
}

function trail(before: Body, after: Body): string[] {
  const sentences: string[] = [];
  const was = named(listOf(before?.advanced_event_selector));
  const is = named(listOf(after?.advanced_event_selector));
  for (const [name, selector] of was) {
    const next = is.get(name);
    if (!next) sentences.push(`the trail no longer logs its selector "${name}"`);
    else if (!writeOnly(selector) && writeOnly(next)) sentences.push(`the trail's selector "${name}" is narrowed to write-only events`);
    else if (!deepEqual(selector, next)) sentences.push(`the trail's selector "${name}" changes what it logs`);
  }
  for (const [index, selector] of listOf(before?.event_selector).entries()) {
    const next = listOf(after?.event_selector)[index] as Body;
    const entry = selector as Record<string, unknown>;
    if ((entry.read_write_type ?? 'All') === 'All' && next && (next.read_write_type ?? 'All') !== 'All')
      sentences.push(`the trail's management events are narrowed to ${String(next.read_write_type)}`);
    if (entry.include_management_events !== false && next?.include_management_events === false) sentences.push('the trail no longer logs management events');
    if (listOf(entry.data_resource).length > 0 && listOf(next?.data_resource).length === 0) sentences.push('the trail no longer logs data events');
  }
  if (before?.kms_key_id !== undefined && after?.kms_key_id === undefined) sentences.push("the trail's logs are no longer encrypted with its KMS key");
  else if (before?.kms_key_id !== undefined && !deepEqual(before.kms_key_id, after?.kms_key_id)) sentences.push("the trail's KMS key is another");
  if (before?.s3_bucket_name !== undefined && !deepEqual(before.s3_bucket_name, after?.s3_bucket_name))
    sentences.push(`the trail delivers to another bucket (${String(before.s3_bucket_name)} -> ${String(after?.s3_bucket_name ?? 'none')})`);
  if (before?.cloud_watch_logs_group_arn !== undefined && after?.cloud_watch_logs_group_arn === undefined)
    sentences.push('the trail no longer delivers to CloudWatch Logs, where the alerts read it');
  return sentences;
}

function inspectorConfiguration(before: Body, after: Body): string[] {
  const was = (listOf(before?.auto_enable)[0] as Body) ?? {};
  const is = (listOf(after?.auto_enable)[0] as Body) ?? {};
  return Object.keys(was)
    .filter((scan) => was[scan] === true && is[scan] !== true)
    .sort()
    .map((scan) => `Inspector ${scan.replaceAll('_', ' ')} scanning is no longer auto-enabled for member accounts`);
}

function inspectorEnabler(before: Body, after: Body): string[] {
  const removed = removedMembers(before?.resource_types, after?.resource_types).map(String);
  return removed.length > 0 && after !== undefined ? [`Inspector no longer scans ${removed.sort().join(', ')}`] : [];
}

const RULES: Readonly<Record<string, (before: Body, after: Body) => string[]>> = {
  aws_guardduty_detector_feature: guardDutyFeature,
  aws_guardduty_organization_configuration_feature: (before, after) =>
    guardDutyAutoEnable(before, after, 'auto_enable', `GuardDuty ${featureLabel(before?.name)}`),
  aws_guardduty_organization_configuration: (before, after) => guardDutyAutoEnable(before, after, 'auto_enable_organization_members', 'GuardDuty'),
  aws_securityhub_configuration_policy: securityHubPolicy,
  aws_cloudtrail: trail,
  aws_inspector2_organization_configuration: inspectorConfiguration,
  aws_inspector2_enabler: inspectorEnabler,
};

/** How a change to a resource weakens what watches the accounts; nothing for a resource made anew. */
export function detectionWeakenings(resource: ResourceChange): DetectionWeakening[] {
  const rule = Object.hasOwn(RULES, resource.type) ? RULES[resource.type] : undefined;
  if (!rule || resource.kind !== 'resource' || resource.action === 'create' || resource.action === 'import') return [];
  const { before, after } = valuesOf(resource) as { before?: Body; after?: Body };
  // A trail or configuration destroyed is a risk of its own; a GuardDuty feature destroyed is its protection turned off.
  if (before === undefined || (resource.action === 'delete' && !resource.type.startsWith('aws_guardduty_'))) return [];
  const region = typeof before.region === 'string' ? before.region : undefined;
  return rule(before, resource.action === 'delete' ? undefined : after).map((what) => ({ what, region }));
}
