/**
 * The shape of a custom runbook, `runbooks/<name>.yaml` (or `.yml`, `.json`): an AWS Systems
 * Manager Automation document, schema version 0.3, as AWS takes it. Its top-level keys are
 * checked here; each step's inputs are the step action's own and are left to AWS.
 */
import { z } from 'zod';
import { expected } from '../schema-issues';
import { setOf } from './common';
import { nameRecord } from '../../name-record';


export const RunbookDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal('0.3', { error: 'expected "0.3", the schema version of Automation runbooks' }),
    description: z.string().max(1024).optional(),
    assumeRole: z.string().optional(),
    parameters: nameRecord(z.string().regex(/^[a-zA-Z0-9_]{1,50}$/, { error: expected('a parameter name of letters, digits and _ (at most 50)') }), z.looseObject({ type: z.string() }))
      .optional(),
    mainSteps: setOf(
      z.looseObject({
        name: z.string().regex(/^[a-zA-Z0-9_]{1,128}$/, { error: expected('a step name of letters, digits and _ (at most 128)') }),
        action: z.string().regex(/^aws:[a-zA-Z]+$/, { error: expected('an Automation action such as aws:executeScript') }),
      }),
      // Steps run in order and name each other (nextStep, outputs): each name once.
      (step) => step.name,
    )
      .min(1)
      .describe('The steps, each with its name and action (aws:executeScript, aws:approve, ...).'),
    outputs: setOf(z.string()).optional(),
  })
  .describe('An Automation runbook (schema version 0.3).');

export type RunbookDocument = z.output<typeof RunbookDocumentSchema>;
