import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, editFile, writeFile } from '../support/example-config';
import { issuesOf } from '../support/read-configuration';
import { readConfiguration } from '../../lib/config/read-configuration';
import { ConfigurationError, isError } from '../../lib/diagnostics';
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { conditionOperatorProblem } from '../../lib/iam/iam-data';

/** Every problem `loadLandingZone` reports, one line each (the header dropped). */
async function loadIssues(directory: string): Promise<string[]> {
  try {
    await loadLandingZone(directory);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return error.message
      .split('\n')
      .slice(1)
      .filter((line) => line !== '');
  }
}

function lineOf(directory: string, file: string, text: string): number {
  return (
    readFileSync(join(directory, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

describe('guardrail attachments', () => {
  it('rejects an unknown policy name, with a suggestion', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('- root-user-lockdown', '- root-user-lockdwn'));
    const line = lineOf(dir, 'landing-zone.yaml', 'root-user-lockdwn');
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^landing-zone\\.yaml:${line} guardrails\\.attachments\\.root\\.serviceControlPolicies\\.1: expected a built-in guardrail or a custom SCP in scps/ \\(.*\\), got "root-user-lockdwn"; did you mean "root-user-lockdown"\\?$`,
        ),
      ),
    ]);
  });

  it('rejects a tag policy attached as an SCP, and the same policy twice', () => {
    const asScp = copyExample();
    editFile(asScp, 'landing-zone.yaml', (text) =>
      text.replace('[region-deny, require-tags-on-create, deny-iam-users', '[region-deny, required-tags, deny-iam-users'),
    );
    expect(issuesOf(asScp)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.attachments\.organizationalUnits\.Sandbox\.serviceControlPolicies\.1: expected a built-in guardrail or a custom SCP .*got "required-tags"/,
      ),
    ]);
    const twice = copyExample();
    editFile(twice, 'landing-zone.yaml', (text) =>
      text.replace('[region-deny, require-tags-on-create, deny-iam-users', '[region-deny, require-tags-on-create, region-deny, deny-iam-users'),
    );
    expect(issuesOf(twice)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.attachments\.organizationalUnits\.Sandbox\.serviceControlPolicies\.2: "region-deny" is listed twice, as item 0 too; keep one$/,
      ),
    ]);
  });

  it('rejects unknown targets and the management account', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text
        .replace('      Suspended:\n        serviceControlPolicies', '      Suspend:\n        serviceControlPolicies')
        .replace('      log-archive:\n', '      log-archiv:\n        serviceControlPolicies: [deny-all]\n      management:\n'),
    );
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /guardrails\.attachments\.organizationalUnits\.Suspend: expected an OU path of organizationalUnits \(.*\), got "Suspend"; did you mean "Suspended"\?$/,
      ),
      expect.stringMatching(
        /guardrails\.attachments\.accounts\.log-archiv: expected the name of an account request \(.*\), got "log-archiv"; did you mean "log-archive"\?$/,
      ),
      expect.stringMatching(
        /guardrails\.attachments\.accounts\.management: policies do not apply to the management account; attach them to member accounts, OUs or the root$/,
      ),
    ]);
  });

  it('counts FullAWSAccess against the SCPs-per-target quota', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('stateBackend:', 'quotas:\n  serviceControlPoliciesPerTarget: 5\n\nstateBackend:'));
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.attachments\.root\.serviceControlPolicies: 6 policies here, over quotas\.serviceControlPoliciesPerTarget, less one for FullAWSAccess \(4\)$/,
      ),
    ]);
  });

  it('lets quotas be lowered for a margin, never raised past AWS', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('stateBackend:', 'quotas:\n  serviceControlPolicySize: 20000\n\nstateBackend:'));
    expect(issuesOf(dir)).toEqual([expect.stringMatching(/quotas\.serviceControlPolicySize: may only lower the AWS quota, which is 10240$/)]);
  });

  it('refuses a tag guardrail wherever it is attached when no tag is required, instead of failing in the builder', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace(/requiredTags:\n(?: {2,}.*\n)+/, 'requiredTags: []\n'));
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace(/ {6}(Workloads|Sandbox):\n {8}serviceControlPolicies: \[region-deny, require-tags-on-create.*\n/g, ''),
    );
    // Its only attachment, in Sandbox, is gone with the line.
    rmSync(join(dir, 'scps/deny-large-instances.json'));
    const line = lineOf(dir, 'landing-zone.yaml', '[region-deny, require-tags-on-create]');
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.attachments\.root\.tagPolicies\.0: required-tags needs at least one tag in requiredTags, which is empty; add a required tag, or detach it here$/,
      ),
      `landing-zone.yaml:${line} guardrails.attachments.organizationalUnits.Infrastructure.serviceControlPolicies.1: require-tags-on-create needs at least one tag in requiredTags, which is empty; add a required tag, or detach it here`,
    ]);
  });

  it('warns, without failing, when the guardrail that keeps exempt names from being taken is not at the root', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('        - protect-landing-zone-roles\n', ''));
    const reading = readConfiguration(dir);
    expect(reading.issues.filter(isError)).toEqual([]);
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.attachments\.root\.serviceControlPolicies: protect-landing-zone-roles is not attached to the root: where it does not reach, an administrator can create or change a role named like an exempt principal \(arn:aws:iam::\*:role\/OrganizationAccountAccessRole, arn:aws:iam::\*:role\/BreakGlassAdmin\) and escape every guardrail that exempts it; add it to guardrails\.attachments\.root\.serviceControlPolicies$/,
      ),
    ]);
    await expect(loadLandingZone(dir)).resolves.toMatchObject({ warnings: expect.stringMatching(/^1 warning:\n/) });
  });

  it('refuses a custom SCP named like a built-in guardrail', () => {
    const dir = copyExample();
    writeFile(dir, 'scps/region-deny.json', readFileSync(join(dir, 'scps/deny-large-instances.json'), 'utf8'));
    expect(issuesOf(dir)).toEqual(['scps/region-deny.json is named like the built-in guardrail region-deny; rename the file']);
  });
});

describe('custom SCP files', () => {
  it('reject a Principal, which SCPs do not take', () => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) => text.replace('"Effect": "Deny",', '"Effect": "Deny",\n      "Principal": "*",'));
    expect(issuesOf(dir)).toEqual([expect.stringMatching(/^scps\/deny-large-instances\.json:\d+ Statement\.0\.Principal: unknown key/)]);
  });

  it('need one of Action and NotAction', () => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) => text.replace('"Action":', '"NotAction": "s3:*",\n      "Action":'));
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(/^scps\/deny-large-instances\.json:\d+ Statement\.0: a statement needs exactly one of Action and NotAction$/),
    ]);
  });
});

describe('policy references against AWS data', () => {
  it('names the mistyped action, condition operator and condition key of a custom SCP, with their lines', async () => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) =>
      text.replace('"ec2:RunInstances"', '"ec2:RunInstance"').replace('StringNotLike', 'StringNotLik').replace('ec2:InstanceType', 'ec2:InstanceTypo'),
    );
    const file = 'scps/deny-large-instances.json';
    expect(await loadIssues(dir)).toEqual([
      `${file}:${lineOf(dir, file, 'ec2:RunInstance"')} Statement.0.Action.0: "ec2:RunInstance" matches no ec2 action; did you mean "ec2:RunInstances"?`,
      `${file}:${lineOf(dir, file, 'StringNotLik')} Statement.0.Condition.StringNotLik: "StringNotLik" is not a condition operator; did you mean "StringNotLike"?`,
      `${file}:${lineOf(dir, file, 'ec2:InstanceTypo')} Statement.0.Condition.StringNotLik.ec2:InstanceTypo: "ec2:InstanceTypo" is not a condition key; did you mean "ec2:InstanceType"?`,
    ]);
  });

  it('accepts wildcards that match real actions and rejects those that match none', async () => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) => text.replace('"ec2:StartInstances"', '"ec2:Start*", "ec2:Strat*"'));
    expect(await loadIssues(dir)).toEqual([expect.stringMatching(/Statement\.0\.Action\.2: "ec2:Strat\*" matches no ec2 action$/)]);
  });

  it('knows the set operators by their AWS spelling: ForAnyValue and ForAllValues', () => {
    expect(conditionOperatorProblem('ForAnyValue:StringLike')).toBeUndefined();
    expect(conditionOperatorProblem('ForAllValues:StringEqualsIfExists')).toBeUndefined();
    expect(conditionOperatorProblem('ForAnyValues:StringLike')).toMatch(/is not a condition operator/);
  });

  it('checks the extra region-deny exemptions', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('- pricingplanmanager:*', '- pricingplanmanagr:*'));
    expect(await loadIssues(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ guardrails\.regionDeny\.extraExemptActions\.0: "pricingplanmanagr:\*": no AWS service has the prefix "pricingplanmanagr"; did you mean "pricingplanmanager"\?$/,
      ),
    ]);
  });
});

describe('policy size quota', () => {
  it('measures the synthesized text: at the quota passes, one character over fails, naming the policy', async () => {
    const { landingZone } = await loadLandingZone(copyExample());
    const serviceControlPolicies = landingZone.policies.filter((policy) => policy.type === 'SERVICE_CONTROL_POLICY');
    const largest = serviceControlPolicies.reduce((a, b) => (b.content.length > a.content.length ? b : a));
    const size = largest.content.length;
    expect(serviceControlPolicies.filter((policy) => policy.content.length === size)).toHaveLength(1);
    const atQuota = copyExample();
    editFile(atQuota, 'landing-zone.yaml', (text) => text.replace('stateBackend:', `quotas:\n  serviceControlPolicySize: ${size}\n\nstateBackend:`));
    expect(await loadIssues(atQuota)).toEqual([]);
    const overQuota = copyExample();
    editFile(overQuota, 'landing-zone.yaml', (text) => text.replace('stateBackend:', `quotas:\n  serviceControlPolicySize: ${size - 1}\n\nstateBackend:`));
    expect(await loadIssues(overQuota)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^landing-zone\\.yaml:\\d+ guardrails\\.attachments\\.[\\w.]+\\.serviceControlPolicies\\.\\d+: policy ${largest.name} is ${size} characters as synthesized, 1 over quotas\\.serviceControlPolicySize \\(${size - 1}\\)$`,
        ),
      ),
    ]);
  });

  it('reports an oversized custom SCP at its file', async () => {
    const dir = copyExample();
    const types = Array.from({ length: 1200 }, (_, index) => `"t3.size${index}"`).join(', ');
    editFile(dir, 'scps/deny-large-instances.json', (text) => text.replace('"t3.*",', `"t3.*", ${types},`));
    expect(await loadIssues(dir)).toEqual([
      expect.stringMatching(
        /^scps\/deny-large-instances\.json policy deny-large-instances is \d+ characters as synthesized, \d+ over quotas\.serviceControlPolicySize \(10240\)$/,
      ),
    ]);
  });
});
