/** The OU tree of `landing-zone.yaml`, flattened into paths such as `Workloads/Prod`. */
import type { FieldPath } from '../diagnostics';
import type { OrganizationalUnitConfig } from './schemas/organizational-units';

export interface OrganizationalUnitEntry {
  /** `Workloads/Prod` */
  readonly path: string;
  readonly name: string;
  /** Absent for OUs directly under the root. */
  readonly parentPath?: string;
  /** 1 for OUs directly under the root. */
  readonly depth: number;
  readonly config: OrganizationalUnitConfig;
  /** Where the OU is declared in landing-zone.yaml. */
  readonly fieldPath: FieldPath;
}

/** Parents before children, siblings in the order of the file. */
export function flattenOrganizationalUnits(tree: Record<string, OrganizationalUnitConfig | null>, parent?: OrganizationalUnitEntry): OrganizationalUnitEntry[] {
  const entries: OrganizationalUnitEntry[] = [];
  for (const [name, config] of Object.entries(tree)) {
    const entry: OrganizationalUnitEntry = {
      path: parent ? `${parent.path}/${name}` : name,
      name,
      parentPath: parent?.path,
      depth: (parent?.depth ?? 0) + 1,
      config: config ?? {},
      fieldPath: parent ? [...parent.fieldPath, 'children', name] : ['organizationalUnits', name],
    };
    entries.push(entry, ...flattenOrganizationalUnits(entry.config.children ?? {}, entry));
  }
  return entries;
}
