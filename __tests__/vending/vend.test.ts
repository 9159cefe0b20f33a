/** `npm run vend`: a request file that passes validation, or the messages validation gives and nothing written. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readConfiguration } from '../../lib/config/read-configuration';
import { type Conversation, vendInteractively } from '../../lib/vending/interview';
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
    ['an unknown OU', withFlag(VALID, '--ou', 'Workloads/Staging'), '--ou: expected an OU from landing-zone.yaml'],
    [
      'a missing required tag',
      VALID.filter((arg, index) => arg !== 'cost-center=4200' && VALID[index + 1] !== 'cost-center=4200'),
      '--tag "cost-center": is required by landing-zone.yaml requiredTags',
    ],
    ['an unknown permission set', withFlag(VALID, '--access', 'payments-sre=Admin'), '--access "payments-sre=Admin": expected a permission set'],
    ['a name that cannot name a file', withFlag(VALID, '--name', 'Payments QA'), '--name "Payments QA" cannot name a request file'],
    ['a tag without a value', withFlag(VALID, '--tag', 'owner'), '--tag "owner": expected key=value'],
    ['no budget', VALID.slice(0, VALID.indexOf('--budget')), '--budget, --budget-email are required'],
    ['a missing flag, in CI', ['--name', 'payments-qa'], '--email, --ou, --budget, --budget-email are required'],
  ])('refuses %s with the message validation gives, and writes nothing', (_case, args, message) => {
    const directory = copyExample();
    const before = readdirSync(join(directory, 'accounts'));
    const result = vend(directory, args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('accounts/payments-qa.yaml');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(directory, 'accounts'))).toEqual(before);
    expect(existsSync(join(directory, 'accounts', 'payments-qa.yaml'))).toBe(false);
  });

  it('warns that an account asked for in the suspended OU could do nothing there', () => {
    const directory = copyExample();
    const result = vend(directory, withFlag(VALID, '--ou', 'Suspended'));
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('accounts/payments-qa.yaml:4 ou: is Suspended, where nothing can run (it is the suspended OU)');
  });
});

describe('npm run vend in a terminal', () => {
  /** A conversation that gives `replies` in turn, and fails the test when asked more. */
  function scripted(replies: readonly string[]) {
    const said: string[] = [];
    const left = [...replies];
    const conversation: Conversation = {
      ask: async (question) => {
        said.push(question);
        const reply = left.shift();
        if (reply === undefined) throw new Error(`asked ${JSON.stringify(question)} with no reply left`);
        return reply;
      },
      tell: (line) => said.push(line),
    };
    return { conversation, said, left };
  }

  const settingsOf = (directory: string) => readConfiguration(directory).files?.landingZone.config;
  const REPLIES = [
    'payments-qa',
    'aws-payments-qa@example.com',
    'Workloads/NonProd',
    'payments',
    'nonprod',
    '4200',
    '300',
    'payments-leads@example.com',
    'payments-sre=Developer',
  ];

  it('checks each answer as it is given and asks again, keeping the others', async () => {
    const directory = copyExample();
    const replies = [...REPLIES];
    replies.splice(1, 0, 'not-an-email');
    replies.splice(3, 0, 'Workloads/Staging');
    replies.splice(6, 0, 'qa');
    const { conversation, said, left } = scripted(replies);
    const { file } = await vendInteractively(directory, settingsOf(directory), conversation);
    expect(left).toEqual([]);
    expect(file).toBe('accounts/payments-qa.yaml');
    expect(said.filter((line) => line.startsWith('  '))).toEqual([
      '  expected an email address, got "not-an-email"',
      expect.stringMatching(/^ {2}expected an OU of the configuration \(Security, .*\), got "Workloads\/Staging"/),
      expect.stringMatching(/^ {2}expected a value of environment \(prod, nonprod, sandbox, shared\), got "qa"/),
    ]);
    expect(issuesOf(directory)).toEqual([]);
  });

  it('asks again for what the whole configuration refuses, and names no file it did not write', async () => {
    const directory = copyExample();
    const replies = [...REPLIES];
    replies[1] = 'aws-payments-dev@example.com';
    const { conversation, said, left } = scripted([...replies, 'aws-payments-qa@example.com']);
    await vendInteractively(directory, settingsOf(directory), conversation);
    expect(left).toEqual([]);
    expect(said.join('\n')).toContain('--email: "aws-payments-dev@example.com" is already used by accounts/payments-dev.yaml; each account needs its own');
    expect(said.join('\n')).not.toMatch(/accounts\/payments-qa\.yaml/);
    expect(said.filter((line) => line.startsWith('Root user email'))).toHaveLength(2);
    expect(parse(readFileSync(join(directory, 'accounts', 'payments-qa.yaml'), 'utf8')).email).toBe('aws-payments-qa@example.com');
  });
});
