/**
 * Every action and condition key that the configuration brings into a policy (custom SCPs,
 * extra region-deny exemptions) exists in AWS. Built-in guardrails are checked the same
 * way by the tests.
 */
import type { Issue } from '../../diagnostics';
import { actionProblem } from '../../iam/iam-data';
import { policyReferenceProblems } from '../../iam/policy-references';
import type { ConfigurationFiles } from '../configuration-files';

export async function policyReferences({
  landingZone,
  customPolicies,
}: Pick<ConfigurationFiles<'guardrails'>, 'landingZone' | 'customPolicies'>): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const [index, action] of landingZone.config.guardrails.regionDeny.extraExemptActions.entries()) {
    const problem = await actionProblem(action);
    if (problem) issues.push({ file: landingZone.file, path: ['guardrails', 'regionDeny', 'extraExemptActions', index], message: problem });
  }
  for (const custom of customPolicies) {
    for (const problem of await policyReferenceProblems(custom.config)) issues.push({ file: custom.file, ...problem });
  }
  return issues;
}
