/**
 * AWS Systems Manager Incident Manager takes no new customers since 7 November 2025; those
 * who used it before keep it (Incident Manager user guide, availability change). A security
 * account the landing zone has just made is a new customer, so turning Incident Manager on
 * is a warning: right for an organization whose security account already runs it, a failed
 * apply for everyone else, who page through `incidentResponse.paging`.
 */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

type Files = Pick<ConfigurationFiles<'incidentResponse'>, 'landingZone'>;

export function incidentManagerAvailability({ landingZone }: Files): Issue[] {
  const manager = landingZone.config.incidentResponse?.incidentManager;
  if (!manager?.enabled) return [];
  return [
    {
      file: landingZone.file,
      path: ['incidentResponse', 'incidentManager', 'enabled'],
      severity: 'warning',
      message:
        'Incident Manager takes no new customers since 7 November 2025: only a security account that used it before then can have it (its replication set fails for any other); ' +
        'page through incidentResponse.paging instead, or set enabled: false',
    },
  ];
}
