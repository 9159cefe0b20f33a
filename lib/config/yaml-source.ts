/** YAML files read with their source positions (see `source-document.ts`). */
import { Composer, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser, visit, type CST, type Document, type Node } from 'yaml';
import type { FieldPath, Issue } from '../diagnostics';
import { dataIssues, MAX_NESTING, numberProblem, tooDeepIssue, type ParsedSource, type SourceDocument } from './source-document';

/** Aliases a file may expand; far above any real use, far below an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * How the YAML is read: the core schema of YAML 1.2 (the default), without the types of
 * YAML 1.1 that it would still resolve when a tag names them (`!!binary`, `!!set`,
 * `!!omap`, `!!pairs`, `!!timestamp`, `!!merge`): JSON has none of them, so their values
 * would be passed on as something else (a Buffer's fields, `{}`, a date in another form).
 * Left unresolved, they are refused with the other unknown tags.
 */
const READING = { uniqueKeys: true, resolveKnownTags: false } as const;

const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';

/** What to write instead of a YAML type that JSON has not. */
const INSTEAD_OF_TYPE: Readonly<Record<string, string>> = {
  binary: 'write the base64 text in quotes',
  set: 'write a list',
  omap: 'write a map',
  pairs: 'write a list of maps',
  timestamp: 'write the time in quotes',
  merge: 'write the keys out',
};

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

/** An unknown tag, or one of the YAML types left unresolved (see `READING`). */
function tagMessage(warning: string): string {
  const tag = warning.replace('Unresolved tag: ', '');
  if (!tag.startsWith(YAML_TAG_PREFIX)) {
    // CloudFormation's short forms such as !Ref would otherwise be read as the plain text after them.
    return `has a YAML tag that is not read (${tag}): write CloudFormation's long form (Ref:, Fn::GetAtt:, Fn::If: ...) instead`;
  }
  const type = tag.slice(YAML_TAG_PREFIX.length);
  const instead = INSTEAD_OF_TYPE[type] ?? 'remove the tag';
  return `has the YAML tag !!${type}, which is not read: its value cannot be passed on as JSON as written; ${instead}`;
}

/**
 * The offset of the first list or map nested deeper than `MAX_NESTING` in the syntax tree,
 * read without recursion: the composer and every walk after it recurse.
 */
function tooDeepInSyntax(tokens: readonly CST.Token[]): number | undefined {
  const pending = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { token, depth } = next;
    if (token.type === 'document' && token.value) pending.push({ token: token.value, depth });
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth === MAX_NESTING) return token.offset;
    for (const item of token.items) {
      if (item.key) pending.push({ token: item.key, depth: depth + 1 });
      if (item.value) pending.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

function childrenOf(node: Node): unknown[] {
  if (isMap(node)) return node.items.flatMap((pair) => [pair.key, pair.value]);
  return isSeq(node) ? node.items : [];
}

/**
 * The alias that nests the document deeper than `MAX_NESTING`, aliases expanded as the data
 * will be: each collection is measured once, so an alias used many times costs no more than
 * its text. An alias inside its own anchor is left to `dataIssues`.
 */
function tooDeepThroughAliases(document: Document): Node | undefined {
  // What each alias stands for: the latest node before it with its anchor (`Alias.resolve` would read the whole document for each alias).
  const anchored = new Map<string, Node>();
  const targets = new Map<unknown, Node>();
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  const resolved = (value: unknown): Node | undefined => (isAlias(value) ? targets.get(value) : isNode(value) ? value : undefined);
  const heights = new Map<Node, number>();
  const open = new Set<Node>();
  const heightOf = (value: unknown) => {
    const node = resolved(value);
    return node && isCollection(node) ? (heights.get(node) ?? 0) : 0;
  };
  const root = resolved(document.contents);
  const pending = root ? [root] : [];
  while (pending.length > 0) {
    const node = pending[pending.length - 1];
    if (heights.has(node) || !isCollection(node)) {
      pending.pop();
    } else if (!open.has(node)) {
      open.add(node);
      for (const child of childrenOf(node)) {
        const target = resolved(child);
        if (target && !open.has(target)) pending.push(target);
      }
    } else {
      pending.pop();
      open.delete(node);
      heights.set(node, 1 + Math.max(0, ...childrenOf(node).map(heightOf)));
    }
  }
  if (!root || heightOf(root) <= MAX_NESTING) return undefined;
  // Down the deepest branch: the last alias on it is where the data nests deeper than the text.
  let alias: Node = root;
  let node: Node | undefined = root;
  for (let depth = 0; depth <= MAX_NESTING && node && isCollection(node); depth++) {
    const deepest: unknown = childrenOf(node).reduce((best: unknown, child) => (heightOf(child) > heightOf(best) ? child : best), undefined);
    if (isAlias(deepest)) alias = deepest;
    node = resolved(deepest);
  }
  return alias;
}

/** The dotted path of a node that `visit` reached through `ancestors`: map keys by their text, list items by index. */
function fieldPathOf(ancestors: readonly unknown[], node: Node): FieldPath {
  const chain = [...ancestors, node];
  const path: (string | number)[] = [];
  for (let index = 1; index < chain.length; index++) {
    const parent = chain[index - 1];
    if (isSeq(parent)) path.push(parent.items.indexOf(chain[index]));
    else if (isPair(parent) && isScalar(parent.key)) path.push(String(parent.key.value));
  }
  return path;
}

export interface YamlReading {
  /**
   * The document is passed on to AWS as JSON (a conformance pack template, a runbook):
   * every number must reach AWS as written, since a template may mean text by it.
   */
  readonly verbatim?: boolean;
}

export function parseYamlSource(file: string, text: string, { verbatim = false }: YamlReading = {}): ParsedSource {
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deepInSyntax = tooDeepInSyntax(tokens);
  if (deepInSyntax !== undefined) return { issues: [tooDeepIssue(file, lineAt(deepInSyntax), 'write less nested values')] };
  const [document, ...more] = new Composer(READING).compose(tokens, true, text.length);
  const syntax: Issue[] = document.errors.map((error) => ({ file, path: [], line: lineAt(error.pos[0]), message: `is not valid YAML: ${error.message}` }));
  if (more.length > 0) {
    syntax.push({
      file,
      path: [],
      line: lineAt(more[0].range[0]),
      message: 'holds more than one YAML document (a "---" line between them); a configuration file holds one',
    });
  }
  if (syntax.length > 0) return { issues: syntax };
  const unknownTags = document.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTags.length > 0) {
    return { issues: unknownTags.map((warning) => ({ file, path: [], line: lineAt(warning.pos[0]), message: tagMessage(warning.message) })) };
  }
  const numbers: Issue[] = [];
  if (verbatim) {
    visit(document, {
      Scalar(_key, node, ancestors) {
        const message = typeof node.value === 'number' && node.source !== undefined ? numberProblem(node.source, node.value) : undefined;
        if (message) numbers.push({ file, path: fieldPathOf(ancestors, node), line: node.range ? lineAt(node.range[0]) : undefined, message });
      },
    });
  }
  if (numbers.length > 0) return { issues: numbers };
  const deepAlias = tooDeepThroughAliases(document);
  if (deepAlias) return { issues: [tooDeepIssue(file, deepAlias.range ? lineAt(deepAlias.range[0]) : undefined, 'write the values of its aliases out')] };
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
      return offset === undefined ? undefined : lineAt(offset);
    },
  };
  return issues.length > 0 ? { issues: issues.map((issue) => ({ ...issue, line: source.lineOf(issue.path) })) } : { source, issues: [] };
}
