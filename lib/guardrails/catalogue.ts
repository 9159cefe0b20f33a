/** Every built-in guardrail, by id and type. Attachments in landing-zone.yaml name them. */
import { denyAll } from './deny-all';
import { denyIamUsers } from './deny-iam-users';
import { denyLeavingOrganization } from './deny-leaving-organization';
import { ec2AllowedImages } from './ec2-allowed-images';
import { ec2BlockPublicAmiSharing } from './ec2-block-public-ami-sharing';
import { ec2BlockPublicSnapshots } from './ec2-block-public-snapshots';
import { ec2Imdsv2ByDefault } from './ec2-imdsv2-by-default';
import { ec2SerialConsoleOff } from './ec2-serial-console-off';
import { ec2VpcBlockPublicAccess } from './ec2-vpc-block-public-access';
import { enforceOrganizationIdentities } from './enforce-organization-identities';
import { enforceSecureTransport } from './enforce-secure-transport';
import type { Guardrail } from './guardrail';
import { optOutOfAiServices } from './opt-out-of-ai-services';
import type { OrganizationPolicyType } from './policy-types';
import { protectAccountBaseline } from './protect-account-baseline';
import { protectCentralAlertBus } from './protect-central-alert-bus';
import { protectIdentityCenter } from './protect-identity-center';
import { protectIncidentResponse } from './protect-incident-response';
import { protectLandingZoneRoles } from './protect-landing-zone-roles';
import { protectLogArchive } from './protect-log-archive';
import { protectSecurityServices } from './protect-security-services';
import { regionDeny } from './region-deny';
import { requireTagsOnCreate } from './require-tags-on-create';
import { requiredTagsTagPolicy } from './required-tags';
import { rootUserLockdown } from './root-user-lockdown';
import type { ResourcePolicyDocument } from '../iam/policy-document';

export const SERVICE_CONTROL_POLICY_GUARDRAILS: readonly Guardrail[] = [
  regionDeny,
  requireTagsOnCreate,
  denyLeavingOrganization,
  rootUserLockdown,
  protectSecurityServices,
  protectLogArchive,
  protectAccountBaseline,
  denyIamUsers,
  protectLandingZoneRoles,
  protectCentralAlertBus,
  protectIdentityCenter,
  protectIncidentResponse,
  denyAll,
];

export const TAG_POLICY_GUARDRAILS: readonly Guardrail<object>[] = [requiredTagsTagPolicy];

export const RESOURCE_CONTROL_POLICY_GUARDRAILS: readonly Guardrail<ResourcePolicyDocument>[] = [enforceOrganizationIdentities, enforceSecureTransport];

export const DECLARATIVE_POLICY_GUARDRAILS: readonly Guardrail<object>[] = [
  ec2Imdsv2ByDefault,
  ec2BlockPublicAmiSharing,
  ec2BlockPublicSnapshots,
  ec2SerialConsoleOff,
  ec2VpcBlockPublicAccess,
  ec2AllowedImages,
];

export const AI_SERVICES_OPT_OUT_GUARDRAILS: readonly Guardrail<object>[] = [optOutOfAiServices];

/** Every built-in guardrail of every type; ids are unique across them all. */
export const BUILT_IN_GUARDRAILS: readonly Guardrail<object>[] = [
  ...SERVICE_CONTROL_POLICY_GUARDRAILS,
  ...TAG_POLICY_GUARDRAILS,
  ...RESOURCE_CONTROL_POLICY_GUARDRAILS,
  ...DECLARATIVE_POLICY_GUARDRAILS,
  ...AI_SERVICES_OPT_OUT_GUARDRAILS,
];

export function builtInGuardrailsOf(type: OrganizationPolicyType): readonly Guardrail<object>[] {
  return BUILT_IN_GUARDRAILS.filter((guardrail) => guardrail.type === type);
}
