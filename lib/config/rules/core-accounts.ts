/**
 * Exactly one management, one log-archive and one security account; the accounts that
 * landing-zone.yaml names as log archive and security are those, by name and by role. Each
 * of the two stays in the OU `coreAccounts.organizationalUnits` gives it: a request file
 * that moves one elsewhere is refused unless that field moves it too, so that the move is
 * a deliberate change of landing-zone.yaml a reviewer sees; and never into an OU where
 * nothing can run (the suspended OU, or where deny-all reaches), since every account's logs
 * and security services depend on them. The management account stays at the root
 * (accountPlacement).
 */
import { expectedOneOf, type Issue } from '../../diagnostics';
import type { AccountRole } from '../schemas/account';
import { ACCOUNTS_DIRECTORY, type ConfigurationFiles } from '../configuration-files';
import { flattenOrganizationalUnits } from '../organizational-unit-paths';
import { whyStopped } from '../stopped-units';

const SINGLE_ROLES: readonly AccountRole[] = ['management', 'log-archive', 'security'];

type Files = Pick<ConfigurationFiles<'coreAccounts' | 'organizationalUnits' | 'suspendedOrganizationalUnit' | 'guardrails'>, 'landingZone' | 'accounts'>;

export function coreAccounts({ landingZone, accounts }: Files): Issue[] {
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
  const config = landingZone.config;
  const names = accounts.map((account) => account.config.name);
  const ouPaths = flattenOrganizationalUnits(config.organizationalUnits).map((ou) => ou.path);
  const references: [Exclude<keyof typeof config.coreAccounts, 'organizationalUnits'>, AccountRole][] = [
    ['logArchive', 'log-archive'],
    ['security', 'security'],
  ];
  for (const [field, role] of references) {
    const name = config.coreAccounts[field];
    const unit = config.coreAccounts.organizationalUnits[field];
    const unitField = ['coreAccounts', 'organizationalUnits', field];
    const stopped = whyStopped(config, unit);
    if (!ouPaths.includes(unit)) {
      issues.push({ file: landingZone.file, path: unitField, message: expectedOneOf(`an OU from ${landingZone.file}`, ouPaths, unit) });
    } else if (stopped !== undefined) {
      issues.push({
        file: landingZone.file,
        path: unitField,
        message: `is ${unit}, where nothing can run (${stopped}), but every account's logs and security services depend on the ${role} account: keep it in an OU where it works`,
      });
    }
    const account = accounts.find((candidate) => candidate.config.name === name);
    if (!account) {
      issues.push({ file: landingZone.file, path: ['coreAccounts', field], message: expectedOneOf('the name of an account request', names, name) });
    } else if (account.config.role !== role) {
      issues.push({
        file: landingZone.file,
        path: ['coreAccounts', field],
        message: `names ${account.file}, whose role is ${account.config.role}; expected the account with role ${role}`,
      });
    } else if (account.config.ou !== undefined && account.config.ou !== unit) {
      issues.push({
        file: account.file,
        path: ['ou'],
        message: `moves the ${role} account to ${account.config.ou}, but it stays in ${unit} (coreAccounts.organizationalUnits.${field} of ${landingZone.file}): a core account moves only when that field names its new OU too`,
      });
    }
  }
  return issues;
}
