/**
 * The review of Terraform plans, for pipelines that run real ones: each file is the JSON a
 * plan shows (`terraform show -json <planfile>`, JSON Output Format 1.x), and names the
 * stack it plans (`account-payments-qa.json` plans `account-payments-qa`). Its resource
 * changes are compared as the synthesized outputs are, with the plan's own word on what is
 * replaced and why, what is known only after apply, and what is imported; sensitive values
 * are left out; drift (`resource_drift`, changes made outside Terraform) is shown apart,
 * never as part of the change. A plan names ids where outputs name OUs and policies, so
 * the blast radius through the OU tree is not computed here: the review of the outputs
 * (`npm run review`) gives it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { UserError } from '../diagnostics';
import { emptyOrganizationView } from './organization-view';
import type { Intent, ResourceChange, ReviewReport, StackChange } from './report';
import { pagingIntents, policyTypeLabel } from './intents';
import { reportOf } from './review';
import { risksOf } from './risks';
import { valuesOf, withValues } from './stack-diff';
import { type Noise, valueChanges } from './value-diff';
import { nameRecord } from '../name-record';

const ChangeSchema = z.looseObject({
  actions: z.array(z.string()),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
  importing: z.looseObject({ id: z.string().optional() }).optional(),
});

const ResourceChangeSchema = z.looseObject({
  address: z.string(),
  mode: z.enum(['managed', 'data']),
  type: z.string(),
  name: z.string(),
  change: ChangeSchema,
  action_reason: z.string().optional(),
});

const PlanSchema = z.looseObject({
  format_version: z.string().regex(/^1\./),
  resource_changes: z.array(ResourceChangeSchema).default([]),
  resource_drift: z.array(ResourceChangeSchema).default([]),
  output_changes: nameRecord(z.string(), ChangeSchema).default({}),
  configuration: z.unknown().optional(),
});

type Plan = z.output<typeof PlanSchema>;
type PlanChange = z.output<typeof ChangeSchema>;

const SENSITIVE = '(sensitive)';
const UNKNOWN = '(known after apply)';

/** `value` with every place `marks` flags as `true` replaced by `replacement`. */
function masked(value: unknown, marks: unknown, replacement: string): unknown {
  if (marks === true) return replacement;
  if (value === null || typeof value !== 'object' || marks === null || typeof marks !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, index) => masked(item, (marks as unknown[])[index], replacement));
  const markMap = marks as Record<string, unknown>;
  const result: Record<string, unknown> = Object.assign(Object.create(null), value);
  for (const [key, mark] of Object.entries(markMap)) result[key] = masked(result[key], mark, replacement);
  return result;
}

/** Every path `marks` flags as `true`. */
function flaggedPaths(marks: unknown, path: readonly string[] = []): string[] {
  if (marks === true) return [path.join('.')];
  if (marks === null || typeof marks !== 'object') return [];
  return Object.entries(marks as Record<string, unknown>).flatMap(([key, mark]) => flaggedPaths(mark, [...path, key]));
}

function actionOf(change: PlanChange): ResourceChange['action'] | undefined {
  const actions = change.actions.join(',');
  if (actions === 'delete,create' || actions === 'create,delete') return 'replace';
  if (actions === 'no-op') return change.importing ? 'import' : undefined;
  if (actions === 'read') return undefined;
  if (['create', 'delete', 'update', 'forget'].includes(actions)) return actions as ResourceChange['action'];
  throw new UserError(`unknown plan action ${JSON.stringify(change.actions)}`);
}

function resourceChangeOf(entry: z.output<typeof ResourceChangeSchema>, noise: Noise): ResourceChange | undefined {
  const action = actionOf(entry.change);
  if (!action) return undefined;
  const before = masked(entry.change.before ?? undefined, entry.change.before_sensitive, SENSITIVE);
  const after = masked(masked(entry.change.after ?? undefined, entry.change.after_sensitive, SENSITIVE), entry.change.after_unknown, UNKNOWN);
  const { attributes, documents } = valueChanges(before ?? {}, after ?? {}, noise);
  // A sensitive value that changes is said to change, without its value.
  const sensitive = [...flaggedPaths(entry.change.before_sensitive), ...flaggedPaths(entry.change.after_sensitive)];
  const hidden = valueChanges(entry.change.before ?? {}, entry.change.after ?? {}, { metadata: 0, reordered: 0 }).attributes.filter((change) =>
    sensitive.some((path) => change.path === path || change.path.startsWith(`${path}.`)),
  );
  for (const path of new Set(hidden.map((change) => change.path))) attributes.push({ path, before: SENSITIVE, after: SENSITIVE });
  const replacedBecause = action === 'replace' ? (entry.change.replace_paths ?? []).map((path) => path.join('.')) : [];
  return withValues(
    {
      address: entry.mode === 'data' ? `data.${entry.address.replace(/^data\./, '')}` : entry.address,
      kind: entry.mode === 'data' ? 'data' : 'resource',
      type: entry.type,
      name: entry.name,
      action,
      replacedBecause: replacedBecause.length > 0 || !entry.action_reason || action !== 'replace' ? replacedBecause : [entry.action_reason],
      unknownAfter: flaggedPaths(entry.change.after_unknown),
      attributes,
      documents,
    },
    { before: before as Record<string, unknown> | undefined, after: after as Record<string, unknown> | undefined },
  );
}

/** The stack a plan file plans: its name without `.json` (and `.tfplan`). */
export function stackOfPlanFile(file: string): string {
  return basename(file)
    .replace(/\.json$/, '')
    .replace(/\.tfplan$/, '');
}

function readPlan(file: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError(`${file} is not JSON: expected the output of terraform show -json <planfile>`);
  }
  const plan = PlanSchema.safeParse(json);
  if (!plan.success)
    throw new UserError(`${file} is not a Terraform JSON plan (terraform show -json <planfile>): expected format_version 1.x and resource_changes`);
  return plan.data;
}

/** What the plans' providers are limited to, as their configuration says. */
function allowedAccountIds(plan: Plan): string[] {
  const providers =
    (plan.configuration as { provider_config?: Record<string, { expressions?: { allowed_account_ids?: { constant_value?: unknown } } }> } | undefined)
      ?.provider_config ?? {};
  return Object.values(providers).flatMap((provider) => {
    const ids = provider.expressions?.allowed_account_ids?.constant_value;
    return Array.isArray(ids) ? ids.map(String) : [];
  });
}

function planStack(file: string, plan: Plan, noise: Noise): StackChange {
  const resources = plan.resource_changes.map((entry) => resourceChangeOf(entry, noise)).filter((change): change is ResourceChange => change !== undefined);
  for (const [name, change] of Object.entries(plan.output_changes)) {
    const action = actionOf(change);
    if (!action) continue;
    const { attributes, documents } = valueChanges({ value: change.before }, { value: masked(change.after, change.after_unknown, UNKNOWN) }, noise);
    resources.push({
      address: `output.${name}`,
      kind: 'output',
      type: 'output',
      name,
      action,
      replacedBecause: [],
      unknownAfter: flaggedPaths(change.after_unknown),
      attributes,
      documents,
    });
  }
  const imports = plan.resource_changes.filter((entry) => entry.change.importing).map((entry) => ({ to: entry.address, id: entry.change.importing?.id ?? '' }));
  const drift = plan.resource_drift
    .map((entry) => resourceChangeOf(entry, { metadata: 0, reordered: 0 }))
    .filter((change): change is ResourceChange => change !== undefined);
  return { name: stackOfPlanFile(file), status: 'changed', resources, imports, drift };
}

/** How each organization resource is named, from the values a plan holds of it. */
const LABELS: Readonly<Record<string, (values: Record<string, unknown>) => string>> = {
  aws_organizations_policy: (values) => policyTypeLabel(typeof values.type === 'string' ? values.type : undefined, String(values.name)),
  aws_organizations_organizational_unit: (values) => `OU ${String(values.name)}`,
  aws_organizations_account: (values) => `account ${String(values.name)}`,
};

/** What each id of a policy, OU or account that the plans hold stands for, from its values before or after (changed or not). */
function namesById(plans: readonly Plan[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of plans.flatMap((plan) => plan.resource_changes)) {
    const label = LABELS[entry.type];
    if (!label) continue;
    for (const values of [entry.change.before, entry.change.after]) {
      if (typeof values !== 'object' || values === null) continue;
      const { id, name } = values as Record<string, unknown>;
      if (typeof id === 'string' && typeof name === 'string') names.set(id, label(values as Record<string, unknown>));
    }
  }
  return names;
}

/** What a plan can say in the organization's terms: accounts vended, moved or removed, policies changed, OUs and policies by name where the plans hold them. */
function planIntents(stacks: readonly StackChange[], names: ReadonlyMap<string, string>): Intent[] {
  const named = (id: unknown) => names.get(String(id)) ?? String(id);
  return stacks.flatMap((stack) =>
    stack.resources.flatMap((resource): Intent[] => {
      if (resource.type === 'aws_organizations_account') {
        const name = (side: 'before' | 'after') => String(valuesOf(resource)[side]?.name ?? resource.name);
        const parent = resource.attributes.find((change) => change.path === 'parent_id');
        if (resource.action === 'create')
          return [
            {
              kind: 'account-added',
              sentence: `${stack.name} creates account ${name('after')}${parent ? ` in ${named(parent.after)}` : ''}`,
              accounts: [name('after')],
            },
          ];
        if (resource.action === 'delete')
          return [{ kind: 'account-removed', sentence: `${stack.name} removes account ${name('before')} from the organization`, accounts: [name('before')] }];
        if (parent)
          return [
            {
              kind: 'account-moved',
              sentence: `${stack.name} moves account ${name('after')} from ${named(parent.before)} to ${named(parent.after)}`,
              accounts: [name('after')],
            },
          ];
      }
      if (resource.type === 'aws_organizations_policy' && resource.action === 'update') {
        const label = LABELS.aws_organizations_policy(valuesOf(resource).after ?? { name: resource.address });
        return resource.documents.flatMap((document) =>
          document.statements.flatMap((statement) =>
            statement.sentences.map((sentence) => ({ kind: 'policy-changed' as const, sentence: `${label} ${sentence}`, accounts: [] })),
          ),
        );
      }
      return [];
    }),
  );
}

export function reviewPlans(files: readonly string[]): ReviewReport {
  if (files.length === 0) throw new UserError('give at least one plan file: terraform show -json <planfile> > <stack>.json');
  const noise: Noise = { metadata: 0, reordered: 0 };
  const plans = files.map((file) => ({ file, plan: readPlan(file) }));
  const stacks = plans
    .map(({ file, plan }) => planStack(file, plan, noise))
    .filter((stack) => stack.resources.length > 0 || stack.imports.length > 0 || stack.drift.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const changed = stacks.filter((stack) => stack.resources.length > 0 || stack.imports.length > 0);
  const view = emptyOrganizationView();
  const names = namesById(plans.map(({ plan }) => plan));
  const risks = risksOf(changed, {
    before: view,
    after: view,
    knownAccountIds: new Set(plans.flatMap(({ plan }) => allowedAccountIds(plan))),
    namesById: names,
  });
  return reportOf(stacks, risks, [...planIntents(changed, names), ...pagingIntents(changed)], noise);
}
