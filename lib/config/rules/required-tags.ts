/** Every account request carries each required tag of landing-zone.yaml, with an allowed value. */
import { expectedOneOf, type Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

export function requiredTags({ landingZone, accounts }: Pick<ConfigurationFiles<'requiredTags'>, 'landingZone' | 'accounts'>): Issue[] {
  const issues: Issue[] = [];
  for (const { file, config } of accounts) {
    for (const { key, allowedValues } of landingZone.config.requiredTags) {
      const value = config.tags[key];
      if (value === undefined) {
        const hint = allowedValues ? ` (one of ${allowedValues.join(', ')})` : '';
        issues.push({ file, path: ['tags', key], message: `is required by ${landingZone.file} requiredTags; add "${key}"${hint}` });
      } else if (allowedValues && !allowedValues.includes(value)) {
        issues.push({ file, path: ['tags', key], message: expectedOneOf(`a value allowed by ${landingZone.file}`, allowedValues, value) });
      }
    }
  }
  return issues;
}
