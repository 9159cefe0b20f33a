/**
 * Every policy fits its size quota, measured on the exact text that is synthesized
 * (whitespace counts), and the organization holds no more policies of a type than allowed.
 */
import type { QuotasConfig } from '../config/schemas/quotas';
import type { Issue } from '../diagnostics';
import type { OrganizationPolicy } from './landing-zone';

export function sizeQuotaOf(policy: OrganizationPolicy, quotas: QuotasConfig): { limit: number; name: string } {
  return policy.type === 'SERVICE_CONTROL_POLICY'
    ? { limit: quotas.serviceControlPolicySize, name: 'serviceControlPolicySize' }
    : { limit: quotas.tagPolicySize, name: 'tagPolicySize' };
}

/** `landingZoneFile` is where the organization-wide count is reported: where the attachments are. */
export function checkPolicyQuotas(policies: readonly OrganizationPolicy[], quotas: QuotasConfig, landingZoneFile: string): Issue[] {
  const issues: Issue[] = [];
  for (const policy of policies) {
    const { limit, name } = sizeQuotaOf(policy, quotas);
    const size = policy.content.length;
    if (size > limit) {
      issues.push({
        ...policy.origin,
        message: `policy ${policy.name} is ${size} characters as synthesized, ${size - limit} over quotas.${name} (${limit})`,
      });
    }
  }
  for (const type of ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'] as const) {
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
