/**
 * What a review reports, as one schema: the JSON form (`--format json`) is this object,
 * and `schemas/review-report.schema.json` is generated from it for the machines that read
 * it. The terminal and Markdown forms render the same object.
 */
import { z } from 'zod';

const AttributeChangeSchema = z
  .strictObject({
    path: z.string().describe('Dotted path of the attribute inside the resource, such as `tags.owner` or `policy.Statement.DenyAll.Action`.'),
    before: z.unknown().optional().describe('The value before; absent when the attribute is new.'),
    after: z.unknown().optional().describe('The value after; absent when the attribute is gone.'),
    added: z.array(z.unknown()).optional().describe('For a list compared as a set: the entries added.'),
    removed: z.array(z.unknown()).optional().describe('For a list compared as a set: the entries removed.'),
  })
  .describe('One attribute that differs.');

const ConditionChangeSchema = z.strictObject({
  operator: z.string(),
  key: z.string(),
  added: z.array(z.string()).describe('Values the condition matches now and did not.'),
  removed: z.array(z.string()).describe('Values the condition matched and no longer does.'),
  status: z.enum(['added', 'removed', 'changed']).describe('Whether the whole condition (operator and key) appeared, went away, or changed its values.'),
});

const StatementChangeSchema = z
  .strictObject({
    sid: z.string().describe('The statement id, or a description of the statement when it has none.'),
    status: z.enum(['added', 'removed', 'changed']),
    effect: z.enum(['Allow', 'Deny']),
    actions: z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) }),
    notActions: z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) }),
    resources: z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) }),
    notResources: z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) }),
    principals: z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) }),
    conditions: z.array(ConditionChangeSchema),
    sentences: z.array(z.string()).describe('What the change does, in words.'),
  })
  .describe('One statement of a policy document, added, removed or changed.');

const DocumentChangeSchema = z
  .strictObject({
    attribute: z.string().describe('The attribute that holds the document as JSON text, such as `policy` or `content`.'),
    kind: z
      .enum(['policy', 'json'])
      .describe(
        '`policy` for IAM-shaped documents (SCPs, RCPs, IAM, key, bucket and topic policies), compared statement by statement; `json` for any other document (event patterns, managed service data), compared field by field.',
      ),
    statements: z.array(StatementChangeSchema),
    changes: z
      .array(AttributeChangeSchema)
      .describe('The fields that differ, for documents other than policies, and the top-level fields of a policy other than its statements.'),
  })
  .describe('A document embedded in an attribute, parsed and compared as data.');

export const RESOURCE_ACTIONS = ['create', 'delete', 'update', 'replace', 'import', 'forget', 'read', 'no-op'] as const;

const ResourceChangeSchema = z
  .strictObject({
    address: z.string().describe('`type.name`, `data.type.name` or `output.name`, as Terraform writes it in the stack.'),
    kind: z.enum(['resource', 'data', 'output']),
    type: z.string(),
    name: z.string(),
    action: z.enum(RESOURCE_ACTIONS),
    replacedBecause: z.array(z.string()).describe('The attributes whose change replaces the resource.'),
    unknownAfter: z.array(z.string()).describe('Attributes known only after apply (plans only).'),
    attributes: z.array(AttributeChangeSchema),
    documents: z.array(DocumentChangeSchema),
  })
  .describe('One resource, data source or output that is added, removed or changed.');

const StackChangeSchema = z.strictObject({
  name: z.string(),
  status: z.enum(['added', 'removed', 'changed']),
  resources: z.array(ResourceChangeSchema),
  imports: z.array(z.strictObject({ to: z.string(), id: z.string() })).describe('Existing resources the stack adopts.'),
  drift: z.array(ResourceChangeSchema).describe('Changes made outside Terraform, as a plan saw them (plans only); not part of the change.'),
});

export const RISK_KINDS = [
  'account-closing',
  'account-removed',
  'core-account-moved',
  'destroyed',
  'replaced',
  'guardrail-weakened',
  'exemption-widened',
  'access-widened',
  'production-access',
  'detection-weakened',
  'logging-weakened',
  'region-changed',
  'security-service-removed',
  'paging-changed',
  'external-principal',
  'guardrail-extended',
] as const;

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

const RiskSchema = z
  .strictObject({
    id: z.string().describe('Stable for the same change: what `review.acknowledged` names.'),
    kind: z.enum(RISK_KINDS),
    severity: z.enum(SEVERITIES).describe('From the kind, the reach, and whether production or core accounts are in it.'),
    title: z.string().describe('What the change does, in one line.'),
    why: z.string().describe('Why it matters.'),
    saferPath: z.string().optional().describe('How to get the same result without the risk, when there is a way.'),
    stack: z.string().optional(),
    address: z.string().optional(),
    stacks: z.array(z.string()).describe('Every stack the change spans.'),
    accounts: z.array(z.string()).describe('The accounts it reaches (blast radius), by name, all of them; empty when it concerns no account in particular.'),
    reach: z.string().describe('The accounts as every form names them: all up to 12, then how many more; empty when it concerns no account in particular.'),
    acknowledged: z
      .strictObject({ reason: z.string(), by: z.string(), expires: z.string() })
      .optional()
      .describe('Present when the configuration acknowledges the risk until a date: it is shown and does not fail the run.'),
  })
  .describe('A change a reviewer must look at before approving.');

const DecisionSchema = z
  .strictObject({
    decision: z.enum(['denied', 'allowed']).describe('`allowed`: no SCP or RCP denies it (identity and resource policies are out of view).'),
    by: z.string().optional().describe('What denies it: the policy and statement, and where it is attached.'),
  })
  .describe("The organization's decision on the request on one side of the change.");

const RequestFlipSchema = z
  .strictObject({
    policy: z.string().describe('The SCP or RCP whose change flips the request.'),
    policyType: z.enum(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']),
    action: z.string(),
    region: z.string(),
    principal: z.string().describe('Who asks: the role as the review made it, its account id a stand-in.'),
    resource: z.string(),
    given: z
      .array(z.string())
      .describe(
        'Keys the request is made with besides the principal, region and time (`key=value`; `key set` for a value no policy names; `without key` for one a request has by default, such as aws:SecureTransport), so that the change decides.',
      ),
    before: DecisionSchema,
    after: DecisionSchema,
    accounts: z.array(z.string()).describe('The accounts where the request flips, by name, all of them.'),
    reach: z.string().describe('The accounts as every form names them: all up to 12, then how many more.'),
    sentence: z.string().describe('The request and its two outcomes, in words.'),
  })
  .describe("A request whose outcome a changed SCP or RCP flips, evaluated before and after with the organization's evaluator.");

export const INTENT_KINDS = [
  'account-added',
  'account-removed',
  'account-moved',
  'organizational-unit-added',
  'organizational-unit-removed',
  'policy-added',
  'policy-removed',
  'policy-changed',
  'policy-attached',
  'policy-detached',
  'access-granted',
  'access-revoked',
  'permission-set-added',
  'permission-set-removed',
  'permission-set-changed',
  'firewall-policy-added',
  'firewall-policy-removed',
  'firewall-policy-changed',
  'paging-changed',
] as const;

const IntentSchema = z
  .strictObject({
    kind: z.enum(INTENT_KINDS),
    sentence: z.string().describe('What the change does to the organization, in its terms.'),
    accounts: z.array(z.string()).describe('The accounts it reaches (blast radius), by name.'),
  })
  .describe('What a change means for the organization.');

export const ReviewReportSchema = z
  .strictObject({
    version: z.literal(1),
    summary: z.string().describe('One line: what changes, and how many risks.'),
    risky: z.boolean().describe('Whether any risk not acknowledged was found: `--fail-on any` (or `risky`) exits 2 when true.'),
    counts: z.strictObject({
      stacksAdded: z.number().int(),
      stacksRemoved: z.number().int(),
      stacksChanged: z.number().int(),
      resourcesAdded: z.number().int(),
      resourcesRemoved: z.number().int(),
      resourcesChanged: z.number().int(),
    }),
    risks: z.array(RiskSchema).describe('By severity, then by the number of accounts reached.'),
    warnings: z.array(z.string()).describe('Acknowledgements that match no risk, and other things the reviewer should know.'),
    intents: z.array(IntentSchema),
    requests: z
      .array(RequestFlipSchema)
      .describe('For each changed SCP or RCP, at most a few requests whose outcome it flips, with the accounts where it does.'),
    stacks: z.array(StackChangeSchema).describe('In name order.'),
    suppressed: z
      .strictObject({
        metadata: z.number().int().describe("Differences in cdktf's `//` metadata, which Terraform ignores."),
        reordered: z.number().int().describe('Lists whose entries only changed order, compared as sets.'),
      })
      .describe('Differences left out as noise.'),
  })
  .describe('The review of a change to the synthesized landing zone.');

export type ReviewReport = z.output<typeof ReviewReportSchema>;
export type StackChange = ReviewReport['stacks'][number];
export type ResourceChange = StackChange['resources'][number];
export type DocumentChange = ResourceChange['documents'][number];
export type StatementChange = DocumentChange['statements'][number];
export type AttributeChange = ResourceChange['attributes'][number];
export type Risk = ReviewReport['risks'][number];
export type Intent = ReviewReport['intents'][number];
export type RequestFlip = ReviewReport['requests'][number];
export type RiskKind = (typeof RISK_KINDS)[number];
export type Severity = (typeof SEVERITIES)[number];
