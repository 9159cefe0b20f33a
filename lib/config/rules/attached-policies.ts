/**
 * Every attached policy exists and is of the type it is attached as, once per target; a
 * built-in is attached only where the settings give it something to enforce.
 */
import { SERVICE_CONTROL_POLICY_GUARDRAILS, TAG_POLICY_GUARDRAILS } from '../../guardrails/catalogue';
import { expectedOneOf, type FieldPath, type Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { guardrailContext, type GuardrailContextSections } from '../guardrail-context';
import { attachableTargets } from './guardrail-targets';

function listIssues(
  file: string,
  names: readonly string[],
  known: readonly string[],
  kind: string,
  path: FieldPath,
  unmetRequirementOf: (name: string) => string | undefined,
): Issue[] {
  return names.flatMap((name, index): Issue[] => {
    const at = [...path, index];
    if (!known.includes(name)) return [{ file, path: at, message: expectedOneOf(kind, known, name) }];
    if (names.indexOf(name) !== index) return [{ file, path: at, message: `${name} is attached twice` }];
    const unmet = unmetRequirementOf(name);
    return unmet ? [{ file, path: at, message: `${name} ${unmet}, or detach it here` }] : [];
  });
}

export function attachedPolicies(files: ConfigurationFiles<GuardrailContextSections | 'organizationalUnits'>): Issue[] {
  const builtIns = [...SERVICE_CONTROL_POLICY_GUARDRAILS, ...TAG_POLICY_GUARDRAILS];
  const context = guardrailContext(files);
  const unmetRequirementOf = (name: string) => builtIns.find((guardrail) => guardrail.id === name)?.unmetRequirement?.(context);
  const serviceControlPolicies = [...SERVICE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => guardrail.id), ...files.customPolicies.map((policy) => policy.name)];
  const tagPolicies = TAG_POLICY_GUARDRAILS.map((guardrail) => guardrail.id);
  const file = files.landingZone.file;
  return attachableTargets(files).flatMap(({ fieldPath, value }) => [
    ...listIssues(
      file,
      value.serviceControlPolicies,
      serviceControlPolicies,
      'a built-in guardrail or a custom SCP in scps/',
      [...fieldPath, 'serviceControlPolicies'],
      unmetRequirementOf,
    ),
    ...listIssues(file, value.tagPolicies, tagPolicies, 'a built-in tag policy', [...fieldPath, 'tagPolicies'], unmetRequirementOf),
  ]);
}
