/**
 * Every policy fits its size quota, measured on the exact text that is synthesized
 * (whitespace counts), and the organization holds no more policies of a type than allowed.
 */
import { policySizeIssue } from '../config/policy-size';
import type { QuotasConfig } from '../config/schemas/quotas';
import type { Issue } from '../diagnostics';
import { ORGANIZATION_POLICY_KINDS } from '../guardrails/policy-types';
import type { OrganizationPolicy } from './landing-zone';

/** `landingZoneFile` is where the organization-wide count is reported: where the attachments are. */
export function checkPolicyQuotas(policies: readonly OrganizationPolicy[], quotas: QuotasConfig, landingZoneFile: string): Issue[] {
  const issues: Issue[] = [];
  for (const policy of policies) {
    const issue = policySizeIssue(policy, quotas, policy.origin);
    if (issue) issues.push(issue);
  }
  for (const { type } of ORGANIZATION_POLICY_KINDS) {
    const count = policies.filter((policy) => policy.type === type).length;
    if (count > quotas.policiesPerOrganization) {
      issues.push({
        file: landingZoneFile,
        path: ['guardrails', 'attachments'],
        message: `${count} policies of type ${type} are attached, over quotas.policiesPerOrganization (${quotas.policiesPerOrganization})`,
      });
    }
  }
  return issues;
}
