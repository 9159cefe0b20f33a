/**
 * Suspending and closing: only workload accounts (the management account cannot be closed
 * by Organizations, and the log archive, the security account and Identity Center's
 * administrator hold what the rest relies on); the suspended OU exists, with deny-all
 * attached so that a suspended account can do nothing; nobody is granted access to a
 * suspended account; and AWS's closure quota (10% of member accounts, between 10 and 1,000,
 * in a rolling 30 days) is said when more accounts are closing than it allows. An active
 * workload account asked for in an OU where it can do nothing (the suspended OU, an OU that
 * deny-all reaches) is warned about: it would be created, then stopped.
 */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { resolveTarget } from '../policy-targets';
import { DENY_ALL, whyStopped } from '../stopped-units';

type Files = Pick<ConfigurationFiles<'organizationalUnits' | 'suspendedOrganizationalUnit' | 'guardrails' | 'identityCenter'>, 'landingZone' | 'accounts'>;

/** AWS Organizations' quota of accounts closed in a rolling 30 days. */
export function closureQuota(memberAccounts: number): number {
  return Math.min(1000, Math.max(10, Math.floor(memberAccounts / 10)));
}

export function accountLifecycle({ landingZone, accounts }: Files): Issue[] {
  const config = landingZone.config;
  const issues: Issue[] = [];
  for (const { file, config: account } of accounts) {
    const stopped = account.lifecycle === 'active' && account.role === 'workload' && account.ou !== undefined ? whyStopped(config, account.ou) : undefined;
    if (stopped !== undefined) {
      issues.push({
        file,
        path: ['ou'],
        severity: 'warning',
        message: `is ${account.ou}, where nothing can run (${stopped}): the account would be created active and then be unusable; choose another OU, or suspend an existing account with lifecycle: suspended`,
      });
    }
  }
  const leaving = accounts.filter((account) => account.config.lifecycle !== 'active');
  if (leaving.length === 0) return issues;
  const unit = config.suspendedOrganizationalUnit;
  const found = resolveTarget({ target: { kind: 'organizational-unit', path: unit }, fieldPath: ['suspendedOrganizationalUnit'] }, { landingZone, accounts });
  if (!found.found) {
    issues.push({ ...found.issue, message: `${found.issue.message}: ${leaving.map((account) => account.file).join(', ')} move there` });
  } else if (!(config.guardrails.attachments.organizationalUnits[unit]?.serviceControlPolicies ?? []).includes(DENY_ALL)) {
    issues.push({
      file: landingZone.file,
      path: ['suspendedOrganizationalUnit'],
      severity: 'warning',
      message: `${unit} has no ${DENY_ALL} attached: a suspended account there can still be used; attach it in guardrails.attachments.organizationalUnits`,
    });
  }
  for (const { file, config: account } of leaving) {
    if (account.role !== 'workload') {
      issues.push({
        file,
        path: ['lifecycle'],
        message: `is ${account.lifecycle}, but a ${account.role} account cannot leave: the landing zone depends on it`,
      });
    } else if (config.identityCenter?.delegatedAdministrator === account.name) {
      issues.push({
        file,
        path: ['lifecycle'],
        message: `is ${account.lifecycle}, but the account administers IAM Identity Center (identityCenter.delegatedAdministrator of ${landingZone.file})`,
      });
    }
    if (account.access.length > 0) {
      issues.push({ file, path: ['access'], severity: 'warning', message: `is ignored while the account is ${account.lifecycle}: nobody signs in to it` });
    }
  }
  const closing = leaving.filter((account) => account.config.lifecycle === 'closing');
  const quota = closureQuota(accounts.filter((account) => account.config.role !== 'management').length);
  if (closing.length > quota) {
    issues.push({
      file: closing[quota].file,
      path: ['lifecycle'],
      severity: 'warning',
      message: `${closing.length} accounts are closing, more than the ${quota} AWS Organizations closes in a rolling 30 days (10% of member accounts, between 10 and 1,000): the closures past it will fail until the window moves on`,
    });
  }
  return issues;
}
