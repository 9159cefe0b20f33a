/**
 * What a policy copied from a template may still hold: `${Account}`, `<my-org-id>`,
 * `[PRIVILEGED_ROLE]`, which would make a statement match nothing, or everything. IAM's
 * own policy variables are not placeholders.
 */
import { quoted, type FieldPath, type Issue } from '../diagnostics';
import type { PolicyDocument } from '../iam/policy-document';

/** IAM policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, and the escapes `${*}`, `${?}`, `${$}`. */
const POLICY_VARIABLE = /^(?:[\w.-]+:[^,}]+(?:,\s*'[^']*')?|[*?$])$/;

/** What a template leaves for its user to fill in. */
function placeholderIn(text: string): string | undefined {
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) if (!POLICY_VARIABLE.test(match[1])) return match[0];
  return /<[^<>]+>/.exec(text)?.[0] ?? /\[[A-Z][A-Z0-9_-]*\]/.exec(text)?.[0];
}

/** Each place of `document` that still holds a template's placeholder; `path` is where the document is in its file. */
export function placeholderIssues(file: string, document: PolicyDocument, path: FieldPath = []): Issue[] {
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
  visit(document, [...path]);
  return issues;
}
