/**
 * The request context a policy's conditions and variables read: each key's value, looked up
 * by its name in any case, as IAM compares condition key names. A key the request does not
 * state is either absent (what IAM does with a missing key) or open: the caller does not
 * know it, and the evaluation finds out whether the decision depends on it.
 */

/** One string, or the values of a multivalued key such as `aws:TagKeys`. */
export type ContextValue = string | readonly string[];

/** A key whose value is not known: absent, or any value but the excluded ones. */
export interface OpenKey {
  /** Values the key cannot have, such as this organization's id for a principal outside it. */
  readonly excluded?: readonly string[];
}

export interface RequestContext {
  /** The value of `key`, or undefined when the request does not have it. */
  value(key: string): ContextValue | undefined;
  /** How `key` is open, or undefined when its value (or its absence) is known. */
  open(key: string): OpenKey | undefined;
  /** The keys with a value, as first named. */
  readonly keys: readonly string[];
  /** The same context with the values of `assumed` given to open keys (undefined: absent). */
  assuming(assumed: ReadonlyMap<string, ContextValue | undefined>): RequestContext;
}

/** The context of `values`, every other key absent, or open where `open` says so. */
export function requestContext(
  values: Iterable<readonly [string, ContextValue]>,
  open: (key: string) => OpenKey | undefined = () => undefined,
): RequestContext {
  const byKey = new Map<string, { readonly key: string; readonly value: ContextValue }>();
  for (const [key, value] of values) byKey.set(key.toLowerCase(), { key, value });
  return {
    value: (key) => byKey.get(key.toLowerCase())?.value,
    open: (key) => (byKey.has(key.toLowerCase()) ? undefined : open(key)),
    keys: [...byKey.values()].map((entry) => entry.key),
    assuming(assumed) {
      const lowered = new Map([...assumed].map(([key, value]) => [key.toLowerCase(), value]));
      const given = [...byKey.values()].map((entry): [string, ContextValue] => [entry.key, entry.value]);
      const added = [...assumed].filter((entry): entry is [string, ContextValue] => entry[1] !== undefined);
      return requestContext([...given, ...added], (key) => (lowered.has(key.toLowerCase()) ? undefined : open(key)));
    },
  };
}

/** The values of a context value, a single one as a list of one. */
export function valuesOf(value: ContextValue): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}
