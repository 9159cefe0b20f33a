/**
 * The keys AWS puts in a request's context from who sends it, where and when: the region,
 * the time, the principal's ARN, account, type and organization, the resource's account and
 * organization, and the transport, which a request made in a console or CLI has. `npm run
 * explain` and the review build their requests with them alike.
 */
import type { ContextValue } from './request-context';
import { accountOfPrincipal, isServicePrincipal } from './statement-evaluation';

/** What stands for the id of an account that has none yet. */
export const STAND_IN_ACCOUNT_ID = '000000000000';

/** The role a request is made by when none is named: named by no policy of the product. */
export const ANY_ROLE = 'any-role';

export interface DerivedKey {
  readonly key: string;
  readonly value: ContextValue;
  /** `assumed` for a value that stands in for one the request does not say. */
  readonly source: 'derived' | 'assumed';
}

export interface RequestOrigin {
  /** An IAM principal's ARN, a service principal, or `anonymous`. */
  readonly principal: string;
  /** Whether the principal is of an account of the organization. */
  readonly principalInOrganization: boolean;
  readonly region: string;
  /** False when the region stands in for one the request does not name. */
  readonly regionGiven: boolean;
  /** The id of the resource's account when it is of the organization. */
  readonly resourceAccountId?: string;
  readonly organizationId: string;
  readonly time: Date;
}

/** The keys of the context that follow from the request's origin, in the order they are worked out. */
export function derivedKeys(origin: RequestOrigin): DerivedKey[] {
  const keys: DerivedKey[] = [];
  const set = (key: string, value: ContextValue, source: DerivedKey['source']) => keys.push({ key, value, source });
  const { principal, time } = origin;
  set('aws:RequestedRegion', origin.region, origin.regionGiven ? 'derived' : 'assumed');
  set('aws:CurrentTime', time.toISOString().replace(/\.\d{3}Z$/, 'Z'), 'derived');
  set('aws:EpochTime', String(Math.floor(time.getTime() / 1000)), 'derived');
  set('aws:SecureTransport', 'true', 'assumed');
  set('aws:ViaAWSService', 'false', 'assumed');
  if (origin.resourceAccountId !== undefined) {
    set('aws:ResourceAccount', origin.resourceAccountId, 'derived');
    set('aws:ResourceOrgID', origin.organizationId, 'derived');
  }
  const service = isServicePrincipal(principal);
  if (principal !== 'anonymous') set('aws:PrincipalIsAWSService', String(service), 'derived');
  if (service) set('aws:PrincipalServiceName', principal, 'derived');
  const principalAccountId = accountOfPrincipal(principal);
  if (principalAccountId) {
    const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
    set('aws:PrincipalArn', session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : principal, 'derived');
    set('aws:PrincipalAccount', principalAccountId, 'derived');
    if (origin.principalInOrganization) set('aws:PrincipalOrgID', origin.organizationId, 'derived');
    const user = /:user\/(?:.*\/)?([^/]+)$/.exec(principal);
    if (user) set('aws:username', user[1], 'derived');
    const type = user ? 'User' : principal.endsWith(':root') ? 'Account' : 'AssumedRole';
    set('aws:PrincipalType', type, 'derived');
  }
  return keys;
}
