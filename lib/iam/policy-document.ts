/**
 * IAM policy documents: their grammar, written once as a schema that validates the
 * custom SCPs and from which the types of every built policy follow, and their text.
 *
 * The schema takes every form the IAM grammar allows and gives it as AWS evaluates it: a
 * single statement as a list of one, Boolean and number condition values as the strings
 * IAM compares them as.
 */
import { z } from 'zod';
import { nameRecord } from '../name-record';

export type OneOrMany<T> = T | readonly T[];

const OneOrManyStrings = z.union([z.string().min(1), z.array(z.string().min(1)).min(1).readonly()]);

/** IAM compares every condition value as a string, the empty one included. */
const ConditionValue = z.preprocess((value) => (typeof value === 'boolean' || typeof value === 'number' ? String(value) : value), z.string());

/** `{ operator: { key: value(s) } }`, e.g. `{ StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } }`. */
const ConditionSchema = nameRecord(
  z.string(),
  nameRecord(z.string(), z.union([ConditionValue, z.array(ConditionValue).min(1).readonly()])).readonly(),
).readonly();

/** Who a resource policy (bucket, key, event bus, topic) speaks to. */
const PrincipalSchema = z.union([z.literal('*'), z.strictObject({ AWS: OneOrManyStrings }), z.strictObject({ Service: OneOrManyStrings })]);

const STATEMENT_FIELDS = {
  Sid: z
    .string()
    .regex(/^[A-Za-z0-9]*$/, { error: 'a Sid may hold letters and digits only' })
    .optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: OneOrManyStrings.optional(),
  NotAction: OneOrManyStrings.optional(),
  Resource: OneOrManyStrings.optional(),
  NotResource: OneOrManyStrings.optional(),
  Condition: ConditionSchema.optional(),
};

interface StatementElements {
  readonly Action?: unknown;
  readonly NotAction?: unknown;
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
}

/** The rules of the grammar that a shape alone cannot say. */
function withExactlyOneOfEach<S extends z.ZodType<StatementElements>>(statement: S): S {
  return statement
    .refine((candidate) => (candidate.Action === undefined) !== (candidate.NotAction === undefined), {
      error: 'a statement needs exactly one of Action and NotAction',
    })
    .refine((candidate) => (candidate.Resource === undefined) !== (candidate.NotResource === undefined), {
      error: 'a statement needs exactly one of Resource and NotResource',
    });
}

const VERSION = z.literal('2012-10-17');

/** `Statement`: a list of statements, or one statement on its own. */
function statements<S extends z.ZodType>(statement: S) {
  return z.preprocess(
    (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? [value] : value),
    z.array(statement).min(1).readonly(),
  );
}

/** An identity policy or a service control policy: no Principal. */
export const PolicyDocumentSchema = z.strictObject({
  Version: VERSION,
  Statement: statements(withExactlyOneOfEach(z.strictObject(STATEMENT_FIELDS))),
});

/** A resource policy: each statement names its Principal. */
export const ResourcePolicyDocumentSchema = z.strictObject({
  Version: VERSION,
  Statement: statements(withExactlyOneOfEach(z.strictObject({ ...STATEMENT_FIELDS, Principal: PrincipalSchema }))),
});

export type PolicyDocument = z.output<typeof PolicyDocumentSchema>;
export type PolicyStatement = PolicyDocument['Statement'][number];
export type PolicyCondition = z.output<typeof ConditionSchema>;
export type ResourcePolicyDocument = z.output<typeof ResourcePolicyDocumentSchema>;
export type ResourcePolicyStatement = ResourcePolicyDocument['Statement'][number];

/**
 * The text AWS receives and counts against the size quota: compact JSON (whitespace
 * counts), which also keeps newlines out of Terraform strings.
 */
export function policyText(document: unknown): string {
  return JSON.stringify(document);
}
