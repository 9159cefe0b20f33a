/**
 * A new account request file, as `npm run vend` writes it: the answers (flags or prompts)
 * turned into `accounts/<name>.yaml`, checked with every rule of the configuration on a
 * copy of it before anything is written. A refused request gets the messages validation
 * gives, each said of the answer it is about (`--email: ...`), since the file they would
 * name was never written; and no file.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadLandingZone } from '../app/load-landing-zone';
import { ACCOUNTS_DIRECTORY } from '../config/configuration-files';
import { copyConfiguration } from '../config/copy-configuration';
import { ACCOUNT_KEY } from '../config/read-configuration';
import { ConfigurationError, formatIssues, isError, type Issue, quoted, UserError } from '../diagnostics';

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

export type AnswerKey = keyof AccountAnswers;

/** The flag that gives each answer. */
export const ANSWER_FLAGS: { readonly [key in AnswerKey]: string } = {
  name: '--name',
  email: '--email',
  ou: '--ou',
  tags: '--tag',
  budget: '--budget',
  budgetEmails: '--budget-email',
  access: '--access',
  accountId: '--account-id',
};

/** What is wrong with one answer: `given` names it as it was given (`--tag "cost-center"`). */
export interface AnswerIssue {
  readonly answer: AnswerKey;
  readonly given: string;
  readonly message: string;
}

/** The request was refused: what is wrong with which answer, and the whole report in `message`. */
export class RequestRefused extends UserError {
  constructor(
    readonly answerIssues: readonly AnswerIssue[],
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}

function pairs(entries: readonly string[], flag: string, what: string): [string, string][] {
  return entries.map((entry) => {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new UserError(`${flag} ${JSON.stringify(entry.slice(0, 40))}: expected ${what}`);
    return [entry.slice(0, at), entry.slice(at + 1)];
  });
}

/** The request the answers make, as the file holds it. */
function requestOf(answers: AccountAnswers) {
  const access = new Map<string, string[]>();
  for (const [group, set] of pairs(answers.access, ANSWER_FLAGS.access, 'group=permission-set')) access.set(group, [...(access.get(group) ?? []), set]);
  return {
    name: answers.name,
    email: answers.email,
    ou: answers.ou,
    ...(answers.accountId === undefined ? {} : { accountId: answers.accountId }),
    tags: Object.fromEntries(pairs(answers.tags, ANSWER_FLAGS.tags, 'key=value')),
    ...(answers.budget === undefined && answers.budgetEmails.length === 0
      ? {}
      : { budget: { monthlyLimitUsd: answers.budget, alertEmails: [...answers.budgetEmails] } }),
    ...(access.size === 0 ? {} : { access: [...access].map(([group, permissionSets]) => ({ group, permissionSets })) }),
  };
}

/** The request file's content: what validation reads, in the order a reviewer reads it. */
export function requestFileText(answers: AccountAnswers): string {
  return `# yaml-language-server: $schema=../schemas/account.schema.json\n${stringify(requestOf(answers))}`;
}

/** The file a new account `name` is written to, relative to `directory`; refused when the name cannot name one or the account is requested already. */
export function newRequestFile(directory: string, name: string): string {
  if (!ACCOUNT_KEY.test(name)) {
    throw new UserError(
      `${ANSWER_FLAGS.name} ${JSON.stringify(name.slice(0, 50))} cannot name a request file: expected lowercase letters, digits and inner hyphens, at most 50`,
    );
  }
  const file = `${ACCOUNTS_DIRECTORY}/${name}.yaml`;
  if (existsSync(join(directory, file)) || existsSync(join(directory, file.replace(/\.yaml$/, '.yml')))) {
    throw new UserError(`${file} exists already: an account is requested once; edit that file to change it`);
  }
  return file;
}

/** The answer an issue of the request file is about, by the field it names; undefined for a field no answer gives. */
function answerIssueOf(issue: Issue, request: ReturnType<typeof requestOf>): AnswerIssue | undefined {
  const [head, index, field, item] = issue.path;
  const { message } = issue;
  switch (head) {
    case 'name':
    case 'email':
    case 'ou':
    case 'accountId':
      return { answer: head, given: ANSWER_FLAGS[head], message };
    case 'tags':
      return { answer: 'tags', given: index === undefined ? ANSWER_FLAGS.tags : `${ANSWER_FLAGS.tags} ${quoted(String(index))}`, message };
    case 'budget':
      if (index === 'alertEmails') {
        const email = typeof field === 'number' ? request.budget?.alertEmails[field] : undefined;
        return { answer: 'budgetEmails', given: email === undefined ? ANSWER_FLAGS.budgetEmails : `${ANSWER_FLAGS.budgetEmails} ${quoted(email)}`, message };
      }
      return { answer: 'budget', given: ANSWER_FLAGS.budget, message };
    case 'access': {
      const entry = typeof index === 'number' ? request.access?.[index] : undefined;
      const set = field === 'permissionSets' && typeof item === 'number' ? entry?.permissionSets[item] : undefined;
      return { answer: 'access', given: entry && set ? `${ANSWER_FLAGS.access} ${quoted(`${entry.group}=${set}`)}` : ANSWER_FLAGS.access, message };
    }
    default:
      return undefined;
  }
}

/** The refusal of a configuration error: the request file's errors said of the answers, the rest as validation says them. */
function refusal(error: ConfigurationError, file: string, request: ReturnType<typeof requestOf>): RequestRefused {
  const answerIssues: AnswerIssue[] = [];
  const rest: Issue[] = [];
  for (const issue of error.issues) {
    const answerIssue = issue.file === file && isError(issue) ? answerIssueOf(issue, request) : undefined;
    if (answerIssue) answerIssues.push(answerIssue);
    else rest.push(issue);
  }
  const lines = [
    ...(answerIssues.length === 0
      ? []
      : [
          `${answerIssues.length} ${answerIssues.length === 1 ? 'answer is' : 'answers are'} refused; nothing was written.`,
          ...answerIssues.map((issue) => `${issue.given}: ${issue.message}`),
        ]),
    ...(rest.some(isError) || answerIssues.length === 0 ? [formatIssues(rest, error.locate)] : []),
  ];
  return new RequestRefused(answerIssues, lines.join('\n'));
}

/** Writes the request into `directory` once the whole configuration with it passes every check; returns the file and the warnings. */
export async function vendAccount(directory: string, answers: AccountAnswers): Promise<{ readonly file: string; readonly warnings: string }> {
  const file = newRequestFile(directory, answers.name);
  const request = requestOf(answers);
  const text = requestFileText(answers);
  const trial = mkdtempSync(join(tmpdir(), 'landing-zone-vend-'));
  try {
    copyConfiguration(directory, trial);
    writeFileSync(join(trial, file), text);
    const { warnings } = await loadLandingZone(trial).catch((error: unknown) => {
      throw error instanceof ConfigurationError ? refusal(error, file, request) : error;
    });
    writeFileSync(join(directory, file), text);
    return { file, warnings };
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
}
