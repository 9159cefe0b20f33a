/** The formatted issues of a configuration directory, as a user would read them. */
import { formatIssue, sortIssues } from '../../lib/diagnostics';
import { readConfiguration } from '../../lib/config/read-configuration';

export function issuesOf(directory: string): string[] {
  const reading = readConfiguration(directory);
  return sortIssues(reading.issues, reading.locate).map((issue) => formatIssue(issue, reading.locate));
}
