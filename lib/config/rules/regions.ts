/** The home region is governed, and no governed region is listed twice. */
import type { Issue } from '../../diagnostics';
import { LANDING_ZONE_FILE, type ConfigurationRule } from '../configuration-files';

export const regions: ConfigurationRule = ({ landingZone }) => {
  const { homeRegion, governedRegions } = landingZone.config;
  const issues: Issue[] = [];
  if (!governedRegions.includes(homeRegion)) {
    issues.push({ file: LANDING_ZONE_FILE, path: ['homeRegion'], message: `expected one of governedRegions (${governedRegions.join(', ')}), got ${JSON.stringify(homeRegion)}; add it to governedRegions` });
  }
  governedRegions.forEach((region, index) => {
    if (governedRegions.indexOf(region) !== index) {
      issues.push({ file: LANDING_ZONE_FILE, path: ['governedRegions', index], message: `${region} is listed twice` });
    }
  });
  return issues;
};
