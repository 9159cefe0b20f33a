/**
 * Maps of the configuration keyed by names the user gives: OUs, groups, permission sets,
 * backup plans, tags and the rest. A name is any text its schema allows, `__proto__`,
 * `constructor` and `toString` included: AWS takes an OU or a tag key named so.
 *
 * zod's `z.record` skips a key `__proto__` (neither checked nor kept: the entry would vanish
 * without a word) and builds its result on `{}`, whose inherited members answer for names
 * that are not there. `nameRecord` checks and keeps every key, and returns a prototype-free
 * object; its JSON Schema is the record's.
 */
import { z } from 'zod';

const PROTO = '__proto__';

type NameRecord<Key extends z.core.$ZodRecordKey, Value extends z.core.$ZodType> = z.ZodRecord<Key, Value>;

const ZodNameRecord: z.core.$constructor<z.ZodRecord> = z.core.$constructor('ZodNameRecord', (inst: z.ZodRecord, def: z.ZodRecord['_zod']['def']) => {
  z.ZodRecord.init(inst, def);
  const parseRecord = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    const result = parseRecord(payload, ctx);
    if (result instanceof Promise) throw new Error('the configuration has no asynchronous checks');
    if (!z.core.util.isPlainObject(input) || result.value === input) return result;
    const parsed = result.value as Record<PropertyKey, unknown>;
    const record: Record<PropertyKey, unknown> = Object.create(null);
    for (const key of Reflect.ownKeys(input)) {
      if (key !== PROTO) {
        if (Object.hasOwn(parsed, key)) record[key] = parsed[key];
        continue;
      }
      const keyResult = def.keyType._zod.run({ value: PROTO, issues: [] }, ctx);
      if (keyResult instanceof Promise) throw new Error('the configuration has no asynchronous checks');
      if (keyResult.issues.length > 0) {
        result.issues.push({
          code: 'invalid_key',
          origin: 'record',
          issues: keyResult.issues.map((issue) => z.core.util.finalizeIssue(issue, ctx, z.config())),
          input: PROTO,
          path: [PROTO],
          inst,
        });
        continue;
      }
      const valueResult = def.valueType._zod.run({ value: (input as Record<string, unknown>)[PROTO], issues: [] }, ctx);
      if (valueResult instanceof Promise) throw new Error('the configuration has no asynchronous checks');
      result.issues.push(...z.core.util.prefixIssues(PROTO, valueResult.issues));
      record[PROTO] = valueResult.value;
    }
    // A key the key schema changed (none does here) keeps its entry, after the others.
    for (const key of Reflect.ownKeys(parsed)) if (!Object.hasOwn(record, key)) record[key] = parsed[key];
    result.value = record;
    return result;
  };
});

/** `z.record(key, value)` for a map keyed by the user's names: every key checked and kept, `__proto__` too; a prototype-free result. */
export function nameRecord<Key extends z.core.$ZodRecordKey, Value extends z.core.$ZodType>(key: Key, value: Value): NameRecord<Key, Value> {
  return new ZodNameRecord({ type: 'record', keyType: key, valueType: value }) as unknown as NameRecord<Key, Value>;
}

/**
 * `value` with every plain object in it, at any depth, made prototype-free: what a schema
 * gives (defaults included, which zod returns as written) keyed by names looks a name up
 * among the names given only. Arrays and objects of other kinds are kept as they are.
 */
export function prototypeFree<T>(value: T): T {
  if (Array.isArray(value)) {
    const items = value.map(prototypeFree);
    return (Object.isFrozen(value) ? Object.freeze(items) : items) as T;
  }
  if (value === null || typeof value !== 'object' || ![Object.prototype, null].includes(Object.getPrototypeOf(value))) return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, entry] of Object.entries(value)) copy[key] = prototypeFree(entry);
  return (Object.isFrozen(value) ? Object.freeze(copy) : copy) as T;
}
