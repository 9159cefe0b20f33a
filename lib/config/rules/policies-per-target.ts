/**
 * No target carries more policies of a type than the quota allows; the policy AWS attaches
 * to every target of a type of its own (FullAWSAccess, RCPFullAWSAccess) takes one slot.
 */
import type { Issue } from '../../diagnostics';
import { ORGANIZATION_POLICY_KINDS } from '../../guardrails/policy-types';
import type { ConfigurationFiles } from '../configuration-files';
import { perTargetQuotaOf } from '../policy-size';
import { attachableTargets } from './guardrail-targets';

export function policiesPerTarget(files: Pick<ConfigurationFiles<'guardrails' | 'organizationalUnits' | 'quotas'>, 'landingZone' | 'accounts'>): Issue[] {
  const { quotas } = files.landingZone.config;
  return attachableTargets(files).flatMap(({ fieldPath, value }) =>
    ORGANIZATION_POLICY_KINDS.flatMap((kind): Issue[] => {
      const quota = perTargetQuotaOf(kind.type, quotas);
      const awsManaged = 'awsManagedPolicy' in kind ? kind.awsManagedPolicy : undefined;
      const limit = quota.limit - (awsManaged ? 1 : 0);
      const count = value[kind.attachmentKey].length;
      if (count <= limit) return [];
      const name = awsManaged ? `${quota.name}, less one for ${awsManaged}` : quota.name;
      return [{ file: files.landingZone.file, path: [...fieldPath, kind.attachmentKey], message: `${count} policies here, over quotas.${name} (${limit})` }];
    }),
  );
}
