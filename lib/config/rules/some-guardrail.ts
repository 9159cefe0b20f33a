/** A warning when no SCP is attached anywhere: every account of the organization would then run without a guardrail. */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { guardrailAttachmentTargets } from '../policy-targets';

export function someGuardrail({ landingZone }: Pick<ConfigurationFiles<'guardrails'>, 'landingZone'>): Issue[] {
  if (guardrailAttachmentTargets({ landingZone }).some(({ value }) => value.serviceControlPolicies.length > 0)) return [];
  return [
    {
      file: landingZone.file,
      path: ['guardrails', 'attachments'],
      severity: 'warning',
      message:
        "attaches no service control policy anywhere: no account of the organization has a guardrail; attach some to the root (see the README's table of built-in guardrails)",
    },
  ];
}
