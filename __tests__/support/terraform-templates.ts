/**
 * Terraform reads every string of its JSON, and every key of an object that is an
 * expression, as a template. This reads them as Terraform would and names each place where
 * text would be evaluated that is not a plain reference to a resource, a data source or
 * an output: an unescaped `%{` directive, or a `${...}` that holds more than references,
 * literals, comparisons and `for` expressions over references (a function call), or such
 * text in a string literal of its own. The functions allowed only count, list the keys of,
 * make a set of or search a collection: they read no file and evaluate no text.
 */

const COLLECTION_FUNCTIONS = ['length', 'keys', 'toset', 'contains'];

const REFERENCE_PART = /^(?:\.[A-Za-z_][\w-]*|\[\d+\])/;

/** The end of the string literal that starts at `start` (just after its quote), checking the literal itself as a template. */
function literalEnd(text: string, start: number, problems: string[]): number {
  let index = start;
  let content = '';
  while (index < text.length && text[index] !== '"') {
    if (text[index] === '\\') {
      content += text[index + 1];
      index += 2;
    } else content += text[index++];
  }
  problems.push(...templateProblems(content).map((problem) => `in a string literal of an expression: ${problem}`));
  return index + 1;
}

/**
 * Checks the interpolation that starts at `start` (just after `${`) and returns where it
 * ends. Allowed: references, string and number literals, comparisons, `&&`, `||`,
 * parentheses, argument commas, `{ for x in ... : k => v if ... }` and the collection
 * functions; any other function call or anything else is a problem.
 */
function interpolation(text: string, start: number, problems: string[]): number {
  let index = start;
  let depth = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const space = /^\s+|^(==|!=|>=|<=|=>|>|<|&&|\|\||,|:)|^\d+/.exec(rest);
    if (space) index += space[0].length;
    else if (/^[({]/.test(rest) || /^[)]/.test(rest) || (rest.startsWith('}') && depth > 0)) {
      depth += /^[({]/.test(rest) ? 1 : -1;
      index++;
    } else if (rest.startsWith('"')) index = literalEnd(text, index + 1, problems);
    else if (rest.startsWith('}') && depth === 0) return index + 1;
    else {
      const name = /^[A-Za-z_][\w-]*/.exec(rest);
      if (name && COLLECTION_FUNCTIONS.includes(name[0]) && rest.slice(name[0].length).startsWith('(')) {
        index += name[0].length;
        continue;
      }
      if (!name || rest.slice(name[0].length).startsWith('(')) {
        problems.push(`\${${text.slice(start, index + 20)}: more than references, literals and comparisons`);
        return text.length;
      }
      index += name[0].length;
      for (;;) {
        const part = REFERENCE_PART.exec(text.slice(index));
        if (part) index += part[0].length;
        else if (text.startsWith('["', index)) index = literalEnd(text, index + 2, problems) + 1;
        else break;
      }
    }
  }
  problems.push(`\${${text.slice(start, start + 30)}: does not end`);
  return text.length;
}

export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  for (let index = 0; index < text.length;) {
    if (text.startsWith('$${', index) || text.startsWith('%%{', index)) index += 3;
    else if (text.startsWith('%{', index)) {
      problems.push(`an unescaped directive at ${JSON.stringify(text.slice(index, index + 30))}`);
      index += 2;
    } else if (text.startsWith('${', index)) index = interpolation(text, index + 2, problems);
    else index++;
  }
  return problems;
}

/** Every problem of every string and key of a synthesized stack, with where it is. */
export function unsafeTemplates(value: unknown, where = ''): string[] {
  if (typeof value === 'string') return templateProblems(value).map((problem) => `${where}: ${problem}`);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) => [
    ...templateProblems(key).map((problem) => `${where}.${key}: ${problem}`),
    ...unsafeTemplates(entry, `${where}.${key}`),
  ]);
}
