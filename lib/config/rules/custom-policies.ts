/**
 * Every custom SCP gets every check, whether or not it is attached yet: its size against
 * the quota, and no placeholder left in from the template it was copied from (`${Account}`,
 * `<my-org-id>`, `[PRIVILEGED_ROLE]`), which would make a statement match nothing, or
 * everything. One that is attached nowhere is named in a warning.
 */
import { quoted, type FieldPath, type Issue } from '../../diagnostics';
import { policyText, type PolicyDocument } from '../../iam/policy-document';
import type { ConfigurationFiles } from '../configuration-files';
import { guardrailAttachmentTargets } from '../policy-targets';
import { policySizeIssue } from '../policy-size';

/** IAM policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, and the escapes `${*}`, `${?}`, `${$}`. */
const POLICY_VARIABLE = /^(?:[\w.-]+:[^,}]+(?:,\s*'[^']*')?|[*?$])$/;

/** What a template leaves for its user to fill in. */
function placeholderIn(text: string): string | undefined {
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) if (!POLICY_VARIABLE.test(match[1])) return match[0];
  return /<[^<>]+>/.exec(text)?.[0] ?? /\[[A-Z][A-Z0-9_-]*\]/.exec(text)?.[0];
}

function placeholderIssues(file: string, document: PolicyDocument): Issue[] {
  const issues: Issue[] = [];
  const visit = (value: unknown, path: FieldPath) => {
    if (typeof value === 'string') {
      const placeholder = placeholderIn(value);
      if (placeholder) issues.push({ file, path, message: `holds the placeholder ${quoted(placeholder)}, left in from a template; put the real value there` });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, entry] of Object.entries(value)) {
        const at = [...path, Array.isArray(value) ? Number(key) : key];
        const placeholder = placeholderIn(key);
        if (placeholder)
          issues.push({ file, path: at, message: `holds the placeholder ${quoted(placeholder)}, left in from a template; put the real value there` });
        visit(entry, at);
      }
    }
  };
  visit(document, []);
  return issues;
}

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
