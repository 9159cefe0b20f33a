/**
 * A configuration file parsed with its source positions, whatever its syntax (YAML, JSON),
 * so that an issue about a field can name the line the field is on; and what is refused in
 * the data of any file before its schema looks at it.
 */
import type { FieldPath, Issue } from '../diagnostics';

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
