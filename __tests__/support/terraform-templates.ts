/**
 * Terraform reads every string of its JSON, and every key of an object that is an
 * expression, as a template. This reads them as Terraform would and names each place where
 * text would be evaluated that is not a plain reference to a resource, a data source or
 * an output: an unescaped `%{` directive, or a `${...}` that is more than a reference (a
 * function call, an operator) or that holds such text in a string literal of its own.
 */

/** `name.attr`, `name.attr[0]`, `data.x.y.outputs.z["key"]`: references and nothing else. */
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

/** The problem with the interpolation that starts at `start` (just after `${`), and where it ends. */
function interpolation(text: string, start: number, problems: string[]): number {
  const name = /^[A-Za-z_][\w-]*/.exec(text.slice(start));
  if (!name) {
    problems.push(`\${${text.slice(start, start + 30)}: not a reference`);
    return text.length;
  }
  let index = start + name[0].length;
  for (;;) {
    const rest = text.slice(index);
    const part = REFERENCE_PART.exec(rest);
    if (part) index += part[0].length;
    else if (rest.startsWith('["')) index = literalEnd(text, index + 2, problems) + 1;
    else if (rest.startsWith('}')) return index + 1;
    else {
      problems.push(`\${${text.slice(start, index + 20)}: more than a reference`);
      return text.length;
    }
  }
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
