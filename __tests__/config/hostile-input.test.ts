/**
 * Hostile and malformed input, as an application team's pull request could bring it: each
 * case is refused with one clear message naming the file, the field and its line, quoting
 * no more than a short excerpt of any value; or it is accepted, and then nothing of it is
 * evaluated by Terraform (every `${` and `%{` of it reaches the synthesized JSON escaped).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { ConfigurationError, isError, type Issue } from '../../lib/diagnostics';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import { reviewOutputs } from '../../lib/review/review';
import { copyExample, editFile, filesUnder, readStack, resources, runEntry, synthesize, temporaryDirectory, writeFile } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { lineOf } from '../support/read-configuration';
import { unsafeTemplates } from '../support/terraform-templates';

/** The lines a user reads: every error, then every warning, as formatted. */
/** The example's Incident Manager, which it leaves off, turned on: its response plan holds text and names a runbook. */
const incidentManagerOn = (text: string) => text.replace('  incidentManager:\n    enabled: false\n', '  incidentManager:\n');

async function report(directory: string): Promise<{ errors: string[]; warnings: string[] }> {
  try {
    const { warnings } = await loadLandingZone(directory);
    return {
      errors: [],
      warnings: warnings
        .split('\n')
        .slice(1)
        .filter((line) => line !== ''),
    };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    const lines = error.message.split('\n');
    const warningsAt = lines.findIndex((line) => /^\d+ warnings?:$/.test(line));
    const errors = (warningsAt < 0 ? lines : lines.slice(0, warningsAt)).slice(1).filter((line) => line !== '');
    const warnings = warningsAt < 0 ? [] : lines.slice(warningsAt + 1).filter((line) => line !== '');
    return { errors, warnings };
  }
}

async function errorsOf(directory: string): Promise<string[]> {
  return (await report(directory)).errors;
}

const REQUEST = [
  'email: aws-extra@example.com',
  'ou: Sandbox',
  'tags: { owner: data, environment: sandbox, cost-center: "4200" }',
  'budget: { monthlyLimitUsd: 10, alertEmails: [a@example.com] }',
];

/** A valid request file for the account `name`, with the lines of `overrides` in place of the example's. */
function request(name: string, ...overrides: string[]): string {
  const keys = new Set(overrides.map((line) => line.split(':')[0]));
  return [...[`name: ${name}`, ...REQUEST].filter((line) => !keys.has(line.split(':')[0])), ...overrides, ''].join('\n');
}

const FAKE_PRIVATE_KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  'MjkPd6oNhRzT5gfbXgjCFnqDuEvPzhYLoA1qKG8FZGqEJmSbgsXQ1sEZbzNAY2Bm',
  '-----END PRIVATE KEY-----',
  '',
].join('\n');
const FAKE_CREDENTIALS = ['[default]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', ''].join(
  '\n',
);
const SECRETS = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', 'wJalrXUtnFEMI', 'AKIAIOSFODNN7EXAMPLE', 'MjkPd6oNhRzT5gfb'];

describe('files that are not configuration', () => {
  it.each([
    ['a private key', FAKE_PRIVATE_KEY],
    ['a credentials file', FAKE_CREDENTIALS],
  ])('refuses %s given as a request file, and quotes none of it', async (_kind, content) => {
    const dir = copyExample();
    writeFile(dir, 'accounts/secret.yaml', content);
    const errors = await errorsOf(dir);
    expect(errors).toEqual([
      expect.stringMatching(/^accounts\/secret\.yaml(:\d+)? (is not a map of settings: it holds a text of \d+ characters|is not valid YAML: .*)$/),
    ]);
    for (const secret of SECRETS) expect(errors.join('\n')).not.toContain(secret);
  });

  it('refuses a link that leads out of the configuration directory, and reads nothing through it', async () => {
    const outside = temporaryDirectory();
    writeFileSync(join(outside, 'credentials'), FAKE_CREDENTIALS);
    const dir = copyExample();
    symlinkSync(join(outside, 'credentials'), join(dir, 'accounts/stolen.yaml'));
    symlinkSync(join(outside, 'credentials'), join(dir, 'scps/stolen.json'));
    symlinkSync(join(outside, 'credentials'), join(dir, 'conformance-packs/stolen.yaml'));
    const errors = await errorsOf(dir);
    expect(errors).toEqual([
      'accounts/stolen.yaml is a link to a path outside the configuration directory; only files inside it are read',
      'conformance-packs/stolen.yaml is a link to a path outside the configuration directory; only files inside it are read',
      'scps/stolen.json is a link to a path outside the configuration directory; only files inside it are read',
    ]);
  });

  it('follows a link that stays inside the directory', async () => {
    const dir = copyExample();
    mkdirSync(join(dir, 'shared'));
    writeFile(dir, 'shared/analytics.yaml', request('analytics'));
    symlinkSync(join(dir, 'shared/analytics.yaml'), join(dir, 'accounts/analytics.yaml'));
    expect(await errorsOf(dir)).toEqual([]);
  });

  it('refuses the landing zone file itself as a link out of the directory', async () => {
    const outside = temporaryDirectory();
    const dir = copyExample();
    writeFileSync(join(outside, 'landing-zone.yaml'), 'organization: { name: x }\n');
    rmSync(join(dir, 'landing-zone.yaml'));
    symlinkSync(join(outside, 'landing-zone.yaml'), join(dir, 'landing-zone.yaml'));
    expect(await errorsOf(dir)).toContain('landing-zone.yaml is a link to a path outside the configuration directory; only files inside it are read');
  });

  it('names a dangling link, a folder named like a request and a file too large to be configuration', async () => {
    const dir = copyExample();
    symlinkSync(join(dir, 'accounts/nowhere.yaml.target'), join(dir, 'accounts/dangling.yaml'));
    mkdirSync(join(dir, 'accounts/folder.yaml'));
    const huge = `name: huge\n# ${'x'.repeat(1024 * 1024)}\n`;
    writeFile(dir, 'accounts/huge.yaml', huge);
    expect(await errorsOf(dir)).toEqual([
      'accounts/dangling.yaml is a link to nothing: what it points to does not exist',
      'accounts/folder.yaml is a folder named like a request file; request files are files in accounts/ itself',
      `accounts/huge.yaml is ${Buffer.byteLength(huge)} bytes; a configuration file is at most 1048576`,
    ]);
  });

  it('refuses bytes that are not UTF-8, at their line', async () => {
    const dir = copyExample();
    writeFileSync(
      join(dir, 'accounts/latin1.yaml'),
      Buffer.concat([Buffer.from(request('latin1').replace('owner: data', 'owner: caf')), Buffer.from([0xe9, 0x0a])]),
    );
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(/^accounts\/latin1\.yaml:6 is not UTF-8 text: byte \d+ is no UTF-8 character; save the file as UTF-8$/),
    ]);
  });
});

describe('YAML that would crash or exhaust a reader', () => {
  it('refuses an alias inside its own anchor, in the OU tree', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  Sandbox: {}', '  Sandbox: &loop\n    children:\n      Again: *loop'));
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ organizationalUnits\.Sandbox\.children\.Again: contains itself \(a YAML alias inside its own anchor\); write the value out instead$/,
      ),
    ]);
  });

  it('refuses an alias bomb, naming the file', async () => {
    const dir = copyExample();
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f'].entries()) levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdef'[index]}`).join(', ')}]`);
    writeFile(dir, 'accounts/bomb.yaml', `${levels.join('\n')}\n`);
    expect(await errorsOf(dir)).toEqual(['accounts/bomb.yaml expands its YAML aliases more than 100 times; write the values out instead']);
  });

  it('refuses a file of two YAML documents', async () => {
    const dir = copyExample();
    writeFile(dir, 'accounts/two.yaml', `${request('two')}---\n${request('three')}`);
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(/^accounts\/two\.yaml:\d+ holds more than one YAML document \(a "---" line between them\); a configuration file holds one$/),
    ]);
  });

  it("refuses the synthesizer's own reference markers in any text", async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  Sandbox: {}', '  "x${TfToken[TOKEN.1]}": {}\n  Sandbox: {}'));
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(
        /organizationalUnits\."x\$\{TfToken\[TOKEN\.1\]\}": holds "TfToken\[", which the synthesizer reserves for references between resources; remove it$/,
      ),
    ]);
  });
});

describe('folders that are links', () => {
  it('names a folder that is a link out of the configuration directory, and reads nothing through it', async () => {
    const outside = temporaryDirectory();
    const dir = copyExample();
    renameSync(join(dir, 'permission-sets'), join(outside, 'permission-sets'));
    symlinkSync(join(outside, 'permission-sets'), join(dir, 'permission-sets'));
    expect(await errorsOf(dir)).toEqual([
      'permission-sets is a link to a folder outside the configuration directory; only what is inside it is read: move the folder in, or put its files here',
    ]);
  });

  it('says nothing of the empty organization behind a folder of requests it cannot read', async () => {
    const outside = temporaryDirectory();
    const dir = copyExample();
    renameSync(join(dir, 'accounts'), join(outside, 'accounts'));
    symlinkSync(join(outside, 'accounts'), join(dir, 'accounts'));
    const errors = await errorsOf(dir);
    expect(errors[0]).toBe(
      'accounts is a link to a folder outside the configuration directory; only what is inside it is read: move the folder in, or put its files here',
    );
    expect(errors.join('\n')).not.toContain('holds no account request');
    expect(errors.join('\n')).not.toContain('()');
  });

  it('names a file where a folder is read', async () => {
    const dir = copyExample();
    writeFile(dir, 'runbooks', 'schemaVersion: "0.3"\n');
    expect(await errorsOf(dir)).toEqual(['runbooks is a file; runbooks/ is read as a folder of files']);
  });

  it('reads a folder that is a link to a folder inside the directory', async () => {
    const dir = copyExample();
    renameSync(join(dir, 'permission-sets'), join(dir, 'shared-policies'));
    symlinkSync(join(dir, 'shared-policies'), join(dir, 'permission-sets'));
    expect(await report(dir)).toEqual({ errors: [], warnings: [] });
  });
});

describe('files nested deeper than any configuration', () => {
  const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const TOO_DEEP = 'nests lists and maps more than 100 levels deep; no configuration needs as many';

  it.each(['permission-sets/deep.json', 'scps/deep.json', 'runbooks/deep.json'])('refuses %s of 2,000 nested arrays, at its line', async (file) => {
    const dir = copyExample();
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    writeFile(dir, file, `\n${arrays(2000)}\n`);
    expect(await errorsOf(dir)).toEqual([`${file}:2 ${TOO_DEEP}: write less nested values`]);
  });

  it.each([
    ['flow lists', `name: deep\nnote: ${arrays(2000)}\n`, 2],
    ['block lists', `name: deep\nnote:\n  ${'- '.repeat(5000)}x\n`, 3],
    ['maps', `name: deep\n${Array.from({ length: 150 }, (_value, level) => `${'  '.repeat(level)}a${level}:`).join('\n')} x\n`, 2],
  ])('refuses YAML of %s nested too deep, at the line where it is', async (_kind, text, line) => {
    const dir = copyExample();
    writeFile(dir, 'accounts/deep.yaml', text);
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(new RegExp(`^accounts/deep\\.yaml:${line === 2 ? '\\d+' : line} ${TOO_DEEP}: write less nested values$`)),
    ]);
  });

  it('refuses aliases that nest the data deeper than its text, at the alias', async () => {
    const dir = copyExample();
    const levels = [`a0: &a0 ${arrays(60)}`, `a1: &a1 ${'['.repeat(60)}*a0${']'.repeat(60)}`];
    writeFile(dir, 'conformance-packs/deep.yaml', `Metadata:\n  ${levels.join('\n  ')}\n`);
    expect(await errorsOf(dir)).toEqual([`conformance-packs/deep.yaml:3 ${TOO_DEEP}: write the values of its aliases out`]);
  });

  it('reads, synthesizes and reviews a runbook and a conformance pack nested as deep as allowed, and refuses one level more', async () => {
    const runbook = (depth: number) =>
      `{"schemaVersion": "0.3", "mainSteps": [{"name": "Wait", "action": "aws:sleep", "inputs": {"Duration": "PT1M", "Notes": ${arrays(depth - 4)}}}]}\n`;
    const dir = copyExample();
    mkdirSync(join(dir, 'runbooks'));
    writeFile(dir, 'runbooks/triage.json', runbook(100));
    editFile(dir, 'landing-zone.yaml', (text) => incidentManagerOn(text).replace('document: AWSIncidents-CriticalIncidentRunbookTemplate', 'file: triage'));
    editFile(dir, 'conformance-packs/payments-data-protection.yaml', (text) => `${text}Metadata:\n  Notes: ${arrays(98)}\n`);
    expect(await report(dir)).toEqual({ errors: [], warnings: [expect.stringContaining('incidentResponse.incidentManager')] });
    const out = await synthesize(dir);
    const [document] = resources(readStack(out, 'incident-response'), 'aws_ssm_document');
    expect(JSON.parse(document.content).mainSteps[0].inputs.Notes).toEqual(JSON.parse(arrays(96)));
    const review = reviewOutputs(readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(out));
    expect(review.stacks.map((stack) => stack.name)).toEqual(expect.arrayContaining(['incident-response']));

    writeFile(dir, 'runbooks/triage.json', runbook(101));
    editFile(dir, 'conformance-packs/payments-data-protection.yaml', (text) => text.replace(`Notes: ${arrays(98)}`, `Notes: ${arrays(99)}`));
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(new RegExp(`^conformance-packs/payments-data-protection\\.yaml:\\d+ ${TOO_DEEP}`)),
      `runbooks/triage.json:1 ${TOO_DEEP}: write less nested values`,
    ]);
  });
});

describe('files read as they are written', () => {
  it('reads JSON with a byte order mark as it reads YAML with one', async () => {
    const dir = copyExample();
    for (const file of ['scps/deny-large-instances.json', 'accounts/payments-dev.yaml']) {
      writeFileSync(join(dir, file), `\ufeff${readFileSync(join(dir, file), 'utf8')}`);
    }
    expect(await report(dir)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses the YAML types JSON has not in a conformance pack, at their lines', async () => {
    const dir = copyExample();
    editFile(dir, 'conformance-packs/payments-data-protection.yaml', (text) =>
      text.replace(
        'Parameters:\n',
        [
          'Metadata:',
          '  Logo: !!binary aGVsbG8=',
          '  Owners: !!set { payments, security }',
          '  Steps: !!omap [{ one: 1 }, { two: 2 }]',
          '  Reviewed: !!timestamp 2001-12-14',
          'Parameters:',
          '',
        ].join('\n'),
      ),
    );
    const tag = (type: string, instead: string) =>
      `has the YAML tag !!${type}, which is not read: its value cannot be passed on as JSON as written; ${instead}`;
    expect(await errorsOf(dir)).toEqual([
      `conformance-packs/payments-data-protection.yaml:4 ${tag('binary', 'write the base64 text in quotes')}`,
      `conformance-packs/payments-data-protection.yaml:5 ${tag('set', 'write a list')}`,
      `conformance-packs/payments-data-protection.yaml:6 ${tag('omap', 'write a map')}`,
      `conformance-packs/payments-data-protection.yaml:7 ${tag('timestamp', 'write the time in quotes')}`,
    ]);
  });

  it('refuses a number a template may mean as text, in a conformance pack and a runbook, and takes the rest as written', async () => {
    const dir = copyExample();
    const parameters = ['Hex: 0x1F', 'Octal: 0o17', 'Version: 1.0', 'Serial: 123456789012345678901234567890', 'Limit: .inf', 'Ratio: .nan'];
    const written = ['Text: "0x1F"', 'Count: 31', 'Share: 0.25', 'Offset: -3'];
    editFile(dir, 'conformance-packs/payments-data-protection.yaml', (text) =>
      text.replace(
        'Parameters:\n',
        `Parameters:\n${[...parameters, ...written].map((line) => `  ${line.split(':')[0]}: { Type: String, Default:${line.split(':')[1]} }`).join('\n')}\n`,
      ),
    );
    mkdirSync(join(dir, 'runbooks'));
    writeFile(
      dir,
      'runbooks/triage.yaml',
      'schemaVersion: "0.3"\nmainSteps:\n  - name: Wait\n    action: aws:sleep\n    timeoutSeconds: 0x258\n    inputs: { Duration: PT1M }\n',
    );
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('document: AWSIncidents-CriticalIncidentRunbookTemplate', 'file: triage'));
    const pack = 'conformance-packs/payments-data-protection.yaml';
    expect(await errorsOf(dir)).toEqual([
      `${pack}:4 Parameters.Hex.Default: "0x1F" is read as the number 31, and reaches AWS as that; write 31 for the number, or put the text in quotes`,
      `${pack}:5 Parameters.Octal.Default: "0o17" is read as the number 15, and reaches AWS as that; write 15 for the number, or put the text in quotes`,
      `${pack}:6 Parameters.Version.Default: "1.0" is read as the number 1, and reaches AWS as that; write 1 for the number, or put the text in quotes`,
      `${pack}:7 Parameters.Serial.Default: "123456789012345678901234567890" is read as the number 1.2345678901234568e+29, and reaches AWS as that; write 1.2345678901234568e+29 for the number, or put the text in quotes`,
      `${pack}:8 Parameters.Limit.Default: ".inf" is read as infinity, which JSON cannot carry; write a finite number, or put the text in quotes`,
      `${pack}:9 Parameters.Ratio.Default: ".nan" is read as not a number, which JSON cannot carry; write a finite number, or put the text in quotes`,
      'runbooks/triage.yaml:5 mainSteps.0.timeoutSeconds: "0x258" is read as the number 600, and reaches AWS as that; write 600 for the number, or put the text in quotes',
    ]);
  });

  it('refuses a number of policy JSON that would not reach AWS as written', async () => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) =>
      text.replace(
        '"ec2:InstanceType":',
        '"aws:MultiFactorAuthAge": 1e999,\n          "aws:PrincipalAccount": 123456789012345678901,\n          "ec2:InstanceType":',
      ),
    );
    const line = lineOf(dir, 'scps/deny-large-instances.json', '"aws:MultiFactorAuthAge"');
    expect(await errorsOf(dir)).toEqual([
      `scps/deny-large-instances.json:${line} Statement.0.Condition.StringNotLike.aws:MultiFactorAuthAge: "1e999" is read as infinity, which JSON cannot carry; write a finite number, or put the text in quotes`,
      `scps/deny-large-instances.json:${line + 1} Statement.0.Condition.StringNotLike.aws:PrincipalAccount: "123456789012345678901" is read as the number 123456789012345680000, and reaches AWS as that; write 123456789012345680000 for the number, or put the text in quotes`,
    ]);
  });
});

describe('lists that mean a set', () => {
  it.each([
    ['a port of a security group audit', 'ports: [22, 3389,', 'ports: [22, 22, 3389,', 'firewallManager.policies.open-admin-ports.ports.1: 22'],
    [
      'an OU of a Firewall Manager scope',
      'organizationalUnits: [Workloads]',
      'organizationalUnits: [Workloads, Workloads]',
      'firewallManager.policies.workloads-web.scope.include.organizationalUnits.1: "Workloads"',
    ],
    [
      'an OU of a grant',
      'organizationalUnits: [Workloads/Prod]',
      'organizationalUnits: [Workloads/Prod, Workloads/Prod]',
      'identityCenter.grants.4.organizationalUnits.1: "Workloads/Prod"',
    ],
    ['an account of a grant', 'accounts: [management]', 'accounts: [management, management]', 'identityCenter.grants.0.accounts.1: "management"'],
  ])('refuses %s given twice, naming it at its line', async (_kind, before, after, where) => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(before, after));
    expect(await errorsOf(dir)).toEqual([`landing-zone.yaml:${lineOf(dir, 'landing-zone.yaml', after)} ${where} is listed twice, as item 0 too; keep one`]);
  });

  it('takes two e-mail addresses that differ in case for one mailbox', async () => {
    const dir = copyExample();
    writeFile(dir, 'accounts/extra.yaml', request('extra', 'budget: { monthlyLimitUsd: 10, alertEmails: [team@example.com, Team@Example.com] }'));
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(/^accounts\/extra\.yaml:\d+ budget\.alertEmails\.1: "team@example\.com" is listed twice, as item 0 too; keep one$/),
    ]);
  });
});

describe('request files that would be ignored', () => {
  it('names every entry of accounts/ that is not read, and reads .yml as it reads .yaml', async () => {
    const dir = copyExample();
    writeFile(dir, 'accounts/upper.YAML', request('upper'));
    writeFile(dir, 'accounts/no-extension', request('no-extension'));
    writeFile(dir, 'accounts/backup.yaml~', request('backup'));
    mkdirSync(join(dir, 'accounts/team'));
    writeFile(dir, 'accounts/team/nested.yaml', request('nested'));
    writeFile(dir, 'accounts/short.yml', request('short'));
    const { errors, warnings } = await report(dir);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'accounts/backup.yaml~ is not read: request files (<name>.yaml or <name>.yml) are named like this',
      'accounts/no-extension is not read: request files (<name>.yaml or <name>.yml) are named like this',
      'accounts/team is a folder and is not read: request files (<name>.yaml or <name>.yml) are read from accounts/ itself, not from its folders',
      'accounts/upper.YAML is not read: request files (<name>.yaml or <name>.yml) are named like this',
    ]);
    const { landingZone } = await loadLandingZone(dir);
    expect(landingZone.memberAccounts.map((account) => account.key)).toContain('short');
  });

  it('refuses two request files for one account, x.yml beside x.yaml', async () => {
    const dir = copyExample();
    writeFile(dir, 'accounts/twin.yaml', request('twin'));
    writeFile(dir, 'accounts/twin.yml', request('twin-too', 'email: aws-twin@example.com'));
    expect(await errorsOf(dir)).toEqual([
      'accounts/twin.yml requests the same account as accounts/twin.yaml: a request file is named after its account; keep one of them',
    ]);
  });
});

describe('values AWS would refuse', () => {
  it.each([
    [
      'a tag value over 256 characters',
      `tags: { owner: data, environment: sandbox, cost-center: "4200", note: "${'n'.repeat(300)}" }`,
      /tags\.note: expected at most 256 characters, got 300$/,
    ],
    [
      'a tag key over 128 characters',
      `tags: { owner: data, environment: sandbox, cost-center: "4200", ${'k'.repeat(130)}: x }`,
      /tags\."k{40}…" \(130 characters\): is refused as a key: expected at most 128 characters, got 130$/,
    ],
    [
      'a control character in a tag value',
      'tags: { owner: "da\\tta", environment: sandbox, cost-center: "4200" }',
      /tags\.owner: expected a tag value of letters, digits, spaces and _ \. : \/ = \+ - @, got "da\\tta"$/,
    ],
    [
      'a tag key starting with aws:',
      'tags: { owner: data, environment: sandbox, cost-center: "4200", "aws:owner": x }',
      /tags\.aws:owner: is refused as a key: tag keys starting with "aws:" are reserved by AWS$/,
    ],
    [
      'a tag value that is an expression',
      'tags: { owner: "${file(\\"/etc/hostname\\")}", environment: sandbox, cost-center: "4200" }',
      /tags\.owner: expected a tag value of letters, digits, spaces and _ \. : \/ = \+ - @, got "\$\{file\(\\"\/etc\/hostname\\"\)\}"$/,
    ],
    [
      'a newline in a contact name',
      'alternateContacts: { security: { name: "Ann\\nBob", title: CISO, email: ann@example.com, phone: "+1 206 555 0100" } }',
      /alternateContacts\.security\.name: expected text without control characters/,
    ],
  ])('refuses %s, with its file, field and line', async (_kind, line, expected) => {
    const dir = copyExample();
    writeFile(dir, 'accounts/extra.yaml', request('extra', line));
    expect(await errorsOf(dir)).toEqual([expect.stringMatching(new RegExp(`^accounts/extra\\.yaml:\\d+ ${expected.source}`))]);
  });

  it('refuses more than 50 tags on an account', async () => {
    const dir = copyExample();
    const tags = Array.from({ length: 51 }, (_value, index) => `t${index}: v`).join(', ');
    writeFile(dir, 'accounts/extra.yaml', request('extra', `tags: { owner: data, environment: sandbox, cost-center: "4200", ${tags} }`));
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(/^accounts\/extra\.yaml:\d+ tags: expected at most 50 tags \(AWS's limit on one resource\), got 54$/),
    ]);
  });

  it('refuses 20,000 alert e-mail addresses: one SNS subscription each', async () => {
    const dir = copyExample();
    const emails = Array.from({ length: 20_000 }, (_value, index) => `oncall-${index}@example.com`).join(', ');
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  emails: [security-alerts@example.com]', `  emails: [${emails}]`));
    expect(await errorsOf(dir)).toEqual([expect.stringMatching(/^landing-zone\.yaml:\d+ alerts\.emails: expected at most 100 items, got 20000$/)]);
  });
});

describe('messages that say what is wrong', () => {
  it('says a missing key is required, never "undefined"', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(/stateBackend:\n(?: {2}.*\n)+/, 'stateBackend:\n  bucket: state\n'));
    const errors = await errorsOf(dir);
    expect(errors).toEqual([expect.stringMatching(/^landing-zone\.yaml:\d+ stateBackend\.type: is required: "s3" or "local"$/)]);
    expect(errors.join('\n')).not.toContain('undefined');
  });

  it('spells .inf and .nan as YAML does', async () => {
    const dir = copyExample();
    writeFile(dir, 'accounts/extra.yaml', request('extra', 'budget: { monthlyLimitUsd: .inf, alertEmails: [a@example.com], thresholdsPercent: [.nan] }'));
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(/budget\.monthlyLimitUsd: expected a number, got \.inf$/),
      expect.stringMatching(/budget\.thresholdsPercent\.0: expected a number, got \.nan$/),
    ]);
  });

  it.each([
    ['a trailing comma', (text: string) => text.replace('"m7g.large"]', '"m7g.large",]'), 'a value was expected'],
    ['a comment', (text: string) => text.replace('{\n', '{\n  // deny the large ones\n'), 'comments are not JSON'],
  ])('reports a custom SCP with %s as JSON that is not valid, at its line', async (_kind, edit, message) => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', edit);
    expect(await errorsOf(dir)).toEqual([expect.stringMatching(new RegExp(`^scps/deny-large-instances\\.json:\\d+ is not valid JSON: ${message}$`))]);
  });

  it('reports a key given twice in a custom SCP', async () => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) => text.replace('"Effect": "Deny",', '"Effect": "Deny",\n      "Effect": "Allow",'));
    expect(await errorsOf(dir)).toEqual(['scps/deny-large-instances.json:7 Statement.0.Effect: "Effect" is given twice in this object; keep one']);
  });
});

describe('one run, every error', () => {
  it("reports a request file's errors while landing-zone.yaml has errors of its own", async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  accessLogsExpireAfterDays: 365\n', '  accessLogsExpireAfterDays: 3\n'));
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(/^alternateContacts:\n(?: {2}.*\n)+/m, ''));
    expect(await errorsOf(dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^accounts\/payments-dev\.yaml:\d+ alternateContacts\.security: is required/),
        expect.stringMatching(/^landing-zone\.yaml:\d+ logArchive\.accessLogsExpireAfterDays: must be at least 90 days$/),
      ]),
    );
  });
});

describe('custom SCPs', () => {
  const forms = JSON.stringify({
    Version: '2012-10-17',
    Statement: {
      Sid: 'DenyUnencryptedUploads',
      Effect: 'Deny',
      Action: 's3:PutObject',
      Resource: '*',
      Condition: {
        Bool: { 'aws:SecureTransport': false },
        NumericLessThan: { 's3:TlsVersion': 1.2 },
        StringEquals: { 's3:RequestObjectTag/Environment': '' },
      },
    },
  });

  it('accepts the forms the IAM grammar allows, as AWS evaluates them: one statement, Boolean, number and empty values, a service tag key', async () => {
    const dir = copyExample();
    writeFile(dir, 'scps/deny-plain-uploads.json', forms);
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace('deny-iam-users, deny-large-instances]', 'deny-iam-users, deny-large-instances, deny-plain-uploads]'),
    );
    expect(await report(dir)).toEqual({ errors: [], warnings: [] });
    const policy = readStack(await synthesize(dir), 'management').resource.aws_organizations_policy.policy_deny_plain_uploads;
    expect(JSON.parse(policy.content).Statement).toEqual([
      expect.objectContaining({
        Condition: {
          Bool: { 'aws:SecureTransport': 'false' },
          NumericLessThan: { 's3:TlsVersion': '1.2' },
          StringEquals: { 's3:RequestObjectTag/Environment': '' },
        },
      }),
    ]);
  });

  it.each([
    ['${Account}', '"arn:aws:iam::${Account}:role/admin"'],
    ['<my-org-id>', '"<my-org-id>"'],
    ['[PRIVILEGED_ROLE]', '"arn:aws:iam::*:role/[PRIVILEGED_ROLE]"'],
  ])('refuses the placeholder %s left in from a template, and accepts IAM policy variables', async (placeholder, value) => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) =>
      text.replace(
        '"ec2:InstanceType":',
        `"aws:PrincipalArn": ${value},\n          "aws:PrincipalTag/team": "\${aws:PrincipalTag/owner}",\n          "ec2:InstanceType":`,
      ),
    );
    expect(await errorsOf(dir)).toEqual([
      `scps/deny-large-instances.json:11 Statement.0.Condition.StringNotLike.aws:PrincipalArn: holds the placeholder "${placeholder}", left in from a template; put the real value there`,
    ]);
  });

  it('checks a custom SCP that is attached nowhere, its size included, and warns that it is unused', async () => {
    const dir = copyExample();
    const large = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: Array.from({ length: 400 }, (_value, index) => `arn:aws:s3:::bucket-${index}/*`) }],
    };
    writeFile(dir, 'scps/unused.json', JSON.stringify(large));
    const { errors, warnings } = await report(dir);
    expect(errors).toEqual([
      expect.stringMatching(/^scps\/unused\.json policy unused is \d+ characters as synthesized, \d+ over quotas\.serviceControlPolicySize \(10240\)$/),
    ]);
    expect(warnings).toEqual(['scps/unused.json is attached nowhere; attach unused in guardrails.attachments of landing-zone.yaml, or remove the file']);
  });
});

describe('an organization without guardrails', () => {
  it('warns when no SCP is attached anywhere', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(/ {2}attachments:\n(?: {4}.*\n)+/, ''));
    rmSync(join(dir, 'scps/deny-large-instances.json'));
    expect(await report(dir)).toEqual({
      errors: [],
      warnings: [
        expect.stringMatching(
          /^landing-zone\.yaml:\d+ guardrails\.attachments: attaches no service control policy anywhere: no account of the organization has a guardrail; attach some to the root \(see the README's table of built-in guardrails\)$/,
        ),
      ],
    });
  });
});

describe('text that Terraform would evaluate', () => {
  const EXPRESSION = '${file(\\"x\\")}';
  const DIRECTIVE = '%{ if true }yes%{ endif }';

  /** The example with an expression and a directive in every kind of text the files let through. */
  function hostileExample(): string {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      incidentManagerOn(text)
        .replace('  name: Example Corp', `  name: "Example ${EXPRESSION} ${DIRECTIVE}"`)
        .replace('  Sandbox: {}', `  Sandbox: {}\n  "Team ${EXPRESSION} \\\\ ${DIRECTIVE}": {}`)
        .replace('    description: Team that owns the account and answers for its cost.', `    description: "${EXPRESSION} ${DIRECTIVE}"`)
        .replace('        title: Security incident', `        title: "Incident ${EXPRESSION} ${DIRECTIVE}"`),
    );
    writeFile(
      dir,
      'accounts/hostile.yaml',
      request(
        'hostile',
        `name: 'host ${EXPRESSION.replace(/\\"/g, '"')} %{ if x }'`,
        `ou: "Team ${EXPRESSION} \\\\ ${DIRECTIVE}"`,
        `alternateContacts: { security: { name: "${EXPRESSION}", title: "${DIRECTIVE}", email: sec@example.com, phone: "+1 206 555 0100" } }`,
      ),
    );
    editFile(dir, 'scps/deny-large-instances.json', (text) =>
      text.replace('"ec2:InstanceType":', '"aws:PrincipalTag/team": ["${aws:PrincipalTag/owner}", "%{ if true }"],\n          "ec2:InstanceType":'),
    );
    return dir;
  }

  it('accepts them as data, and escapes every one in the synthesized JSON', async () => {
    const out = await synthesize(hostileExample());
    const problems: string[] = [];
    let stacks = 0;
    for (const [file, text] of filesUnder(out)) {
      if (!file.endsWith('.tf.json')) continue;
      stacks += 1;
      problems.push(...unsafeTemplates(JSON.parse(text), file));
    }
    expect(stacks).toBe(24);
    expect(problems).toEqual([]);
    const account = readStack(out, 'account-hostile').resource.aws_organizations_account.account;
    expect(account.name).toBe('host $${file("x")} %%{ if x }');
    expect(account.parent_id).toBe(
      '${data.terraform_remote_state.management.outputs.organizational_unit_ids["Team $${file(\\"x\\")} \\\\ %%{ if true }yes%%{ endif }"]}',
    );
    expect(Object.keys(readStack(out, 'management').output.organizational_unit_ids.value)).toContain('Team $${file("x")} \\ %%{ if true }yes%%{ endif }');
    expect(Object.values<any>(readStack(out, 'incident-response').resource.aws_ssmincidents_response_plan)[0].incident_template.title).toBe(
      'Incident $${file("x")} %%{ if true }yes%%{ endif }',
    );
  });
});

describe('as a pipeline runs it', () => {
  const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

  it('exits 1 with the messages and no stack trace, and leaves the earlier output as it was', async () => {
    const outdir = await synthesize(copyExample());
    const before = filesUnder(outdir);
    const dir = copyExample();
    writeFile(dir, 'accounts/secret.yaml', FAKE_PRIVATE_KEY);
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  Sandbox: {}', '  Sandbox: &loop\n    children:\n      Again: *loop'));
    const result = runEntry('main.ts', [], { LZ_CONFIG_DIR: dir, CDKTF_OUTDIR: outdir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^2 errors in the landing zone configuration; nothing was written\.\n/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    for (const secret of SECRETS) expect(result.stderr).not.toContain(secret);
    expect(filesUnder(outdir)).toEqual(before);
  });

  it('keeps every message to a line of its own with at most a short excerpt of any value', async () => {
    const dir = copyExample();
    writeFile(dir, 'accounts/long.yaml', request('long', `ou: "${'Workloads/'.repeat(200)}"`, `email: "${'x'.repeat(5000)}@example.com"`));
    const issues: Issue[] = [];
    try {
      await loadLandingZone(dir);
    } catch (error) {
      if (error instanceof ConfigurationError) issues.push(...error.issues.filter(isError));
    }
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message.length).toBeLessThan(400);
  });
});
