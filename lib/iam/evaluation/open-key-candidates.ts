/**
 * Values to try for a key the request leaves open: for each condition that reads the key,
 * values on each side of what it compares with (the value itself, a wildcard filled in, a
 * number or date just above and below, an address inside a block), one that none of them
 * names, and the key missing. A key read with a set operator (`ForAnyValue:`,
 * `ForAllValues:`), or that AWS types so, is multivalued: its candidates are sets, the empty
 * one included.
 * Trying each, the evaluation sees whether a decision turns on the key, and on which value.
 */
import { parseOperator, type OperatorFamily } from './condition-operators';
import { readableText } from './policy-variables';
import type { ContextValue, OpenKey } from './request-context';

/** One way the key could be: a value, or missing (`value` undefined); `other` for a value none of the policies names. */
export interface Candidate {
  readonly value?: ContextValue;
  readonly other?: boolean;
}

/** A condition on the key: its operator and the policy's values. */
export interface KeyUse {
  readonly operator: string;
  readonly values: readonly string[];
}

const OTHER_VALUES: Readonly<Record<OperatorFamily, string | undefined>> = {
  string: 'other-value',
  arn: 'arn:aws:iam::000000000000:role/other-role',
  ip: '192.0.2.99',
  binary: 'b3RoZXI=',
  numeric: undefined,
  date: undefined,
  bool: undefined,
  null: 'other-value',
};

/** A value matching the pattern: each wildcard filled in. */
export function filledIn(pattern: string): string[] {
  return [readableText(pattern).replace(/[*?]/g, 'x')];
}

function nearDates(value: string): string[] {
  const time = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (Number.isNaN(time)) return [value];
  return [value, new Date(time - 1000).toISOString(), new Date(time + 1000).toISOString()];
}

function nearNumbers(value: string): string[] {
  const number = Number(value);
  return Number.isNaN(number) ? [value] : [value, String(number - 1), String(number + 1)];
}

/** The first address of a block, and the last one of the block just below it. */
function nearAddresses(cidr: string): string[] {
  const [address, prefix] = cidr.split('/');
  const octets = address.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) return [address];
  const length = prefix === undefined ? 32 : Number(prefix);
  const value = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - length);
  const first = Math.floor(value / size) * size;
  const text = (number: number) => [24, 16, 8, 0].map((shift) => Math.floor(number / 2 ** shift) % 256).join('.');
  return first > 0 ? [text(first), text(first - 1)] : [text(first), text(first + size)];
}

function valuesFor(family: OperatorFamily, value: string): string[] {
  switch (family) {
    case 'string':
    case 'arn':
      return value.includes('${') ? [] : filledIn(value);
    case 'numeric':
      return nearNumbers(value);
    case 'date':
      return nearDates(value);
    case 'bool':
      return ['true', 'false'];
    case 'ip':
      return nearAddresses(value);
    case 'binary':
      return [value];
    case 'null':
      return [];
  }
}

/** The candidates for one open key, from every condition that reads it; never one of the excluded values. */
export function candidatesFor(uses: readonly KeyUse[], open: OpenKey, typedMultivalued: boolean): Candidate[] {
  const excluded = new Set(open.excluded ?? []);
  const parsed = uses.map((use) => ({ ...use, operator: parseOperator(use.operator) }));
  const multivalued = typedMultivalued || parsed.some((use) => use.operator.set !== undefined);
  const singles = [...new Set(parsed.flatMap((use) => use.values.flatMap((value) => valuesFor(use.operator.family, value))))].filter(
    (value) => !excluded.has(value),
  );
  const others = [...new Set(parsed.map((use) => OTHER_VALUES[use.operator.family]).filter((value): value is string => value !== undefined))].filter(
    (value) => !singles.includes(value) && !excluded.has(value),
  );
  if (singles.length === 0 && others.length === 0) others.push('other-value');
  const missing: Candidate = {};
  if (!multivalued) return [missing, ...singles.map((value) => ({ value })), ...others.map((value) => ({ value, other: true }))];
  const sets: Candidate[] = [
    { value: [] },
    ...singles.map((value) => ({ value: [value] })),
    ...(singles.length > 1 ? [{ value: singles }] : []),
    ...others.map((value) => ({ value: [value], other: true })),
    ...(singles.length > 0 && others.length > 0 ? [{ value: [singles[0], others[0]], other: true }] : []),
  ];
  return [missing, ...sets];
}
