/** The OUs that Security Hub settings are given for exist in the OU tree. */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { resolveTarget } from '../policy-targets';

export function securityHubUnits({
  landingZone,
  accounts,
}: Pick<ConfigurationFiles<'securityServices' | 'organizationalUnits'>, 'landingZone' | 'accounts'>): Issue[] {
  return Object.keys(landingZone.config.securityServices.securityHub.organizationalUnits).flatMap((path) => {
    const resolution = resolveTarget(
      { target: { kind: 'organizational-unit', path }, fieldPath: ['securityServices', 'securityHub', 'organizationalUnits', path] },
      { landingZone, accounts },
    );
    return resolution.found ? [] : [resolution.issue];
  });
}
