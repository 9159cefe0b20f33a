/**
 * Properties of the whole synthesized output of the example: every Terraform string and
 * every policy document of every stack.
 */
import { filesUnder, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { unsafeTemplates } from '../support/terraform-templates';
import { policyReferenceProblems } from '../../lib/iam/policy-references';
import type { PolicyDocument } from '../../lib/iam/policy-document';
import { passRoleIssues } from '../../lib/config/rules/pass-role-conditions';

const example = exampleOutput();

describe('Terraform strings', () => {
  it('escape every IAM policy variable in every stack, so Terraform passes it to AWS unchanged, and evaluate nothing but references and collection functions', () => {
    const problems: string[] = [];
    let escaped = 0;
    for (const [file, text] of filesUnder(example)) {
      if (!file.endsWith('cdk.tf.json')) continue;
      problems.push(...unsafeTemplates(JSON.parse(text), file));
      escaped += text.split('$${').length - 1;
    }
    expect(problems).toEqual([]);
    expect(escaped).toBeGreaterThan(0);
  });
});

describe('every policy document in the output', () => {
  /** Each IAM policy document of each stack, references replaced by the kind of value they stand for. */
  function policyDocuments(): { where: string; document: PolicyDocument }[] {
    const documents: { where: string; document: PolicyDocument }[] = [];
    for (const [file, text] of filesUnder(example)) {
      if (!file.endsWith('cdk.tf.json')) continue;
      const stack = JSON.parse(text);
      for (const [type, byName] of Object.entries<Record<string, TerraformJson>>(stack.resource ?? {})) {
        for (const [name, resource] of Object.entries(byName)) {
          for (const [argument, value] of Object.entries(resource)) {
            if (typeof value !== 'string' || !value.includes('"Statement"')) continue;
            const document = JSON.parse(value.replace(/(?<!\$)\$\{[^}]*\}/g, '111111111111'));
            documents.push({ where: `${file} ${type}.${name}.${argument}`, document });
          }
        }
      }
    }
    return documents;
  }

  it('names only actions and condition keys that exist in AWS, in every stack', async () => {
    const documents = policyDocuments();
    expect(documents.length).toBeGreaterThan(20);
    const problems = [];
    for (const { where, document } of documents) problems.push(...(await policyReferenceProblems(document)).map((problem) => ({ where, ...problem })));
    expect(problems).toEqual([]);
  });

  it('lets roles be passed only to the services named for them (iam:PassedToService), wherever a policy allows iam:PassRole', () => {
    const documents = policyDocuments();
    const passing = documents.filter(({ document }) =>
      document.Statement.some((statement) => statement.Effect === 'Allow' && JSON.stringify(statement.Action ?? '').includes('iam:PassRole')),
    );
    expect(passing.map(({ where }) => where.split(' ')[1].split('.')[0])).toContain('aws_ssoadmin_permission_set_inline_policy');
    expect(documents.flatMap(({ where, document }) => passRoleIssues(where, [], document))).toEqual([]);
  });
});
