/** The size and per-target quotas of each type of organization policy, and the issue of a policy over its size. */
import type { Issue } from '../diagnostics';
import type { FieldPath } from '../diagnostics';
import type { OrganizationPolicyType } from '../guardrails/policy-types';
import type { QuotasConfig } from './schemas/quotas';

type QuotaName = keyof QuotasConfig;

const QUOTAS_OF_TYPE: Readonly<Record<OrganizationPolicyType, { readonly size: QuotaName; readonly perTarget: QuotaName }>> = {
  SERVICE_CONTROL_POLICY: { size: 'serviceControlPolicySize', perTarget: 'serviceControlPoliciesPerTarget' },
  TAG_POLICY: { size: 'tagPolicySize', perTarget: 'tagPoliciesPerTarget' },
  RESOURCE_CONTROL_POLICY: { size: 'resourceControlPolicySize', perTarget: 'resourceControlPoliciesPerTarget' },
  DECLARATIVE_POLICY_EC2: { size: 'declarativePolicySize', perTarget: 'declarativePoliciesPerTarget' },
  AISERVICES_OPT_OUT_POLICY: { size: 'aiServicesOptOutPolicySize', perTarget: 'aiServicesOptOutPoliciesPerTarget' },
  BACKUP_POLICY: { size: 'backupPolicySize', perTarget: 'backupPoliciesPerTarget' },
};

export function sizeQuotaOf(type: OrganizationPolicyType, quotas: QuotasConfig): { readonly limit: number; readonly name: string } {
  const name = QUOTAS_OF_TYPE[type].size;
  return { limit: quotas[name], name };
}

/** How many policies of the type one root, OU or account may have attached, AWS's own policy of the type included. */
export function perTargetQuotaOf(type: OrganizationPolicyType, quotas: QuotasConfig): { readonly limit: number; readonly name: string } {
  const name = QUOTAS_OF_TYPE[type].perTarget;
  return { limit: quotas[name], name };
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
