/** Log objects never expire, nor move to archive storage, before their object lock retention allows. */
import type { Issue } from '../../diagnostics';
import { LANDING_ZONE_FILE, type ConfigurationRule } from '../configuration-files';

export const logRetention: ConfigurationRule = ({ landingZone }) => {
  const { objectLock, lifecycle } = landingZone.config.logArchive;
  const issues: Issue[] = [];
  if (lifecycle.expireAfterDays !== undefined) {
    if (lifecycle.expireAfterDays < objectLock.retentionDays) {
      issues.push({
        file: LANDING_ZONE_FILE,
        path: ['logArchive', 'lifecycle', 'expireAfterDays'],
        message: `expected at least objectLock.retentionDays (${objectLock.retentionDays}), got ${lifecycle.expireAfterDays}: logs would be due to expire while still locked`,
      });
    }
    if (lifecycle.archiveAfterDays >= lifecycle.expireAfterDays) {
      issues.push({
        file: LANDING_ZONE_FILE,
        path: ['logArchive', 'lifecycle', 'archiveAfterDays'],
        message: `expected fewer days than expireAfterDays (${lifecycle.expireAfterDays}), got ${lifecycle.archiveAfterDays}: logs would expire before they are archived`,
      });
    }
  }
  return issues;
};
