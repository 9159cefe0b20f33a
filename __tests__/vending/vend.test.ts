/** `npm run vend`: a request file that passes validation, or the messages validation gives and nothing written. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { copyExample, runEntry } from '../support/example-config';
import { issuesOf } from '../support/read-configuration';

const VALID = [
  '--name',
  'payments-qa',
  '--email',
  'aws-payments-qa@example.com',
  '--ou',
  'Workloads/NonProd',
  '--tag',
  'owner=payments',
  '--tag',
  'environment=nonprod',
  '--tag',
  'cost-center=4200',
  '--budget',
  '300',
  '--budget-email',
  'payments-leads@example.com',
  '--access',
  'payments-sre=Developer',
  '--access',
  'payments-sre=ReadOnly',
];

function vend(directory: string, args: readonly string[]) {
  return runEntry('lib/cli/vend.ts', ['--config-dir', directory, ...args], { CI: 'true' });
}

function withFlag(args: readonly string[], flag: string, value: string): string[] {
  const at = args.indexOf(flag);
  return [...args.slice(0, at + 1), value, ...args.slice(at + 2)];
}

describe('npm run vend', () => {
  it('writes a request file named after the account that passes every check', () => {
    const directory = copyExample();
    const result = vend(directory, VALID);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('wrote accounts/payments-qa.yaml');
    const text = readFileSync(join(directory, 'accounts', 'payments-qa.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/account.schema.json');
    expect(parse(text)).toEqual({
      name: 'payments-qa',
      email: 'aws-payments-qa@example.com',
      ou: 'Workloads/NonProd',
      tags: { owner: 'payments', environment: 'nonprod', 'cost-center': '4200' },
      budget: { monthlyLimitUsd: 300, alertEmails: ['payments-leads@example.com'] },
      access: [{ group: 'payments-sre', permissionSets: ['Developer', 'ReadOnly'] }],
    });
    expect(issuesOf(directory)).toEqual([]);
  });

  it.each([
    ['a duplicate name', withFlag(VALID, '--name', 'payments-dev'), 'accounts/payments-dev.yaml exists already'],
    [
      'a duplicate email',
      withFlag(VALID, '--email', 'aws-payments-dev@example.com'),
      'email: "aws-payments-dev@example.com" is already used by accounts/payments-dev.yaml',
    ],
    ['an unknown OU', withFlag(VALID, '--ou', 'Workloads/Staging'), 'accounts/payments-qa.yaml:4 ou: expected an OU from landing-zone.yaml'],
    [
      'a missing required tag',
      VALID.filter((arg, index) => arg !== 'cost-center=4200' && VALID[index + 1] !== 'cost-center=4200'),
      'tags.cost-center: is required by landing-zone.yaml requiredTags',
    ],
    ['an unknown permission set', withFlag(VALID, '--access', 'payments-sre=Admin'), 'access.0.permissionSets.0: expected a permission set'],
    ['a name that cannot name a file', withFlag(VALID, '--name', 'Payments QA'), '--name "Payments QA" cannot name a request file'],
    ['a tag without a value', withFlag(VALID, '--tag', 'owner'), '--tag "owner": expected key=value'],
    ['no budget', VALID.slice(0, VALID.indexOf('--budget')), 'budget: is required'],
    ['a missing flag, in CI', ['--name', 'payments-qa'], '--email, --ou are required'],
  ])('refuses %s with the message validation gives, and writes nothing', (_case, args, message) => {
    const directory = copyExample();
    const before = readdirSync(join(directory, 'accounts'));
    const result = vend(directory, args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(directory, 'accounts'))).toEqual(before);
    expect(existsSync(join(directory, 'accounts', 'payments-qa.yaml'))).toBe(false);
  });
});
