/**
 * Exactly one management, one log-archive and one security account; the accounts that
 * landing-zone.yaml names as log archive and security are those, by name and by role.
 */
import { expectedOneOf, type Issue } from '../../diagnostics';
import type { AccountRole } from '../schemas/account';
import { ACCOUNTS_DIRECTORY, type ConfigurationFiles } from '../configuration-files';

const SINGLE_ROLES: readonly AccountRole[] = ['management', 'log-archive', 'security'];

export function coreAccounts({ landingZone, accounts }: Pick<ConfigurationFiles<'coreAccounts'>, 'landingZone' | 'accounts'>): Issue[] {
  const issues: Issue[] = [];
  for (const role of SINGLE_ROLES) {
    const holders = accounts.filter((account) => account.config.role === role);
    if (holders.length === 0) {
      issues.push({
        file: landingZone.file,
        path: [],
        message: `no account has role ${role}; add a request file under ${ACCOUNTS_DIRECTORY}/ with "role: ${role}"`,
      });
    }
    for (const extra of holders.slice(1)) {
      issues.push({ file: extra.file, path: ['role'], message: `${holders[0].file} already has role ${role}; an organization has exactly one` });
    }
  }
  const names = accounts.map((account) => account.config.name);
  const references: [keyof typeof landingZone.config.coreAccounts, AccountRole][] = [
    ['logArchive', 'log-archive'],
    ['security', 'security'],
  ];
  for (const [field, role] of references) {
    const name = landingZone.config.coreAccounts[field];
    const account = accounts.find((candidate) => candidate.config.name === name);
    if (!account) {
      issues.push({ file: landingZone.file, path: ['coreAccounts', field], message: expectedOneOf('the name of an account request', names, name) });
    } else if (account.config.role !== role) {
      issues.push({
        file: landingZone.file,
        path: ['coreAccounts', field],
        message: `names ${account.file}, whose role is ${account.config.role}; expected the account with role ${role}`,
      });
    }
  }
  return issues;
}
