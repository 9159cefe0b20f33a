/** Log objects never expire, nor move to archive storage, before their object lock retention allows. */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

export function logRetention({ landingZone }: Pick<ConfigurationFiles<'logArchive'>, 'landingZone'>): Issue[] {
  const { objectLock, lifecycle } = landingZone.config.logArchive;
  const issues: Issue[] = [];
  if (lifecycle.expireAfterDays !== undefined) {
    if (lifecycle.expireAfterDays < objectLock.retentionDays) {
      issues.push({
        file: landingZone.file,
        path: ['logArchive', 'lifecycle', 'expireAfterDays'],
        message: `expected at least objectLock.retentionDays (${objectLock.retentionDays}), got ${lifecycle.expireAfterDays}: logs would be due to expire while still locked`,
      });
    }
    if (lifecycle.archiveAfterDays >= lifecycle.expireAfterDays) {
      issues.push({
        file: landingZone.file,
        path: ['logArchive', 'lifecycle', 'archiveAfterDays'],
        message: `expected fewer days than expireAfterDays (${lifecycle.expireAfterDays}), got ${lifecycle.archiveAfterDays}: logs would expire before they are archived`,
      });
    }
  }
  return issues;
}
