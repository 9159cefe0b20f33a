/** The size quota of each type of organization policy, and the issue of a policy over it. */
import type { Issue } from '../diagnostics';
import type { FieldPath } from '../diagnostics';
import type { OrganizationPolicyType } from '../guardrails/guardrail';
import type { QuotasConfig } from './schemas/quotas';

export function sizeQuotaOf(type: OrganizationPolicyType, quotas: QuotasConfig): { readonly limit: number; readonly name: string } {
  return type === 'SERVICE_CONTROL_POLICY'
    ? { limit: quotas.serviceControlPolicySize, name: 'serviceControlPolicySize' }
    : { limit: quotas.tagPolicySize, name: 'tagPolicySize' };
}

/** Measured on the exact text that is synthesized, whitespace included, as AWS counts it. */
export function policySizeIssue(
  policy: { readonly name: string; readonly type: OrganizationPolicyType; readonly content: string },
  quotas: QuotasConfig,
  at: { readonly file: string; readonly path: FieldPath },
): Issue | undefined {
  const { limit, name } = sizeQuotaOf(policy.type, quotas);
  const size = policy.content.length;
  if (size <= limit) return undefined;
  return { ...at, message: `policy ${policy.name} is ${size} characters as synthesized, ${size - limit} over quotas.${name} (${limit})` };
}
