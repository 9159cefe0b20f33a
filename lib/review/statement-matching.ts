/**
 * Statements a change leaves unable to match any request, or able again, read from the
 * IAM data by the policy-semantics check: AWS accepts a Deny that can never match and
 * never applies it, so a guardrail can be switched off by an edit that looks harmless
 * (an ARN for an action that takes none, a condition key the action never carries). Said
 * in the statement's sentences; a Deny that stops matching is also a weakened guardrail.
 * AWS's data is looked up, which takes a moment: this step comes after the rest of the
 * review.
 */
import { statementMatches, type PolicyKind, type StatementMatch } from '../iam/policy-semantics';
import { countedAccounts } from './intents';
import { accountsReachedByPolicy, organizationViewOf, type OrganizationView } from './organization-view';
import { statementLabels } from './policy-diff';
import type { ResourceChange, ReviewReport, StatementChange } from './report';
import { type Draft, sensitiveAccountsOf, weighedRisk } from './risks';
import { bySeverity } from './severity';
import { reportOf } from './review';
import type { SynthesizedOutput, TerraformJson } from './synthesized-output';

const ORGANIZATION_POLICY_KINDS: Readonly<Record<string, PolicyKind>> = {
  SERVICE_CONTROL_POLICY: 'service-control',
  RESOURCE_CONTROL_POLICY: 'resource-control',
};

/** Which attribute of which Terraform resource holds an IAM document, and of what kind; `undefined` for any other. */
export function policyKindOf(type: string, attribute: string, resource: TerraformJson): PolicyKind | undefined {
  if (type === 'aws_organizations_policy') return attribute === 'content' ? ORGANIZATION_POLICY_KINDS[String(resource.type)] : undefined;
  if (type === 'aws_iam_role') return attribute === 'assume_role_policy' ? 'resource' : undefined;
  if (['aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'].includes(type))
    return attribute === 'policy' ? 'identity' : undefined;
  if (type === 'aws_ssoadmin_permission_set_inline_policy') return attribute === 'inline_policy' ? 'identity' : undefined;
  if (type.endsWith('_policy') || type === 'aws_kms_key') return attribute === 'policy' ? 'resource' : undefined;
  return undefined;
}

/** A policy as Terraform gives it to AWS: `$${` is a policy variable; any other reference stays `${...}`, which matches anything. */
function parsedPolicy(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
  } catch {
    return undefined;
  }
}

interface Unmatched {
  /** What no longer matches: an action as the statement writes it, or the statement as a whole. */
  readonly subject: string;
  readonly why: string;
  readonly fix: string;
}

/** What of each statement can never match, by its label: the statement as a whole, else each action. */
function unmatchedByLabel(document: unknown, matches: readonly StatementMatch[]): Map<string, Unmatched[]> {
  const labels = statementLabels(document);
  const byLabel = new Map<string, Unmatched[]>();
  for (const match of matches) {
    const errors = match.problems.filter((problem) => problem.severity === 'error');
    const unmatched = match.canMatch
      ? errors.map((problem) => ({ subject: problem.action ?? 'any request', why: problem.message, fix: problem.fix }))
      : [{ subject: 'any request', why: errors[0]?.message ?? 'it names no action that can match', fix: errors[0]?.fix ?? 'remove the statement' }];
    byLabel.set(labels[match.index], unmatched);
  }
  return byLabel;
}

async function sideOf(output: SynthesizedOutput, stack: string, resource: ResourceChange, attribute: string) {
  if (!output.stackNames.includes(stack)) return undefined;
  const body: TerraformJson | undefined = output.json(stack).resource?.[resource.type]?.[resource.name];
  const kind = body ? policyKindOf(resource.type, attribute, body) : undefined;
  const document = parsedPolicy(body?.[attribute]);
  if (!body || !kind || document === undefined) return undefined;
  return { kind, name: String(body.name ?? resource.name), unmatched: unmatchedByLabel(document, await statementMatches(document as never, kind)) };
}

/** The report with what its changed policies can no longer match, or can again. */
export async function withStatementMatching(report: ReviewReport, before: SynthesizedOutput, after: SynthesizedOutput): Promise<ReviewReport> {
  const risks: Draft[] = [];
  let view: OrganizationView | undefined;
  const stacks = await Promise.all(
    report.stacks.map(async (stack) => ({
      ...stack,
      resources: await Promise.all(
        stack.resources.map(async (resource) => {
          if (resource.kind !== 'resource') return resource;
          const documents = await Promise.all(
            resource.documents.map(async (document) => {
              if (document.kind !== 'policy') return document;
              const old = await sideOf(before, stack.name, resource, document.attribute);
              const now = await sideOf(after, stack.name, resource, document.attribute);
              if (!now) return document;
              const statements = document.statements.map((statement): StatementChange => {
                if (statement.status === 'removed') return statement;
                const was = old?.unmatched.get(statement.sid) ?? [];
                const is = now.unmatched.get(statement.sid) ?? [];
                const lost = is.filter((entry) => !was.some((previous) => previous.subject === entry.subject));
                const regained = statement.status === 'added' ? [] : was.filter((entry) => !is.some((current) => current.subject === entry.subject));
                const verb = statement.status === 'added' ? 'cannot match' : 'can no longer match';
                for (const entry of statement.effect === 'Deny' && now.kind !== 'identity' ? lost : []) {
                  view ??= organizationViewOf(after);
                  const organizationPolicy = resource.type === 'aws_organizations_policy';
                  const accounts = organizationPolicy ? accountsReachedByPolicy(view, now.name) : [];
                  const label = organizationPolicy ? `${now.kind === 'resource-control' ? 'RCP' : 'SCP'} ${now.name}` : `${resource.address} in ${stack.name}`;
                  risks.push({
                    kind: 'guardrail-weakened',
                    stacks: [stack.name],
                    title: `${label} statement ${statement.sid} ${verb} ${entry.subject}${accounts.length > 0 ? `, in ${countedAccounts(accounts)}` : ''}`,
                    why: `AWS never applies a statement that cannot match, and says nothing: ${entry.why}.`,
                    saferPath: entry.fix,
                    stack: stack.name,
                    address: resource.address,
                    accounts,
                  });
                }
                return {
                  ...statement,
                  sentences: [
                    ...statement.sentences,
                    ...lost.map((entry) => `${verb} ${entry.subject}: ${entry.why}`),
                    ...regained.map((entry) => `can match ${entry.subject} again`),
                  ],
                };
              });
              return { ...document, statements };
            }),
          );
          return { ...resource, documents };
        }),
      ),
    })),
  );
  const sensitive = risks.length === 0 ? new Set<string>() : sensitiveAccountsOf([organizationViewOf(before), view ?? organizationViewOf(after)]);
  return reportOf(
    stacks,
    [...report.risks, ...risks.map((draft) => weighedRisk(draft, sensitive))].sort(bySeverity),
    report.intents,
    report.suppressed,
    report.warnings,
    report.requests,
  );
}
