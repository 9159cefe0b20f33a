/**
 * IAM Identity Center in the model: the permission sets, where they are managed from, and
 * each account's assignments, expanded from the grants that reach it through the OU tree
 * (nested OUs included) and merged with its request file's `access` entries.
 */
import type { IdentityCenterConfig, PermissionSetConfig } from '../config/schemas/identity-center';
import type { ConfigurationFiles } from '../config/configuration-files';
import { awsManagedPolicyArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { policyText } from '../iam/policy-document';
import { compareText } from '../text-order';

/** Who a permission set is assigned to. */
export interface Principal {
  readonly type: 'GROUP' | 'USER';
  /** A group's display name, or a user's user name. */
  readonly name: string;
}

/** One permission set assigned to one principal in one account. */
export interface Assignment {
  readonly principal: Principal;
  readonly permissionSet: string;
}

export interface PermissionSet {
  readonly name: string;
  readonly description?: string;
  /** ISO 8601, PT1H to PT12H. */
  readonly sessionDuration: string;
  readonly awsManagedPolicyArns: readonly string[];
  /** Policies the landing zone makes in every account the permission set is assigned in. */
  readonly customerManagedPolicies: readonly string[];
  /** The inline policy's exact text. */
  readonly inlinePolicy?: string;
  readonly permissionsBoundary?: { readonly awsManagedPolicyArn: string } | { readonly customerManagedPolicy: string };
  readonly relayState?: string;
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Assigned to the management account while Identity Center is delegated: such a
   * permission set can only be managed from the management account.
   */
  readonly managedFromManagementAccount: boolean;
}

export interface CustomerManagedPolicy {
  readonly name: string;
  readonly description?: string;
  /** The policy's exact text. */
  readonly document: string;
}

export interface IdentityCenter {
  /** Where Identity Center runs, and every `ssoadmin` resource names. */
  readonly region: AwsRegion;
  /** The member account that administers Identity Center, when it is delegated; else the management account does. */
  readonly delegatedAdministratorName?: string;
  readonly groups: readonly { readonly name: string; readonly create: boolean; readonly description?: string }[];
  readonly permissionSets: readonly PermissionSet[];
  readonly customerManagedPolicies: readonly CustomerManagedPolicy[];
  /** ABAC: attribute key to its source in the identity store. */
  readonly accessControlAttributes: Readonly<Record<string, readonly string[]>>;
}

/** The permission set `name`, which validation has made sure is defined. */
export function permissionSetNamed(identityCenter: IdentityCenter, name: string): PermissionSet {
  const set = identityCenter.permissionSets.find((candidate) => candidate.name === name);
  if (!set) throw new Error(`permission set ${name} is assigned but not defined`);
  return set;
}

/** The customer managed policies the permission set names, its permissions boundary's included. */
function customerManagedPolicyNames(set: PermissionSet): string[] {
  const boundary = set.permissionsBoundary && 'customerManagedPolicy' in set.permissionsBoundary ? [set.permissionsBoundary.customerManagedPolicy] : [];
  return [...set.customerManagedPolicies, ...boundary];
}

/**
 * Which stack makes each of an account's assignments. A member account's stack makes them
 * as soon as the account exists, but those whose permission sets name customer managed
 * policies: its baseline makes those policies in the account first, then assigns. The
 * management account has no account stack: its baseline makes them all.
 */
export function assignmentsByStack(
  identityCenter: IdentityCenter,
  account: { readonly role: string; readonly access: readonly Assignment[] },
): { readonly accountStack: Assignment[]; readonly baseline: Assignment[] } {
  if (account.role === 'management') return { accountStack: [], baseline: [...account.access] };
  const needsPolicies = (assignment: Assignment) => customerManagedPolicyNames(permissionSetNamed(identityCenter, assignment.permissionSet)).length > 0;
  return { accountStack: account.access.filter((assignment) => !needsPolicies(assignment)), baseline: account.access.filter(needsPolicies) };
}

/** The customer managed policies an account needs for its assignments, sorted by name. */
export function customerManagedPoliciesFor(identityCenter: IdentityCenter, assignments: readonly Assignment[]): CustomerManagedPolicy[] {
  const names = new Set(assignments.flatMap((assignment) => customerManagedPolicyNames(permissionSetNamed(identityCenter, assignment.permissionSet))));
  return identityCenter.customerManagedPolicies.filter((policy) => names.has(policy.name)).sort((a, b) => compareText(a.name, b.name));
}

/** Where an account is, as the grants read it. */
export interface AccountPlace {
  readonly name: string;
  /** Absent for the management account, which no root or OU grant reaches. */
  readonly ouPath?: string;
}

function within(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** The account's assignments: from every grant that reaches it and from its own `access` entries, each once, in a fixed order. */
export function assignmentsOf(
  config: IdentityCenterConfig | undefined,
  account: AccountPlace,
  access: ConfigurationFiles['accounts'][number]['config']['access'],
): Assignment[] {
  const grants = config?.grants ?? [];
  const reaching = grants.filter(
    (grant) =>
      grant.accounts.includes(account.name) ||
      (account.ouPath !== undefined && (grant.root === true || grant.organizationalUnits.some((ouPath) => within(account.ouPath!, ouPath)))),
  );
  const byKey = new Map<string, Assignment>();
  for (const entry of [...reaching, ...access]) {
    const principal: Principal = entry.group !== undefined ? { type: 'GROUP', name: entry.group } : { type: 'USER', name: entry.user ?? '' };
    for (const permissionSet of entry.permissionSets) byKey.set(`${permissionSet}\u0000${principal.type}\u0000${principal.name}`, { principal, permissionSet });
  }
  return [...byKey.keys()].sort(compareText).map((key) => byKey.get(key)!);
}

function permissionSetOf(
  name: string,
  set: PermissionSetConfig,
  files: Pick<ConfigurationFiles, 'permissionSetPolicies'>,
  managedFromManagementAccount: boolean,
): PermissionSet {
  const file = set.inlinePolicyFile === undefined ? undefined : files.permissionSetPolicies.find((policy) => policy.name === set.inlinePolicyFile);
  const inline = set.inlinePolicy ?? file?.config;
  const boundary = set.permissionsBoundary;
  return {
    name,
    description: set.description,
    sessionDuration: set.sessionDuration,
    awsManagedPolicyArns: set.awsManagedPolicies.map(awsManagedPolicyArn),
    customerManagedPolicies: set.customerManagedPolicies,
    inlinePolicy: inline === undefined ? undefined : policyText(inline),
    permissionsBoundary:
      boundary?.awsManagedPolicy !== undefined
        ? { awsManagedPolicyArn: awsManagedPolicyArn(boundary.awsManagedPolicy) }
        : boundary?.customerManagedPolicy !== undefined
          ? { customerManagedPolicy: boundary.customerManagedPolicy }
          : undefined,
    relayState: set.relayState,
    tags: set.tags,
    managedFromManagementAccount,
  };
}

/** Identity Center as the model holds it; `managementAssignments` decides which permission sets the management account manages. */
export function identityCenterOf(
  config: IdentityCenterConfig,
  homeRegion: AwsRegion,
  files: Pick<ConfigurationFiles, 'permissionSetPolicies'>,
  managementAssignments: readonly Assignment[],
): IdentityCenter {
  const delegated = config.delegatedAdministrator !== undefined;
  const inManagement = new Set(managementAssignments.map((assignment) => assignment.permissionSet));
  return {
    region: config.region ?? homeRegion,
    delegatedAdministratorName: config.delegatedAdministrator,
    groups: Object.entries(config.groups).map(([name, group]) => ({ name, create: group.create, description: group.description })),
    permissionSets: Object.entries(config.permissionSets).map(([name, set]) => permissionSetOf(name, set, files, delegated && inManagement.has(name))),
    customerManagedPolicies: Object.entries(config.customerManagedPolicies).map(([name, policy]) => ({
      name,
      description: policy.description,
      document: policyText(policy.document),
    })),
    accessControlAttributes: config.accessControlAttributes,
  };
}
