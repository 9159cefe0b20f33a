/**
 * Every list of the configuration files means a set, each item once, but for the few whose
 * order or repetition means something: a new list is a set unless it is added here.
 */
import { z } from 'zod';
import { AccountSchema } from '../../lib/config/schemas/account';
import { ConformancePackTemplateSchema } from '../../lib/config/schemas/conformance-pack';
import { LandingZoneSchema } from '../../lib/config/schemas/landing-zone';
import { RunbookDocumentSchema } from '../../lib/config/schemas/runbook';

type JsonSchema = { readonly [key: string]: unknown };

/** The dotted paths (`[]` for a list's items, `*` for a map's values) of the lists that take an item twice. */
function listsTakingRepeats(schema: z.ZodType): string[] {
  const root = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  const definitions = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const found = new Set<string>();
  const visit = (node: JsonSchema | undefined, path: string, followed: ReadonlySet<string>): void => {
    if (!node) return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.split('/').pop() ?? '';
      if (!followed.has(name)) visit(definitions[name], path, new Set([...followed, name]));
      return;
    }
    if (node.type === 'array' && node.uniqueItems !== true) found.add(path);
    for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) visit(value, path ? `${path}.${key}` : key, followed);
    visit(node.items as JsonSchema | undefined, `${path}[]`, followed);
    if (typeof node.additionalProperties === 'object') visit(node.additionalProperties as JsonSchema, `${path}.*`, followed);
    for (const key of ['anyOf', 'oneOf', 'allOf']) for (const option of (node[key] as JsonSchema[] | undefined) ?? []) visit(option, path, followed);
  };
  visit(root, '', new Set());
  return [...found].sort();
}

/** Inside an IAM policy document, lists are the policy language's, whose repeats IAM ignores. */
const POLICY_LISTS = (at: string) => [
  `${at}.Statement`,
  `${at}.Statement[].Action`,
  `${at}.Statement[].Condition.*.*`,
  `${at}.Statement[].NotAction`,
  `${at}.Statement[].NotResource`,
  `${at}.Statement[].Resource`,
];

describe('lists that may repeat an item', () => {
  it('are, in landing-zone.yaml, the grants, the DNS Firewall rule groups (distinct by priority), escalation stages and runbook parameter values', () => {
    expect(listsTakingRepeats(LandingZoneSchema)).toEqual(
      [
        'firewallManager.policies.*.ruleGroups',
        'identityCenter.accessControlAttributes.*',
        ...POLICY_LISTS('identityCenter.customerManagedPolicies.*.document'),
        'identityCenter.grants',
        ...POLICY_LISTS('identityCenter.permissionSets.*.inlinePolicy'),
        'incidentResponse.incidentManager.escalationPlans.*.stages',
        'incidentResponse.incidentManager.responsePlans.*.runbook.parameters.*',
        ...POLICY_LISTS('incidentResponse.incidentManager.responsePlans.*.runbook.policy'),
      ].sort(),
    );
  });

  it('are, in a request file, its access entries (the assignments they make are merged)', () => {
    expect(listsTakingRepeats(AccountSchema)).toEqual(['access']);
  });

  it('are none in a runbook or a conformance pack', () => {
    expect(listsTakingRepeats(RunbookDocumentSchema)).toEqual([]);
    expect(listsTakingRepeats(ConformancePackTemplateSchema)).toEqual([]);
  });
});
