/** The home region is governed, and no governed region is listed twice. */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

export function regions({ landingZone }: Pick<ConfigurationFiles<'homeRegion' | 'governedRegions'>, 'landingZone'>): Issue[] {
  const { homeRegion, governedRegions } = landingZone.config;
  const issues: Issue[] = [];
  if (!governedRegions.includes(homeRegion)) {
    issues.push({
      file: landingZone.file,
      path: ['homeRegion'],
      message: `expected one of governedRegions (${governedRegions.join(', ')}), got ${JSON.stringify(homeRegion)}; add it to governedRegions`,
    });
  }
  governedRegions.forEach((region, index) => {
    if (governedRegions.indexOf(region) !== index) {
      issues.push({ file: landingZone.file, path: ['governedRegions', index], message: `${region} is listed twice` });
    }
  });
  return issues;
}
