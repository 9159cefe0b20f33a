/**
 * Every action, `NotAction` entry and condition key of the policies a configuration
 * brings (custom SCPs, extra region-deny exemptions) exists in AWS; every condition
 * operator is one IAM knows. Built-in guardrails are checked the same way by the tests.
 */
import type { ConfigurationFiles } from '../config/configuration-files';
import { LANDING_ZONE_FILE } from '../config/configuration-files';
import type { FieldPath, Issue } from '../diagnostics';
import { actionProblem, conditionKeyProblem, conditionOperatorProblem } from './iam-references';
import type { OneOrMany, PolicyDocument } from './policy-document';

/** Each entry of a one-or-many field with its path: `[path]` for a single value, `[path, i]` for a list. */
function entries(value: OneOrMany<string> | undefined, path: FieldPath): [string, FieldPath][] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [[value, path]];
  return value.map((entry, index) => [entry, [...path, index]]);
}

export async function checkPolicyDocument(document: PolicyDocument, file: string): Promise<Issue[]> {
  const issues: Issue[] = [];
  const report = (path: FieldPath, message: string | undefined) => {
    if (message) issues.push({ file, path, message });
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
  return issues;
}

export async function checkPolicyReferences({ landingZone, customPolicies }: ConfigurationFiles): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const [index, action] of landingZone.config.guardrails.regionDeny.extraExemptActions.entries()) {
    const problem = await actionProblem(action);
    if (problem) issues.push({ file: LANDING_ZONE_FILE, path: ['guardrails', 'regionDeny', 'extraExemptActions', index], message: problem });
  }
  for (const custom of customPolicies) issues.push(...(await checkPolicyDocument(custom.config, custom.file)));
  return issues;
}
