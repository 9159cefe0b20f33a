/**
 * The commands that the sample pipelines (GitHub's workflows, the GitLab file) and the
 * README run, held to the project: npm scripts that exist, and the options each command
 * line tool of lib/cli says it takes in its `--help` (commander's), rather than a list of
 * its options kept beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY, runEntry } from './example-config';

const SCRIPTS: Record<string, string> = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')).scripts;

const helps = new Map<string, string>();

/** The `--help` of `entry` (a file of lib/cli), or of its `command`. */
function helpOf(entry: string, command?: string): string {
  const key = command === undefined ? entry : `${entry} ${command}`;
  let help = helps.get(key);
  if (help === undefined) {
    const result = runEntry(entry, [...(command === undefined ? [] : [command]), '--help'], { TERRAFORM_BINARY: '' });
    if (result.status !== 0) throw new Error(`${key} --help failed: ${result.stderr}`);
    help = result.stdout;
    helps.set(key, help);
  }
  return help;
}

/** Each option of the help but --help, as its flags (`--concurrency <count>`), with commander's default when it shows one. */
export function optionsOf(entry: string, command?: string): Map<string, string | undefined> {
  const section = helpOf(entry, command).split('\nOptions:\n')[1] ?? '';
  const options = new Map<string, string | undefined>();
  for (const entryText of section.split(/\n(?= {2}-)/)) {
    const flags = /^ {2}(-[^ ]+(?: <[^>]+>)?)/.exec(entryText)?.[1];
    if (!flags || flags.startsWith('-h,')) continue;
    const value = /default: ("[^"]*"|[^),\s]+)/.exec(entryText.replace(/\s+/g, ' '))?.[1];
    options.set(flags, value?.replace(/^"(.*)"$/, '$1'));
  }
  return options;
}

/** Every `npm run <script>` of `commands` is a script of package.json, and `--silent` wherever its output is redirected. */
export function expectScriptsThatExist(commands: string): void {
  const scripts = [...commands.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(Object.keys(SCRIPTS)).toContain(script);
  // npm prints a banner of the script to standard output: a JSON file written through a
  // redirection would start with it.
  for (const line of commands.split('\n').filter((line) => /npm run .*>/.test(line))) expect(line).toMatch(/npm run --silent /);
}

/** Every `npm run --silent <tool> -- <options>` of `text` names a tool of lib/cli and options it has. */
export function expectKnownOptions(text: string): void {
  const uses = [...text.matchAll(/npm run (?:--silent )?([\w-]+) -- ([^\n`&|;]*)/g)];
  expect(uses.length).toBeGreaterThan(0);
  for (const [, script, args] of uses) {
    const entry = /^tsx (\S+)$/.exec(SCRIPTS[script] ?? '')?.[1];
    if (!entry) throw new Error(`${script} is not a command line tool of lib/cli`);
    // A tool with commands (waves plan, waves report): the command's own options. "$MODE" is plan, apply or drift, which share theirs.
    const first = /^"?([$\w-]+)"?/.exec(args)?.[1] ?? '';
    const command = first === '$MODE' ? 'plan' : /^[a-z][\w-]*$/.test(first) ? first : undefined;
    const help = helpOf(entry, command);
    for (const option of args.replace(/#.*/, '').match(/--[\w-]+/g) ?? []) expect(`${script} ${help}`).toMatch(new RegExp(`${script} [^]*${option}(?![\\w-])`));
  }
}
