/**
 * A policy document as the evaluator reads it: every element of IAM's grammar that an SCP
 * or an RCP may hold (and the `NotPrincipal` of resource policies), each one-or-many field
 * as a list, each condition value as the string IAM compares. Broader than the schemas of
 * `policy-document.ts`, which say what this product writes: the evaluator takes any policy
 * AWS would accept, such as one read back from a synthesized output.
 */
import { z } from 'zod';
import { nameRecord } from '../../name-record';

const OneOrMany = z.union([z.string(), z.array(z.string())]).transform((value) => (typeof value === 'string' ? [value] : value));

const ConditionValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const Condition = nameRecord(z.string(), nameRecord(z.string(), z.union([ConditionValue.transform((value) => [value]), z.array(ConditionValue)])));

/** `"*"`, or principals by kind: `{ "AWS": [...] }`, `{ "Service": ... }`, `{ "Federated": ... }`, `{ "CanonicalUser": ... }`. */
const Principal = z.union([
  z.literal('*'),
  z.strictObject({ AWS: OneOrMany.optional(), Service: OneOrMany.optional(), Federated: OneOrMany.optional(), CanonicalUser: OneOrMany.optional() }),
]);

const Statement = z.object({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Principal: Principal.optional(),
  NotPrincipal: Principal.optional(),
  Action: OneOrMany.optional(),
  NotAction: OneOrMany.optional(),
  Resource: OneOrMany.optional(),
  NotResource: OneOrMany.optional(),
  Condition: Condition.optional(),
});

const Document = z.object({
  Version: z.string().optional(),
  Statement: z.union([Statement.transform((statement) => [statement]), z.array(Statement)]),
});

export type PrincipalElement = z.output<typeof Principal>;

export interface EvaluatedStatement {
  /** Its position in the document, from 0: how a statement without a `Sid` is named. */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: { readonly element: 'Principal' | 'NotPrincipal'; readonly value: PrincipalElement };
  readonly action: { readonly element: 'Action' | 'NotAction'; readonly patterns: readonly string[] };
  readonly resource: { readonly element: 'Resource' | 'NotResource'; readonly patterns: readonly string[] };
  /** Operator, key and values, in the order of the document. */
  readonly conditions: readonly { readonly operator: string; readonly key: string; readonly values: readonly string[] }[];
}

const parsedDocuments = new WeakMap<object, EvaluatedStatement[]>();

/** The statements of `document` (parsed JSON); throws when it is no IAM policy, which a validated configuration never holds. */
export function statementsOf(document: unknown): readonly EvaluatedStatement[] {
  const cached = typeof document === 'object' && document !== null ? parsedDocuments.get(document) : undefined;
  if (cached) return cached;
  const parsed = Document.safeParse(document);
  if (!parsed.success) throw new Error(`not an IAM policy document: ${parsed.error.message}`);
  const statements = parsed.data.Statement.map((statement, index): EvaluatedStatement => {
    if ((statement.Action === undefined) === (statement.NotAction === undefined))
      throw new Error(`statement ${index} needs exactly one of Action and NotAction`);
    if ((statement.Resource === undefined) === (statement.NotResource === undefined))
      throw new Error(`statement ${index} needs exactly one of Resource and NotResource`);
    const principal = statement.Principal ?? statement.NotPrincipal;
    return {
      index,
      sid: statement.Sid || undefined,
      effect: statement.Effect,
      principal: principal === undefined ? undefined : { element: statement.Principal !== undefined ? 'Principal' : 'NotPrincipal', value: principal },
      action: statement.Action ? { element: 'Action', patterns: statement.Action } : { element: 'NotAction', patterns: statement.NotAction! },
      resource: statement.Resource ? { element: 'Resource', patterns: statement.Resource } : { element: 'NotResource', patterns: statement.NotResource! },
      conditions: Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) =>
        Object.entries(keys).map(([key, values]) => ({ operator, key, values })),
      ),
    };
  });
  if (typeof document === 'object' && document !== null) parsedDocuments.set(document, statements);
  return statements;
}
