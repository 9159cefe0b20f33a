/** YAML files read with their source positions (see `source-document.ts`). */
import { isCollection, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FieldPath } from '../diagnostics';
import { dataIssues, type ParsedSource, type SourceDocument } from './source-document';

/** Aliases a file may expand; far above any real use, far below an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * The node that stands for `path`: for a map entry its key (the line the field is on),
 * for a list item the item. A path that does not exist stops at its nearest ancestor.
 */
function nodeAt(document: Document, path: FieldPath): Node | undefined {
  let current: unknown = document.contents;
  let found: Node | undefined = isNode(current) ? current : undefined;
  for (const segment of path) {
    if (!isCollection(current)) break;
    const items = current.items as unknown[];
    if (typeof segment === 'number') {
      current = items[segment];
      if (!isNode(current)) break;
      found = current;
    } else {
      const pair = items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
      if (!isPair(pair) || !isNode(pair.key)) break;
      found = pair.key;
      current = pair.value;
    }
  }
  return found;
}

/** The YAML library's message, in this project's words where it has better ones. */
function syntaxMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (first.startsWith('Source contains multiple documents'))
    return 'holds more than one YAML document (a "---" line between them); a configuration file holds one';
  return `is not valid YAML: ${first}`;
}

export function parseYamlSource(file: string, text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    return { issues: document.errors.map((error) => ({ file, path: [], line: error.linePos?.[0].line, message: syntaxMessage(error.message) })) };
  }
  // A tag YAML does not know (CloudFormation's short forms such as !Ref) would otherwise be read as the plain text after it.
  const unknownTags = document.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTags.length > 0) {
    return {
      issues: unknownTags.map((warning) => ({
        file,
        path: [],
        line: warning.linePos?.[0].line,
        message: `has a YAML tag that is not read (${warning.message.split(' at line')[0].replace('Unresolved tag: ', '')}): write CloudFormation's long form (Ref:, Fn::GetAtt:, Fn::If: ...) instead`,
      })),
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { issues: [{ file, path: [], message: `expands its YAML aliases more than ${MAX_ALIAS_COUNT} times; write the values out instead` }] };
  }
  const issues = dataIssues(file, data);
  const source: SourceDocument = {
    file,
    data,
    lineOf(path) {
      if (path.length === 0) return undefined;
      const node = nodeAt(document, path);
      const offset = node?.range?.[0];
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
  return issues.length > 0 ? { issues: issues.map((issue) => ({ ...issue, line: source.lineOf(issue.path) })) } : { source, issues: [] };
}
