/**
 * What a change means for the organization, in its own terms: accounts vended, moved or
 * removed and the policies that reach them because of it; policies changed, attached and
 * detached, with the accounts they reach through the OU tree (nested OUs included); who
 * gains or loses which permission set in which accounts; permission sets changed.
 */
import {
  type AccountFacts,
  accountsCoveredByFirewallPolicy,
  accountsReachedByPolicy,
  accountsUnder,
  type OrganizationView,
  policiesReaching,
} from './organization-view';
import { ORGANIZATION_POLICY_KINDS } from '../guardrails/policy-types';
import { policyDocumentChanges } from './policy-diff';
import type { Intent, ResourceChange, StackChange, StatementChange } from './report';
import { embeddedDocument, type Noise } from './value-diff';

export function policyLabel(view: OrganizationView, name: string): string {
  return policyTypeLabel(view.policies.get(name)?.type, name);
}

/** `SCP region-deny`, `tag policy required-tags`: a policy by its type and name. */
export function policyTypeLabel(type: string | undefined, name: string): string {
  return `${ORGANIZATION_POLICY_KINDS.find((kind) => kind.type === type)?.label ?? 'policy'} ${name}`;
}

export function countedAccounts(accounts: readonly string[]): string {
  return `${accounts.length} account${accounts.length === 1 ? '' : 's'}`;
}

function listed(names: readonly string[]): string {
  return names.length <= 8 ? names.join(', ') : `${names.slice(0, 8).join(', ')} and ${names.length - 8} more`;
}

/** The statement changes of a policy whose content changed, or none when it is not an IAM-shaped document. */
export function policyStatementChanges(before: string, after: string, noise: Noise): StatementChange[] {
  return policyDocumentChanges('content', embeddedDocument(before) ?? {}, embeddedDocument(after) ?? {}, noise)?.statements ?? [];
}

function accountIntents(before: OrganizationView, after: OrganizationView): Intent[] {
  const intents: Intent[] = [];
  const policyNames = (view: OrganizationView, names: Iterable<string>) => [...names].sort().map((name) => policyLabel(view, name));
  for (const [key, account] of after.accounts) {
    const was = before.accounts.get(key);
    if (!account.ouPath) continue;
    if (!was) {
      const reaching = policyNames(after, policiesReaching(after, key));
      const access = after.assignments.get(key)?.size ?? 0;
      const firewall = [
        ...new Set(
          [...after.firewallPolicies]
            .filter(([, policy]) => accountsCoveredByFirewallPolicy(after, policy).includes(account.name))
            .map(([name]) => name.split(' in ')[0]),
        ),
      ].sort();
      intents.push({
        kind: 'account-added',
        sentence:
          `account ${account.name} is vended into ${account.ouPath}: ${reaching.length > 0 ? `${reaching.join(', ')} reach it` : 'no policy reaches it'}` +
          `${firewall.length > 0 ? `, Firewall Manager policies ${firewall.join(', ')} cover it` : ''}, and ${access} assignment${access === 1 ? '' : 's'} let people sign in`,
        accounts: [account.name],
      });
    } else if (was.ouPath !== account.ouPath) {
      const previous = policiesReaching(before, key);
      const next = policiesReaching(after, key);
      const gained = policyNames(
        after,
        [...next].filter((name) => !previous.has(name)),
      );
      const lost = policyNames(
        before,
        [...previous].filter((name) => !next.has(name)),
      );
      const effect = [gained.length > 0 ? `gains ${listed(gained)}` : '', lost.length > 0 ? `loses ${listed(lost)}` : ''].filter(Boolean).join(' and ');
      intents.push({
        kind: 'account-moved',
        sentence: `${account.name} moves from ${was.ouPath ?? 'the root'} to ${account.ouPath}${effect ? ` and so ${effect}` : ', and the same policies reach it'}`,
        accounts: [account.name],
      });
    }
  }
  for (const [key, account] of before.accounts) {
    if (!after.accounts.has(key) && account.ouPath)
      intents.push({ kind: 'account-removed', sentence: `account ${account.name} is removed from ${account.ouPath}`, accounts: [account.name] });
  }
  return intents;
}

function unitIntents(before: OrganizationView, after: OrganizationView): Intent[] {
  const intents: Intent[] = [];
  for (const path of after.organizationalUnits.keys())
    if (!before.organizationalUnits.has(path))
      intents.push({ kind: 'organizational-unit-added', sentence: `OU ${path} is added`, accounts: accountsUnder(after, path) });
  for (const path of before.organizationalUnits.keys()) {
    if (!after.organizationalUnits.has(path))
      intents.push({ kind: 'organizational-unit-removed', sentence: `OU ${path} is removed`, accounts: accountsUnder(before, path) });
  }
  return intents;
}

/** An attachment target in words: `the root`, `OU Workloads`, `account payments-dev`. */
export function targetLabel(view: OrganizationView, target: string): string {
  if (target === 'root') return 'the root';
  if (target.startsWith('account:')) return `account ${view.accounts.get(target.slice('account:'.length))?.name ?? target}`;
  return `OU ${target}`;
}

function reachedByTarget(view: OrganizationView, target: string): string[] {
  if (target === 'root') return accountsUnder(view);
  if (target.startsWith('account:')) {
    const account = view.accounts.get(target.slice('account:'.length));
    return account ? [account.name] : [];
  }
  return accountsUnder(view, target);
}

/** Every attachment as `target` (root, OU path, `account:<key>`) to policy names. */
export function attachmentsOf(view: OrganizationView): Map<string, ReadonlySet<string>> {
  const attachments = new Map<string, ReadonlySet<string>>([['root', view.rootPolicies]]);
  for (const [path, policies] of view.unitPolicies) attachments.set(path, policies);
  for (const [key, policies] of view.accountPolicies) attachments.set(`account:${key}`, policies);
  return attachments;
}

function policyIntents(before: OrganizationView, after: OrganizationView, noise: Noise): Intent[] {
  const intents: Intent[] = [];
  for (const [name, policy] of after.policies) {
    const was = before.policies.get(name);
    if (!was) {
      intents.push({ kind: 'policy-added', sentence: `${policyLabel(after, name)} is added`, accounts: accountsReachedByPolicy(after, name) });
      continue;
    }
    if (was.content === policy.content) continue;
    const reached = accountsReachedByPolicy(after, name);
    const sentences = [...new Set(policyStatementChanges(was.content, policy.content, noise).flatMap((statement) => statement.sentences))];
    for (const sentence of sentences.length > 0 ? sentences : ['changes its content']) {
      intents.push({ kind: 'policy-changed', sentence: `${policyLabel(after, name)} ${sentence} for ${countedAccounts(reached)}`, accounts: reached });
    }
  }
  for (const name of before.policies.keys()) {
    if (!after.policies.has(name))
      intents.push({ kind: 'policy-removed', sentence: `${policyLabel(before, name)} is deleted`, accounts: accountsReachedByPolicy(before, name) });
  }
  const was = attachmentsOf(before);
  const is = attachmentsOf(after);
  for (const target of [...new Set([...was.keys(), ...is.keys()])].sort()) {
    // A vended or removed account's own attachments are part of its vending or removal.
    if (target.startsWith('account:') && (!before.accounts.has(target.slice(8)) || !after.accounts.has(target.slice(8)))) continue;
    const previous = was.get(target) ?? new Set<string>();
    const next = is.get(target) ?? new Set<string>();
    for (const name of [...next].filter((policy) => !previous.has(policy)).sort()) {
      const reached = reachedByTarget(after, target);
      intents.push({
        kind: 'policy-attached',
        sentence: `${policyLabel(after, name)} is attached to ${targetLabel(after, target)}: ${countedAccounts(reached)} gain it`,
        accounts: reached,
      });
    }
    for (const name of [...previous].filter((policy) => !next.has(policy)).sort()) {
      const reached = reachedByTarget(before, target);
      intents.push({
        kind: 'policy-detached',
        sentence: `${policyLabel(before, name)} is detached from ${targetLabel(before, target)}: ${countedAccounts(reached)} lose it`,
        accounts: reached,
      });
    }
  }
  return intents;
}

/** `group data-scientists`, `user alice`: a principal of an assignment. */
export function principalLabel(principal: string): string {
  const [type, ...name] = principal.split(' ');
  return `${type === 'USER' ? 'user' : 'group'} ${name.join(' ')}`;
}

/** `Administrator (AdministratorAccess)`: a permission set with its AWS managed policies. */
export function permissionSetLabel(view: OrganizationView, name: string): string {
  const policies = (view.permissionSets.get(name)?.managedPolicyArns ?? []).map((arn) => arn.slice(arn.lastIndexOf('/') + 1));
  return policies.length > 0 ? `${name} (${policies.join(', ')})` : name;
}

/** Who gains or loses which permission set where, by principal and permission set. */
export function accessChanges(before: OrganizationView, after: OrganizationView): { granted: Map<string, string[]>; revoked: Map<string, string[]> } {
  const granted = new Map<string, string[]>();
  const revoked = new Map<string, string[]>();
  const add = (into: Map<string, string[]>, assignment: string, account: AccountFacts) => into.set(assignment, [...(into.get(assignment) ?? []), account.name]);
  for (const [key, account] of after.accounts) {
    const previous = before.assignments.get(key) ?? new Set<string>();
    for (const assignment of after.assignments.get(key) ?? []) if (!previous.has(assignment)) add(granted, assignment, account);
  }
  for (const [key, account] of before.accounts) {
    if (!after.accounts.has(key)) continue;
    const next = after.assignments.get(key) ?? new Set<string>();
    for (const assignment of before.assignments.get(key) ?? []) if (!next.has(assignment)) add(revoked, assignment, account);
  }
  return { granted, revoked };
}

function accessIntents(before: OrganizationView, after: OrganizationView): Intent[] {
  const { granted, revoked } = accessChanges(before, after);
  const intents: Intent[] = [];
  for (const [assignment, accounts] of [...granted].sort()) {
    const [principal, set] = assignment.split('\u0000');
    const names = accounts.sort();
    intents.push({
      kind: 'access-granted',
      sentence: `${principalLabel(principal)} gains ${permissionSetLabel(after, set)} in ${countedAccounts(names)}: ${listed(names)}`,
      accounts: names,
    });
  }
  for (const [assignment, accounts] of [...revoked].sort()) {
    const [principal, set] = assignment.split('\u0000');
    const names = accounts.sort();
    intents.push({
      kind: 'access-revoked',
      sentence: `${principalLabel(principal)} loses ${permissionSetLabel(before, set)} in ${countedAccounts(names)}: ${listed(names)}`,
      accounts: names,
    });
  }
  return intents;
}

/** The accounts a permission set is assigned in, by name. */
export function accountsWithPermissionSet(view: OrganizationView, set: string): string[] {
  const names: string[] = [];
  for (const [key, assignments] of view.assignments) {
    if ([...assignments].some((assignment) => assignment.endsWith(`\u0000${set}`))) names.push(view.accounts.get(key)?.name ?? key);
  }
  return names.sort();
}

function permissionSetIntents(before: OrganizationView, after: OrganizationView, noise: Noise): Intent[] {
  const intents: Intent[] = [];
  for (const [name, set] of after.permissionSets) {
    const was = before.permissionSets.get(name);
    const accounts = accountsWithPermissionSet(after, name);
    if (!was) {
      intents.push({ kind: 'permission-set-added', sentence: `permission set ${permissionSetLabel(after, name)} is added`, accounts });
      continue;
    }
    const changes: string[] = [];
    if (was.sessionDuration !== set.sessionDuration)
      changes.push(`now signs in for ${set.sessionDuration ?? 'PT1H'} instead of ${was.sessionDuration ?? 'PT1H'}`);
    const short = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
    const attached = set.managedPolicyArns.filter((arn) => !was.managedPolicyArns.includes(arn)).map(short);
    const detached = was.managedPolicyArns.filter((arn) => !set.managedPolicyArns.includes(arn)).map(short);
    if (attached.length > 0) changes.push(`now also attaches ${attached.join(', ')}`);
    if (detached.length > 0) changes.push(`no longer attaches ${detached.join(', ')}`);
    const customer = set.customerManagedPolicies.filter((policy) => !was.customerManagedPolicies.includes(policy));
    const uncustomer = was.customerManagedPolicies.filter((policy) => !set.customerManagedPolicies.includes(policy));
    if (customer.length > 0) changes.push(`now also attaches ${customer.join(', ')}`);
    if (uncustomer.length > 0) changes.push(`no longer attaches ${uncustomer.join(', ')}`);
    if (was.permissionsBoundary !== set.permissionsBoundary) {
      changes.push(set.permissionsBoundary ? `now has the permissions boundary ${set.permissionsBoundary}` : 'loses its permissions boundary');
    }
    if ((was.inlinePolicy ?? '') !== (set.inlinePolicy ?? '')) {
      const statements = [
        ...new Set(policyStatementChanges(was.inlinePolicy ?? '{}', set.inlinePolicy ?? '{}', noise).flatMap((statement) => statement.sentences)),
      ];
      changes.push(...(statements.length > 0 ? statements.map((sentence) => `changes its inline policy: ${sentence}`) : ['changes its inline policy']));
    }
    for (const change of changes)
      intents.push({ kind: 'permission-set-changed', sentence: `permission set ${name} ${change}, in ${countedAccounts(accounts)}`, accounts });
  }
  for (const name of before.permissionSets.keys()) {
    if (!after.permissionSets.has(name))
      intents.push({ kind: 'permission-set-removed', sentence: `permission set ${name} is removed`, accounts: accountsWithPermissionSet(before, name) });
  }
  return intents;
}

/** What decides who is paged and where alerts are posted, and the attributes of each that do. */
export const PAGING_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_ssmcontacts_contact: ['alias', 'type'],
  aws_ssmcontacts_contact_channel: ['delivery_address', 'type'],
  aws_ssmcontacts_plan: ['stage'],
  aws_cloudwatch_event_api_destination: ['invocation_endpoint', 'http_method'],
  aws_cloudwatch_event_connection: ['authorization_type'],
  aws_ssmincidents_response_plan: ['engagements', 'action', 'chat_channel', 'incident_template'],
  aws_chatbot_slack_channel_configuration: ['slack_channel_id', 'slack_team_id', 'sns_topic_arns', 'guardrail_policy_arns'],
  aws_chatbot_teams_channel_configuration: ['channel_id', 'team_id', 'tenant_id', 'sns_topic_arns', 'guardrail_policy_arns'],
};

/** The attributes of a change to a contact, escalation plan, on-call endpoint, response plan or chat channel that change who is paged; all of them when it is made or removed. */
export function pagingChange(resource: ResourceChange): string[] | undefined {
  const attributes = PAGING_ATTRIBUTES[resource.type];
  if (!attributes || resource.kind !== 'resource') return undefined;
  if (resource.action !== 'update' && resource.action !== 'replace') return [];
  const changed = [...resource.attributes.map((change) => change.path), ...resource.documents.map((document) => document.attribute)].map(
    (path) => path.split('.')[0],
  );
  const paging = [...new Set(changed.filter((attribute) => attributes.includes(attribute)))].sort();
  return paging.length > 0 ? paging : undefined;
}

const PAGING_VERBS: Partial<Record<ResourceChange['action'], string>> = { create: 'is added', delete: 'is removed', update: 'changes', replace: 'is replaced' };

/** Who is paged and where alerts go, from the stacks' changes (outputs or plans alike). */
export function pagingIntents(stacks: readonly StackChange[]): Intent[] {
  return stacks.flatMap((stack) =>
    stack.resources.flatMap((resource): Intent[] => {
      const attributes = pagingChange(resource);
      if (attributes === undefined) return [];
      const what = attributes.length > 0 ? ` (${attributes.join(', ')})` : '';
      return [
        {
          kind: 'paging-changed',
          sentence: `who is paged: ${resource.address} in ${stack.name} ${PAGING_VERBS[resource.action] ?? resource.action}${what}`,
          accounts: [],
        },
      ];
    }),
  );
}

/** How each Firewall Manager policy's coverage and remediation change, by `<name> in <region>`. */
export function firewallChanges(before: OrganizationView, after: OrganizationView) {
  const names = [...new Set([...before.firewallPolicies.keys(), ...after.firewallPolicies.keys()])].sort();
  return names.map((name) => {
    const was = before.firewallPolicies.get(name);
    const is = after.firewallPolicies.get(name);
    const previous = was ? accountsCoveredByFirewallPolicy(before, was) : [];
    const accounts = is ? accountsCoveredByFirewallPolicy(after, is) : [];
    return {
      name,
      status: !was ? ('added' as const) : !is ? ('removed' as const) : ('kept' as const),
      accounts,
      previous,
      gained: was ? accounts.filter((account) => !previous.includes(account)) : [],
      // Accounts removed from the organization are not lost to a policy.
      lost: is ? previous.filter((account) => !accounts.includes(account) && [...after.accounts.values()].some((candidate) => candidate.name === account)) : [],
      remediation: was && is && was.remediation !== is.remediation ? is.remediation : undefined,
    };
  });
}

/** `<name> in <region>` per region, said once for the regions whose change is the same: `<name> in eu-central-1, eu-west-1`. */
function byPolicyName(intents: readonly (Intent & { readonly policy: string })[]): Intent[] {
  const grouped = new Map<string, { intent: Intent; regions: string[] }>();
  for (const { policy, ...intent } of intents) {
    const [name, region] = policy.split(' in ');
    const key = `${intent.kind}\u0000${intent.sentence.replace(policy, name)}\u0000${intent.accounts.join(',')}`;
    const group = grouped.get(key) ?? { intent: { ...intent, sentence: intent.sentence.replace(policy, `${name} in \u0000`) }, regions: [] };
    group.regions.push(region);
    grouped.set(key, group);
  }
  return [...grouped.values()].map(({ intent, regions }) => ({ ...intent, sentence: intent.sentence.replace('\u0000', regions.sort().join(', ')) }));
}

/**
 * Firewall Manager policies made, removed, or covering other accounts or remediating
 * differently, with the accounts they cover; an account vended into their scope is said
 * once, by its own vending.
 */
function firewallIntents(before: OrganizationView, after: OrganizationView): Intent[] {
  const existing = new Set([...before.accounts.values()].map((account) => account.name));
  const intents = firewallChanges(before, after).flatMap(
    ({ name, status, accounts, previous, gained, lost, remediation }): (Intent & { readonly policy: string })[] => {
      const policy = name;
      if (status === 'added')
        return [
          {
            policy,
            kind: 'firewall-policy-added' as const,
            sentence: `Firewall Manager policy ${name} is added, covering ${countedAccounts(accounts)}`,
            accounts,
          },
        ];
      if (status === 'removed')
        return [
          {
            policy,
            kind: 'firewall-policy-removed' as const,
            sentence: `Firewall Manager policy ${name} is removed from ${countedAccounts(previous)}`,
            accounts: previous,
          },
        ];
      const moved = gained.filter((account) => existing.has(account));
      return [
        ...(moved.length > 0
          ? [
              {
                policy,
                kind: 'firewall-policy-changed' as const,
                sentence: `Firewall Manager policy ${name} now also covers ${countedAccounts(moved)}: ${listed(moved)}`,
                accounts: moved,
              },
            ]
          : []),
        ...(lost.length > 0
          ? [
              {
                policy,
                kind: 'firewall-policy-changed' as const,
                sentence: `Firewall Manager policy ${name} no longer covers ${countedAccounts(lost)}: ${listed(lost)}`,
                accounts: lost,
              },
            ]
          : []),
        ...(remediation !== undefined
          ? [
              {
                policy,
                kind: 'firewall-policy-changed' as const,
                sentence: `Firewall Manager policy ${name} ${remediation ? 'now remediates' : 'no longer remediates'}, in ${countedAccounts(accounts)}`,
                accounts,
              },
            ]
          : []),
      ];
    },
  );
  return byPolicyName(intents);
}

export function intentsOf(before: OrganizationView, after: OrganizationView): Intent[] {
  // The documents' noise is counted once, by the stack comparison.
  const noise: Noise = { metadata: 0, reordered: 0 };
  return [
    ...accountIntents(before, after),
    ...unitIntents(before, after),
    ...policyIntents(before, after, noise),
    ...permissionSetIntents(before, after, noise),
    ...accessIntents(before, after),
    ...firewallIntents(before, after),
  ];
}
