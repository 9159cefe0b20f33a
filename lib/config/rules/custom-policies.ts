/**
 * Every custom SCP gets every check, whether or not it is attached yet: its size against
 * the quota, and no placeholder left in from the template it was copied from (`${Account}`,
 * `<my-org-id>`, `[PRIVILEGED_ROLE]`), which would make a statement match nothing, or
 * everything. One that is attached nowhere is named in a warning.
 */
import type { Issue } from '../../diagnostics';
import { policyText } from '../../iam/policy-document';
import type { ConfigurationFiles } from '../configuration-files';
import { guardrailAttachmentTargets } from '../policy-targets';
import { placeholderIssues } from '../policy-placeholders';
import { policySizeIssue } from '../policy-size';

export function customPolicies({
  landingZone,
  customPolicies: policies,
}: Pick<ConfigurationFiles<'guardrails' | 'quotas'>, 'landingZone' | 'customPolicies'>): Issue[] {
  const attached = new Set(guardrailAttachmentTargets({ landingZone }).flatMap(({ value }) => value.serviceControlPolicies));
  return policies.flatMap((policy) => {
    const content = policyText(policy.config);
    const size = policySizeIssue({ name: policy.name, type: 'SERVICE_CONTROL_POLICY', content }, landingZone.config.quotas, { file: policy.file, path: [] });
    const unused: Issue[] = attached.has(policy.name)
      ? []
      : [
          {
            file: policy.file,
            path: [],
            severity: 'warning',
            message: `is attached nowhere; attach ${policy.name} in guardrails.attachments of ${landingZone.file}, or remove the file`,
          },
        ];
    return [...placeholderIssues(policy.file, policy.config), ...(size ? [size] : []), ...unused];
  });
}
