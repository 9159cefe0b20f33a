import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, editFile, writeFile } from '../support/example-config';
import { issuesOf, lineOf, linesOf } from '../support/read-configuration';

describe('the bundled example', () => {
  it('has no errors and no warnings', () => {
    expect(issuesOf(copyExample())).toEqual([]);
  });
});

describe('file shape', () => {
  it('reports a missing email at the account file', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) => text.replace(/^email: .*\n/m, ''));
    expect(issuesOf(dir)).toEqual([`accounts/payments-dev.yaml:2 email: is required (expected a string)`]);
  });

  it('reports bad YAML with its line', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) => text.replace('ou: Workloads/NonProd', 'ou: [Workloads/NonProd'));
    const [issue, ...rest] = issuesOf(dir);
    expect(rest).toEqual([]);
    expect(issue).toMatch(/^accounts\/payments-dev\.yaml:\d+ is not valid YAML: /);
  });

  it('rejects a duplicate key in one map', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) => text.replace('ou: Workloads/NonProd', 'ou: Workloads/NonProd\nou: Sandbox'));
    expect(issuesOf(dir)).toEqual([expect.stringMatching(/^accounts\/payments-dev\.yaml:\d+ is not valid YAML: Map keys must be unique/)]);
  });

  it('rejects a misspelled key instead of ignoring it, and suggests the right one', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) => text.replace('budget:', 'budgett:'));
    const line = lineOf(dir, 'accounts/payments-dev.yaml', 'budgett:');
    expect(issuesOf(dir)).toEqual([
      `accounts/payments-dev.yaml:2 budget: is required (expected a map)`,
      `accounts/payments-dev.yaml:${line} budgett: unknown key (expected one of name, email, role, ou, accountId, tags, alternateContacts, budget, access, lifecycle); did you mean "budget"?`,
    ]);
  });

  it('rejects unknown keys deep in the OU tree', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('      Prod:\n', '      Prod:\n        tag:\n          a: b\n'));
    const line = lineOf(dir, 'landing-zone.yaml', 'tag:');
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml:${line} organizationalUnits.Workloads.children.Prod.tag: unknown key (expected one of id, environment, tags, children); did you mean "tags"?`,
    ]);
  });

  it('asks for quotes around an account id that YAML read as a number', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/management.yaml', (text) => text.replace('accountId: "111111111111"', 'accountId: 011111111111'));
    const line = lineOf(dir, 'accounts/management.yaml', 'accountId:');
    expect(issuesOf(dir)).toEqual([
      `accounts/management.yaml:${line} accountId: expected a 12-digit account id in quotes (YAML reads unquoted digits as a number and drops leading zeros), got 11111111111`,
    ]);
  });

  it('rejects a malformed email and account id', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) =>
      text.replace('aws-payments-dev@example.com', 'aws-payments-dev.example.com').replace('ou:', 'accountId: "12345"\nou:'),
    );
    expect(issuesOf(dir)).toEqual([
      `accounts/payments-dev.yaml:3 email: expected an email address, got "aws-payments-dev.example.com"`,
      `accounts/payments-dev.yaml:4 accountId: expected a 12-digit account id, got "12345"`,
    ]);
  });

  it('rejects a region that does not exist, with a suggestion', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  - eu-central-1', '  - eu-centrl-1'));
    const line = lineOf(dir, 'landing-zone.yaml', '- eu-centrl-1');
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml:${line} governedRegions.1: expected an AWS region such as eu-west-1, got "eu-centrl-1"; did you mean "eu-central-1"?`,
    ]);
  });

  it('rejects an account file name that cannot name a stack', () => {
    const dir = copyExample();
    const request = readFileSync(join(dir, 'accounts/payments-dev.yaml'), 'utf8').replace(/payments-dev/g, 'payments-qa');
    writeFile(dir, 'accounts/Payments QA.yaml', request);
    expect(issuesOf(dir)).toEqual([
      `accounts/Payments QA.yaml file name "Payments QA" must be lowercase letters, digits and inner hyphens (at most 50): it names the account's stacks`,
    ]);
  });

  it('reports every problem of every file in one run', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) => text.replace(/^email: .*\n/m, ''));
    editFile(dir, 'accounts/sandbox-data-science.yaml', (text) => text.replace('monthlyLimitUsd: 200', 'monthlyLimitUsd: -5'));
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('homeRegion: eu-west-1', 'homeRegion: mars-1'));
    expect(issuesOf(dir)).toHaveLength(3);
  });
});

describe('cross-file rules', () => {
  it('requires unique account names, emails (in any case) and account ids', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) =>
      text.replace('name: payments-dev', 'name: payments-prod').replace('aws-payments-dev@example.com', 'AWS-Payments-Prod@example.com'),
    );
    editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'ou: Infrastructure\naccountId: "111111111111"'));
    expect(issuesOf(dir)).toEqual([
      `accounts/payments-prod.yaml:2 name: "payments-prod" is already used by accounts/payments-dev.yaml; each account needs its own`,
      `accounts/payments-prod.yaml:3 email: "aws-payments-prod@example.com" is already used by accounts/payments-dev.yaml; each account needs its own`,
      `accounts/shared-services.yaml:5 accountId: "111111111111" is already used by accounts/management.yaml; each account needs its own`,
    ]);
  });

  it('requires the OU of an account to exist, and suggests the closest', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-prod.yaml', (text) => text.replace('ou: Workloads/Prod', 'ou: Workloads/Prd'));
    expect(issuesOf(dir)).toEqual([
      `accounts/payments-prod.yaml:4 ou: expected an OU from landing-zone.yaml (Security, Infrastructure, Workloads, Workloads/Prod, Workloads/NonProd, Sandbox, Suspended), got "Workloads/Prd"; did you mean "Workloads/Prod"?`,
    ]);
  });

  it('requires an OU for member accounts and none for the management account', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-prod.yaml', (text) => text.replace('ou: Workloads/Prod\n', ''));
    editFile(dir, 'accounts/management.yaml', (text) => text.replace('role: management', 'role: management\nou: Security').replace(/^accountId: .*\n/m, ''));
    expect(issuesOf(dir)).toEqual([
      `accounts/management.yaml:2 accountId: is required for the management account, which exists before the landing zone (the 12-digit id of the account that owns the organization)`,
      `accounts/management.yaml:5 ou: the management account stays at the organization root; remove "ou"`,
      `accounts/payments-prod.yaml:2 ou: is required (expected an OU path from landing-zone.yaml: Security, Infrastructure, Workloads, Workloads/Prod, Workloads/NonProd, Sandbox, Suspended)`,
    ]);
  });

  it('requires every required tag, with an allowed value', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) => text.replace('  cost-center: "4200"\n', '').replace('environment: nonprod', 'environment: staging'));
    const line = lineOf(dir, 'accounts/payments-dev.yaml', 'environment:');
    expect(issuesOf(dir)).toEqual([
      `accounts/payments-dev.yaml:${line - 2} tags.cost-center: is required by landing-zone.yaml requiredTags; add "cost-center"`,
      `accounts/payments-dev.yaml:${line} tags.environment: expected a value allowed by landing-zone.yaml (prod, nonprod, sandbox, shared), got "staging"`,
    ]);
  });

  it('requires exactly one security account, and the one landing-zone.yaml names', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/shared-services.yaml', (text) => text.replace('ou: Infrastructure', 'role: security\nou: Infrastructure'));
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('logArchive: log-archive', 'logArchive: log-archiv'));
    const line = lineOf(dir, 'landing-zone.yaml', 'logArchive:');
    expect(issuesOf(dir)).toEqual([
      `accounts/shared-services.yaml:4 role: accounts/security.yaml already has role security; an organization has exactly one`,
      `landing-zone.yaml:${line} coreAccounts.logArchive: expected the name of an account request (log-archive, management, payments-dev, payments-prod, sandbox-data-science, security, shared-services), got "log-archiv"; did you mean "log-archive"?`,
    ]);
  });

  it('requires the named core accounts to have the matching role', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('security: security', 'security: shared-services'));
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ coreAccounts\.security: names accounts\/shared-services\.yaml, whose role is workload; expected the account with role security$/,
      ),
    ]);
  });

  it('reports a missing log-archive account', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/log-archive.yaml', (text) => text.replace('role: log-archive', 'role: workload'));
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml no account has role log-archive; add a request file under accounts/ with "role: log-archive"`,
      expect.stringMatching(/^landing-zone\.yaml:\d+ coreAccounts\.logArchive: names accounts\/log-archive\.yaml, whose role is workload/),
    ]);
  });

  it('keeps a core account in the OU landing-zone.yaml gives it: moving it in its request file alone is refused', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/security.yaml', (text) => text.replace('ou: Security', 'ou: Suspended'));
    editFile(dir, 'accounts/log-archive.yaml', (text) => text.replace('ou: Security', 'ou: Workloads/Prod'));
    expect(issuesOf(dir)).toEqual([
      `accounts/log-archive.yaml:5 ou: moves the log-archive account to Workloads/Prod, but it stays in Security (coreAccounts.organizationalUnits.logArchive of landing-zone.yaml): a core account moves only when that field names its new OU too`,
      `accounts/security.yaml:5 ou: moves the security account to Suspended, but it stays in Security (coreAccounts.organizationalUnits.security of landing-zone.yaml): a core account moves only when that field names its new OU too`,
    ]);
  });

  it('moves a core account when coreAccounts.organizationalUnits says so too', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/log-archive.yaml', (text) => text.replace('ou: Security', 'ou: Infrastructure'));
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('    logArchive: Security', '    logArchive: Infrastructure'));
    expect(issuesOf(dir)).toEqual([]);
  });

  it('never keeps a core account where nothing can run, even when both files say so', () => {
    const suspended = copyExample();
    editFile(suspended, 'accounts/security.yaml', (text) => text.replace('ou: Security', 'ou: Suspended'));
    editFile(suspended, 'landing-zone.yaml', (text) => text.replace('    security: Security', '    security: Suspended'));
    const line = lineOf(suspended, 'landing-zone.yaml', 'security: Suspended');
    expect(issuesOf(suspended)).toEqual([
      `landing-zone.yaml:${line} coreAccounts.organizationalUnits.security: is Suspended, where nothing can run (it is the suspended OU), but every account's logs and security services depend on the security account: keep it in an OU where it works`,
    ]);

    const denied = copyExample();
    editFile(denied, 'accounts/log-archive.yaml', (text) => text.replace('ou: Security', 'ou: Workloads/Prod'));
    editFile(denied, 'landing-zone.yaml', (text) =>
      text
        .replace('    logArchive: Security', '    logArchive: Workloads/Prod')
        .replace(
          '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create]',
          '      Workloads:\n        serviceControlPolicies: [region-deny, require-tags-on-create, deny-all]',
        ),
    );
    expect(issuesOf(denied)).toEqual([
      ...['payments-dev', 'payments-prod'].map((name) =>
        expect.stringMatching(
          new RegExp(`^accounts/${name}\\.yaml:\\d+ ou: is Workloads/(Non)?Prod, where nothing can run \\(deny-all reaches it from Workloads\\)`),
        ),
      ),
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ coreAccounts\.organizationalUnits\.logArchive: is Workloads\/Prod, where nothing can run \(deny-all reaches it from Workloads\)/,
      ),
    ]);
  });

  it('warns about an active account asked for in the suspended OU', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/sandbox-data-science.yaml', (text) => text.replace('ou: Sandbox', 'ou: Suspended'));
    expect(issuesOf(dir)).toEqual([
      `accounts/sandbox-data-science.yaml:4 ou: is Suspended, where nothing can run (it is the suspended OU): the account would be created active and then be unusable; choose another OU, or suspend an existing account with lifecycle: suspended`,
    ]);
  });

  it('requires the home region to be governed and each region listed once', () => {
    const ungoverned = copyExample();
    editFile(ungoverned, 'landing-zone.yaml', (text) => text.replace('homeRegion: eu-west-1', 'homeRegion: us-east-1'));
    expect(issuesOf(ungoverned)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ homeRegion: expected one of governedRegions \(eu-west-1, eu-central-1\), got "us-east-1"; add it to governedRegions$/,
      ),
    ]);
    const twice = copyExample();
    editFile(twice, 'landing-zone.yaml', (text) => text.replace('  - eu-central-1', '  - eu-central-1\n  - eu-west-1'));
    const line = linesOf(twice, 'landing-zone.yaml', '- eu-west-1')[1];
    expect(issuesOf(twice)).toEqual([`landing-zone.yaml:${line} governedRegions.2: "eu-west-1" is listed twice, as item 0 too; keep one`]);
  });

  it('allows OUs five levels deep, not six', () => {
    const dir = copyExample();
    const nest = (depth: number) =>
      Array.from({ length: depth }, (_, level) => `${'  '.repeat(level * 2 + 1)}L${level + 1}:\n${'  '.repeat(level * 2 + 2)}children:`).join('\n') + ' {}';
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('organizationalUnits:\n', `organizationalUnits:\n${nest(5)}\n`));
    expect(issuesOf(dir)).toEqual([]);
    const deeper = copyExample();
    editFile(deeper, 'landing-zone.yaml', (text) => text.replace('organizationalUnits:\n', `organizationalUnits:\n${nest(6)}\n`));
    expect(issuesOf(deeper)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ organizationalUnits\.L1\.children\.L2\.children\.L3\.children\.L4\.children\.L5\.children\.L6: L1\/L2\/L3\/L4\/L5\/L6 is 6 levels deep; quotas\.organizationalUnitDepth allows at most 5 under the root$/,
      ),
    ]);
  });

  it('requires each alternate contact, from the account or the defaults', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(/ {2}billing:\n( {4}.*\n){4}/, ''));
    expect(issuesOf(dir)).toEqual(
      ['log-archive', 'management', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services'].map((key) =>
        expect.stringMatching(
          new RegExp(
            `^accounts/${key}\\.yaml:\\d+ alternateContacts\\.billing: is required: set it here or as a default in landing-zone\\.yaml alternateContacts\\.billing$`,
          ),
        ),
      ),
    );
  });
});

describe('logging and alerting settings', () => {
  it('name the setting, the line and what is accepted', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace('      - cis-aws-foundations-benchmark\n', '      - cis-aws-foundation-benchmark\n')
        .replace('guardDutyMinimumSeverity: 7', 'guardDutyMinimumSeverity: 9.5')
        .replace('    retentionDays: 90\n', '    retentionDays: 91\n')
        .replace('  emails: [security-alerts@example.com]\n', ''),
    );
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ organizationTrail\.cloudWatchLogs\.retentionDays: expected a retention CloudWatch Logs accepts \(1, 3, 5, .*, 3653 days\), got 91$/,
      ),
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ securityServices\.securityHub\.standards\.1: expected one of .*got "cis-aws-foundation-benchmark"; did you mean "cis-aws-foundations-benchmark"\?/,
      ),
      expect.stringMatching(/^landing-zone\.yaml:\d+ alerts\.emails: is required \(expected a list\)/),
      expect.stringMatching(/^landing-zone\.yaml:\d+ alerts\.guardDutyMinimumSeverity: expected at most 8\.9, got 9\.5/),
    ]);
  });
});
