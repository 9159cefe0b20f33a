/** Builds every attached policy for this landing zone: built-in guardrails from their builders, custom SCPs from their files. */
import { SERVICE_CONTROL_POLICY_GUARDRAILS, TAG_POLICY_GUARDRAILS } from '../guardrails/catalogue';
import type { ConfigurationFiles } from '../config/configuration-files';
import { guardrailAttachmentTargets } from '../config/policy-targets';
import { guardrailContext } from '../config/guardrail-context';
import type { PolicyAttachmentsConfig } from '../config/schemas/guardrails';
import type { FieldPath } from '../diagnostics';
import { policyText } from '../iam/policy-document';
import type { OrganizationPolicy, PolicyAttachments } from './landing-zone';
import { compareText } from '../text-order';

const NO_ATTACHMENTS: PolicyAttachments = { serviceControlPolicies: [], tagPolicies: [] };

export function attachmentsOf(config: PolicyAttachmentsConfig | undefined): PolicyAttachments {
  return config ? { serviceControlPolicies: config.serviceControlPolicies, tagPolicies: config.tagPolicies } : NO_ATTACHMENTS;
}

/** Each attached policy name with the first place it is attached, per type. */
function firstAttachments(files: ConfigurationFiles): { scp: Map<string, FieldPath>; tag: Map<string, FieldPath> } {
  const scp = new Map<string, FieldPath>();
  const tag = new Map<string, FieldPath>();
  for (const { fieldPath, value } of guardrailAttachmentTargets(files)) {
    value.serviceControlPolicies.forEach((name, index) => scp.has(name) || scp.set(name, [...fieldPath, 'serviceControlPolicies', index]));
    value.tagPolicies.forEach((name, index) => tag.has(name) || tag.set(name, [...fieldPath, 'tagPolicies', index]));
  }
  return { scp, tag };
}

export function buildPolicies(files: ConfigurationFiles): OrganizationPolicy[] {
  const context = guardrailContext(files);
  const attached = firstAttachments(files);
  const builtIn = (guardrails: typeof SERVICE_CONTROL_POLICY_GUARDRAILS | typeof TAG_POLICY_GUARDRAILS, names: Map<string, FieldPath>) =>
    guardrails
      .filter((guardrail) => names.has(guardrail.id))
      .map((guardrail) => ({
        name: guardrail.id,
        type: guardrail.type,
        description: guardrail.description,
        content: policyText(guardrail.build(context)),
        origin: { file: files.landingZone.file, path: names.get(guardrail.id) ?? [] },
      }));
  const custom: OrganizationPolicy[] = files.customPolicies
    .filter((policy) => attached.scp.has(policy.name))
    .map((policy) => ({
      name: policy.name,
      type: 'SERVICE_CONTROL_POLICY',
      description: `Custom SCP from ${policy.file}.`,
      content: policyText(policy.config),
      origin: { file: policy.file, path: [] },
    }));
  const byName = (a: OrganizationPolicy, b: OrganizationPolicy) => compareText(a.name, b.name);
  return [
    ...[...builtIn(SERVICE_CONTROL_POLICY_GUARDRAILS, attached.scp), ...custom].sort(byName),
    ...builtIn(TAG_POLICY_GUARDRAILS, attached.tag).sort(byName),
  ];
}
