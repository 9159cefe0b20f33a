/** The scanner the hostile-input tests trust: it must find what Terraform would evaluate. */
import { templateProblems, unsafeTemplates } from './terraform-templates';

describe('reading strings as Terraform templates', () => {
  it.each([
    'plain text',
    'escaped $${file("x")} and %%{ if true }',
    '${aws_s3_bucket.logs.arn}/*',
    '${aws_organizations_organization.organization.roots[0].id}',
    '${data.terraform_remote_state.management.outputs.organizational_unit_ids["Team $${x} \\" %%{ y }"]}',
    '${(self.outputs.account_id != "not-applied-yet")}',
    '${(length(self.arns) >= 1)}',
    '${toset(data.x.y.ids)}',
    '${contains(keys(local.names), "AWSManagedDomainsMalwareDomainList")}',
    '${{ for list in data.x.y : list.name => list.id if list.owner != null }}',
  ])('accepts literal text, plain references, comparisons, for expressions and collection functions: %s', (text) => {
    expect(templateProblems(text)).toEqual([]);
  });

  it.each([
    ['an expression', '${file("/etc/hostname")}'],
    ['a directive', 'a %{ if true }b%{ endif }'],
    ['an expression in the key of a reference', '${data.x.outputs.y["${file(\\"x\\")}"]}'],
    ['a directive in the key of a reference', '${data.x.outputs.y["%{ if true }"]}'],
    ['a function call', '${lookup(data.x.outputs.y, "k")}'],
    ['a function call inside a count', '${length(file("x"))}'],
    ['a function call inside a for expression', '${{ for x in data.x.y : x.name => file(x.path) }}'],
    ['an expression in a string literal of a function', '${contains(keys(local.x), "${file(\\"x\\")}")}'],
  ])('finds %s', (_kind, text) => {
    expect(templateProblems(text)).not.toEqual([]);
  });

  it('reads object keys too', () => {
    expect(unsafeTemplates({ resource: { tags: { '%{ if true }': 'v' } } })).toEqual([expect.stringContaining('.resource.tags.%{ if true }')]);
  });
});
