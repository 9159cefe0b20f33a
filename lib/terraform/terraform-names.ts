/** Terraform resource names from user-given text. */
import { createHash } from 'node:crypto';

/**
 * A name for an OU path: `Workloads/Prod` becomes `Workloads_Prod`. A path with any
 * character other than letters, digits and `/` gets a short hash of itself appended, so
 * that two paths (`A B`, `A_B`, `A/B`) never meet on one name.
 */
export function organizationalUnitName(path: string): string {
  const name = path.replace(/[^A-Za-z0-9]/g, '_');
  if (/^[A-Za-z0-9]+(\/[A-Za-z0-9]+)*$/.test(path)) return name;
  return `${name}_${createHash('sha256').update(path).digest('hex').slice(0, 8)}`;
}

/** `eu-west-1` becomes `eu_west_1`. */
export function regionName(region: string): string {
  return region.replace(/-/g, '_');
}
