/** The home region is governed. */
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
  return issues;
}
