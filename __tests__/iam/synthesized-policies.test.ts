/**
 * Every IAM document the example writes, read back from the synthesized Terraform, can
 * match what it says: no statement, action, condition or resource pattern of an SCP, RCP,
 * role, trust, permission set, customer managed, bucket, key, topic or bus policy that AWS
 * would silently never apply.
 */
import { matchProblems, type PolicyKind } from '../../lib/iam/policy-semantics';
import { policyKindOf } from '../../lib/review/statement-matching';
import { readStack, stackNames } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { policyFromTerraform } from '../support/terraform-values';

/** Values for the references a policy holds, as they look once deployed; any other reference fails the test until it is given one. */
function referenceValue(reference: string): string | undefined {
  if (/\.account_id$/.test(reference)) return '111111111111';
  if (/organization\.id$/.test(reference)) return 'o-exampleorg1';
  if (/^aws_cloudwatch_log_group\.[\w-]+\.arn$/.test(reference)) return 'arn:aws:logs:eu-west-1:111111111111:log-group:landing-zone-trail';
  if (/^aws_ssmincidents_response_plan\.[\w-]+\.arn$/.test(reference)) return 'arn:aws:ssm-incidents::111111111111:response-plan/security-incident';
  if (/^aws_sqs_queue\.[\w-]+\.arn$/.test(reference)) return 'arn:aws:sqs:eu-west-1:111111111111:landing-zone-paging-dead-letters';
  if (/^aws_cloudwatch_event_api_destination\.[\w-]+\.arn$/.test(reference))
    return 'arn:aws:events:eu-west-1:111111111111:api-destination/security-on-call/0a1b2c3d';
  return undefined;
}

function documentOf(text: string): unknown {
  const references = Object.fromEntries(
    [...text.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].flatMap(([, reference]) => {
      const value = referenceValue(reference);
      return value === undefined ? [] : [[reference, value]];
    }),
  );
  return policyFromTerraform(text, references);
}

interface WrittenDocument {
  readonly where: string;
  readonly kind: PolicyKind;
  readonly document: any;
}

function writtenDocuments(outdir: string): { documents: WrittenDocument[]; unknown: string[] } {
  const documents: WrittenDocument[] = [];
  const unknown: string[] = [];
  for (const stack of stackNames(outdir)) {
    for (const [type, byName] of Object.entries<Record<string, any>>(readStack(outdir, stack).resource ?? {})) {
      for (const [name, resource] of Object.entries(byName)) {
        const where = `${stack} ${type}.${name}`;
        for (const [attribute, value] of Object.entries(resource)) {
          if (typeof value !== 'string' || !value.includes('"Statement"')) continue;
          const kind = policyKindOf(type, attribute, resource);
          if (kind) documents.push({ where: `${where}.${attribute}`, kind, document: documentOf(value) });
          else unknown.push(`${where}.${attribute}`);
        }
      }
    }
  }
  return { documents, unknown };
}

const { documents, unknown } = writtenDocuments(exampleOutput());

it('knows every attribute of the output that holds an IAM document, and reads documents of each kind', () => {
  expect(unknown).toEqual([]);
  expect(new Set(documents.map((written) => written.kind))).toEqual(new Set(['service-control', 'resource-control', 'identity', 'resource']));
  const types = new Set(documents.map((written) => written.where.split(' ')[1].split('.')[0]));
  expect([...types].sort()).toEqual([
    'aws_cloudwatch_event_bus_policy',
    'aws_iam_policy',
    'aws_iam_role',
    'aws_iam_role_policy',
    'aws_kms_key',
    'aws_organizations_policy',
    'aws_s3_bucket_policy',
    'aws_sns_topic_policy',
    'aws_sqs_queue_policy',
    'aws_ssoadmin_permission_set_inline_policy',
  ]);
});

it.each(documents.map((written) => [written.where, written] as const))(
  '%s: every statement, action, condition and resource can match',
  async (_where, written) => {
    const problems = await matchProblems(written.document, written.kind);
    expect(problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`)).toEqual([]);
  },
);
