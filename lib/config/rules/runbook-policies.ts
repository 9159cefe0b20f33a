/**
 * The policy of a response plan's runbook gets the checks of every policy of the
 * configuration (actions and condition keys exist, no placeholder left), and fits IAM's
 * quota of inline policies on one role: 10,240 characters other than whitespace.
 */
import type { Issue } from '../../diagnostics';
import { policyText } from '../../iam/policy-document';
import type { ConfigurationFiles } from '../configuration-files';
import { nonWhitespaceLength, policyDocumentIssues } from '../policy-document-issues';

const ROLE_POLICY_NON_WHITESPACE = 10_240;

export async function runbookPolicies({ landingZone }: Pick<ConfigurationFiles<'incidentResponse'>, 'landingZone'>): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const [name, plan] of Object.entries(landingZone.config.incidentResponse?.incidentManager?.responsePlans ?? {})) {
    const policy = plan.runbook?.policy;
    if (!policy) continue;
    const path = ['incidentResponse', 'incidentManager', 'responsePlans', name, 'runbook', 'policy'];
    const characters = nonWhitespaceLength(policyText(policy));
    if (characters > ROLE_POLICY_NON_WHITESPACE) {
      issues.push({
        file: landingZone.file,
        path,
        message: `has ${characters} characters other than whitespace, over IAM's ${ROLE_POLICY_NON_WHITESPACE} for the inline policies of one role`,
      });
    }
    issues.push(...(await policyDocumentIssues(landingZone.file, path, policy)));
  }
  return issues;
}
