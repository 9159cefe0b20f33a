/**
 * JSON files read with their source positions (see `source-document.ts`), as strictly as
 * AWS reads a policy: comments, trailing commas and keys given twice are errors. Every JSON
 * file is passed on to AWS (a policy, a runbook), so its numbers must reach AWS as written.
 */
import { createScanner, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { FieldPath, Issue } from '../diagnostics';
import { quoted } from '../diagnostics';
import { dataIssues, MAX_NESTING, numberProblem, tooDeepIssue, type ParsedSource, type SourceDocument } from './source-document';

const SYNTAX_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a ":" was expected',
  CommaExpected: 'a "," was expected',
  CloseBraceExpected: 'a "}" was expected',
  CloseBracketExpected: 'a "]" was expected',
  EndOfFileExpected: 'the document was expected to end',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'comments are not JSON',
  UnexpectedEndOfString: 'a string does not end',
  UnexpectedEndOfNumber: 'a number does not end',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape in a string',
  InvalidCharacter: 'a control character in a string',
};

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

/**
 * The offset of the first array or object nested deeper than `MAX_NESTING`, read token by
 * token: the parser and every walk after it recurse.
 */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (scanner.scan(); scanner.getTokenOffset() < text.length; scanner.scan()) {
    const offset = scanner.getTokenOffset();
    // A string token starts with its quote: a bracket is punctuation.
    const character = text[offset];
    if (character === '[' || character === '{') {
      depth++;
      if (depth > MAX_NESTING) return offset;
    } else if (character === ']' || character === '}') depth--;
  }
  return undefined;
}

/** Keys given twice in one object (JSON parsers disagree on which one wins), and numbers that would not reach AWS as written. */
function treeIssues(file: string, text: string, node: Node, path: FieldPath, lineOf: (offset: number) => number): Issue[] {
  const issues: Issue[] = [];
  if (node.type === 'number') {
    const message = numberProblem(text.slice(node.offset, node.offset + node.length), node.value as number);
    if (message) issues.push({ file, path, line: lineOf(node.offset), message });
  } else if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      if (seen.has(name))
        issues.push({ file, path: [...path, name], line: lineOf(key.offset), message: `${quoted(name)} is given twice in this object; keep one` });
      seen.add(name);
      issues.push(...treeIssues(file, text, value, [...path, name], lineOf));
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => issues.push(...treeIssues(file, text, child, [...path, index], lineOf)));
  }
  return issues;
}

export function parseJsonSource(file: string, text: string): ParsedSource {
  const lineOf = (offset: number) => lineAt(text, offset);
  const tooDeep = tooDeepAt(text);
  if (tooDeep !== undefined) return { issues: [tooDeepIssue(file, lineOf(tooDeep), 'write less nested values')] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const syntax = errors.length > 0 ? errors : [{ error: 0, offset: 0, length: 0 }];
    return {
      issues: syntax.map((error) => {
        const code = printParseErrorCode(error.error);
        return { file, path: [], line: lineOf(error.offset), message: `is not valid JSON: ${SYNTAX_ERRORS[code] ?? 'the file is empty'}` };
      }),
    };
  }
  const issues = treeIssues(file, text, tree, [], lineOf);
  const data: unknown = getNodeValue(tree);
  issues.push(...dataIssues(file, data));
  const source: SourceDocument = {
    file,
    data,
    lineOf(path) {
      if (path.length === 0) return undefined;
      for (let length = path.length; length > 0; length--) {
        const node = findNodeAtLocation(tree, [...path.slice(0, length)]);
        // A property's value: the line of its key, where the field is.
        if (node) return lineOf(node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return undefined;
    },
  };
  return issues.length > 0 ? { issues: issues.map((issue) => ({ ...issue, line: issue.line ?? source.lineOf(issue.path) })) } : { source, issues: [] };
}
