/**
 * The AWS APIs whose limits are the organization's, not one account's: every shard that
 * applies account stacks at once calls the same AWS Organizations and IAM Identity Center
 * of the management account. Identity Center's documented limits are a collective 20
 * requests per second and at most 10 `CreateAccountAssignment` calls outstanding, which
 * cannot be raised; Terraform runs up to 10 operations of one apply at a time, and an
 * account stack makes several assignments. The provider retries throttling (its SDK's
 * standard retryer, which also gives up when its own retry quota is spent), and the wave
 * runner retries what is left; a cap keeps a wide pipeline from needing them.
 *
 * A cap counts `terraform apply` runs whose plan changes resources of the service (reads,
 * plans and drift checks are not capped), across every shard of a run: K at a time across
 * N shards is floor(K / N) in each shard, one more in the first K mod N. The stacks whose
 * resources of the service the change touches (their JSON differs, or they are new or
 * removed) are placed only in shards whose share is at least one; the others go anywhere,
 * and should the plan of one change such resources after all (a change made outside
 * Terraform, undone), its shard applies them one at a time.
 */
import type { TerraformJson } from '../review/synthesized-output';

const THROTTLED_SERVICES = {
  organizations: ['aws_organizations_'],
  'identity-center': ['aws_ssoadmin_', 'aws_identitystore_'],
} as const satisfies Record<string, readonly string[]>;

export type ThrottledService = keyof typeof THROTTLED_SERVICES;

export const THROTTLED_SERVICE_NAMES = Object.keys(THROTTLED_SERVICES).sort() as ThrottledService[];

/** At most how many applies that change a service's resources run at once across the shards of a run. */
export type ServiceConcurrency = Partial<Record<ThrottledService, number>>;

/** The throttled services whose APIs a resource type's create, update and delete call. */
function servicesOfType(type: string): ThrottledService[] {
  return THROTTLED_SERVICE_NAMES.filter((service) => THROTTLED_SERVICES[service].some((prefix) => type.startsWith(prefix)));
}

/** What `servicesChangedBy` reads of a plan's JSON (`terraform show -json`). */
export interface PlanChanges {
  readonly resource_changes?: readonly { readonly type?: string; readonly change?: { readonly actions?: readonly string[] } }[];
}

/** The resources of `service` in a stack's Terraform JSON, by type, in one order. */
function resourcesOf(json: TerraformJson | undefined, service: ThrottledService): string {
  const resources = (json?.resource ?? {}) as Record<string, unknown>;
  const types = Object.keys(resources)
    .filter((type) => servicesOfType(type).includes(service))
    .sort();
  return JSON.stringify(types.map((type) => [type, resources[type]]));
}

/**
 * The throttled services whose resources differ between two versions of a stack's JSON:
 * a new stack (no `before`) or a removed one (no `after`) changes all it holds.
 */
export function servicesChangedBetween(before: TerraformJson | undefined, after: TerraformJson | undefined): ThrottledService[] {
  return THROTTLED_SERVICE_NAMES.filter((service) => resourcesOf(before, service) !== resourcesOf(after, service));
}

/** The throttled services whose resources a plan creates, updates or deletes. */
export function servicesChangedBy(plan: PlanChanges): ThrottledService[] {
  const changed = (plan.resource_changes ?? []).filter((change) => (change.change?.actions ?? []).some((action) => action !== 'no-op' && action !== 'read'));
  return THROTTLED_SERVICE_NAMES.filter((service) => changed.some((change) => servicesOfType(change.type ?? '').includes(service)));
}

/** Shard `shard`'s (1 to `shards`) part of a cap of `cap` across the shards. */
export function shareOf(cap: number, shards: number, shard: number): number {
  return Math.floor(cap / shards) + (shard <= cap % shards ? 1 : 0);
}

/** How many shards, the first ones, may run a stack of these services: those whose share of every cap is at least one. */
export function shardsFor(services: readonly ThrottledService[], caps: ServiceConcurrency, shards: number): number {
  return Math.min(shards, ...services.map((service) => caps[service] ?? shards));
}

/** Parses `organizations=4`, as `--service-concurrency` takes it. */
export function parseServiceConcurrency(values: readonly string[]): ServiceConcurrency | string {
  const caps: ServiceConcurrency = {};
  for (const value of values) {
    const match = /^([\w-]+)=(\d+)$/.exec(value);
    const service = match?.[1] as ThrottledService | undefined;
    if (!match || !service || !THROTTLED_SERVICE_NAMES.includes(service) || Number(match[2]) < 1)
      return `expected <service>=<count>, the service one of ${THROTTLED_SERVICE_NAMES.join(', ')} and the count at least 1, such as organizations=4, got ${JSON.stringify(value)}`;
    caps[service] = Number(match[2]);
  }
  return caps;
}
