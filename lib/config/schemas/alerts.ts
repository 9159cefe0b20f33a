/** The `alerts` section of landing-zone.yaml. */
import { z } from 'zod';
import { DEFAULT_ALERT_EVENT_BUS_NAME } from '../../resource-names';
import { EmailSetSchema } from './common';

/**
 * Each address is an SNS subscription of its own, a Terraform resource of the security
 * stack and a confirmation e-mail: far below SNS's own quota, and enough for the people
 * paged; a list beyond it belongs in a mailing list, subscribed once.
 */
export const MAX_ALERT_EMAILS = 100;

export const AlertsSchema = z
  .strictObject({
    emails: EmailSetSchema
      .min(1)
      .max(MAX_ALERT_EMAILS)
      .describe(`Who receives security alerts (each confirms an SNS subscription); at most ${MAX_ALERT_EMAILS}: use a mailing list for more.`),
    guardDutyMinimumSeverity: z
      .number()
      .min(1)
      .max(8.9)
      .default(7)
      .describe('GuardDuty findings at or above this severity alert (4-6.9 medium, 7-8.9 high).'),
    eventBusName: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,256}$/, { error: 'expected an event bus name: letters, digits, ".", "_" and "-"' })
      .refine((name) => name !== 'default', { error: 'the central bus cannot be the default bus' })
      .default(DEFAULT_ALERT_EVENT_BUS_NAME)
      .describe('The central event bus in the security account, home region.'),
  })
  .describe('Organization-wide security alerts: every account forwards matching events to a central bus in the security account.');

export type AlertsConfig = z.output<typeof AlertsSchema>;
