/**
 * A custom conformance pack template, `conformance-packs/<name>.yaml`: the subset of a
 * CloudFormation template AWS Config takes for a pack (Config rules and their remediation,
 * parameters and conditions). Only its outline is checked here; AWS Config checks each
 * rule's properties when the pack is deployed.
 */
import { z } from 'zod';
import { nameRecord } from '../../name-record';

/** What AWS Config accepts as a template body (PutConformancePack, TemplateBody), as synthesized. */
export const CONFORMANCE_PACK_TEMPLATE_MAX_LENGTH = 51_200;

const RESOURCE_TYPES = ['AWS::Config::ConfigRule', 'AWS::Config::RemediationConfiguration'] as const;

const ResourceSchema = z
  .object({
    Type: z.enum(RESOURCE_TYPES, { error: `expected one of the resources a conformance pack holds (${RESOURCE_TYPES.join(', ')})` }),
    Properties: nameRecord(z.string(), z.unknown()),
  })
  .catchall(z.unknown());

export const ConformancePackTemplateSchema = z
  .strictObject({
    AWSTemplateFormatVersion: z.string().optional(),
    Description: z.string().optional(),
    Metadata: z.unknown().optional(),
    Parameters: nameRecord(z.string(), z.unknown()).optional(),
    Conditions: nameRecord(z.string(), z.unknown()).optional(),
    Resources: nameRecord(z.string().regex(/^[A-Za-z0-9]+$/, { error: 'a logical id is letters and digits only' }), ResourceSchema)
      .refine((resources) => Object.values(resources).some((resource) => resource.Type === 'AWS::Config::ConfigRule'), {
        error: 'holds no AWS::Config::ConfigRule: a conformance pack is a set of Config rules',
      }),
  })
  .describe('A conformance pack template: Config rules, their remediation, parameters and conditions.');

export type ConformancePackTemplate = z.output<typeof ConformancePackTemplateSchema>;

/** The template body as synthesized: compact JSON, which AWS Config reads as it reads YAML. */
export function conformancePackTemplateText(template: ConformancePackTemplate): string {
  return JSON.stringify(template);
}
