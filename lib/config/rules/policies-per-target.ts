/** No target carries more policies of a type than the quota allows; AWS's FullAWSAccess takes one SCP slot of every target. */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { attachableTargets } from './guardrail-targets';

/** AWS attaches FullAWSAccess to every root, OU and account. */
const FULL_AWS_ACCESS_SLOTS = 1;

export function policiesPerTarget(files: Pick<ConfigurationFiles<'guardrails' | 'organizationalUnits' | 'quotas'>, 'landingZone' | 'accounts'>): Issue[] {
  const { quotas } = files.landingZone.config;
  const limits = [
    {
      field: 'serviceControlPolicies',
      limit: quotas.serviceControlPoliciesPerTarget - FULL_AWS_ACCESS_SLOTS,
      name: 'serviceControlPoliciesPerTarget, less one for FullAWSAccess',
    },
    { field: 'tagPolicies', limit: quotas.tagPoliciesPerTarget, name: 'tagPoliciesPerTarget' },
  ] as const;
  return attachableTargets(files).flatMap(({ fieldPath, value }) =>
    limits
      .filter(({ field, limit }) => value[field].length > limit)
      .map(({ field, limit, name }) => ({
        file: files.landingZone.file,
        path: [...fieldPath, field],
        message: `${value[field].length} policies here, over quotas.${name} (${limit})`,
      })),
  );
}
