/** How the review treats risks a team has looked at: acknowledged until a date, in the manner of cdk-nag's suppressions. */
import { z } from 'zod';
import { expected } from '../schema-issues';
import { plainText, setOf } from './common';

const AcknowledgementSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z-]+:[0-9a-f]{12}$/, { error: expected('a risk id as the review prints it, such as access-widened:0123456789ab') })
      .describe('The id the review gives the risk (`id:` under it in the terminal, `id` in JSON).'),
    reason: plainText(1, 500).describe('Why the risk is accepted.'),
    by: plainText(1, 128).describe('Who accepted it.'),
    expires: z.iso.date({ error: expected('a date such as 2027-03-31') }).describe('The last day the acknowledgement holds (YYYY-MM-DD); the risk fails the review again after it.'),
  })
  .describe('A risk accepted until a date: still shown, marked acknowledged, and not failing `--fail-on`.');

export const ReviewSchema = z
  .strictObject({
    acknowledged: setOf(AcknowledgementSchema, (acknowledgement) => acknowledgement.id).default([]).describe('Risks accepted, each until a date.'),
  })
  .describe('How `npm run review` and `npm run plan-summary` treat risks a team has looked at.');

export type ReviewConfig = z.output<typeof ReviewSchema>;
