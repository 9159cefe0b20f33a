/** The formatted issues of a configuration directory, as a user would read them. */
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
