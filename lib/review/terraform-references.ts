/**
 * The references the stacks write, read back: `${type.name.attribute}` within a stack, and
 * `${data.terraform_remote_state.<state>.outputs.<output>["key"]}` across stacks, whose key
 * is a string literal inside an expression (see `expressionText`).
 */

export interface ResourceReference {
  readonly type: string;
  readonly name: string;
}

const RESOURCE_REFERENCE = /^\$\{([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)[.[]/;

/** The resource a whole-string reference points to; `data.` references name a data source. */
export function resourceReference(text: unknown): ResourceReference | undefined {
  if (typeof text !== 'string') return undefined;
  const data = /^\$\{data\.([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)[.[}]/.exec(text);
  if (data) return { type: `data.${data[1]}`, name: data[2] };
  const match = RESOURCE_REFERENCE.exec(text);
  return match ? { type: match[1], name: match[2] } : undefined;
}

export interface RemoteLookup {
  /** The id of the remote state, such as `management`. */
  readonly state: string;
  readonly output: string;
  readonly key: string;
}

/** The inverse of the escapes a key gets inside an expression: `\\`, `\"`, `\n`, `$${` and `%%{`. */
function literalText(escaped: string): string {
  return escaped.replace(/\\(.)|\$\$\{|%%\{/g, (match, character: string | undefined) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    return character === 'n' ? '\n' : character === 't' ? '\t' : (character ?? '');
  });
}

const LOOKUP = /^\$\{data\.terraform_remote_state\.(\w+)\.outputs\.(\w+)(?:\["((?:[^"\\]|\\.)*)"\]|\.([\w-]+))\}$/;

/** The output key a reference to another stack's map output reads. */
export function remoteLookup(text: unknown): RemoteLookup | undefined {
  if (typeof text !== 'string') return undefined;
  const match = LOOKUP.exec(text);
  if (!match) return undefined;
  return { state: match[1], output: match[2], key: match[3] !== undefined ? literalText(match[3]) : match[4] };
}
