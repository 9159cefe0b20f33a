/**
 * The checks every IAM policy of the configuration gets, wherever it is written: every
 * action and condition key exists in AWS, and no template placeholder is left in. AWS's
 * data is looked up, which takes a moment.
 */
import type { FieldPath, Issue } from '../diagnostics';
import type { PolicyDocument } from '../iam/policy-document';
import { policyReferenceProblems } from '../iam/policy-references';
import { placeholderIssues } from './policy-placeholders';

/** The issues of `document`, which is at `path` in `file`. */
export async function policyDocumentIssues(file: string, path: FieldPath, document: PolicyDocument): Promise<Issue[]> {
  const references = (await policyReferenceProblems(document)).map((problem) => ({ file, path: [...path, ...problem.path], message: problem.message }));
  return [...placeholderIssues(file, document, path), ...references];
}

/** What IAM counts against a policy's size quota: every character but whitespace. */
export function nonWhitespaceLength(text: string): number {
  return text.replace(/\s/g, '').length;
}
