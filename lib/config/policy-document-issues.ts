/**
 * The checks every IAM policy of the configuration gets, wherever it is written: every
 * action and condition key exists in AWS, every statement can match a request, and no
 * template placeholder is left in. AWS's data is looked up, which takes a moment.
 */
import type { FieldPath, Issue } from '../diagnostics';
import type { PolicyDocument } from '../iam/policy-document';
import { policyReferenceProblems } from '../iam/policy-references';
import { matchProblems, type PolicyKind } from '../iam/policy-semantics';
import { placeholderIssues } from './policy-placeholders';

/**
 * What of `document` can never match a request (an error: an action it names that the
 * statement's resources or conditions rule out), and what in it does nothing (a warning: a
 * resource no action takes, a condition that holds whatever the request).
 */
export async function policySemanticsIssues(file: string, path: FieldPath, document: PolicyDocument, kind: PolicyKind): Promise<Issue[]> {
  return (await matchProblems(document, kind)).map((problem) => ({
    file,
    path: [...path, ...problem.path],
    message: `${problem.message}; ${problem.fix}`,
    ...(problem.severity === 'warning' ? { severity: 'warning' as const } : {}),
  }));
}

/** The issues of the identity policy `document`, which is at `path` in `file`. */
export async function policyDocumentIssues(file: string, path: FieldPath, document: PolicyDocument): Promise<Issue[]> {
  const references = (await policyReferenceProblems(document)).map((problem) => ({ file, path: [...path, ...problem.path], message: problem.message }));
  return [...placeholderIssues(file, document, path), ...references, ...(await policySemanticsIssues(file, path, document, 'identity'))];
}

/** What IAM counts against a policy's size quota: every character but whitespace. */
export function nonWhitespaceLength(text: string): number {
  return text.replace(/\s/g, '').length;
}
