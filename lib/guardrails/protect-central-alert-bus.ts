/**
 * Protect the central alert bus: every account forwards its security events to a bus in
 * the security account, admitted by the bus's resource policy. Removing or narrowing that
 * policy silences the alerts of the whole organization at once. EventBridge's permission
 * calls name no bus, so they are denied for the whole account: attach this guardrail to
 * the security account, where no team needs to share a bus of its own.
 */
import { type Guardrail, unlessExempt } from './guardrail';

export const protectCentralAlertBus: Guardrail = {
  id: 'protect-central-alert-bus',
  type: 'SERVICE_CONTROL_POLICY',
  description: "Denies changing who may put events on the security account's event buses, except to the exempt principals: for the security account.",
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectCentralAlertBusPolicy',
        Effect: 'Deny',
        Action: ['events:PutPermission', 'events:RemovePermission'],
        Resource: '*',
        Condition: unlessExempt(context),
      },
    ],
  }),
};
