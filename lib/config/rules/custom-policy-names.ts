/** A custom SCP does not take a built-in guardrail's name: attachments could not tell them apart. */
import { SERVICE_CONTROL_POLICY_GUARDRAILS, TAG_POLICY_GUARDRAILS } from '../../guardrails/catalogue';
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

export function customPolicyNames({ customPolicies }: Pick<ConfigurationFiles, 'customPolicies'>): Issue[] {
  const builtInIds = new Set([...SERVICE_CONTROL_POLICY_GUARDRAILS, ...TAG_POLICY_GUARDRAILS].map((guardrail) => guardrail.id));
  return customPolicies
    .filter((custom) => builtInIds.has(custom.name))
    .map((custom) => ({ file: custom.file, path: [], message: `is named like the built-in guardrail ${custom.name}; rename the file` }));
}
