/**
 * Identity Center runs in a governed region (its changes are then forwarded as alerts), and
 * a delegated administrator is an existing member account: its stack must reach it by id
 * before any account stack, which needs the permission sets, is applied. The management
 * stack registers it, in the first wave: Identity Center must be enabled by then, which an
 * organization the landing zone creates is not (it can be enabled only once the
 * organization exists), and which has no member account to adopt either.
 */
import { expectedOneOf, type Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

export function identityCenterAdministrator({
  landingZone,
  accounts,
}: Pick<ConfigurationFiles<'identityCenter' | 'governedRegions' | 'organization'>, 'landingZone' | 'accounts'>): Issue[] {
  const { identityCenter, governedRegions, organization } = landingZone.config;
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
    } else if (organization.existingOrganizationId === undefined) {
      issues.push({
        file: landingZone.file,
        path,
        message:
          'is registered by the management stack, which also creates the organization: Identity Center cannot be enabled before that, and registering needs it enabled. ' +
          'Leave delegatedAdministrator out until management is applied and Identity Center enabled, or adopt an existing organization (organization.existingOrganizationId)',
      });
    }
  }
  return issues;
}
