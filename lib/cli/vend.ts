/**
 * `npm run vend`: writes the request file of a new account, `accounts/<name>.yaml`, once it
 * passes every check of the configuration; refused, it prints what validation says and
 * writes nothing.
 *
 *   npm run vend -- --name payments-qa --email aws-payments-qa@example.com --ou Workloads/NonProd \
 *     --tag owner=payments --tag environment=nonprod --tag cost-center=4200 \
 *     --budget 300 --budget-email payments-leads@example.com --access payments-developers=Developer
 *
 * Run in a terminal without flags, it asks for each answer instead, checking each as it is
 * given; never in CI.
 */
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { readConfiguration } from '../config/read-configuration';
import { UserError } from '../diagnostics';
import { type AccountAnswers, ANSWER_FLAGS, vendAccount } from '../vending/account-request';
import { type Conversation, vendInteractively } from '../vending/interview';
import { chosenConfigurationDirectory, CONFIG_DIR_VARIABLE } from './configuration-directory';
import { runCommand } from './run-command';

interface VendOptions {
  readonly configDir?: string;
  readonly name?: string;
  readonly email?: string;
  readonly ou?: string;
  readonly tag: string[];
  readonly budget?: string;
  readonly budgetEmail: string[];
  readonly access: string[];
  readonly accountId?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** A conversation on the terminal, closed once `talk` is done. */
async function withConversation<T>(talk: (conversation: Conversation) => Promise<T>): Promise<T> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await talk({ ask: (question) => prompt.question(question), tell: (line) => console.log(line) });
  } finally {
    prompt.close();
  }
}

function answersOf(options: VendOptions): AccountAnswers {
  const missing = [
    ...(['name', 'email', 'ou', 'budget'] as const).filter((answer) => options[answer] === undefined).map((answer) => ANSWER_FLAGS[answer]),
    ...(options.budgetEmail.length === 0 ? [ANSWER_FLAGS.budgetEmails] : []),
  ];
  if (missing.length > 0)
    throw new UserError(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required (run it in a terminal without flags to be asked)`);
  const budget = options.budget === undefined ? undefined : Number(options.budget);
  if (budget !== undefined && !Number.isFinite(budget)) throw new UserError(`--budget ${JSON.stringify(options.budget)}: expected a number of US dollars`);
  return {
    name: options.name!,
    email: options.email!,
    ou: options.ou!,
    tags: options.tag,
    budget,
    budgetEmails: options.budgetEmail,
    access: options.access,
    accountId: options.accountId,
  };
}

const program = new Command('vend')
  .description('Write the request file of a new account, accounts/<name>.yaml, once the configuration with it passes every check.')
  .option('-c, --config-dir <dir>', `configuration directory (default: $${CONFIG_DIR_VARIABLE}, else the working directory)`)
  .option(`${ANSWER_FLAGS.name} <name>`, 'the account name, which names the file: lowercase letters, digits, hyphens')
  .option(`${ANSWER_FLAGS.email} <email>`, 'the root user email, unique across AWS')
  .option(`${ANSWER_FLAGS.ou} <path>`, 'the OU path, such as Workloads/NonProd')
  .option(`${ANSWER_FLAGS.tags} <key=value>`, 'a tag of the account (repeat for each)', collect, [])
  .option(`${ANSWER_FLAGS.budget} <usd>`, 'the monthly budget, in US dollars')
  .option(`${ANSWER_FLAGS.budgetEmails} <email>`, 'who is told when the budget is crossed (repeat for each)', collect, [])
  .option(`${ANSWER_FLAGS.access} <group=permission-set>`, 'a permission set granted to a group on the account (repeat for each)', collect, [])
  .option(`${ANSWER_FLAGS.accountId} <id>`, 'an existing account to adopt instead of creating one')
  .action((options: VendOptions) =>
    runCommand(async () => {
      const { directory, findIt } = chosenConfigurationDirectory(options.configDir);
      const { files } = readConfiguration(directory, findIt);
      const noFlags =
        [options.name, options.email, options.ou, options.budget, options.accountId].every((value) => value === undefined) &&
        options.tag.length + options.budgetEmail.length + options.access.length === 0;
      const interactive = noFlags && process.stdin.isTTY === true && process.stdout.isTTY === true && !process.env.CI;
      const { file, warnings } = interactive
        ? await withConversation((conversation) => vendInteractively(directory, files?.landingZone.config, conversation))
        : await vendAccount(directory, answersOf(options));
      if (warnings) console.warn(warnings);
      console.log(`wrote ${file}: open a pull request with it; the review will show the account's two new stacks and what reaches it`);
    }),
  );

void program.parseAsync();
