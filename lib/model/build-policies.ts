/** Builds every attached policy for this landing zone: built-in guardrails from their builders, custom SCPs from their files. */
import { SERVICE_CONTROL_POLICY_GUARDRAILS, TAG_POLICY_GUARDRAILS } from '../../scps/catalogue';
import type { ConfigurationFiles } from '../config/configuration-files';
import { LANDING_ZONE_FILE } from '../config/configuration-files';
import { guardrailContext } from '../config/guardrail-context';
import type { PolicyAttachmentsConfig } from '../config/guardrails-schema';
import type { FieldPath } from '../diagnostics';
import { policyText } from '../policies/policy-document';
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
  const { root, organizationalUnits, accounts } = files.landingZone.config.guardrails.attachments;
  const targets: [FieldPath, PolicyAttachmentsConfig][] = [
    ...(root ? [[['root'], root] as [FieldPath, PolicyAttachmentsConfig]] : []),
    ...Object.entries(organizationalUnits).map(([path, config]): [FieldPath, PolicyAttachmentsConfig] => [['organizationalUnits', path], config]),
    ...Object.entries(accounts).map(([name, config]): [FieldPath, PolicyAttachmentsConfig] => [['accounts', name], config]),
  ];
  for (const [target, config] of targets) {
    const base = ['guardrails', 'attachments', ...target];
    config.serviceControlPolicies.forEach((name, index) => scp.has(name) || scp.set(name, [...base, 'serviceControlPolicies', index]));
    config.tagPolicies.forEach((name, index) => tag.has(name) || tag.set(name, [...base, 'tagPolicies', index]));
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
        origin: { file: LANDING_ZONE_FILE, path: names.get(guardrail.id) ?? [] },
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
  return [...[...builtIn(SERVICE_CONTROL_POLICY_GUARDRAILS, attached.scp), ...custom].sort(byName), ...builtIn(TAG_POLICY_GUARDRAILS, attached.tag).sort(byName)];
}
