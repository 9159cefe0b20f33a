/**
 * Identity Center runs in a governed region (its changes are then forwarded as alerts), and
 * a delegated administrator is an existing member account: its stack must reach it by id
 * before any account stack, which needs the permission sets, is applied.
 */
import { expectedOneOf, type Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

export function identityCenterAdministrator({
  landingZone,
  accounts,
}: Pick<ConfigurationFiles<'identityCenter' | 'governedRegions'>, 'landingZone' | 'accounts'>): Issue[] {
  const { identityCenter, governedRegions } = landingZone.config;
  if (!identityCenter) return [];
  const issues: Issue[] = [];
  if (identityCenter.region !== undefined && !governedRegions.includes(identityCenter.region)) {
    issues.push({
      file: landingZone.file,
      path: ['identityCenter', 'region'],
      message: expectedOneOf('a governed region', governedRegions, identityCenter.region),
    });
  }
  const name = identityCenter.delegatedAdministrator;
  if (name !== undefined) {
    const account = accounts.find((candidate) => candidate.config.name === name);
    const path = ['identityCenter', 'delegatedAdministrator'];
    if (!account)
      issues.push({
        file: landingZone.file,
        path,
        message: expectedOneOf(
          'the name of an account request',
          accounts.map((candidate) => candidate.config.name),
          name,
        ),
      });
    else if (account.config.role === 'management')
      issues.push({ file: landingZone.file, path, message: 'names the management account, which administers Identity Center anyway; remove it' });
    else if (account.config.accountId === undefined) {
      issues.push({
        file: landingZone.file,
        path,
        message: `names ${account.file}, which has no accountId: the administrator must exist before the landing zone's first apply; give its id`,
      });
    }
  }
  return issues;
}
