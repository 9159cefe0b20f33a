/** Every built-in guardrail, by id. Attachments in landing-zone.yaml name them. */
import { denyAll } from './deny-all';
import { denyIamUsers } from './deny-iam-users';
import { denyLeavingOrganization } from './deny-leaving-organization';
import type { Guardrail } from './guardrail';
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
