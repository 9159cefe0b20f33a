/**
 * EventBridge input transformation, for tests, as AWS documents it
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html):
 * variables from JSON paths of the event fill the `<name>` placeholders of a template.
 * Strict rather than lenient, like the pattern matcher beside it:
 *
 * - paths are `$`, then `.name` (letters, digits, `_` and `-`) and `[index]` steps; any other
 *   syntax (wildcards included) throws;
 * - a placeholder inside a JSON string is filled with the value escaped as JSON string
 *   content (a string without its quotes, anything else as its JSON text), and outside one
 *   with the value's JSON text;
 * - a `<` that starts no variable throws: EventBridge cannot escape `<` and `>`, so such a
 *   template sends what nobody meant;
 * - a path that the event lacks is reported, and its placeholder filled with an empty text.
 *
 * The predefined variables `aws.events.rule-name`, `aws.events.rule-arn` and
 * `aws.events.event.json` are supported.
 */

export interface InputTransformation {
  /** The text EventBridge sends to the target. */
  readonly output: string;
  /** The variables whose path the event lacks. */
  readonly missing: readonly string[];
}

const STEP = /^(?:\.([A-Za-z0-9_-]+)|\[(\d+)\])/;

/** The value at `path` of `event`, or undefined when the event lacks it. */
export function valueAtPath(event: unknown, path: string): unknown {
  if (!path.startsWith('$')) throw new Error(`unsupported JSON path ${path}: it must start with $`);
  let rest = path.slice(1);
  let current: unknown = event;
  while (rest.length > 0) {
    const step = STEP.exec(rest);
    if (!step) throw new Error(`unsupported JSON path ${path} at ${rest}`);
    rest = rest.slice(step[0].length);
    if (current === null || typeof current !== 'object') return undefined;
    current = step[1] !== undefined ? (current as Record<string, unknown>)[step[1]] : (current as unknown[])[Number(step[2])];
    if (current === undefined) return undefined;
  }
  return current;
}

export function transformInput(
  transformer: { readonly inputPaths?: Readonly<Record<string, string>>; readonly inputTemplate: string },
  event: unknown,
  rule: { readonly name: string; readonly arn: string } = { name: 'test-rule', arn: 'arn:aws:events:eu-west-1:111122223333:rule/test-rule' },
): InputTransformation {
  const values = new Map<string, unknown>([
    ['aws.events.rule-name', rule.name],
    ['aws.events.rule-arn', rule.arn],
    ['aws.events.event.json', event],
  ]);
  const missing: string[] = [];
  for (const [name, path] of Object.entries(transformer.inputPaths ?? {})) {
    if (name.toLowerCase().startsWith('aws.')) throw new Error(`variable ${name}: names starting with "aws." are reserved`);
    const value = valueAtPath(event, path);
    if (value === undefined) missing.push(name);
    values.set(name, value);
  }
  const template = transformer.inputTemplate;
  let output = '';
  let inString = false;
  for (let index = 0; index < template.length; index += 1) {
    const character = template[index];
    if (character === '\\' && inString) {
      output += character + template[index + 1];
      index += 1;
      continue;
    }
    if (character === '"') inString = !inString;
    if (character === '<') {
      const end = template.indexOf('>', index);
      const name = end < 0 ? '' : template.slice(index + 1, end);
      if (!values.has(name)) throw new Error(`the template has "<" that starts no variable at ${index}: ${template.slice(index, index + 30)}`);
      const value = values.get(name);
      const json = value === undefined ? '""' : JSON.stringify(value);
      output += inString ? (typeof value === 'string' || value === undefined ? json.slice(1, -1) : JSON.stringify(json).slice(1, -1)) : json;
      index = end;
      continue;
    }
    if (character === '>') throw new Error(`the template has ">" outside a placeholder at ${index}`);
    output += character;
  }
  return { output, missing };
}
