/**
 * `npm run vend` in a terminal without flags: asks for each answer and checks it as it is
 * given, with the schema of the field it fills (and the OUs, tag values and permission sets
 * the configuration has), asking again until it is right. The whole request is then checked
 * with the configuration; what that refuses is asked for again, every other answer kept.
 */
import type { z } from 'zod';
import type { LandingZoneConfig } from '../config/schemas/landing-zone';
import { AccountSchema, BudgetSchema } from '../config/schemas/account';
import { TagValueSchema } from '../config/schemas/common';
import { flattenOrganizationalUnits } from '../config/organizational-unit-paths';
import { parseWithSchema } from '../config/schema-issues';
import { expectedOneOf, UserError } from '../diagnostics';
import { type AccountAnswers, ANSWER_FLAGS, type AnswerKey, newRequestFile, RequestRefused, vendAccount } from './account-request';

/** How the interview talks: a question and its reply, a line said. */
export interface Conversation {
  ask(question: string): Promise<string>;
  tell(line: string): void;
}

/** A reply read into an answer, or what is wrong with it. */
type Reading<T> = { readonly value: T } | { readonly problem: string };

/** The first problem a schema finds with `value`, as validation words it. */
function schemaProblem(schema: z.ZodType, value: unknown): string | undefined {
  return parseWithSchema(schema, '', value).issues[0]?.message;
}

function checked<T>(value: T, ...problems: (string | undefined)[]): Reading<T> {
  const problem = problems.find((found) => found !== undefined);
  return problem === undefined ? { value } : { problem };
}

function list(reply: string): string[] {
  return reply
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Asks `question` until `read` accepts the reply. */
async function askUntilRead<T>(conversation: Conversation, question: string, read: (reply: string) => Reading<T>): Promise<T> {
  for (;;) {
    const reading = read((await conversation.ask(`${question}: `)).trim());
    if ('value' in reading) return reading.value;
    conversation.tell(`  ${reading.problem}`);
  }
}

/** Each answer's question and its check, against the configuration in `directory`. */
function questionsOf(directory: string, settings: LandingZoneConfig | undefined) {
  const units = settings ? flattenOrganizationalUnits(settings.organizationalUnits).map((unit) => unit.path) : [];
  const permissionSets = Object.keys(settings?.identityCenter?.permissionSets ?? {});
  const fieldSchema = AccountSchema.shape;
  return {
    name: async (conversation: Conversation) =>
      askUntilRead(conversation, 'Account name (lowercase letters, digits, hyphens)', (reply) => {
        try {
          newRequestFile(directory, reply);
          return checked(reply, schemaProblem(fieldSchema.name, reply));
        } catch (error) {
          if (error instanceof UserError) return { problem: error.message };
          throw error;
        }
      }),
    email: async (conversation: Conversation) =>
      askUntilRead(conversation, 'Root user email', (reply) => checked(reply, schemaProblem(fieldSchema.email, reply))),
    ou: async (conversation: Conversation) =>
      askUntilRead(conversation, `OU${units.length > 0 ? ` (${units.join(', ')})` : ''}`, (reply) =>
        checked(reply, units.length > 0 && !units.includes(reply) ? expectedOneOf('an OU of the configuration', units, reply) : undefined),
      ),
    tags: async (conversation: Conversation) => {
      const tags: string[] = [];
      for (const tag of settings?.requiredTags ?? []) {
        const allowed = tag.allowedValues;
        const value = await askUntilRead(conversation, `Tag ${tag.key}${allowed ? ` (${allowed.join(', ')})` : ''}`, (reply) =>
          checked(
            reply,
            schemaProblem(TagValueSchema, reply),
            allowed && !allowed.includes(reply) ? expectedOneOf(`a value of ${tag.key}`, allowed, reply) : undefined,
          ),
        );
        tags.push(`${tag.key}=${value}`);
      }
      return tags;
    },
    budget: async (conversation: Conversation) =>
      askUntilRead(conversation, 'Monthly budget in USD', (reply) => {
        const value = reply === '' ? Number.NaN : Number(reply);
        return checked(
          value,
          Number.isFinite(value)
            ? schemaProblem(BudgetSchema.shape.monthlyLimitUsd, value)
            : `expected a number of US dollars, got ${JSON.stringify(reply.slice(0, 40))}`,
        );
      }),
    budgetEmails: async (conversation: Conversation) =>
      askUntilRead(conversation, 'Budget alert emails, comma-separated', (reply) =>
        checked(list(reply), schemaProblem(BudgetSchema.shape.alertEmails, list(reply))),
      ),
    access: async (conversation: Conversation) =>
      askUntilRead(
        conversation,
        `Access, group=permission-set, comma-separated (empty for none${permissionSets.length > 0 ? `; ${permissionSets.join(', ')}` : ''})`,
        (reply) => {
          const entries = list(reply);
          const malformed = entries.find((entry) => !/^[^=]+=[^=]+$/.test(entry));
          const unknown = entries
            .map((entry) => entry.split('=')[1])
            .find((set) => set !== undefined && permissionSets.length > 0 && !permissionSets.includes(set));
          return checked(
            entries,
            malformed === undefined ? undefined : `expected group=permission-set, got ${JSON.stringify(malformed.slice(0, 40))}`,
            unknown === undefined ? undefined : expectedOneOf('a permission set of identityCenter', permissionSets, unknown),
          );
        },
      ),
  } satisfies { readonly [key in Exclude<AnswerKey, 'accountId'>]: (conversation: Conversation) => Promise<AccountAnswers[key]> };
}

/** Asks for a new account's answers, then writes its request once the configuration with it passes every check; returns what `vendAccount` does. */
export async function vendInteractively(
  directory: string,
  settings: LandingZoneConfig | undefined,
  conversation: Conversation,
): ReturnType<typeof vendAccount> {
  const questions = questionsOf(directory, settings);
  let answers: AccountAnswers = {
    name: await questions.name(conversation),
    email: await questions.email(conversation),
    ou: await questions.ou(conversation),
    tags: await questions.tags(conversation),
    budget: await questions.budget(conversation),
    budgetEmails: await questions.budgetEmails(conversation),
    access: await questions.access(conversation),
  };
  for (;;) {
    try {
      return await vendAccount(directory, answers);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const refused = error instanceof RequestRefused ? [...new Set(error.answerIssues.map((issue) => issue.answer))] : [];
      const askable = refused.filter((key): key is Exclude<AnswerKey, 'accountId'> => key !== 'accountId');
      if (askable.length === 0) throw new UserError(`${error.message}\n\nThe answers, to vend once that is fixed:\n  ${vendCommand(answers)}`);
      conversation.tell(error.message);
      conversation.tell('Again, then, for what was refused; every other answer is kept.');
      for (const key of askable) answers = { ...answers, [key]: await questions[key](conversation) };
    }
  }
}

/** A word for a POSIX shell: in single quotes unless it needs none. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that vends `answers` with flags. */
function vendCommand(answers: AccountAnswers): string {
  const flags: [string, string][] = [
    [ANSWER_FLAGS.name, answers.name],
    [ANSWER_FLAGS.email, answers.email],
    [ANSWER_FLAGS.ou, answers.ou],
    ...answers.tags.map((tag): [string, string] => [ANSWER_FLAGS.tags, tag]),
    ...(answers.budget === undefined ? [] : [[ANSWER_FLAGS.budget, String(answers.budget)] as [string, string]]),
    ...answers.budgetEmails.map((email): [string, string] => [ANSWER_FLAGS.budgetEmails, email]),
    ...answers.access.map((entry): [string, string] => [ANSWER_FLAGS.access, entry]),
  ];
  return ['npm run vend --', ...flags.map(([flag, value]) => `${flag} ${shellWord(value)}`)].join(' ');
}
