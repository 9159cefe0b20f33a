/**
 * Deny leaving the organization: an account that leaves takes itself out of every
 * guardrail, the organization trail and the security services at once.
 */
import type { Guardrail } from './guardrail';

export const denyLeavingOrganization: Guardrail = {
  id: 'deny-leaving-organization',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies member accounts leaving the organization.',
  build: () => ({
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyLeavingOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
  }),
};
