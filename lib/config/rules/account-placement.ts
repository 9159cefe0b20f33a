/**
 * Every member account names an OU that exists; the management account stays at the
 * root and, since it exists before the landing zone does, carries its account id.
 */
import { expectedOneOf, type Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { flattenOrganizationalUnits } from '../organizational-unit-paths';

export function accountPlacement({ landingZone, accounts }: Pick<ConfigurationFiles<'organizationalUnits'>, 'landingZone' | 'accounts'>): Issue[] {
  const ouPaths = flattenOrganizationalUnits(landingZone.config.organizationalUnits).map((ou) => ou.path);
  const issues: Issue[] = [];
  for (const { file, config } of accounts) {
    if (config.role === 'management') {
      if (config.ou !== undefined) {
        issues.push({ file, path: ['ou'], message: 'the management account stays at the organization root; remove "ou"' });
      }
      if (config.accountId === undefined) {
        issues.push({
          file,
          path: ['accountId'],
          message: 'is required for the management account, which exists before the landing zone (the 12-digit id of the account that owns the organization)',
        });
      }
    } else if (config.ou === undefined) {
      issues.push({ file, path: ['ou'], message: `is required (expected an OU path from ${landingZone.file}: ${ouPaths.join(', ')})` });
    } else if (!ouPaths.includes(config.ou)) {
      issues.push({ file, path: ['ou'], message: expectedOneOf(`an OU from ${landingZone.file}`, ouPaths, config.ou) });
    }
  }
  return issues;
}
