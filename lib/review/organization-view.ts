/**
 * The organization as one synthesized output describes it, read back from the stacks
 * alone (the review never reads the configuration): the OU tree and the policies of the
 * management stack, each account with its OU from its account stack, the policies attached
 * at each level, the permission sets of the Identity Center stacks and every account's
 * assignments. Each stack's part is read on its own, so that a stack whose text did not
 * change is read once for both sides of a review.
 */
import {
  ACCOUNT_BASELINE_STACK_PREFIX,
  ACCOUNT_STACK_PREFIX,
  FIREWALL_MANAGER_STACK,
  IDENTITY_CENTER_MANAGEMENT_STACK,
  IDENTITY_CENTER_STACK,
  LOG_ARCHIVE_STACK,
  MANAGEMENT_OUTPUTS,
  MANAGEMENT_STACK,
  REMOTE_STATE_IDS,
  SECURITY_STACK,
} from '../../stacks/stack-outputs';
import { remoteLookup, resourceReference } from './terraform-references';
import type { SynthesizedOutput, TerraformJson } from './synthesized-output';
import { ENVIRONMENT_TAG } from '../resource-names';

export interface PolicyFacts {
  readonly type: string;
  readonly content: string;
}

export interface PermissionSetFacts {
  readonly sessionDuration?: string;
  readonly managedPolicyArns: readonly string[];
  readonly customerManagedPolicies: readonly string[];
  readonly inlinePolicy?: string;
  readonly permissionsBoundary?: string;
}

/** A Firewall Manager policy in one region: who it covers, whether it remediates. */
export interface FirewallPolicyFacts {
  readonly includeUnits: readonly string[];
  /** Account keys, or the literal ids of accounts the output names by id. */
  readonly includeAccounts: readonly string[];
  readonly excludeUnits: readonly string[];
  readonly excludeAccounts: readonly string[];
  readonly remediation: boolean;
}

/** `GROUP <name>` or `USER <name>`, and the permission set, one assignment of one account. */
export interface AssignmentFacts {
  readonly principal: string;
  readonly permissionSet: string;
}

/** What one stack says about the organization. */
interface StackFacts {
  readonly organizationalUnits?: ReadonlyMap<string, string>;
  /** OU path to the environment its tag gives, for the OUs that have one. */
  readonly unitEnvironments?: ReadonlyMap<string, string>;
  /** The account key of the core account the stack deploys into (security, log archive). */
  readonly coreAccount?: string;
  /** Terraform resource name to OU path, policy name, permission set name. */
  readonly resourceNames?: {
    readonly units: ReadonlyMap<string, string>;
    readonly policies: ReadonlyMap<string, string>;
    readonly permissionSets: ReadonlyMap<string, string>;
  };
  readonly policies?: ReadonlyMap<string, PolicyFacts>;
  /** Policy names attached, by target: `root`, an OU path, or `account` for the stack's own account. */
  readonly attachments?: ReadonlyMap<string, readonly string[]>;
  readonly account?: { readonly key: string; readonly name: string; readonly ouPath?: string };
  readonly assignments?: { readonly key: string; readonly assignments: readonly AssignmentFacts[] };
  readonly permissionSets?: ReadonlyMap<string, PermissionSetFacts>;
  /** By `<policy name> in <region>`. */
  readonly firewallPolicies?: ReadonlyMap<string, FirewallPolicyFacts>;
}

export interface AccountFacts {
  readonly key: string;
  readonly name: string;
  /** Absent for the management account, at the root. */
  readonly ouPath?: string;
}

export interface OrganizationView {
  /** OU path to name. */
  readonly organizationalUnits: ReadonlyMap<string, string>;
  /** OU path to the environment configured on it (`production`, `core`...); nested OUs take their parent's. */
  readonly unitEnvironments: ReadonlyMap<string, string>;
  /** Keys of the management, security and log-archive accounts, core wherever they are. */
  readonly coreAccounts: ReadonlySet<string>;
  readonly policies: ReadonlyMap<string, PolicyFacts>;
  readonly rootPolicies: ReadonlySet<string>;
  readonly unitPolicies: ReadonlyMap<string, ReadonlySet<string>>;
  readonly accountPolicies: ReadonlyMap<string, ReadonlySet<string>>;
  /** By account key. */
  readonly accounts: ReadonlyMap<string, AccountFacts>;
  /** `principal\u0000permission set` of each account, by account key. */
  readonly assignments: ReadonlyMap<string, ReadonlySet<string>>;
  readonly permissionSets: ReadonlyMap<string, PermissionSetFacts>;
  /** By `<policy name> in <region>`. */
  readonly firewallPolicies: ReadonlyMap<string, FirewallPolicyFacts>;
  /** The Terraform resource names of OUs, policies and permission sets, to what they name. */
  readonly resourceNames: { readonly units: Map<string, string>; readonly policies: Map<string, string>; readonly permissionSets: Map<string, string> };
}

/** The OU path of the OU resource `resource` of the management stack. */
export function unitByReference(view: OrganizationView, resource: string | undefined): string | undefined {
  return resource === undefined ? undefined : view.resourceNames.units.get(resource);
}

/** The name of the policy resource `resource` of the management stack. */
export function policyNameByResource(view: OrganizationView, resource: string | undefined): string | undefined {
  return resource === undefined ? undefined : view.resourceNames.policies.get(resource);
}

/** The name of the permission set resource `resource` of an Identity Center stack. */
export function permissionSetByResource(view: OrganizationView, resource: string | undefined): string | undefined {
  return resource === undefined ? undefined : view.resourceNames.permissionSets.get(resource);
}

function resourcesOf(json: TerraformJson, type: string): [string, TerraformJson][] {
  return Object.entries((json.resource?.[type] ?? {}) as Record<string, TerraformJson>);
}

function managementFacts(json: TerraformJson): StackFacts {
  const units = new Map<string, string>();
  const unitByResource = new Map<string, string>();
  for (const [path, reference] of Object.entries((json.output?.[MANAGEMENT_OUTPUTS.organizationalUnitIds]?.value ?? {}) as Record<string, string>)) {
    const target = resourceReference(reference);
    if (target) unitByResource.set(target.name, path);
  }
  const environments = new Map<string, string>();
  for (const [resource, unit] of resourcesOf(json, 'aws_organizations_organizational_unit')) {
    const path = unitByResource.get(resource);
    if (path !== undefined) units.set(path, String(unit.name));
    const environment = unit.tags?.[ENVIRONMENT_TAG];
    if (path !== undefined && typeof environment === 'string') environments.set(path, environment);
  }
  const policies = new Map<string, PolicyFacts>();
  const policyByResource = new Map<string, string>();
  for (const [resource, policy] of resourcesOf(json, 'aws_organizations_policy')) {
    policies.set(String(policy.name), { type: String(policy.type ?? 'SERVICE_CONTROL_POLICY'), content: String(policy.content ?? '') });
    policyByResource.set(resource, String(policy.name));
  }
  const attachments = new Map<string, string[]>();
  for (const [, attachment] of resourcesOf(json, 'aws_organizations_policy_attachment')) {
    const policy = policyByResource.get(resourceReference(attachment.policy_id)?.name ?? '');
    const target = resourceReference(attachment.target_id);
    const where = target?.type === 'aws_organizations_organization' ? 'root' : unitByResource.get(target?.name ?? '');
    if (policy !== undefined && where !== undefined) attachments.set(where, [...(attachments.get(where) ?? []), policy]);
  }
  return {
    organizationalUnits: units,
    unitEnvironments: environments,
    policies,
    attachments,
    resourceNames: { units: unitByResource, policies: policyByResource, permissionSets: new Map() },
  };
}

function assignmentsIn(json: TerraformJson): AssignmentFacts[] {
  const users = new Map(
    Object.entries((json.data?.aws_identitystore_user ?? {}) as Record<string, TerraformJson>).map(([name, user]) => [
      name,
      String(user.alternate_identifier?.unique_attribute?.attribute_value ?? name),
    ]),
  );
  return resourcesOf(json, 'aws_ssoadmin_account_assignment').flatMap(([, assignment]) => {
    const permissionSet = remoteLookup(assignment.permission_set_arn);
    if (!permissionSet) return [];
    const principal =
      assignment.principal_type === 'GROUP' ? remoteLookup(assignment.principal_id)?.key : users.get(resourceReference(assignment.principal_id)?.name ?? '');
    return principal === undefined ? [] : [{ principal: `${String(assignment.principal_type)} ${principal}`, permissionSet: permissionSet.key }];
  });
}

function accountFacts(key: string, json: TerraformJson): StackFacts {
  const [, account] = resourcesOf(json, 'aws_organizations_account')[0] ?? [];
  const attached = resourcesOf(json, 'aws_organizations_policy_attachment').flatMap(([, attachment]) => {
    const lookup = remoteLookup(attachment.policy_id);
    return lookup?.output === MANAGEMENT_OUTPUTS.policyIds ? [lookup.key] : [];
  });
  return {
    account: account ? { key, name: String(account.name), ouPath: remoteLookup(account.parent_id)?.key } : undefined,
    attachments: new Map([['account', attached]]),
    assignments: { key, assignments: assignmentsIn(json) },
  };
}

function permissionSetFacts(json: TerraformJson): StackFacts {
  const byResource = new Map<string, string>();
  const sets = new Map<string, { -readonly [K in keyof PermissionSetFacts]: PermissionSetFacts[K] }>();
  for (const [resource, set] of resourcesOf(json, 'aws_ssoadmin_permission_set')) {
    byResource.set(resource, String(set.name));
    sets.set(String(set.name), { sessionDuration: set.session_duration, managedPolicyArns: [], customerManagedPolicies: [] });
  }
  const setOf = (attachment: TerraformJson) => sets.get(byResource.get(resourceReference(attachment.permission_set_arn)?.name ?? '') ?? '');
  for (const [, attachment] of resourcesOf(json, 'aws_ssoadmin_managed_policy_attachment')) {
    const set = setOf(attachment);
    if (set) set.managedPolicyArns = [...set.managedPolicyArns, String(attachment.managed_policy_arn)].sort();
  }
  for (const [, attachment] of resourcesOf(json, 'aws_ssoadmin_customer_managed_policy_attachment')) {
    const set = setOf(attachment);
    if (set) set.customerManagedPolicies = [...set.customerManagedPolicies, String(attachment.customer_managed_policy_reference?.name)].sort();
  }
  for (const [, inline] of resourcesOf(json, 'aws_ssoadmin_permission_set_inline_policy')) {
    const set = setOf(inline);
    if (set) set.inlinePolicy = String(inline.inline_policy);
  }
  for (const [, boundary] of resourcesOf(json, 'aws_ssoadmin_permissions_boundary_attachment')) {
    const set = setOf(boundary);
    const policy = boundary.permissions_boundary;
    if (set) set.permissionsBoundary = String(policy?.managed_policy_arn ?? policy?.customer_managed_policy_reference?.name);
  }
  return { permissionSets: sets, resourceNames: { units: new Map(), policies: new Map(), permissionSets: byResource } };
}

/** An account a policy scope names: by key when it is read from the account's stack, else as the output writes it. */
function scopedAccount(reference: unknown, keys: readonly string[]): string {
  const state = /^\$\{data\.terraform_remote_state\.(\w+)\.outputs\./.exec(String(reference))?.[1];
  return keys.find((key) => REMOTE_STATE_IDS.account({ key }) === state) ?? String(reference);
}

function firewallFacts(json: TerraformJson, keys: readonly string[]): StackFacts {
  const policies = new Map<string, FirewallPolicyFacts>();
  for (const [, policy] of resourcesOf(json, 'aws_fms_policy')) {
    const units = (map: TerraformJson | undefined) => ((map?.orgunit ?? []) as unknown[]).map((reference) => remoteLookup(reference)?.key ?? String(reference));
    const accounts = (map: TerraformJson | undefined) => ((map?.account ?? []) as unknown[]).map((reference) => scopedAccount(reference, keys));
    policies.set(`${String(policy.name)} in ${String(policy.region)}`, {
      includeUnits: units(policy.include_map),
      includeAccounts: accounts(policy.include_map),
      excludeUnits: units(policy.exclude_map),
      excludeAccounts: accounts(policy.exclude_map),
      remediation: policy.remediation_enabled === true,
    });
  }
  return { firewallPolicies: policies };
}

/** The account a stack's default provider is limited to, when it is an account of the landing zone, by key. */
function providerAccount(json: TerraformJson, keys: readonly string[]): string | undefined {
  const providers = (json.provider?.aws ?? []) as TerraformJson[];
  const ids = providers.find((provider) => provider.alias === undefined)?.allowed_account_ids ?? [];
  return ids.map((reference: unknown) => scopedAccount(reference, keys)).find((key: string) => keys.includes(key));
}

function baselineKeys(output: SynthesizedOutput): string[] {
  return output.stackNames.filter((name) => name.startsWith(ACCOUNT_BASELINE_STACK_PREFIX)).map((name) => name.slice(ACCOUNT_BASELINE_STACK_PREFIX.length));
}

function factsOf(stack: string, output: SynthesizedOutput): StackFacts {
  if (stack === MANAGEMENT_STACK) return managementFacts(output.json(stack));
  if (stack === SECURITY_STACK || stack === LOG_ARCHIVE_STACK) return { coreAccount: providerAccount(output.json(stack), baselineKeys(output)) };
  if (stack === FIREWALL_MANAGER_STACK) return firewallFacts(output.json(stack), baselineKeys(output));
  if (stack === IDENTITY_CENTER_STACK || stack === IDENTITY_CENTER_MANAGEMENT_STACK) return permissionSetFacts(output.json(stack));
  if (stack.startsWith(ACCOUNT_STACK_PREFIX)) return accountFacts(stack.slice(ACCOUNT_STACK_PREFIX.length), output.json(stack));
  if (stack.startsWith(ACCOUNT_BASELINE_STACK_PREFIX)) {
    // Most baselines assign nothing: only those that do are parsed.
    if (!output.text(stack).includes('"aws_ssoadmin_account_assignment"')) return {};
    return { assignments: { key: stack.slice(ACCOUNT_BASELINE_STACK_PREFIX.length), assignments: assignmentsIn(output.json(stack)) } };
  }
  return {};
}

/** The facts of each stack of an output, taken from `earlier` where the stack's text is the same there. */
export type FactsCache = Map<string, { readonly text: string; readonly facts: StackFacts }>;

/** The view of an organization no output describes: what a plan, which names ids only, is reviewed against. */
export function emptyOrganizationView(): OrganizationView {
  return {
    organizationalUnits: new Map(),
    unitEnvironments: new Map(),
    coreAccounts: new Set(),
    policies: new Map(),
    rootPolicies: new Set(),
    unitPolicies: new Map(),
    accountPolicies: new Map(),
    accounts: new Map(),
    assignments: new Map(),
    permissionSets: new Map(),
    firewallPolicies: new Map(),
    resourceNames: { units: new Map(), policies: new Map(), permissionSets: new Map() },
  };
}

export function organizationViewOf(output: SynthesizedOutput, cache: FactsCache = new Map()): OrganizationView {
  const units = new Map<string, string>();
  const unitEnvironments = new Map<string, string>();
  const coreAccounts = new Set<string>();
  const policies = new Map<string, PolicyFacts>();
  const rootPolicies = new Set<string>();
  const unitPolicies = new Map<string, Set<string>>();
  const accountPolicies = new Map<string, Set<string>>();
  const accounts = new Map<string, AccountFacts>();
  const assignments = new Map<string, Set<string>>();
  const permissionSets = new Map<string, PermissionSetFacts>();
  const firewallPolicies = new Map<string, FirewallPolicyFacts>();
  const resourceNames = { units: new Map<string, string>(), policies: new Map<string, string>(), permissionSets: new Map<string, string>() };
  for (const stack of output.stackNames) {
    const text = output.text(stack);
    const cached = cache.get(stack);
    const facts = cached && cached.text === text ? cached.facts : factsOf(stack, output);
    cache.set(stack, { text, facts });
    for (const [path, name] of facts.organizationalUnits ?? []) units.set(path, name);
    for (const [path, environment] of facts.unitEnvironments ?? []) unitEnvironments.set(path, environment);
    if (facts.coreAccount !== undefined) coreAccounts.add(facts.coreAccount);
    for (const [name, policy] of facts.policies ?? []) policies.set(name, policy);
    for (const [name, set] of facts.permissionSets ?? []) permissionSets.set(name, set);
    for (const [name, policy] of facts.firewallPolicies ?? []) firewallPolicies.set(name, policy);
    for (const kind of ['units', 'policies', 'permissionSets'] as const)
      for (const [resource, name] of facts.resourceNames?.[kind] ?? []) resourceNames[kind].set(resource, name);
    for (const [target, attached] of facts.attachments ?? []) {
      if (target === 'root') attached.forEach((policy) => rootPolicies.add(policy));
      else if (target === 'account' && facts.account) accountPolicies.set(facts.account.key, new Set(attached));
      else unitPolicies.set(target, new Set([...(unitPolicies.get(target) ?? []), ...attached]));
    }
    if (facts.account) accounts.set(facts.account.key, facts.account);
    if (facts.assignments) {
      const { key, assignments: made } = facts.assignments;
      const into = assignments.get(key) ?? new Set<string>();
      for (const { principal, permissionSet } of made) into.add(`${principal}\u0000${permissionSet}`);
      assignments.set(key, into);
      // The management account has a baseline but no account stack.
      if (stack.startsWith(ACCOUNT_BASELINE_STACK_PREFIX) && !output.stackNames.includes(`${ACCOUNT_STACK_PREFIX}${key}`) && !accounts.has(key)) {
        accounts.set(key, { key, name: key });
      }
    }
  }
  // The management account is the one baseline without an account stack.
  for (const [key, account] of accounts)
    if (account.ouPath === undefined && !output.stackNames.includes(`${ACCOUNT_STACK_PREFIX}${key}`)) coreAccounts.add(key);
  for (const stack of output.stackNames) {
    if (!stack.startsWith(ACCOUNT_BASELINE_STACK_PREFIX)) continue;
    const key = stack.slice(ACCOUNT_BASELINE_STACK_PREFIX.length);
    if (!accounts.has(key)) accounts.set(key, { key, name: key });
  }
  for (const path of [...units.keys()].sort()) {
    const parent = path.includes('/') ? unitEnvironments.get(path.slice(0, path.lastIndexOf('/'))) : undefined;
    if (!unitEnvironments.has(path) && parent !== undefined) unitEnvironments.set(path, parent);
  }
  return {
    organizationalUnits: units,
    unitEnvironments,
    coreAccounts,
    policies,
    rootPolicies,
    unitPolicies,
    accountPolicies,
    accounts,
    assignments,
    permissionSets,
    firewallPolicies,
    resourceNames,
  };
}

/** `core` for the management, security and log-archive accounts; else the environment of the account's OU, when it has one. */
export function environmentOf(view: OrganizationView, key: string): string | undefined {
  if (view.coreAccounts.has(key)) return 'core';
  const path = view.accounts.get(key)?.ouPath;
  return path === undefined ? undefined : view.unitEnvironments.get(path);
}

function within(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** The member accounts below the root (`undefined`) or an OU, nested OUs included, by name, sorted. */
export function accountsUnder(view: OrganizationView, ouPath?: string): string[] {
  return [...view.accounts.values()]
    .filter((account) => account.ouPath !== undefined && (ouPath === undefined || within(account.ouPath, ouPath)))
    .map((account) => account.name)
    .sort();
}

/** The member accounts a policy reaches through its attachments. */
export function accountsReachedByPolicy(view: OrganizationView, policy: string): string[] {
  if (view.rootPolicies.has(policy)) return accountsUnder(view);
  const reached = new Set<string>();
  for (const [path, attached] of view.unitPolicies) if (attached.has(policy)) accountsUnder(view, path).forEach((name) => reached.add(name));
  for (const [key, attached] of view.accountPolicies) {
    const account = view.accounts.get(key);
    if (attached.has(policy) && account) reached.add(account.name);
  }
  return [...reached].sort();
}

/** Every policy that reaches a member account: the root's, each OU's above it, its own. */
export function policiesReaching(view: OrganizationView, key: string): Set<string> {
  const account = view.accounts.get(key);
  if (!account?.ouPath) return new Set();
  const reaching = new Set(view.rootPolicies);
  const parts = account.ouPath.split('/');
  for (let depth = 1; depth <= parts.length; depth++) for (const policy of view.unitPolicies.get(parts.slice(0, depth).join('/')) ?? []) reaching.add(policy);
  for (const policy of view.accountPolicies.get(key) ?? []) reaching.add(policy);
  return reaching;
}

/** The member accounts a Firewall Manager policy covers: its includes (nested OUs included), or every account but its excludes. */
export function accountsCoveredByFirewallPolicy(view: OrganizationView, policy: FirewallPolicyFacts): string[] {
  const named = (keys: readonly string[]) => keys.map((key) => view.accounts.get(key)?.name ?? key);
  if (policy.includeUnits.length > 0 || policy.includeAccounts.length > 0) {
    return [...new Set([...policy.includeUnits.flatMap((path) => accountsUnder(view, path)), ...named(policy.includeAccounts)])].sort();
  }
  const excluded = new Set([...policy.excludeUnits.flatMap((path) => accountsUnder(view, path)), ...named(policy.excludeAccounts)]);
  return accountsUnder(view).filter((name) => !excluded.has(name));
}
