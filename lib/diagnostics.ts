/**
 * Problems found in the user's configuration, and how they are reported.
 *
 * A problem is never thrown where it is found: rules return issues, the loader collects
 * them all, and the caller reports them once, grouped by file (see `formatIssues`).
 */
import { closest, distance } from 'fastest-levenshtein';
import { compareText } from './text-order';

/** A dotted path to a field inside one file, e.g. `["alternateContacts", "security", "email"]`. */
export type FieldPath = readonly (string | number)[];

export type Severity = 'error' | 'warning';

export interface Issue {
  /** The file the problem is in, relative to the configuration directory. */
  readonly file: string;
  /** The field the problem is about; empty for the file as a whole. */
  readonly path: FieldPath;
  /** What is wrong: "expected ..., got ..." and, when known, the fix. */
  readonly message: string;
  /** @default 'error' */
  readonly severity?: Severity;
  /** The line, when the finder knows it better than the field path does (YAML syntax errors). */
  readonly line?: number;
}

/** A mistake of the user's: printed without a stack trace, exit code 1. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** The configuration has errors: carries every issue found, already formatted in `message`, and where each is. */
export class ConfigurationError extends UserError {
  constructor(
    readonly issues: readonly Issue[],
    message: string,
    readonly locate: LineLocator,
  ) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** Finds the line of a field, or `undefined` when the file or field has no position. */
export type LineLocator = (file: string, path: FieldPath) => number | undefined;

export function isError(issue: Issue): boolean {
  return (issue.severity ?? 'error') === 'error';
}

/** How many characters of a value from a file a message may show. */
const EXCERPT_LENGTH = 40;

/** Characters that print as nothing or move the text around: shown by their code. */
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * A value from a file as a message shows it: in quotes, control and invisible characters
 * escaped, and no more than a short excerpt, so that no message prints a file's content
 * (a secret pasted by mistake, or a file that is not configuration at all).
 */
export function quoted(value: string): string {
  const characters = [...value];
  const long = characters.length > EXCERPT_LENGTH;
  const text = JSON.stringify(long ? `${characters.slice(0, EXCERPT_LENGTH).join('')}…` : value).replace(
    INVISIBLE,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return long ? `${text} (${characters.length} characters)` : text;
}

/** A key of a file in a field path: as it is when short and plain, else quoted. */
function pathSegment(segment: string | number): string {
  const text = String(segment);
  return [...text].length <= EXCERPT_LENGTH && /^[^\p{Cc}".]+$/u.test(text) && !new RegExp(INVISIBLE.source).test(text) ? text : quoted(text);
}

export function formatFieldPath(path: FieldPath): string {
  return path.map(pathSegment).join('.');
}

/** `accounts/dev.yaml:7 ou: expected ..., got ...` */
export function formatIssue(issue: Issue, locate: LineLocator): string {
  const line = issue.line ?? locate(issue.file, issue.path);
  const where = line === undefined ? issue.file : `${issue.file}:${line}`;
  const field = issue.path.length > 0 ? ` ${formatFieldPath(issue.path)}:` : '';
  return `${where}${field} ${issue.message}`;
}

/** By file, then by line; issues about a file as a whole first. */
export function sortIssues(issues: readonly Issue[], locate: LineLocator): Issue[] {
  const located = issues.map((issue) => ({ issue, line: issue.line ?? locate(issue.file, issue.path) ?? 0 }));
  located.sort((a, b) => compareText(a.issue.file, b.issue.file) || a.line - b.line);
  return located.map(({ issue }) => issue);
}

function formatGroup(title: string, issues: readonly Issue[], locate: LineLocator): string[] {
  if (issues.length === 0) return [];
  const lines = [title];
  let previousFile: string | undefined;
  for (const issue of sortIssues(issues, locate)) {
    if (previousFile !== undefined && issue.file !== previousFile) lines.push('');
    lines.push(formatIssue(issue, locate));
    previousFile = issue.file;
  }
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Every error, then apart every warning, each group sorted by file and line; an issue said twice (two checks of one field that fail alike) is said once. */
export function formatIssues(issues: readonly Issue[], locate: LineLocator): string {
  const distinct = [...new Map(issues.map((issue) => [`${isError(issue)} ${formatIssue(issue, locate)}`, issue])).values()];
  const errors = distinct.filter(isError);
  const warnings = distinct.filter((issue) => !isError(issue));
  const sections = [
    formatGroup(`${plural(errors.length, 'error')} in the landing zone configuration; nothing was written.`, errors, locate),
    formatGroup(`${plural(warnings.length, 'warning')}:`, warnings, locate),
  ].filter((section) => section.length > 0);
  return sections.map((section) => section.join('\n')).join('\n\n');
}

/** `expected <what> (a, b, c), got "x"`, with a "did you mean" when one candidate is close; `(there is none)` when there is none. */
export function expectedOneOf(what: string, candidates: readonly string[], received: string): string {
  const shown = candidates.length > 12 ? [...candidates.slice(0, 12), '...'] : candidates;
  return `expected ${what} (${shown.length > 0 ? shown.join(', ') : 'there is none'}), got ${quoted(received)}${didYouMean(candidates, received)}`;
}

/** Longer text is no misspelling of a name: comparing it would only cost time. */
const LONGEST_MISSPELLING = 100;

export function didYouMean(candidates: readonly string[], received: string): string {
  if (candidates.length === 0 || received.length > LONGEST_MISSPELLING) return '';
  const best = closest(received, [...candidates]);
  const tolerance = Math.max(2, Math.floor(received.length / 3));
  return distance(received, best) <= tolerance ? `; did you mean ${JSON.stringify(best)}?` : '';
}
