/**
 * Every attached policy exists and is of the type it is attached as; a built-in is attached
 * only where the settings give it something to enforce.
 */
import { BUILT_IN_GUARDRAILS, builtInGuardrailsOf } from '../../guardrails/catalogue';
import { ORGANIZATION_POLICY_KINDS, type OrganizationPolicyType } from '../../guardrails/policy-types';
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
    const unmet = unmetRequirementOf(name);
    return unmet ? [{ file, path: at, message: `${name} ${unmet}, or detach it here` }] : [];
  });
}

const EXPECTED: Readonly<Record<OrganizationPolicyType, string>> = {
  SERVICE_CONTROL_POLICY: 'a built-in guardrail or a custom SCP in scps/',
  TAG_POLICY: 'a built-in tag policy',
  RESOURCE_CONTROL_POLICY: 'a built-in resource control policy',
  DECLARATIVE_POLICY_EC2: 'a built-in EC2 declarative policy',
  AISERVICES_OPT_OUT_POLICY: 'a built-in AI services opt-out policy',
  BACKUP_POLICY: 'a backup plan of backup.plans',
};

export function attachedPolicies(files: ConfigurationFiles<GuardrailContextSections | 'organizationalUnits' | 'backup'>): Issue[] {
  const context = guardrailContext(files);
  const unmetRequirementOf = (name: string) => BUILT_IN_GUARDRAILS.find((guardrail) => guardrail.id === name)?.unmetRequirement?.(context);
  const declared: Partial<Record<OrganizationPolicyType, readonly string[]>> = {
    SERVICE_CONTROL_POLICY: files.customPolicies.map((policy) => policy.name),
    BACKUP_POLICY: Object.keys(files.landingZone.config.backup?.plans ?? {}),
  };
  const known = (type: OrganizationPolicyType) => [...builtInGuardrailsOf(type).map((guardrail) => guardrail.id), ...(declared[type] ?? [])];
  const file = files.landingZone.file;
  return attachableTargets(files).flatMap(({ fieldPath, value }) =>
    ORGANIZATION_POLICY_KINDS.flatMap(({ type, attachmentKey }) =>
      listIssues(file, value[attachmentKey], known(type), EXPECTED[type], [...fieldPath, attachmentKey], unmetRequirementOf),
    ),
  );
}
