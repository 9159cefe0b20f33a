/** Every account ends up with a security, a billing and an operations contact. */
import type { Issue } from '../../diagnostics';
import { ALTERNATE_CONTACT_TYPES } from '../schemas/common';
import type { ConfigurationFiles } from '../configuration-files';

export function alternateContacts({ landingZone, accounts }: Pick<ConfigurationFiles<'alternateContacts'>, 'landingZone' | 'accounts'>): Issue[] {
  const issues: Issue[] = [];
  for (const { file, config } of accounts) {
    for (const type of ALTERNATE_CONTACT_TYPES) {
      if (config.alternateContacts?.[type] ?? landingZone.config.alternateContacts?.[type]) continue;
      issues.push({
        file,
        path: ['alternateContacts', type],
        message: `is required: set it here or as a default in ${landingZone.file} alternateContacts.${type}`,
      });
    }
  }
  return issues;
}
