/** The OU tree fits the OU depth quota (AWS: five levels under the root); adopted OU ids are unique. */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { flattenOrganizationalUnits } from '../organizational-unit-paths';

export function organizationalUnits({ landingZone }: Pick<ConfigurationFiles<'organizationalUnits' | 'quotas'>, 'landingZone'>): Issue[] {
  const maxDepth = landingZone.config.quotas.organizationalUnitDepth;
  const issues: Issue[] = [];
  const ownerOfId = new Map<string, string>();
  for (const ou of flattenOrganizationalUnits(landingZone.config.organizationalUnits)) {
    if (ou.depth > maxDepth) {
      issues.push({
        file: landingZone.file,
        path: ou.fieldPath,
        message: `${ou.path} is ${ou.depth} levels deep; quotas.organizationalUnitDepth allows at most ${maxDepth} under the root`,
      });
    }
    const id = ou.config.id;
    if (id === undefined) continue;
    const owner = ownerOfId.get(id);
    if (owner) {
      issues.push({ file: landingZone.file, path: [...ou.fieldPath, 'id'], message: `${id} is already adopted by ${owner}` });
    } else {
      ownerOfId.set(id, ou.path);
    }
  }
  return issues;
}
