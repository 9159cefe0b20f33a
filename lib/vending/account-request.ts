/**
 * A new account request file, as `npm run vend` writes it: the answers (flags or prompts)
 * turned into `accounts/<name>.yaml`, checked with every rule of the configuration on a
 * copy of it before anything is written. A refused request gets the same messages
 * validation gives, and no file.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadLandingZone } from '../app/load-landing-zone';
import { ACCOUNTS_DIRECTORY } from '../config/configuration-files';
import { copyConfiguration } from '../config/copy-configuration';
import { ACCOUNT_KEY } from '../config/read-configuration';
import { UserError } from '../diagnostics';

export interface AccountAnswers {
  readonly name: string;
  readonly email: string;
  readonly ou: string;
  /** `key=value` each. */
  readonly tags: readonly string[];
  readonly budget?: number;
  readonly budgetEmails: readonly string[];
  /** `group=permission set` each. */
  readonly access: readonly string[];
  readonly accountId?: string;
}

function pairs(entries: readonly string[], flag: string, what: string): [string, string][] {
  return entries.map((entry) => {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new UserError(`${flag} ${JSON.stringify(entry.slice(0, 40))}: expected ${what}`);
    return [entry.slice(0, at), entry.slice(at + 1)];
  });
}

/** The request file's content: what validation reads, in the order a reviewer reads it. */
export function requestFileText(answers: AccountAnswers): string {
  const access = new Map<string, string[]>();
  for (const [group, set] of pairs(answers.access, '--access', 'group=permission-set')) access.set(group, [...(access.get(group) ?? []), set]);
  const request = {
    name: answers.name,
    email: answers.email,
    ou: answers.ou,
    ...(answers.accountId === undefined ? {} : { accountId: answers.accountId }),
    tags: Object.fromEntries(pairs(answers.tags, '--tag', 'key=value')),
    ...(answers.budget === undefined && answers.budgetEmails.length === 0
      ? {}
      : { budget: { monthlyLimitUsd: answers.budget, alertEmails: [...answers.budgetEmails] } }),
    ...(access.size === 0 ? {} : { access: [...access].map(([group, permissionSets]) => ({ group, permissionSets })) }),
  };
  return `# yaml-language-server: $schema=../schemas/account.schema.json\n${stringify(request)}`;
}

/** The file `answers` would be written to, relative to the configuration directory. */
export function requestFileOf(answers: Pick<AccountAnswers, 'name'>): string {
  if (!ACCOUNT_KEY.test(answers.name)) {
    throw new UserError(
      `--name ${JSON.stringify(answers.name.slice(0, 50))} cannot name a request file: expected lowercase letters, digits and inner hyphens, at most 50`,
    );
  }
  return `${ACCOUNTS_DIRECTORY}/${answers.name}.yaml`;
}

/** Writes the request into `directory` once the whole configuration with it passes every check; returns the file and the warnings. */
export async function vendAccount(directory: string, answers: AccountAnswers): Promise<{ readonly file: string; readonly warnings: string }> {
  const file = requestFileOf(answers);
  if (existsSync(join(directory, file)) || existsSync(join(directory, file.replace(/\.yaml$/, '.yml')))) {
    throw new UserError(`${file} exists already: an account is requested once; edit that file to change it`);
  }
  const text = requestFileText(answers);
  const trial = mkdtempSync(join(tmpdir(), 'landing-zone-vend-'));
  try {
    copyConfiguration(directory, trial);
    writeFileSync(join(trial, file), text);
    const { warnings } = await loadLandingZone(trial);
    writeFileSync(join(directory, file), text);
    return { file, warnings };
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
}
