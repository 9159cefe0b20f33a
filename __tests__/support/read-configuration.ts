/** The formatted issues of a configuration directory, as a user would read them, and where a line is. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, sortIssues } from '../../lib/diagnostics';
import { readConfiguration } from '../../lib/config/read-configuration';

/** The issues found without looking AWS's data up. */
export function issuesOf(directory: string): string[] {
  const reading = readConfiguration(directory);
  return sortIssues(reading.issues, reading.locate).map((issue) => formatIssue(issue, reading.locate));
}

/** Every issue of the configuration's files, those of the policies checked against AWS's data included. */
export async function allIssuesOf(directory: string): Promise<string[]> {
  const reading = readConfiguration(directory);
  const issues = [...reading.issues, ...(await reading.lookedUp)];
  return sortIssues(issues, reading.locate).map((issue) => formatIssue(issue, reading.locate));
}

/** The 1-based lines of `file` that start with `prefix` (after indentation). */
export function linesOf(directory: string, file: string, prefix: string): number[] {
  const lines = readFileSync(join(directory, file), 'utf8').split('\n');
  return lines.flatMap((line, index) => (line.trimStart().startsWith(prefix) ? [index + 1] : []));
}

/** The 1-based line of the first line of `file` that starts with `prefix` (after indentation). */
export function lineOf(directory: string, file: string, prefix: string): number {
  const [first] = linesOf(directory, file, prefix);
  if (first === undefined) throw new Error(`${file} has no line starting with ${prefix}`);
  return first;
}
