/**
 * A change that leaves a statement unable to match is said so in the review, and a Deny
 * that stops matching is a weakened guardrail; one that can match again is said too.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTerminal } from '../../lib/review/render-text';
import type { ReviewReport } from '../../lib/review/report';
import { reviewOutputs } from '../../lib/review/review';
import { withStatementMatching } from '../../lib/review/statement-matching';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import { temporaryDirectory } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

/** A copy of the example's output with the content of one of its organization policies edited. */
function withPolicyEdited(policyName: string, edit: (document: any) => void): string {
  const copy = temporaryDirectory();
  cpSync(exampleOutput(), copy, { recursive: true });
  const file = join(copy, 'stacks', 'management', 'cdk.tf.json');
  const stack = JSON.parse(readFileSync(file, 'utf8'));
  const policy = Object.values<any>(stack.resource.aws_organizations_policy).find((candidate) => candidate.name === policyName);
  const document = JSON.parse(policy.content);
  edit(document);
  policy.content = JSON.stringify(document);
  writeFileSync(file, JSON.stringify(stack, null, 2));
  return copy;
}

/** require-tags-on-create as it was written before: eks:CreateCluster listed with a cluster ARN, which it never takes. */
function eksWithClusterArn(document: any): void {
  document.Statement = document.Statement.filter((statement: any) => !statement.Sid.endsWith('Unscoped'));
  for (const statement of document.Statement) {
    statement.Action.push('eks:CreateCluster');
    statement.Resource.push('arn:aws:eks:*:*:cluster/*');
  }
}

async function review(before: string, after: string): Promise<ReviewReport> {
  const [a, b] = [readSynthesizedOutput(before), readSynthesizedOutput(after)];
  return withStatementMatching(reviewOutputs(a, b), a, b);
}

function statementSentences(report: ReviewReport): string[] {
  return report.stacks.flatMap((stack) =>
    stack.resources.flatMap((resource) => resource.documents.flatMap((document) => document.statements.flatMap((statement) => statement.sentences))),
  );
}

describe('a change that leaves an action unable to match', () => {
  let report: ReviewReport;
  beforeAll(async () => {
    report = await review(exampleOutput(), withPolicyEdited('require-tags-on-create', eksWithClusterArn));
  });

  it('is said in the statement, with why', () => {
    expect(statementSentences(report)).toContainEqual(
      expect.stringMatching(/^can no longer match eks:CreateCluster: "eks:CreateCluster" takes no resource type, so only "Resource": "\*" matches it/),
    );
  });

  it('is a weakened guardrail in every account the SCP reaches, with the fix', () => {
    const risks = report.risks.filter((risk) => risk.title.includes('can no longer match'));
    const accounts = ['payments-dev', 'payments-prod', 'sandbox-data-science', 'shared-services'];
    expect(risks).toEqual(
      ['costcenter', 'environment', 'owner'].map((key) =>
        expect.objectContaining({
          kind: 'guardrail-weakened',
          title: `SCP require-tags-on-create statement RequireTag${key}OnCreate can no longer match eks:CreateCluster, in 4 accounts`,
          saferPath: 'move eks:CreateCluster to a statement with "Resource": "*"',
          accounts,
        }),
      ),
    );
    expect(report.risky).toBe(true);
    expect(renderTerminal(report, false)).toMatch(
      /\[guardrail-weakened\] SCP require-tags-on-create statement RequireTagownerOnCreate can no longer match eks:CreateCluster, in 4 accounts/,
    );
  });
});

describe('a change that lets an action match again', () => {
  it('is said, and is no risk', async () => {
    const report = await review(withPolicyEdited('require-tags-on-create', eksWithClusterArn), exampleOutput());
    expect(statementSentences(report)).toContain('can match eks:CreateCluster again');
    expect(report.risks.filter((risk) => risk.title.includes('can no longer match'))).toEqual([]);
  });
});

describe('a statement that can match nothing at all', () => {
  it('is said of the statement as a whole', async () => {
    const after = withPolicyEdited('deny-leaving-organization', (document) => {
      document.Statement[0].Resource = 'arn:aws:organizations::*:account/*';
    });
    const report = await review(exampleOutput(), after);
    expect(statementSentences(report)).toContainEqual(
      expect.stringMatching(/^can no longer match any request: "organizations:LeaveOrganization" takes no resource type/),
    );
    expect(report.risks).toContainEqual(
      expect.objectContaining({
        kind: 'guardrail-weakened',
        title: expect.stringMatching(/^SCP deny-leaving-organization statement \w+ can no longer match any request, in \d+ accounts$/),
      }),
    );
  });
});

it('says nothing of policies that match as they did', async () => {
  const report = await review(exampleOutput(), exampleOutput());
  expect(report).toMatchObject({ summary: 'no change', risks: [] });
});
