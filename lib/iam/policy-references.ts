/**
 * Every action, `NotAction` entry and condition key of a policy document exists in AWS,
 * and every condition operator is one IAM knows: a typo such as `ec2:RunInstance` would
 * otherwise make a deny silently match nothing.
 */
import type { FieldPath } from '../diagnostics';
import { actionProblem, conditionKeyProblem, conditionOperatorProblem } from './iam-data';
import type { OneOrMany, PolicyDocument } from './policy-document';

/** A reference that names nothing in AWS, at its path inside the document. */
export interface PolicyReferenceProblem {
  readonly path: FieldPath;
  readonly message: string;
}

/** Each entry of a one-or-many field with its path: `[path]` for a single value, `[path, i]` for a list. */
function entries(value: OneOrMany<string> | undefined, path: FieldPath): [string, FieldPath][] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [[value, path]];
  return value.map((entry, index) => [entry, [...path, index]]);
}

export async function policyReferenceProblems(document: PolicyDocument): Promise<PolicyReferenceProblem[]> {
  const problems: PolicyReferenceProblem[] = [];
  const report = (path: FieldPath, message: string | undefined) => {
    if (message) problems.push({ path, message });
  };
  for (const [index, statement] of document.Statement.entries()) {
    const path = ['Statement', index];
    for (const [action, actionPath] of [...entries(statement.Action, [...path, 'Action']), ...entries(statement.NotAction, [...path, 'NotAction'])]) {
      report(actionPath, await actionProblem(action));
    }
    for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
      report([...path, 'Condition', operator], conditionOperatorProblem(operator));
      for (const key of Object.keys(keys)) report([...path, 'Condition', operator, key], await conditionKeyProblem(key));
    }
  }
  return problems;
}
