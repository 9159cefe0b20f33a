/**
 * Incident Manager's replication set is the home region and one more governed region, and
 * a GuardDuty finding can start an incident only from a severity that is forwarded to the
 * central bus at all: at least the alerts' minimum.
 */
import { expectedOneOf, type Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

type Files = Pick<ConfigurationFiles<'incidentResponse' | 'homeRegion' | 'governedRegions' | 'alerts'>, 'landingZone'>;

export function incidentManagerRegions({ landingZone }: Files): Issue[] {
  const { incidentResponse, homeRegion, governedRegions, alerts } = landingZone.config;
  const manager = incidentResponse?.incidentManager;
  if (!manager) return [];
  const issues: Issue[] = [];
  const path = ['incidentResponse', 'incidentManager'];
  const { secondRegion } = manager;
  if (secondRegion === homeRegion) {
    issues.push({
      file: landingZone.file,
      path: [...path, 'secondRegion'],
      message: `is the home region, which the replication set holds anyway; name another governed region (${governedRegions.filter((region) => region !== homeRegion).join(', ') || 'none yet'}), or remove it`,
    });
  } else if (secondRegion !== undefined && !governedRegions.includes(secondRegion)) {
    issues.push({ file: landingZone.file, path: [...path, 'secondRegion'], message: expectedOneOf('a governed region', governedRegions, secondRegion) });
  }
  if (manager.guardDutyMinimumSeverity < alerts.guardDutyMinimumSeverity) {
    issues.push({
      file: landingZone.file,
      path: [...path, 'guardDutyMinimumSeverity'],
      message: `is ${manager.guardDutyMinimumSeverity}, below alerts.guardDutyMinimumSeverity (${alerts.guardDutyMinimumSeverity}): findings under that are not forwarded to the central bus, so they could not start an incident; expected at least ${alerts.guardDutyMinimumSeverity}`,
    });
  }
  return issues;
}
