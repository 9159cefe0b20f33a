/** The `detectiveControls` section of landing-zone.yaml: which AWS Config controls reach which accounts, their parameters and remediation. */
import { z } from 'zod';
import { DEFAULT_ROOT_CONTROLS } from '../../guardrails/detective-control-catalogue';
import { expected } from '../schema-issues';
import { setOf } from './common';
import { nameRecord } from '../../name-record';

const ControlIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,50}$/, { error: expected('a control id of the catalogue (lowercase letters, digits and -)') });
export const ConformancePackNameSchema = z
  .string()
  .regex(/^[a-zA-Z][-a-zA-Z0-9]{0,50}$/, { error: expected('a conformance pack name: a letter, then letters, digits and - (conformance-packs/<name>.yaml)') });

export const ControlAttachmentsSchema = z
  .strictObject({
    controls: setOf(ControlIdSchema).default([]).describe('Ids of the detective control catalogue.'),
    conformancePacks: setOf(ConformancePackNameSchema).default([]).describe('Names of custom conformance packs (conformance-packs/<name>.yaml).'),
  })
  .describe('Detective controls deployed for one target.');

const RemediationSchema = z
  .strictObject({
    automatic: z.boolean().default(false).describe('Run the runbook on every non-compliant resource as it is found; otherwise it is run by hand from the AWS Config console.'),
    maximumAutomaticAttempts: z.number().int().min(1).max(25).default(5).describe('Attempts per resource before giving up.'),
    retryAttemptSeconds: z.number().int().min(1).max(2_678_000).default(60).describe('Seconds between attempts.'),
  })
  .describe("Remediation of a control with AWS's own runbook.");

export const DetectiveControlsSchema = z
  .strictObject({
    attachments: z
      .strictObject({
        root: ControlAttachmentsSchema.default({ controls: [...DEFAULT_ROOT_CONTROLS], conformancePacks: [] }).describe(
          'Deployed to every account, by the Config delegated administrator (those with remediation, by every baseline): by default every mandatory and strongly recommended control.',
        ),
        organizationalUnits: nameRecord(z.string(), ControlAttachmentsSchema).default({}).describe('By OU path: deployed in the baseline of every account below.'),
        accounts: nameRecord(z.string(), ControlAttachmentsSchema).default({}).describe("By account name: deployed in that account's baseline."),
      })
      .default({ root: { controls: [...DEFAULT_ROOT_CONTROLS], conformancePacks: [] }, organizationalUnits: {}, accounts: {} }),
    parameters: nameRecord(ControlIdSchema, nameRecord(z.string(), z.union([z.string(), z.number(), z.boolean()])))
      .default({})
      .describe("By control id: values of the managed rule's input parameters, over the catalogue's."),
    remediation: nameRecord(ControlIdSchema, RemediationSchema).default({}).describe("By control id: remediation with the runbook the catalogue names."),
  })
  .describe('Detective controls (AWS Config rules and conformance packs) and where they are deployed.');

export type DetectiveControlsConfig = z.output<typeof DetectiveControlsSchema>;
export type ControlAttachmentsConfig = z.output<typeof ControlAttachmentsSchema>;
