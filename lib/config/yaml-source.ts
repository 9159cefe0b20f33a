/**
 * YAML files read with their source positions, so that an issue about a field can name
 * the line the field is on.
 */
import { isCollection, isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FieldPath, Issue } from '../diagnostics';

export interface YamlSource {
  /** Path relative to the configuration directory, as shown to the user. */
  readonly file: string;
  /** The parsed content, plain JavaScript values. */
  readonly data: unknown;
  /** The line of the field at `path`, or of its nearest ancestor that exists (1-based); none for the file as a whole. */
  lineOf(path: FieldPath): number | undefined;
}

export interface ParsedYaml {
  readonly source?: YamlSource;
  readonly issues: readonly Issue[];
}

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

export function parseYamlSource(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      issues: document.errors.map((error) => ({
        file,
        path: [],
        line: error.linePos?.[0].line,
        message: `is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  const source: YamlSource = {
    file,
    data: document.toJS({ maxAliasCount: 100 }) ?? {},
    lineOf(path) {
      if (path.length === 0) return undefined;
      const node = nodeAt(document, path);
      const offset = node?.range?.[0];
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
  return { source, issues: [] };
}
