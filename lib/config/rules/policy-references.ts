/**
 * Every action and condition key that the configuration brings into a policy exists in
 * AWS: the extra region-deny exemptions and each custom SCP, attached or not; and every
 * statement of a custom SCP can match a request. Built-in guardrails are checked the same
 * way by the tests. AWS's data is looked up, which takes a moment: these rules return their
 * issues later.
 */
import type { Issue } from '../../diagnostics';
import { actionProblem } from '../../iam/iam-data';
import { policyReferenceProblems } from '../../iam/policy-references';
import type { ConfigurationFiles } from '../configuration-files';
import { policySemanticsIssues } from '../policy-document-issues';

export async function exemptActionReferences({ landingZone }: Pick<ConfigurationFiles<'guardrails'>, 'landingZone'>): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const [index, action] of landingZone.config.guardrails.regionDeny.extraExemptActions.entries()) {
    const problem = await actionProblem(action);
    if (problem) issues.push({ file: landingZone.file, path: ['guardrails', 'regionDeny', 'extraExemptActions', index], message: problem });
  }
  return issues;
}

export async function customPolicyReferences({ customPolicies }: Pick<ConfigurationFiles, 'customPolicies'>): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const custom of customPolicies) {
    for (const problem of await policyReferenceProblems(custom.config)) issues.push({ file: custom.file, ...problem });
    issues.push(...(await policySemanticsIssues(custom.file, [], custom.config, 'service-control')));
  }
  return issues;
}
