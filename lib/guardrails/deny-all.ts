/**
 * Deny all: for accounts waiting to be closed (the Suspended OU). Nothing in them runs or
 * changes; closing them is done from the management account, which SCPs do not restrict.
 */
import type { Guardrail } from './guardrail';

export const denyAll: Guardrail = {
  id: 'deny-all',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies every action: for accounts waiting to be closed.',
  build: () => ({
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyAll', Effect: 'Deny', Action: '*', Resource: '*' }],
  }),
};
