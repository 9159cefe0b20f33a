/**
 * Two values of a resource compared as data: attribute by attribute, lists of plain values
 * as sets (Terraform's sets come out in any order), and every attribute that holds a JSON
 * document parsed and compared as a document, policies statement by statement; lists of
 * blocks of another length by the members added and removed. cdktf's
 * `//` metadata, which Terraform ignores, and lists that only changed order are counted as
 * noise, not reported.
 */
import { type Noise, policyDocumentChanges, isPolicyShaped } from './policy-diff';
import type { AttributeChange, DocumentChange } from './report';

export type { Noise } from './policy-diff';

export interface ValueChanges {
  readonly attributes: AttributeChange[];
  readonly documents: DocumentChange[];
}

const METADATA_KEY = '//';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The entry `key` of a map: its own, never what every object has (`constructor`, `toString`). */
function entryOf(map: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** The JSON document a string holds, when it holds an object or a list. */
export function embeddedDocument(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  const text = value.trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** Entries of `a` not matched one for one in `b`. */
export function missingFrom(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const rest = [...b];
  return a.filter((item) => {
    const at = rest.findIndex((candidate) => deepEqual(candidate, item));
    if (at < 0) return true;
    rest.splice(at, 1);
    return false;
  });
}

function joined(path: readonly string[]): string {
  return path.join('.');
}

function documentChange(attribute: string, before: unknown, after: unknown, noise: Noise): DocumentChange | undefined {
  if (deepEqual(before, after)) return undefined;
  if (isPolicyShaped(before) || isPolicyShaped(after)) return policyDocumentChanges(attribute, before, after, noise);
  const changes: AttributeChange[] = [];
  collect(before, after, [], noise, { attributes: changes, documents: [] });
  return { attribute, kind: 'json', statements: [], changes };
}

function collect(before: unknown, after: unknown, path: readonly string[], noise: Noise, into: ValueChanges): void {
  if (deepEqual(before, after)) return;
  if (path.at(-1) === METADATA_KEY) {
    noise.metadata++;
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort())
      collect(entryOf(before, key), entryOf(after, key), [...path, key], noise, into);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if ([...before, ...after].every(isPrimitive)) {
      const added = missingFrom(after, before);
      const removed = missingFrom(before, after);
      if (added.length === 0 && removed.length === 0) noise.reordered++;
      else into.attributes.push({ path: joined(path), before, after, added, removed });
      return;
    }
    if (before.length === after.length) {
      before.forEach((item, index) => collect(item, after[index], [...path, String(index)], noise, into));
      return;
    }
    // Blocks added or removed (selectors, rules): the members that differ, each whole.
    into.attributes.push({ path: joined(path), added: missingFrom(after, before), removed: missingFrom(before, after) });
    return;
  }
  const beforeDocument = embeddedDocument(before);
  const afterDocument = embeddedDocument(after);
  if (
    (beforeDocument !== undefined || before === undefined) &&
    (afterDocument !== undefined || after === undefined) &&
    (beforeDocument ?? afterDocument) !== undefined
  ) {
    const document = documentChange(joined(path), beforeDocument ?? {}, afterDocument ?? {}, noise);
    if (document) into.documents.push(document);
    return;
  }
  into.attributes.push({ path: joined(path), ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
}

/** Every difference between two values (a resource's body before and after; `{}` for one that is new or gone). */
export function valueChanges(before: unknown, after: unknown, noise: Noise): ValueChanges {
  const changes: ValueChanges = { attributes: [], documents: [] };
  collect(before, after, [], noise, changes);
  return changes;
}
