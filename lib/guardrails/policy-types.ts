/**
 * The types of organization policy the landing zone manages, each with the key that
 * attaches it in `guardrails.attachments` and the policy AWS attaches to every root, OU
 * and account of its own once the type is enabled (and which takes one of the slots of
 * each target).
 */
export const ORGANIZATION_POLICY_KINDS = [
  { type: 'SERVICE_CONTROL_POLICY', attachmentKey: 'serviceControlPolicies', label: 'SCP', awsManagedPolicy: 'FullAWSAccess' },
  { type: 'TAG_POLICY', attachmentKey: 'tagPolicies', label: 'tag policy' },
  { type: 'RESOURCE_CONTROL_POLICY', attachmentKey: 'resourceControlPolicies', label: 'RCP', awsManagedPolicy: 'RCPFullAWSAccess' },
  { type: 'DECLARATIVE_POLICY_EC2', attachmentKey: 'declarativePolicies', label: 'declarative policy (EC2)' },
  { type: 'AISERVICES_OPT_OUT_POLICY', attachmentKey: 'aiServicesOptOutPolicies', label: 'AI services opt-out policy' },
  { type: 'BACKUP_POLICY', attachmentKey: 'backupPolicies', label: 'backup policy' },
] as const satisfies readonly {
  readonly type: string;
  readonly attachmentKey: string;
  readonly label: string;
  readonly awsManagedPolicy?: string;
}[];

export type OrganizationPolicyKind = (typeof ORGANIZATION_POLICY_KINDS)[number];
export type OrganizationPolicyType = OrganizationPolicyKind['type'];
/** `serviceControlPolicies`, `resourceControlPolicies`, ...: the keys of one target's attachments. */
export type PolicyAttachmentKey = OrganizationPolicyKind['attachmentKey'];

export const POLICY_ATTACHMENT_KEYS: readonly PolicyAttachmentKey[] = ORGANIZATION_POLICY_KINDS.map((kind) => kind.attachmentKey);

export function policyKindOf(type: OrganizationPolicyType): OrganizationPolicyKind {
  const kind = ORGANIZATION_POLICY_KINDS.find((candidate) => candidate.type === type);
  if (!kind) throw new Error(`unknown policy type ${type}`);
  return kind;
}
