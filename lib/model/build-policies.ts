/**
 * Builds every attached policy for this landing zone: built-in guardrails from their
 * builders, custom SCPs from their files, backup plans from the backup section.
 */
import { builtInGuardrailsOf } from '../guardrails/catalogue';
import { backupPlanPolicy } from '../guardrails/backup-plan-policy';
import { ORGANIZATION_POLICY_KINDS, POLICY_ATTACHMENT_KEYS, type OrganizationPolicyType, type PolicyAttachmentKey } from '../guardrails/policy-types';
import type { ConfigurationFiles } from '../config/configuration-files';
import { guardrailAttachmentTargets } from '../config/policy-targets';
import { guardrailContext } from '../config/guardrail-context';
import type { PolicyAttachmentsConfig } from '../config/schemas/guardrails';
import type { FieldPath } from '../diagnostics';
import { policyText } from '../iam/policy-document';
import { BACKUP_ROLE, BACKUP_VAULT_NAME } from '../resource-names';
import type { OrganizationPolicy, PolicyAttachments } from './landing-zone';
import { compareText } from '../text-order';

const NO_ATTACHMENTS = Object.fromEntries(POLICY_ATTACHMENT_KEYS.map((key) => [key, []])) as unknown as PolicyAttachments;

export function attachmentsOf(config: PolicyAttachmentsConfig | undefined): PolicyAttachments {
  return config ? (Object.fromEntries(POLICY_ATTACHMENT_KEYS.map((key) => [key, config[key]])) as unknown as PolicyAttachments) : NO_ATTACHMENTS;
}

/** Each attached policy name with the first place it is attached, per attachment key. */
function firstAttachments(files: ConfigurationFiles): ReadonlyMap<PolicyAttachmentKey, ReadonlyMap<string, FieldPath>> {
  const attached = new Map(POLICY_ATTACHMENT_KEYS.map((key) => [key, new Map<string, FieldPath>()]));
  for (const { fieldPath, value } of guardrailAttachmentTargets(files)) {
    for (const key of POLICY_ATTACHMENT_KEYS) {
      const names = attached.get(key)!;
      value[key].forEach((name, index) => names.has(name) || names.set(name, [...fieldPath, key, index]));
    }
  }
  return attached;
}

/** The policies of the configuration that are not built-ins, of one type, by name, each with where it is declared. */
function declaredPolicies(
  files: ConfigurationFiles,
  type: OrganizationPolicyType,
): { name: string; description: string; document: unknown; file: string; path: FieldPath }[] {
  const { landingZone } = files;
  switch (type) {
    case 'SERVICE_CONTROL_POLICY':
      return files.customPolicies.map((policy) => ({
        name: policy.name,
        description: `Custom SCP from ${policy.file}.`,
        document: policy.config,
        file: policy.file,
        path: [],
      }));
    case 'BACKUP_POLICY':
      return Object.entries(landingZone.config.backup?.plans ?? {}).map(([name, plan]) => ({
        name,
        description: `Backup plan ${name} of ${landingZone.file}.`,
        document: backupPlanPolicy(
          { name, ...plan },
          {
            regions: [landingZone.config.homeRegion, ...landingZone.config.governedRegions.filter((region) => region !== landingZone.config.homeRegion)],
            vaultName: BACKUP_VAULT_NAME,
            roleName: BACKUP_ROLE,
          },
        ),
        file: landingZone.file,
        path: ['backup', 'plans', name],
      }));
    default:
      return [];
  }
}

/** Service control policies first, then each other type in the order of `ORGANIZATION_POLICY_KINDS`, each sorted by name. */
export function buildPolicies(files: ConfigurationFiles): OrganizationPolicy[] {
  const context = guardrailContext(files);
  const attached = firstAttachments(files);
  const byName = (a: OrganizationPolicy, b: OrganizationPolicy) => compareText(a.name, b.name);
  return ORGANIZATION_POLICY_KINDS.flatMap(({ type, attachmentKey }) => {
    const names = attached.get(attachmentKey)!;
    const builtIn = builtInGuardrailsOf(type)
      .filter((guardrail) => names.has(guardrail.id))
      .map((guardrail) => ({
        name: guardrail.id,
        type,
        description: guardrail.description,
        content: policyText(guardrail.build(context)),
        origin: { file: files.landingZone.file, path: names.get(guardrail.id) ?? [] },
      }));
    const declared = declaredPolicies(files, type)
      .filter((policy) => names.has(policy.name))
      .map((policy) => ({
        name: policy.name,
        type,
        description: policy.description,
        content: policyText(policy.document),
        origin: { file: policy.file, path: policy.path },
      }));
    return [...builtIn, ...declared].sort(byName);
  });
}
