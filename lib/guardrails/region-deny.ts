/**
 * Region deny: nothing runs outside the governed regions. Workloads, data and their
 * costs stay where the organization has decided to operate and to watch (GuardDuty,
 * Config and the baseline cover the governed regions only). Global services, whose
 * endpoints sit in one region, stay usable from anywhere: Control Tower's exemption list,
 * plus configured actions. The exempt principals may still act anywhere.
 */
import { type Guardrail, unlessExempt } from './guardrail';
import { REGION_DENY_EXEMPT_ACTIONS } from './region-deny-exempt-actions';

export const regionDeny: Guardrail = {
  id: 'region-deny',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies requests outside the governed regions, except global services and the exempt principals.',
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyOutsideGovernedRegions',
        Effect: 'Deny',
        NotAction: [...new Set([...REGION_DENY_EXEMPT_ACTIONS, ...context.regionDenyExtraExemptActions])],
        Resource: '*',
        Condition: {
          StringNotEquals: { 'aws:RequestedRegion': [...context.governedRegions] },
          ...unlessExempt(context),
        },
      },
    ],
  }),
};
