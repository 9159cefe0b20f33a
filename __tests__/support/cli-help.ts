/**
 * What a command line tool of lib/cli says it takes, read from its `--help` (commander's),
 * so that tests of the documentation and the sample pipelines compare against the tool
 * itself rather than a list of its options kept beside it.
 */
import { runEntry } from './example-config';

const helps = new Map<string, string>();

/** The `--help` of `entry` (a file of lib/cli), or of its `command`. */
export function helpOf(entry: string, command?: string): string {
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
