/** Every guardrail attachment names a target that exists and takes policies: the root, an OU of the tree, a member account. */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { guardrailAttachmentTargets, resolveTarget, type Targeted } from '../policy-targets';
import type { PolicyAttachmentsConfig } from '../schemas/guardrails';

const MANAGEMENT_ACCOUNT = 'policies do not apply to the management account; attach them to member accounts, OUs or the root';

type Files = Pick<ConfigurationFiles<'guardrails' | 'organizationalUnits'>, 'landingZone' | 'accounts'>;

function targetIssue(attachment: Targeted<PolicyAttachmentsConfig>, files: Files): Issue | undefined {
  const resolution = resolveTarget(attachment, files);
  if (!resolution.found) return resolution.issue;
  if (resolution.account?.config.role === 'management') return { file: files.landingZone.file, path: attachment.fieldPath, message: MANAGEMENT_ACCOUNT };
  return undefined;
}

export function guardrailTargets(files: Files): Issue[] {
  return guardrailAttachmentTargets(files).flatMap((attachment) => targetIssue(attachment, files) ?? []);
}

/** The attachments whose target takes policies: the other guardrail rules check these only. */
export function attachableTargets(files: Files): Targeted<PolicyAttachmentsConfig>[] {
  return guardrailAttachmentTargets(files).filter((attachment) => targetIssue(attachment, files) === undefined);
}
