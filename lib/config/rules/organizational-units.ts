/** The OU tree fits AWS Organizations: at most five levels under the root; adopted OU ids are unique. */
import type { Issue } from '../../diagnostics';
import { LANDING_ZONE_FILE, type ConfigurationRule } from '../configuration-files';
import { flattenOrganizationalUnits } from '../organizational-unit-paths';

/** AWS Organizations quota: OUs nest at most five levels deep under the root. */
export const MAX_OU_DEPTH = 5;

export const organizationalUnits: ConfigurationRule = ({ landingZone }) => {
  const issues: Issue[] = [];
  const ownerOfId = new Map<string, string>();
  for (const ou of flattenOrganizationalUnits(landingZone.config.organizationalUnits)) {
    if (ou.depth > MAX_OU_DEPTH) {
      issues.push({ file: LANDING_ZONE_FILE, path: ou.fieldPath, message: `${ou.path} is ${ou.depth} levels deep; AWS Organizations allows at most ${MAX_OU_DEPTH} under the root` });
    }
    const id = ou.config.id;
    if (id === undefined) continue;
    const owner = ownerOfId.get(id);
    if (owner) {
      issues.push({ file: LANDING_ZONE_FILE, path: [...ou.fieldPath, 'id'], message: `${id} is already adopted by ${owner}` });
    } else {
      ownerOfId.set(id, ou.path);
    }
  }
  return issues;
};
