/**
 * A configuration file parsed with its source positions, whatever its syntax (YAML, JSON),
 * so that an issue about a field can name the line the field is on; and what is refused in
 * the data of any file before its schema looks at it.
 */
import { quoted, type FieldPath, type Issue } from '../diagnostics';

export interface SourceDocument {
  /** Path relative to the configuration directory, as shown to the user. */
  readonly file: string;
  /** The parsed content, plain JavaScript values. */
  readonly data: unknown;
  /** The line of the field at `path`, or of its nearest ancestor that exists (1-based); none for the file as a whole. */
  lineOf(path: FieldPath): number | undefined;
}

export interface ParsedSource {
  readonly source?: SourceDocument;
  readonly issues: readonly Issue[];
}

/**
 * How deep lists and maps may nest in a file, aliases expanded. Far above any real document
 * (an IAM policy nests 6 levels, a CloudFormation template or an Automation runbook with
 * nested intrinsic functions and branches about 15) and far below the depth at which a
 * recursive reader of this process runs out of stack (measured: the YAML composer from
 * about 800 levels, the JSON reader from 1,700 to 3,900, as deep as the stack already is
 * when it starts). Each parser checks it before anything recursive reads the file, so
 * that every walk over the data after it (the schemas, the checks of this file, the
 * escaping of text for Terraform, the review) is safe.
 */
export const MAX_NESTING = 100;

/** The issue of a file nested deeper than `MAX_NESTING`, at the line where it does. */
export function tooDeepIssue(file: string, line: number | undefined, fix: string): Issue {
  return { file, path: [], line, message: `nests lists and maps more than ${MAX_NESTING} levels deep; no configuration needs as many: ${fix}` };
}

/**
 * A number of a document that is passed on to AWS reaches it as JSON writes the number
 * read (`0x1F` as 31, `1.0` as 1, `1e999` not at all, 30 digits as 17): what is wrong when
 * that is not the text `written`, which a template may have meant as text.
 */
export function numberProblem(written: string, value: number): string | undefined {
  if (String(value) === written) return undefined;
  if (!Number.isFinite(value)) {
    const read = Number.isNaN(value) ? 'not a number' : value > 0 ? 'infinity' : 'minus infinity';
    return `${quoted(written)} is read as ${read}, which JSON cannot carry; write a finite number, or put the text in quotes`;
  }
  return `${quoted(written)} is read as the number ${value}, and reaches AWS as that; write ${value} for the number, or put the text in quotes`;
}

/**
 * cdktf writes a reference between resources into a string as `${TfToken[...]}` until it
 * resolves it: the same text in a configuration value would be taken for a reference.
 */
const RESERVED_TEXT = 'TfToken[';

/**
 * Issues about the data as a whole: a value that contains itself (a YAML alias inside its
 * own anchor), and text that the synthesizer reserves. At the first such value: its path.
 */
export function dataIssues(file: string, data: unknown): Issue[] {
  const issues: Issue[] = [];
  const ancestors = new Set<object>();
  const visit = (value: unknown, path: FieldPath): void => {
    if (typeof value === 'string') {
      if (value.includes(RESERVED_TEXT))
        issues.push({ file, path, message: `holds "${RESERVED_TEXT}", which the synthesizer reserves for references between resources; remove it` });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (ancestors.has(value)) {
      issues.push({ file, path, message: 'contains itself (a YAML alias inside its own anchor); write the value out instead' });
      return;
    }
    ancestors.add(value);
    for (const [key, entry] of Object.entries(value)) {
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      if (key.includes(RESERVED_TEXT))
        issues.push({ file, path: at, message: `holds "${RESERVED_TEXT}", which the synthesizer reserves for references between resources; remove it` });
      visit(entry, at);
    }
    ancestors.delete(value);
  };
  visit(data, []);
  return issues;
}
