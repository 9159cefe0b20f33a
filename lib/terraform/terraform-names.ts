/** Terraform resource names and construct ids from user-given text. */
import { createHash } from 'node:crypto';

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * A name for user-given text: every character but letters and digits becomes `_`. Text with
 * any character other than letters, digits and those `kept` gets a short hash of itself
 * appended, so that two texts (`A B`, `A_B`, `A/B`) never meet on one name.
 */
function nameFor(text: string, kept: RegExp): string {
  const name = text.replace(/[^A-Za-z0-9]/g, '_');
  if (kept.test(text)) return name;
  return `${name}_${shortHash(text)}`;
}

/** A name for an OU path: `Workloads/Prod` becomes `Workloads_Prod`. */
export function organizationalUnitName(path: string): string {
  return nameFor(path, /^[A-Za-z0-9]+(\/[A-Za-z0-9]+)*$/);
}

/** A name for any other user-given text, such as a permission set or group name: `ReadOnly` stays, `Platform Team` gets a hash. */
export function textName(text: string): string {
  return nameFor(text, /^[A-Za-z0-9]+$/);
}

/** `eu-west-1` becomes `eu_west_1`. */
export function regionName(region: string): string {
  return region.replace(/-/g, '_');
}

/** A name for a kebab-case name (a control id, a conformance pack name: letters, digits and `-` only, never `_`): `restricted-ssh` becomes `restricted_ssh`. */
export function kebabName(name: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`${name} is not a kebab-case name`);
  return name.replace(/-/g, '_');
}

/**
 * A construct id for a name used as it is given (a policy name under its attachments).
 * constructs keeps a scope's children in a plain object, where a child named `constructor`
 * or `toString` meets what every object has, and one named `__proto__` vanishes: such a name
 * gets a short hash of itself appended. Every other name is its own id, as it always was.
 */
export function constructId(name: string): string {
  return name in Object.prototype ? `${name}_${shortHash(name)}` : name;
}
