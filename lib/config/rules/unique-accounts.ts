/** Account names, root emails and account ids are unique across all request files. */
import type { Issue } from '../../diagnostics';
import type { AccountRequest, ConfigurationFiles } from '../configuration-files';

function duplicatesOf(accounts: readonly AccountRequest[], field: 'name' | 'email' | 'accountId', normalise: (value: string) => string): Issue[] {
  const firstSeen = new Map<string, AccountRequest>();
  const issues: Issue[] = [];
  for (const account of accounts) {
    const value = account.config[field];
    if (value === undefined) continue;
    const first = firstSeen.get(normalise(value));
    if (first) {
      issues.push({ file: account.file, path: [field], message: `${JSON.stringify(value)} is already used by ${first.file}; each account needs its own` });
    } else {
      firstSeen.set(normalise(value), account);
    }
  }
  return issues;
}

export function uniqueAccounts({ accounts }: Pick<ConfigurationFiles, 'accounts'>): Issue[] {
  return [
    ...duplicatesOf(accounts, 'name', (name) => name.toLowerCase()),
    ...duplicatesOf(accounts, 'email', (email) => email.toLowerCase()),
    ...duplicatesOf(accounts, 'accountId', (id) => id),
  ];
}
