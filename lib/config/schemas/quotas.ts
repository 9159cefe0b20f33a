/** The `quotas` section of landing-zone.yaml: the AWS Organizations quotas validation enforces. */
import { z } from 'zod';

/**
 * AWS Organizations quotas, as the current AWS quota page gives them (SCP figures since May
 * 2026). Per target, RCPFullAWSAccess takes one of the five RCP slots as FullAWSAccess takes
 * one of the SCP slots; the other types have no policy of AWS's own.
 */
export const AWS_ORGANIZATIONS_QUOTAS = {
  serviceControlPolicySize: 10_240,
  serviceControlPoliciesPerTarget: 10,
  tagPolicySize: 10_000,
  tagPoliciesPerTarget: 10,
  resourceControlPolicySize: 5_120,
  resourceControlPoliciesPerTarget: 5,
  declarativePolicySize: 10_000,
  declarativePoliciesPerTarget: 10,
  backupPolicySize: 10_000,
  backupPoliciesPerTarget: 10,
  aiServicesOptOutPolicySize: 2_500,
  aiServicesOptOutPoliciesPerTarget: 5,
  policiesPerOrganization: 1_000,
  organizationalUnitDepth: 5,
} as const;

type QuotaName = keyof typeof AWS_ORGANIZATIONS_QUOTAS;

function quota(name: QuotaName, what: string) {
  const limit = AWS_ORGANIZATIONS_QUOTAS[name];
  return z
    .number()
    .int()
    .positive()
    .max(limit, { error: `may only lower the AWS quota, which is ${limit}` })
    .default(limit)
    .describe(`${what} (AWS: ${limit}); set lower to keep a margin.`);
}

export const QuotasSchema = z
  .strictObject({
    serviceControlPolicySize: quota('serviceControlPolicySize', 'Characters of one SCP as synthesized, whitespace included'),
    serviceControlPoliciesPerTarget: quota('serviceControlPoliciesPerTarget', 'SCPs attached to one root, OU or account, FullAWSAccess included'),
    tagPolicySize: quota('tagPolicySize', 'Characters of one tag policy'),
    tagPoliciesPerTarget: quota('tagPoliciesPerTarget', 'Tag policies attached to one root, OU or account'),
    resourceControlPolicySize: quota('resourceControlPolicySize', 'Characters of one RCP as synthesized, whitespace included'),
    resourceControlPoliciesPerTarget: quota('resourceControlPoliciesPerTarget', 'RCPs attached to one root, OU or account, RCPFullAWSAccess included'),
    declarativePolicySize: quota('declarativePolicySize', 'Characters of one declarative policy'),
    declarativePoliciesPerTarget: quota('declarativePoliciesPerTarget', 'Declarative policies attached to one root, OU or account'),
    backupPolicySize: quota('backupPolicySize', 'Characters of one backup policy'),
    backupPoliciesPerTarget: quota('backupPoliciesPerTarget', 'Backup policies attached to one root, OU or account'),
    aiServicesOptOutPolicySize: quota('aiServicesOptOutPolicySize', 'Characters of one AI services opt-out policy'),
    aiServicesOptOutPoliciesPerTarget: quota('aiServicesOptOutPoliciesPerTarget', 'AI services opt-out policies attached to one root, OU or account'),
    policiesPerOrganization: quota('policiesPerOrganization', 'Policies of one type in the organization'),
    organizationalUnitDepth: quota('organizationalUnitDepth', 'Levels of OUs under the root'),
  })
  .describe('AWS Organizations quotas that validation enforces.');

export type QuotasConfig = z.output<typeof QuotasSchema>;
