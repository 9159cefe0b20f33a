/**
 * A custom SCP or a backup plan does not take the name of a built-in guardrail or of one
 * another: attachments, and the policy ids the stacks publish by name, could not tell them apart.
 */
import { BUILT_IN_GUARDRAILS } from '../../guardrails/catalogue';
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';

export function customPolicyNames({ landingZone, customPolicies }: Pick<ConfigurationFiles<'backup'>, 'landingZone' | 'customPolicies'>): Issue[] {
  const builtInIds = new Set(BUILT_IN_GUARDRAILS.map((guardrail) => guardrail.id));
  const customNames = new Set(customPolicies.map((custom) => custom.name));
  return [
    ...customPolicies
      .filter((custom) => builtInIds.has(custom.name))
      .map((custom) => ({ file: custom.file, path: [], message: `is named like the built-in guardrail ${custom.name}; rename the file` })),
    ...Object.keys(landingZone.config.backup?.plans ?? {})
      .filter((name) => builtInIds.has(name) || customNames.has(name))
      .map((name) => ({
        file: landingZone.file,
        path: ['backup', 'plans', name],
        message: `is named like the ${builtInIds.has(name) ? 'built-in guardrail' : 'custom SCP'} ${name}: policies of every type share one namespace; rename the plan`,
      })),
  ];
}
