/**
 * Maps keyed by the user's names, as cdktf writes them into Terraform JSON: tags, and the
 * outputs that give an id by OU path, group, permission set or policy name.
 *
 * cdktf copies every map it writes into a plain `{}` by assignment, several times over, and
 * a key `__proto__` (a tag key or an OU name AWS takes) sets that copy's prototype instead
 * of an entry: the entry would vanish from the output without a word. `terraformMap` hands
 * cdktf such a key under a stand-in no configuration text can hold (a NUL character; the
 * schemas refuse control characters), and every stack puts the key back in its finished
 * JSON with `restoreMapKeys`.
 */

const PROTO = '__proto__';
const STAND_IN = '\u0000__proto__';

/** `map` as cdktf is to be given it: the same entries, in the same order. */
export function terraformMap<T>(map: Readonly<Record<string, T>>): Record<string, T> {
  if (!Object.hasOwn(map, PROTO)) return { ...map };
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key === PROTO ? STAND_IN : key, value]));
}

/** Whether a stand-in key is anywhere in `json`: looked for without copying anything, since most stacks have none. */
function holdsStandIn(json: unknown): boolean {
  if (json === null || typeof json !== 'object') return false;
  if (Array.isArray(json)) return json.some(holdsStandIn);
  for (const key in json) if (key === STAND_IN || holdsStandIn((json as Record<string, unknown>)[key])) return true;
  return false;
}

function restored(json: unknown): unknown {
  if (!holdsStandIn(json)) return json;
  if (Array.isArray(json)) return json.map(restored);
  const object: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(json as object)) object[key === STAND_IN ? PROTO : key] = restored(value);
  return object;
}

/** A stack's Terraform JSON with every stand-in key made `__proto__` again, an entry of its own; what has none is returned as it is. */
export function restoreMapKeys<T>(json: T): T {
  return restored(json) as T;
}
