/**
 * What a reviewer must look at before approving, most serious first, each with why it
 * matters: an account leaving the organization; log buckets, keys, the organization, an
 * OU or the trail destroyed or replaced; a guardrail that denies less or exempts more; a
 * permission set or grant that hands out more; logging, retention, object lock or
 * encryption weakened; a governed region added or removed; a security service or alert
 * rule removed; a principal outside the organization let in.
 */
import {
  accountsWithPermissionSet,
  attachmentsOf,
  countedAccounts,
  firewallChanges,
  pagingChange,
  permissionSetLabel,
  policyLabel,
  principalLabel,
  targetLabel,
} from './intents';
import {
  type AccountFacts,
  accountsReachedByPolicy,
  accountsUnder,
  environmentOf,
  type OrganizationView,
  permissionSetByResource,
  policiesReaching,
  policyNameByResource,
  unitByReference,
} from './organization-view';
import { valuesOf } from './stack-diff';
import { remoteLookup, resourceReference } from './terraform-references';
import { isNegatedOperator, isPrincipalKey } from './policy-diff';
import type { AttributeChange, RISK_KINDS, ResourceChange, Risk, StackChange, StatementChange } from './report';
import { accessPostureOf } from './access-posture';
import { detectionWeakenings } from './detection-weakening';
import { bySeverity, reachOf, riskId, severityOf, WIDE_REACH } from './severity';
import { ACCOUNT_BASELINE_STACK_PREFIX, ACCOUNT_STACK_PREFIX } from '../../stacks/stack-outputs';

/** A risk before it is weighed: its severity and id come from the whole review. */
export type Draft = Omit<Risk, 'id' | 'severity' | 'reach'>;

export interface RiskContext {
  readonly before: OrganizationView;
  readonly after: OrganizationView;
  /** Account ids the outputs name literally: the management account's and those of adopted accounts. */
  readonly knownAccountIds: ReadonlySet<string>;
  /**
   * What an id of the organization stands for (`SCP region-deny`, `OU Sandbox`), where plans name ids.
   * @default ids are shown as they are
   */
  readonly namesById?: ReadonlyMap<string, string>;
}

/** Why each kind of risk matters; the README lists them from here. */
export const RISK_REASONS: Readonly<Record<(typeof RISK_KINDS)[number], string>> = {
  'account-closing':
    'A closing account is closed by the next destroy of its account stack (its request file deleted): AWS deletes what is left in it after 90 days, and until then only AWS Support can reopen it. Organizations closes at most 10% of member accounts (between 10 and 1,000) in a rolling 30 days.',
  'account-removed':
    'Destroying an account resource takes the account out of the organization (or closes it, with close_on_deletion): it keeps running outside every guardrail, log and budget. Its prevent_destroy stops the apply, and every stack that reads the account then fails to plan.',
  'core-account-moved':
    'The management, security and log-archive accounts run the trail, the log archive and the security services for every account: in another OU other guardrails and grants reach them, and deny-all in the suspended OU stops them outright.',
  destroyed: 'Log buckets, keys, the trail, the organization and its OUs hold the audit record or everything below them; destroying one loses what it held.',
  replaced:
    'Terraform replaces these by destroying the old one first or beside it: a new bucket or key is empty, a new account is another account, and what referred to the old one breaks.',
  'guardrail-weakened': 'A preventive guardrail that denies less, or reaches fewer accounts, lets every account it covered do what it stopped before, at once.',
  'exemption-widened':
    'An exempt principal escapes the guardrail entirely: exemptions are how guardrails are bypassed, so each new one needs an owner and a reason.',
  'access-widened': 'A permission set or grant that hands out more rights, or longer sessions, changes what people can do in every account it reaches.',
  'production-access':
    'Production and core accounts hold the workloads and the audit record: each new way in there needs an owner and a reason, however narrow its rights.',
  'detection-weakened':
    'A protection plan, standard, control or trail selector turned off is a blind spot from the next apply: what it would have found goes unseen, with nothing to say so.',
  'logging-weakened':
    'Logs, retention, object lock, versioning and encryption are what an investigation relies on after the fact; weakening them cannot be undone for what is lost meanwhile.',
  'region-changed':
    'The governed regions decide where workloads may run and where the baseline, Config and the security services watch: a region added must be covered, a region removed stops being watched.',
  'security-service-removed':
    'A detector, recorder, analyzer, alert rule or subscription removed is a blind spot: what it watched goes unseen from the next apply.',
  'paging-changed':
    'A contact channel, escalation plan, response plan or chat channel that changes or goes decides who hears of an incident: a wrong number or a dropped stage and an incident reaches nobody.',
  'guardrail-extended':
    'A guardrail that reaches accounts it did not denies there what it denies everywhere: workloads in them that relied on it being absent stop at the next apply.',
  'external-principal': 'A principal outside the organization, or anyone at all, is let into a resource or role: data or control leaves the organization.',
};

const SAFER_ACCOUNT_REMOVAL =
  'Keep the request file with lifecycle: suspended (the account moves to the suspended OU, where deny-all stops all use, and its baseline stays); to close it, set lifecycle: closing and apply, then delete the file as a change of its own.';

const PROTECTED_TYPES = new Set([
  'aws_backup_vault',
  'aws_s3_bucket',
  'aws_s3_bucket_object_lock_configuration',
  'aws_kms_key',
  'aws_organizations_organization',
  'aws_organizations_organizational_unit',
  'aws_cloudtrail',
  'aws_cloudwatch_log_group',
]);

const SECURITY_SERVICE_TYPES = new Set([
  'aws_guardduty_detector',
  'aws_guardduty_organization_configuration',
  'aws_guardduty_organization_admin_account',
  'aws_securityhub_account',
  'aws_securityhub_organization_configuration',
  'aws_securityhub_organization_admin_account',
  'aws_securityhub_configuration_policy',
  'aws_securityhub_configuration_policy_association',
  'aws_config_configuration_recorder',
  'aws_config_configuration_recorder_status',
  'aws_config_delivery_channel',
  'aws_config_configuration_aggregator',
  'aws_accessanalyzer_analyzer',
  'aws_inspector2_enabler',
  'aws_inspector2_organization_configuration',
  'aws_inspector2_member_association',
  'aws_inspector2_delegated_admin_account',
  'aws_macie2_account',
  'aws_detective_graph',
  'aws_fms_admin_account',
  'aws_fms_policy',
  'aws_cloudtrail',
  'aws_cloudwatch_event_rule',
  'aws_cloudwatch_event_target',
  'aws_sns_topic_subscription',
  'aws_organizations_delegated_administrator',
  'aws_config_config_rule',
  'aws_config_organization_managed_rule',
  'aws_config_conformance_pack',
  'aws_config_organization_conformance_pack',
  'aws_config_remediation_configuration',
  'aws_iam_organizations_features',
]);

/**
 * Values that loosen a declarative, AI opt-out or backup policy, by the field they are set
 * on: a block lifted, the serial console or any image allowed, tokens optional, data used for
 * AI again. Such policies are not IAM documents, so their fields are compared one by one.
 */
const LOOSENED_VALUES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/image_block_public_access\.state\.@@assign$/, ['unblocked']],
  [/snapshot_block_public_access\.state\.@@assign$/, ['unblocked', 'block_new_sharing']],
  [/serial_console_access\.status\.@@assign$/, ['enabled']],
  [/vpc_block_public_access\..*mode\.@@assign$/, ['off']],
  [/allowed_images_settings\.state\.@@assign$/, ['disabled', 'audit_mode']],
  [/instance_metadata_defaults\.http_tokens\.@@assign$/, ['optional', 'no_preference']],
  [/opt_out_policy\.@@assign$/, ['optIn']],
];

function loosens(change: AttributeChange): boolean {
  if (change.after === undefined) return true;
  if (change.path.endsWith('delete_after_days.@@assign')) return Number(change.after) < Number(change.before);
  return LOOSENED_VALUES.some(([path, values]) => path.test(change.path) && values.includes(String(change.after)));
}

const MANAGEMENT_POLICY_TYPES = ['DECLARATIVE_POLICY_EC2', 'AISERVICES_OPT_OUT_POLICY', 'BACKUP_POLICY'];

/** What the organization's authoritative lists lose: a policy type turned off detaches its policies; a trusted service turned off stops it organization-wide. */
function organizationListRisks(resource: ResourceChange, accounts: readonly string[], where: { stack: string; address: string }): Draft[] {
  if (resource.type !== 'aws_organizations_organization' || resource.action !== 'update') return [];
  return resource.attributes.flatMap((change) => {
    const removed = (change.removed ?? []).map(String);
    if (change.path === 'enabled_policy_types' && removed.length > 0) {
      return [risk('guardrail-weakened', `policy types ${removed.join(', ')} are turned off: every policy of them is detached everywhere`, accounts, where)];
    }
    if (change.path === 'aws_service_access_principals' && removed.length > 0) {
      return [
        risk(
          'security-service-removed',
          `trusted access is turned off for ${removed.join(', ')}: those services stop working across the organization`,
          accounts,
          where,
        ),
      ];
    }
    return [];
  });
}

/** An attribute whose change weakens logging, as `before` and `after` of it say. */
interface WeakeningRule {
  readonly types: readonly string[];
  /** The attribute path with list indexes left out, such as `rule.default_retention.days`. */
  readonly path: string;
  readonly weakened: (before: unknown, after: unknown) => boolean;
  readonly what: string;
}

const turnedOff = (before: unknown, after: unknown) => before === true && after !== true;
const lowered = (before: unknown, after: unknown) => typeof before === 'number' && (typeof after !== 'number' || after < before);
/** CloudWatch Logs: 0 is "never expire". */
const retentionShortened = (before: unknown, after: unknown) =>
  before === 0 || before === undefined ? after !== 0 && after !== undefined : lowered(before, after) || after === undefined;

const WEAKENING_RULES: readonly WeakeningRule[] = [
  { types: ['aws_s3_bucket_object_lock_configuration'], path: 'rule.default_retention.days', weakened: lowered, what: 'object lock retention shortened' },
  { types: ['aws_s3_bucket_object_lock_configuration'], path: 'rule.default_retention.years', weakened: lowered, what: 'object lock retention shortened' },
  {
    types: ['aws_s3_bucket_object_lock_configuration'],
    path: 'rule.default_retention.mode',
    weakened: (before, after) => before === 'COMPLIANCE' && after !== 'COMPLIANCE',
    what: 'object lock no longer in compliance mode',
  },
  { types: ['aws_s3_bucket_lifecycle_configuration'], path: 'rule.expiration.days', weakened: lowered, what: 'logs expire sooner' },
  {
    types: ['aws_s3_bucket_versioning'],
    path: 'versioning_configuration.status',
    weakened: (before, after) => before === 'Enabled' && after !== 'Enabled',
    what: 'versioning suspended',
  },
  {
    types: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
    path: '*',
    weakened: turnedOff,
    what: 'a public access block turned off',
  },
  {
    types: ['aws_s3_bucket_server_side_encryption_configuration'],
    path: 'rule.apply_server_side_encryption_by_default.sse_algorithm',
    weakened: (before, after) => typeof before === 'string' && before.startsWith('aws:kms') && after !== before,
    what: 'KMS encryption replaced',
  },
  { types: ['aws_cloudtrail'], path: '*', weakened: turnedOff, what: 'a trail setting turned off' },
  { types: ['aws_cloudwatch_log_group'], path: 'retention_in_days', weakened: retentionShortened, what: 'log retention shortened' },
  { types: ['aws_kms_key'], path: 'enable_key_rotation', weakened: turnedOff, what: 'key rotation turned off' },
  { types: ['aws_kms_key'], path: 'deletion_window_in_days', weakened: lowered, what: 'key deletion window shortened' },
  { types: ['aws_config_configuration_recorder'], path: '*', weakened: turnedOff, what: 'a recording setting turned off' },
  { types: ['aws_config_configuration_recorder_status'], path: 'is_enabled', weakened: turnedOff, what: 'the recorder stopped' },
  { types: ['aws_guardduty_detector'], path: 'enable', weakened: turnedOff, what: 'the detector disabled' },
];

/** An attribute of the resource before or after the change, as the report recorded it. */
function valueAt(resource: ResourceChange, attribute: string, side: 'before' | 'after'): unknown {
  return valuesOf(resource)[side]?.[attribute];
}

function withoutIndexes(path: string): string {
  return path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

function accountNameOfStack(view: OrganizationView, stack: string): AccountFacts | undefined {
  const key = stack.startsWith(ACCOUNT_STACK_PREFIX)
    ? stack.slice(ACCOUNT_STACK_PREFIX.length)
    : stack.startsWith(ACCOUNT_BASELINE_STACK_PREFIX)
      ? stack.slice(ACCOUNT_BASELINE_STACK_PREFIX.length)
      : undefined;
  return key === undefined ? undefined : view.accounts.get(key);
}

/** The accounts a resource of a stack concerns: its own account's name for account and baseline stacks. */
function stackAccounts(context: RiskContext, stack: string): string[] {
  const account = accountNameOfStack(context.after, stack) ?? accountNameOfStack(context.before, stack);
  return account ? [account.name] : [];
}

function denyWeakenings(statement: StatementChange): string[] {
  if (statement.effect !== 'Deny') return [];
  if (statement.status === 'removed') return statement.sentences;
  if (statement.status === 'added') return [];
  const weakened =
    statement.actions.removed.length > 0 ||
    statement.notActions.added.length > 0 ||
    statement.resources.removed.length > 0 ||
    statement.notResources.added.length > 0 ||
    statement.conditions.some(
      (condition) =>
        condition.status === 'added' ||
        (!isPrincipalKey(condition.key) &&
          condition.key !== 'aws:RequestedRegion' &&
          (isNegatedOperator(condition.operator) ? condition.added : condition.removed).length > 0),
    );
  return weakened ? statement.sentences : [];
}

function exemptionWidenings(statement: StatementChange): string[] {
  if (statement.effect !== 'Deny' || statement.status !== 'changed') return [];
  return statement.conditions
    .filter(
      (condition) => isPrincipalKey(condition.key) && isNegatedOperator(condition.operator) && (condition.added.length > 0 || condition.status === 'removed'),
    )
    .map((condition) =>
      condition.status === 'removed' ? `no longer exempts by ${condition.key}: it applies to everyone` : `now exempts ${condition.added.join(', ')}`,
    );
}

function regionChanges(statement: StatementChange): string[] {
  return statement.conditions
    .filter((condition) => condition.key === 'aws:RequestedRegion')
    .flatMap((condition) => {
      const allowedNow = isNegatedOperator(condition.operator) ? condition.added : condition.removed;
      const deniedNow = isNegatedOperator(condition.operator) ? condition.removed : condition.added;
      return [...allowedNow.map((region) => `region ${region} is opened`), ...deniedNow.map((region) => `region ${region} is closed`)];
    });
}

const PREVENTIVE_TYPES = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];

/** A policy that does more than report where it is attached: every type but tag policies. */
function stops(view: OrganizationView, name: string): boolean {
  const type = view.policies.get(name)?.type;
  return type !== undefined && type !== 'TAG_POLICY';
}

/** Moves of accounts: a core account moved at all, and any account that so loses guardrails. */
function moveRisks(context: RiskContext): Draft[] {
  const { before, after } = context;
  const risks: Draft[] = [];
  for (const [key, account] of after.accounts) {
    const previous = before.accounts.get(key);
    if (!previous || previous.ouPath === account.ouPath || !account.ouPath) continue;
    const next = policiesReaching(after, key);
    const was = policiesReaching(before, key);
    const lost = [...was].filter((name) => !next.has(name) && stops(before, name)).sort();
    const gained = [...next].filter((name) => !was.has(name) && stops(after, name)).sort();
    const losing = lost.length > 0 ? ` and so loses ${lost.map((name) => policyLabel(before, name)).join(', ')}` : '';
    if (before.coreAccounts.has(key) || after.coreAccounts.has(key)) {
      const gaining = gained.length > 0 ? `${losing ? ',' : ' and so'} gains ${gained.map((name) => policyLabel(after, name)).join(', ')}` : '';
      risks.push(
        risk(
          'core-account-moved',
          `core account ${account.name} moves from ${previous.ouPath ?? 'the root'} to ${account.ouPath}${losing}${gaining}`,
          [account.name],
          {
            saferPath:
              'Keep the management, security and log-archive accounts in the OU the configuration gives them: what they run keeps the organization logged and watched.',
          },
        ),
      );
    } else if (lost.length > 0) risks.push(risk('guardrail-weakened', `${account.name} moves to ${account.ouPath}${losing}`, [account.name]));
  }
  return risks;
}

/** Where a policy is attached, in words: `the root`, `OU Workloads`, `account payments-dev`. */
function targetsOf(view: OrganizationView, name: string): string[] {
  return [...attachmentsOf(view)]
    .filter(([, attached]) => attached.has(name))
    .map(([target]) => targetLabel(view, target))
    .sort();
}

/**
 * The guardrails each account that stays where it is holds, before and after: a policy that
 * stops reaching accounts is a weakened guardrail, one that reaches accounts it did not an
 * extended one; an attachment moved down to every child OU reaches the same accounts and
 * is neither.
 */
function guardrailReachRisks(context: RiskContext): Draft[] {
  const { before, after } = context;
  const lost = new Map<string, string[]>();
  const gained = new Map<string, string[]>();
  const add = (into: Map<string, string[]>, name: string, account: string) => into.set(name, [...(into.get(name) ?? []), account]);
  for (const [key, account] of after.accounts) {
    const previous = before.accounts.get(key);
    if (!previous || previous.ouPath !== account.ouPath || !account.ouPath) continue;
    const was = policiesReaching(before, key);
    const next = policiesReaching(after, key);
    for (const name of was) if (!next.has(name) && stops(before, name)) add(lost, name, account.name);
    // A new policy reaching accounts is said by its intent; an existing one spreading is the risk.
    for (const name of next) if (!was.has(name) && stops(after, name) && accountsReachedByPolicy(before, name).length > 0) add(gained, name, account.name);
  }
  return [
    // An SCP or RCP deleted is a risk of its own, said of the policy.
    ...[...lost]
      .filter(([name]) => after.policies.has(name) || !PREVENTIVE_TYPES.includes(before.policies.get(name)?.type ?? ''))
      .map(([name, accounts]) => {
        const stays = targetsOf(after, name);
        const from = targetsOf(before, name).filter((target) => !stays.includes(target));
        const how = from.length > 0 ? `is detached from ${from.join(', ')}` : 'reaches fewer accounts';
        const deleted = after.policies.has(name) ? '' : ' and deleted';
        return risk('guardrail-weakened', `${policyLabel(before, name)} ${how}${deleted}, and so no longer reaches ${countedAccounts(accounts)}`, accounts);
      }),
    ...[...gained].map(([name, accounts]) => {
      const was = targetsOf(before, name);
      const to = targetsOf(after, name).filter((target) => !was.includes(target));
      return risk(
        'guardrail-extended',
        `${policyLabel(after, name)} is attached to ${to.join(', ') || 'more targets'}, and so now also reaches ${countedAccounts(accounts)} it did not`,
        accounts,
      );
    }),
  ];
}

/** A Firewall Manager policy that covers fewer accounts, or stops remediating. */
function firewallRisks(context: RiskContext): Draft[] {
  return firewallChanges(context.before, context.after).flatMap(({ name, lost, remediation, accounts }) => [
    ...(lost.length > 0 ? [risk('guardrail-weakened', `Firewall Manager policy ${name} no longer covers ${countedAccounts(lost)}`, lost)] : []),
    ...(remediation === false
      ? [risk('guardrail-weakened', `Firewall Manager policy ${name} no longer remediates, in ${countedAccounts(accounts)}`, accounts)]
      : []),
  ]);
}

/** A policy of the organization: its statements that deny less or exempt more, its deletion, an attachment removed. */
function organizationPolicyRisks(stack: StackChange, resource: ResourceChange, context: RiskContext): Draft[] {
  const where = { stack: stack.name, address: resource.address };
  if (
    resource.type === 'aws_organizations_policy' &&
    resource.action === 'update' &&
    MANAGEMENT_POLICY_TYPES.includes(String(valueAt(resource, 'type', 'after')))
  ) {
    const name = String(valueAt(resource, 'name', 'after') ?? resource.name);
    const accounts = accountsReachedByPolicy(context.after, name);
    const label = policyLabel(context.after, name);
    return resource.documents.flatMap((document) =>
      document.changes
        .filter(loosens)
        .map((change) =>
          risk(
            'guardrail-weakened',
            `${label} loosens ${change.path}: ${JSON.stringify(change.before)} to ${JSON.stringify(change.after ?? null)}${accounts.length > 0 ? `, in ${countedAccounts(accounts)}` : ''}`,
            accounts,
            where,
          ),
        ),
    );
  }
  if (resource.type === 'aws_organizations_policy') {
    const type = String(
      resource.action === 'delete'
        ? (valueAt(resource, 'type', 'before') ?? 'SERVICE_CONTROL_POLICY')
        : (valueAt(resource, 'type', 'after') ?? 'SERVICE_CONTROL_POLICY'),
    );
    if (!PREVENTIVE_TYPES.includes(type)) return [];
    const name = String(valueAt(resource, 'name', resource.action === 'delete' ? 'before' : 'after') ?? resource.name);
    const view = resource.action === 'delete' ? context.before : context.after;
    const accounts = accountsReachedByPolicy(view, name);
    const label = `${type === 'RESOURCE_CONTROL_POLICY' ? 'RCP' : 'SCP'} ${name}`;
    const reach = accounts.length > 0 ? `, in ${countedAccounts(accounts)}` : '';
    if (resource.action === 'delete') return [risk('guardrail-weakened', `${label} is deleted${reach}`, accounts, where)];
    return resource.documents
      .filter((document) => document.attribute === 'content')
      .flatMap((document) =>
        document.statements.flatMap((statement) => [
          ...denyWeakenings(statement).map((sentence) => risk('guardrail-weakened', `${label} ${sentence}${reach}`, accounts, where)),
          ...exemptionWidenings(statement).map((sentence) => risk('exemption-widened', `${label} ${sentence}${reach}`, accounts, where)),
          ...regionChanges(statement).map((sentence) => risk('region-changed', `${label}: ${sentence}${reach}`, accounts, where)),
        ]),
      );
  }
  // With the organization in view, each account's guardrails before and after say what an attachment removed does.
  if (resource.type === 'aws_organizations_policy_attachment' && resource.action === 'delete' && context.before.accounts.size === 0) {
    const { policy, target, accounts } = detachedPolicy(stack, resource, context);
    // A tag policy only reports; every other type stops something where it is attached.
    if (policy !== undefined && context.before.policies.get(policy)?.type === 'TAG_POLICY') return [];
    // A removed account's own attachments go with it.
    if (stack.status === 'removed') return [];
    return [
      risk(
        'guardrail-weakened',
        `${policy ?? 'a policy'} is detached from ${target}${accounts.length > 0 ? `, in ${countedAccounts(accounts)}` : ''}`,
        accounts,
        where,
      ),
    ];
  }
  return [];
}

/** What an attachment that is removed attached, and where, as far as the output (or plan) says. */
function detachedPolicy(stack: StackChange, resource: ResourceChange, context: RiskContext): { policy?: string; target: string; accounts: string[] } {
  const policyId = valueAt(resource, 'policy_id', 'before');
  const targetId = valueAt(resource, 'target_id', 'before');
  const policy = remoteLookup(policyId)?.key ?? policyNameByResource(context.before, resourceReference(policyId)?.name);
  const account = accountNameOfStack(context.before, stack.name);
  const unit = unitByReference(context.before, resourceReference(targetId)?.name);
  if (resourceReference(targetId)?.type === 'aws_organizations_organization') return { policy, target: 'the root', accounts: accountsUnder(context.before) };
  if (unit !== undefined) return { policy, target: `OU ${unit}`, accounts: accountsUnder(context.before, unit) };
  if (account && resourceReference(targetId)?.type === 'aws_organizations_account')
    return { policy, target: `account ${account.name}`, accounts: [account.name] };
  const named = (id: unknown) => (typeof id === 'string' ? (context.namesById?.get(id) ?? id) : undefined);
  return { policy: policy ?? named(policyId), target: named(targetId) ?? 'its target', accounts: [] };
}

function durationMinutes(duration: string | undefined): number {
  const [, hours = '0', minutes = '0'] = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration ?? 'PT1H') ?? [];
  return Number(hours) * 60 + Number(minutes);
}

const SENSITIVE = ['production', 'core'];

/**
 * What each account that existed before can be done in, before and after: a principal that
 * gains a privileged right there (a new grant, a move into the OU of a grant, a permission set
 * edited), and any new access to a production or core account. One risk per principal,
 * permission set and rights, naming every account.
 */
function accessRisks(context: RiskContext): Draft[] {
  const before = accessPostureOf(context.before);
  const after = accessPostureOf(context.after);
  const gains = new Map<string, { title: string; accounts: string[] }>();
  const add = (key: string, title: string, account: string) => {
    const entry = gains.get(key) ?? { title, accounts: [] };
    entry.accounts.push(account);
    gains.set(key, entry);
  };
  for (const [key, entries] of after) {
    // A vended account gets the grants that already reach its OU: its intent says so.
    if (!context.before.accounts.has(key)) continue;
    const name = context.after.accounts.get(key)?.name ?? key;
    const was = before.get(key);
    const sensitive = SENSITIVE.includes(environmentOf(context.after, key) ?? '');
    for (const [assignment, entry] of entries) {
      const previous = was?.get(assignment);
      const gained = entry.rights.filter((right) => !(previous?.rights ?? []).includes(right));
      const who = principalLabel(entry.principal);
      if (gained.length > 0)
        add(`gain\u0000${assignment}\u0000${gained.join(',')}`, `${who} gains ${gained.join(', ')} through permission set ${entry.permissionSet}`, name);
      else if (!previous && sensitive)
        add(`new\u0000${assignment}`, `${who} gains ${permissionSetLabel(context.after, entry.permissionSet)} in production or core accounts`, name);
    }
  }
  return [...gains].map(([key, { title, accounts }]) =>
    risk(key.startsWith('gain') ? 'access-widened' : 'production-access', `${title}, in ${countedAccounts(accounts)}`, accounts),
  );
}

/** A permission set that hands out more: a longer session, its boundary gone, its inline policy allowing more (a privileged policy attached is an access risk, see `accessRisks`). */
function permissionSetRisks(stack: StackChange, resource: ResourceChange, context: RiskContext): Draft[] {
  const where = { stack: stack.name, address: resource.address };
  const setName = (side: 'before' | 'after') =>
    resource.type === 'aws_ssoadmin_permission_set'
      ? String(valueAt(resource, 'name', side) ?? resource.name)
      : (permissionSetByResource(context[side], resourceReference(valueAt(resource, 'permission_set_arn', side))?.name) ?? resource.name);
  const accountsOf = (name: string) => accountsWithPermissionSet(context.after, name);
  const reach = (accounts: readonly string[]) => (accounts.length > 0 ? `, in ${countedAccounts(accounts)}` : '');
  if (resource.type === 'aws_ssoadmin_permission_set' && resource.action === 'update') {
    const session = resource.attributes.find((change) => change.path === 'session_duration');
    if (session && durationMinutes(session.after as string | undefined) > durationMinutes(session.before as string | undefined)) {
      const accounts = accountsOf(setName('after'));
      const [was, now] = [String(session.before ?? 'PT1H'), String(session.after ?? 'PT1H')];
      return [
        risk('access-widened', `permission set ${setName('after')}'s session lengthens from ${was} to ${now}${reach(accounts)}`, accounts, {
          ...where,
          because: `A session of ${setName('after')}, stolen or left open, stays usable for ${now} instead of ${was}.`,
        }),
      ];
    }
  }
  if (resource.type === 'aws_ssoadmin_permissions_boundary_attachment' && resource.action === 'delete') {
    const accounts = accountsOf(setName('before'));
    return [risk('access-widened', `permission set ${setName('before')} loses its permissions boundary${reach(accounts)}`, accounts, where)];
  }
  if (resource.type === 'aws_ssoadmin_permission_set_inline_policy' && resource.action === 'update') {
    const accounts = accountsOf(setName('after'));
    return resource.documents.flatMap((document) =>
      document.statements.flatMap((statement) =>
        allowWidenings(statement).map((sentence) =>
          risk('access-widened', `permission set ${setName('after')}'s inline policy ${sentence}${reach(accounts)}`, accounts, where),
        ),
      ),
    );
  }
  return [];
}

function allowWidenings(statement: StatementChange): string[] {
  if (statement.effect !== 'Allow' || statement.status === 'removed') return [];
  const widened =
    statement.status === 'added' ||
    statement.actions.added.length > 0 ||
    statement.resources.added.length > 0 ||
    statement.principals.added.length > 0 ||
    statement.notActions.removed.length > 0 ||
    statement.conditions.some((condition) => condition.status === 'removed' || condition.added.length > 0);
  return widened ? statement.sentences : [];
}

const ORGANIZATION_CONDITION_KEYS =
  /^aws:(PrincipalOrgID|PrincipalOrgPaths|SourceOrgID|SourceOrgPaths|SourceAccount|SourceArn|PrincipalAccount|ResourceOrgID)$/i;

function externalPrincipals(statement: StatementChange, knownAccountIds: ReadonlySet<string>): string[] {
  if (statement.effect !== 'Allow' || statement.principals.added.length === 0) return [];
  const boundToOrganization = statement.conditions.some((condition) => ORGANIZATION_CONDITION_KEYS.test(condition.key) && condition.status !== 'removed');
  return statement.principals.added.filter((principal) => {
    if (!principal.startsWith('AWS:') && principal !== '*') return false;
    const id = principal === '*' || principal === 'AWS:*' ? '*' : (/(\d{12})/.exec(principal)?.[1] ?? '');
    if (id === '*') return !boundToOrganization;
    // A reference (`${...}`) is an account of the landing zone.
    return id !== '' && !knownAccountIds.has(id) && !principal.includes('${');
  });
}

/** A risk of `kind`; `because` says what this change does, before why the kind matters. */
function risk(
  kind: Risk['kind'],
  title: string,
  accounts: readonly string[],
  { because, ...where }: { stack?: string; address?: string; saferPath?: string; because?: string } = {},
): Draft {
  const why = because === undefined ? RISK_REASONS[kind] : `${because} ${RISK_REASONS[kind]}`;
  return { kind, title, why, ...where, stacks: where.stack === undefined ? [] : [where.stack], accounts: [...accounts].sort() };
}

/** ` (name, email changed)`, or nothing when the plan gives no reason. */
function replacedBecause(resource: ResourceChange): string {
  return resource.replacedBecause.length > 0 ? ` (${resource.replacedBecause.join(', ')} changed)` : '';
}

/** The name an account resource gives its account: what a plan, which has no view of the organization, names it by. */
function accountNameIn(resource: ResourceChange): string {
  return String(valueAt(resource, 'name', 'before') ?? valueAt(resource, 'name', 'after') ?? resource.name);
}

function resourceRisks(stack: StackChange, resource: ResourceChange, context: RiskContext): Draft[] {
  const where = { stack: stack.name, address: resource.address };
  const accounts = stackAccounts(context, stack.name);
  const risks: Draft[] = [];
  const label = `${resource.address} in ${stack.name}`;
  if (
    resource.type === 'aws_organizations_account' &&
    resource.action === 'update' &&
    valueAt(resource, 'close_on_deletion', 'after') === true &&
    valueAt(resource, 'close_on_deletion', 'before') !== true
  ) {
    const name = accounts[0] ?? accountNameIn(resource);
    return [risk('account-closing', `account ${name} is prepared for closure: deleting its request file next closes it`, accounts, where)];
  }
  if (resource.type === 'aws_organizations_account' && resource.action === 'delete' && valueAt(resource, 'close_on_deletion', 'before') === true) {
    const name = accounts[0] ?? accountNameIn(resource);
    return [
      risk(
        'account-closing',
        `account ${name} is closed: ${stack.status === 'removed' ? 'its account stack is removed' : 'its account is destroyed'} with close_on_deletion set`,
        accounts,
        where,
      ),
    ];
  }
  if (resource.type === 'aws_organizations_account' && (resource.action === 'delete' || resource.action === 'replace')) {
    const name = accounts[0] ?? accountNameIn(resource);
    risks.push(
      risk(
        resource.action === 'delete' ? 'account-removed' : 'replaced',
        resource.action === 'delete'
          ? `account ${name} would leave the organization: ${stack.status === 'removed' ? 'its account stack is removed' : 'its account is destroyed'}`
          : `account ${name} would be replaced by a new account${replacedBecause(resource)}`,
        accounts,
        {
          ...where,
          saferPath:
            resource.action === 'delete'
              ? SAFER_ACCOUNT_REMOVAL
              : 'Change the root email in the account itself (Account Management: StartPrimaryEmailUpdate), then in the request file with the new address already in effect.',
        },
      ),
    );
    return risks;
  }
  if (resource.kind === 'resource' && PROTECTED_TYPES.has(resource.type)) {
    if (resource.action === 'delete') risks.push(risk('destroyed', `${label} is destroyed`, accounts, where));
    if (resource.action === 'replace') risks.push(risk('replaced', `${label} is replaced${replacedBecause(resource)}`, accounts, where));
  }
  risks.push(...organizationListRisks(resource, accounts, where));
  const paging = pagingChange(resource);
  if (paging !== undefined && (resource.action === 'delete' || paging.length > 0)) {
    risks.push(
      risk('paging-changed', `${label} ${resource.action === 'delete' ? 'is removed' : `changes ${paging.join(', ')}`}: who is paged changes`, accounts, where),
    );
  }
  if (resource.type === 'aws_cloudwatch_event_rule') {
    const state = resource.attributes.find((change) => change.path === 'state');
    if (state && state.after === 'DISABLED' && state.before !== 'DISABLED')
      risks.push(risk('security-service-removed', `${label} is disabled`, accounts, where));
  }
  if (resource.action === 'update' || resource.action === 'replace') {
    for (const rule of WEAKENING_RULES) {
      if (!rule.types.includes(resource.type)) continue;
      for (const change of resource.attributes) {
        const path = withoutIndexes(change.path);
        if ((rule.path === '*' || path === rule.path) && rule.weakened(change.before, change.after)) {
          risks.push(
            risk(
              'logging-weakened',
              `${label}: ${rule.what} (${change.path}: ${JSON.stringify(change.before)} to ${JSON.stringify(change.after ?? null)})`,
              accounts,
              where,
            ),
          );
        }
      }
    }
  }
  for (const document of resource.documents) {
    if (resource.type === 'aws_organizations_policy') continue;
    for (const statement of document.statements) {
      for (const principal of externalPrincipals(statement, context.knownAccountIds)) {
        risks.push(
          risk(
            'external-principal',
            `${label}: ${document.attribute} statement ${statement.sid} lets in ${principal === 'AWS:*' || principal === '*' ? 'anyone, with no organization condition' : principal}`,
            accounts,
            where,
          ),
        );
      }
    }
  }
  return risks;
}

/** The security services as a reviewer names them, by the provider's resource type prefix. */
const SERVICE_LABELS: readonly (readonly [string, string])[] = [
  ['aws_guardduty_', 'GuardDuty'],
  ['aws_securityhub_', 'Security Hub'],
  ['aws_config_', 'AWS Config'],
  ['aws_accessanalyzer_', 'IAM Access Analyzer'],
  ['aws_inspector2_', 'Inspector'],
  ['aws_macie2_', 'Macie'],
  ['aws_detective_', 'Detective'],
  ['aws_fms_', 'Firewall Manager'],
  ['aws_cloudtrail', 'CloudTrail'],
  ['aws_cloudwatch_event_', 'alert rules'],
  ['aws_sns_topic_subscription', 'alert subscriptions'],
  ['aws_organizations_delegated_administrator', 'delegated administrators'],
  ['aws_iam_organizations_features', 'IAM organization features'],
];

function serviceOf(type: string): string {
  return SERVICE_LABELS.find(([prefix]) => type.startsWith(prefix))?.[1] ?? type;
}

/** The accounts a stack's resources watch or concern: its own account, or every account for the organization's stacks. */
function reachOfStack(context: RiskContext, stack: string): string[] {
  return accountNameOfStack(context.before, stack) || accountNameOfStack(context.after, stack) ? stackAccounts(context, stack) : accountsUnder(context.before);
}

/** One risk per security service for what the change removes of it, across every stack. */
function removedServices(stacks: readonly StackChange[], context: RiskContext): Draft[] {
  const byService = new Map<string, { types: Map<string, number>; stacks: Set<string>; accounts: Set<string>; removedStacks: Set<string> }>();
  for (const stack of stacks) {
    for (const resource of stack.resources) {
      if (resource.kind !== 'resource' || resource.action !== 'delete' || !SECURITY_SERVICE_TYPES.has(resource.type)) continue;
      const service = serviceOf(resource.type);
      const entry = byService.get(service) ?? { types: new Map(), stacks: new Set(), accounts: new Set(), removedStacks: new Set() };
      entry.types.set(resource.type, (entry.types.get(resource.type) ?? 0) + 1);
      entry.stacks.add(stack.name);
      if (stack.status === 'removed') entry.removedStacks.add(stack.name);
      reachOfStack(context, stack.name).forEach((name) => entry.accounts.add(name));
      byService.set(service, entry);
    }
  }
  return [...byService].map(([service, entry]) => {
    const types = [...entry.types].sort().map(([type, count]) => (count === 1 ? type : `${count} ${type}`));
    const removed = entry.removedStacks.size > 0 ? ` (${[...entry.removedStacks].sort().join(', ')} removed)` : '';
    return { ...risk('security-service-removed', `${service} loses ${types.join(', ')}${removed}`, [...entry.accounts]), stacks: [...entry.stacks].sort() };
  });
}

/** One risk per weakening of what watches, naming every region and stack it is made in. */
function detectionRisks(stacks: readonly StackChange[], context: RiskContext): Draft[] {
  const byWhat = new Map<string, { regions: Set<string>; stacks: Set<string>; accounts: Set<string> }>();
  for (const stack of stacks) {
    for (const resource of stack.resources) {
      for (const { what, region } of detectionWeakenings(resource)) {
        const entry = byWhat.get(what) ?? { regions: new Set(), stacks: new Set(), accounts: new Set() };
        if (region !== undefined) entry.regions.add(region);
        entry.stacks.add(stack.name);
        reachOfStack(context, stack.name).forEach((name) => entry.accounts.add(name));
        byWhat.set(what, entry);
      }
    }
  }
  return [...byWhat].map(([what, entry]) => {
    const regions = [...entry.regions].sort();
    const where = regions.length > 0 ? ` in ${regions.slice(0, -1).join(', ')}${regions.length > 1 ? ' and ' : ''}${regions.at(-1)}` : '';
    const accounts = [...entry.accounts];
    return {
      ...risk('detection-weakened', `${what}${where}${accounts.length > 0 ? `, for ${countedAccounts(accounts)}` : ''}`, accounts),
      stacks: [...entry.stacks].sort(),
    };
  });
}

/** The same sentence said of several statements, resources or stacks is one risk, naming every stack and account. */
function unique(risks: readonly Draft[]): Draft[] {
  const merged = new Map<string, Draft>();
  for (const candidate of risks) {
    const key = `${candidate.kind}\u0000${candidate.title}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, candidate);
    else
      merged.set(key, {
        ...seen,
        stacks: [...new Set([...seen.stacks, ...candidate.stacks])].sort(),
        accounts: [...new Set([...seen.accounts, ...candidate.accounts])].sort(),
      });
  }
  return [...merged.values()];
}

/** The names of the production and core accounts of the views. */
export function sensitiveAccountsOf(views: readonly OrganizationView[]): Set<string> {
  const names = new Set<string>();
  for (const view of views) for (const [key, account] of view.accounts) if (SENSITIVE.includes(environmentOf(view, key) ?? '')) names.add(account.name);
  return names;
}

export function risksOf(stacks: readonly StackChange[], context: RiskContext): Risk[] {
  const risks = [
    ...moveRisks(context),
    ...accessRisks(context),
    ...guardrailReachRisks(context),
    ...firewallRisks(context),
    ...removedServices(stacks, context),
    ...detectionRisks(stacks, context),
  ];
  for (const stack of stacks) {
    for (const resource of stack.resources) {
      risks.push(
        ...resourceRisks(stack, resource, context),
        ...organizationPolicyRisks(stack, resource, context),
        ...permissionSetRisks(stack, resource, context),
      );
    }
  }
  const sensitive = sensitiveAccountsOf([context.before, context.after]);
  return unique(risks)
    .map((draft) => weighedRisk(draft, sensitive))
    .sort(bySeverity);
}

/** What the risk's reach adds to why it matters: the production and core accounts in it, else how many accounts it reaches at once. */
function reachReason(accounts: readonly string[], sensitive: ReadonlySet<string>): string | undefined {
  const weighty = accounts.filter((name) => sensitive.has(name));
  if (weighty.length > 0) return `It reaches ${weighty.length === 1 ? 'a production or core account' : 'production or core accounts'}: ${reachOf(weighty)}.`;
  return accounts.length >= WIDE_REACH ? `It reaches ${accounts.length} accounts at once.` : undefined;
}

/** The draft's why with the reason its reach gives, after what the change does and before why the kind matters. */
function withReason(draft: Draft, reason: string): string {
  const generic = RISK_REASONS[draft.kind];
  return draft.why.endsWith(generic) ? `${draft.why.slice(0, -generic.length)}${reason} ${generic}` : `${draft.why} ${reason}`;
}

/** A risk with its id and its severity, weighed by the production and core accounts in its reach, which its why names. */
export function weighedRisk(draft: Draft, sensitive: ReadonlySet<string>): Risk {
  const reason = reachReason(draft.accounts, sensitive);
  return {
    id: riskId(draft.kind, draft.title),
    severity: severityOf(draft.kind, draft.accounts, sensitive),
    ...draft,
    why: reason === undefined ? draft.why : withReason(draft, reason),
    reach: reachOf(draft.accounts),
  };
}
