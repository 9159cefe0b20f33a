/**
 * The policies Identity Center carries get the checks a custom SCP gets: every action and
 * condition key exists in AWS, no template placeholder is left, and each is within AWS's
 * quotas. A permission set's inline policy: 32,768 bytes, 10,240 of them other than
 * whitespace, of the characters IAM Identity Center accepts (tab, line breaks, U+0020 to
 * U+00FF). A customer managed policy: 6,144 characters other than whitespace. A permission
 * set: 20 AWS and customer managed policies at most; an IAM role takes 10 unless its
 * account's quota is raised, so more than 10 is a warning. AWS's data is looked up, which
 * takes a moment: the issues come later.
 */
import type { FieldPath, Issue } from '../../diagnostics';
import { policyText, type PolicyDocument } from '../../iam/policy-document';
import type { ConfigurationFiles } from '../configuration-files';
import { nonWhitespaceLength, policyDocumentIssues } from '../policy-document-issues';

type Files = Pick<ConfigurationFiles<'identityCenter'>, 'landingZone' | 'permissionSetPolicies'>;

const INLINE_POLICY_BYTES = 32_768;
const INLINE_POLICY_NON_WHITESPACE = 10_240;
const MANAGED_POLICY_NON_WHITESPACE = 6_144;
const MANAGED_POLICIES_PER_PERMISSION_SET = 20;
const MANAGED_POLICIES_PER_ROLE = 10;

function inlinePolicySizeIssues(file: string, path: FieldPath, document: PolicyDocument): Issue[] {
  const text = policyText(document);
  const issues: Issue[] = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > INLINE_POLICY_BYTES)
    issues.push({ file, path, message: `is ${bytes} bytes as synthesized, over IAM Identity Center's ${INLINE_POLICY_BYTES} for an inline policy` });
  const characters = nonWhitespaceLength(text);
  if (characters > INLINE_POLICY_NON_WHITESPACE) {
    issues.push({
      file,
      path,
      message: `has ${characters} characters other than whitespace, over IAM Identity Center's ${INLINE_POLICY_NON_WHITESPACE} for an inline policy; move statements into a customer managed policy`,
    });
  }
  const outside = [...text].find((character) => !/[\t\n\r\u0020-\u00FF]/.test(character));
  if (outside !== undefined) {
    issues.push({
      file,
      path,
      message: `holds U+${outside.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which IAM Identity Center refuses in an inline policy: only tab, line breaks and U+0020 to U+00FF`,
    });
  }
  return issues;
}

export async function identityCenterPolicies({ landingZone, permissionSetPolicies }: Files): Promise<Issue[]> {
  const identityCenter = landingZone.config.identityCenter;
  const file = landingZone.file;
  const issues: Issue[] = [];
  const usedFiles = new Set<string>();
  for (const [name, set] of Object.entries(identityCenter?.permissionSets ?? {})) {
    const path = ['identityCenter', 'permissionSets', name];
    const managed = set.awsManagedPolicies.length + set.customerManagedPolicies.length;
    if (managed > MANAGED_POLICIES_PER_PERMISSION_SET) {
      issues.push({
        file,
        path,
        message: `attaches ${managed} managed policies, over IAM Identity Center's ${MANAGED_POLICIES_PER_PERMISSION_SET} per permission set`,
      });
    } else if (managed > MANAGED_POLICIES_PER_ROLE) {
      issues.push({
        file,
        path,
        severity: 'warning',
        message: `attaches ${managed} managed policies: an IAM role takes ${MANAGED_POLICIES_PER_ROLE} unless the quota "Managed policies per role" is raised in every account the permission set is granted in`,
      });
    }
    if (set.inlinePolicy) {
      issues.push(...inlinePolicySizeIssues(file, [...path, 'inlinePolicy'], set.inlinePolicy));
      issues.push(...(await policyDocumentIssues(file, [...path, 'inlinePolicy'], set.inlinePolicy)));
    }
    if (set.inlinePolicyFile !== undefined) usedFiles.add(set.inlinePolicyFile);
  }
  for (const policy of permissionSetPolicies) {
    issues.push(...inlinePolicySizeIssues(policy.file, [], policy.config), ...(await policyDocumentIssues(policy.file, [], policy.config)));
    if (!usedFiles.has(policy.name)) {
      issues.push({
        file: policy.file,
        path: [],
        severity: 'warning',
        message: `is the inline policy of no permission set; name it as inlinePolicyFile: ${policy.name} in ${file}, or remove the file`,
      });
    }
  }
  for (const [name, policy] of Object.entries(identityCenter?.customerManagedPolicies ?? {})) {
    const path = ['identityCenter', 'customerManagedPolicies', name, 'document'];
    const characters = nonWhitespaceLength(policyText(policy.document));
    if (characters > MANAGED_POLICY_NON_WHITESPACE) {
      issues.push({
        file,
        path,
        message: `has ${characters} characters other than whitespace, over IAM's ${MANAGED_POLICY_NON_WHITESPACE} for a managed policy`,
      });
    }
    issues.push(...(await policyDocumentIssues(file, path, policy.document)));
  }
  return issues;
}
