/**
 * What validation refuses in the incidentResponse section and the runbooks, each message
 * as the user reads it: file, line, field, what was expected.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, editFile, writeFile } from '../support/example-config';
import { allIssuesOf, issuesOf } from '../support/read-configuration';

/** The example with `edit` applied to its landing-zone.yaml. */
function exampleWith(edit: (text: string) => string): string {
  const dir = copyExample();
  editFile(dir, 'landing-zone.yaml', edit);
  return dir;
}

function lineOf(directory: string, prefix: string, after = 0): number {
  const lines = readFileSync(join(directory, 'landing-zone.yaml'), 'utf8').split('\n');
  const index = lines.findIndex((line, at) => at >= after && line.trimStart().startsWith(prefix));
  if (index < 0) throw new Error(`landing-zone.yaml has no line starting with ${prefix}`);
  return index + 1;
}

const at = (dir: string, prefix: string) => `landing-zone.yaml:${lineOf(dir, prefix)}`;

describe('chat channel ids', () => {
  it.each([
    [
      'workspaceId: T07EXAMPLE1',
      'workspaceId: t07example1',
      'workspaceId',
      'expected a Slack workspace id such as T07ABCDE123 (upper case, starting with T), got "t07example1"',
    ],
    [
      'workspaceId: T07EXAMPLE1',
      'workspaceId: W07EXAMPLE1',
      'workspaceId',
      'expected a Slack workspace id such as T07ABCDE123 (upper case, starting with T), got "W07EXAMPLE1"',
    ],
    [
      'channelId: C07EXAMPLE2',
      'channelId: D07EXAMPLE2',
      'channelId',
      'expected a Slack channel id such as C07ABCDE456 (upper case, starting with C, or G for an older private channel), got "D07EXAMPLE2"',
    ],
  ])('refuses a Slack id of the wrong form: %s as %s', (from, to, key, message) => {
    const dir = exampleWith((text) => text.replace(from, to));
    expect(issuesOf(dir)).toEqual([`${at(dir, `${key}:`)} incidentResponse.chat.slack.security-alerts.${key}: ${message}`]);
  });

  const teams = (tenantId: string, channelId: string) => (text: string) =>
    text.replace(
      '        channelId: C07EXAMPLE2\n',
      `        channelId: C07EXAMPLE2\n    teams:\n      security-teams:\n        tenantId: ${tenantId}\n        teamId: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\n        channelId: "${channelId}"\n`,
    );

  it('accepts a Teams channel with GUIDs and the URL-encoded channel id', () => {
    expect(issuesOf(exampleWith(teams('8f2c1d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f', '19%3a0a1b2c3d%40thread.tacv2')))).toEqual([]);
  });

  it('refuses a Teams tenant that is no GUID, and a channel id pasted undecoded', () => {
    const dir = exampleWith(teams('contoso.onmicrosoft.com', '19:0a1b2c3d@thread.tacv2'));
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'tenantId:')} incidentResponse.chat.teams.security-teams.tenantId: expected a GUID such as 8f2c1d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f, got "contoso.onmicrosoft.com"`,
      `landing-zone.yaml:${lineOf(dir, 'channelId:', lineOf(dir, 'teams:'))} incidentResponse.chat.teams.security-teams.channelId: expected a Teams channel id URL-encoded as in the channel link, such as 19%3aabc123%40thread.tacv2 (":" as %3a, "@" as %40), got "19:0a1b2c3d@thread.tacv2"`,
    ]);
  });

  it('refuses a name given to a Slack and a Teams channel both', () => {
    const dir = exampleWith(teams('8f2c1d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f', '19%3a0a1b2c3d%40thread.tacv2'));
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('      security-teams:', '      security-alerts:'));
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml:${lineOf(dir, 'security-alerts:', lineOf(dir, 'teams:'))} incidentResponse.chat.teams.security-alerts: is also the name of a Slack channel; each chat configuration of the account needs a name of its own`,
    ]);
  });

  it('refuses a chat section without a channel', () => {
    const dir = exampleWith((text) => text.replace(/ {4}slack:\n {6}security-alerts:\n.*\n.*\n/, '    slack: {}\n'));
    expect(issuesOf(dir)).toEqual([`${at(dir, 'chat:')} incidentResponse.chat: needs at least one Slack or Teams channel`]);
  });
});

describe('Incident Manager references', () => {
  it('refuses an unknown contact in an escalation plan, with a suggestion', () => {
    const dir = exampleWith((text) => text.replace('contacts: [bob] }', 'contacts: [bobb] }'));
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'bob:')} incidentResponse.incidentManager.contacts.bob: is engaged by no response plan or escalation plan, so it is never paged`,
      `${at(dir, '- { durationMinutes: 10, contacts: [bobb]')} incidentResponse.incidentManager.escalationPlans.security-on-call.stages.1.contacts.0: expected a contact of incidentManager.contacts (alice, bob), got "bobb"; did you mean "bob"?`,
    ]);
  });

  it('refuses an unknown engagement of a response plan', () => {
    const dir = exampleWith((text) => text.replace('engagements: [security-on-call]', 'engagements: [security-oncall]'));
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'engagements:')} incidentResponse.incidentManager.responsePlans.security-incident.engagements.0: expected a contact or escalation plan (alice, bob, security-on-call), got "security-oncall"; did you mean "security-on-call"?`,
    ]);
  });

  it('refuses an escalation plan with the alias of a contact', () => {
    const dir = exampleWith((text) =>
      text
        .replace('      security-on-call:\n        displayName', '      alice:\n        displayName')
        .replace('engagements: [security-on-call]', 'engagements: [alice]'),
    );
    expect(issuesOf(dir)).toEqual([
      `landing-zone.yaml:${lineOf(dir, 'alice:', lineOf(dir, 'escalationPlans:'))} incidentResponse.incidentManager.escalationPlans.alice: is also the alias of a contact; contacts and escalation plans share one namespace`,
    ]);
  });

  it('refuses an unknown runbook file, naming the runbooks there are', () => {
    const dir = exampleWith((text) => text.replace('document: AWSIncidents-CriticalIncidentRunbookTemplate', 'file: triage'));
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'file: triage')} incidentResponse.incidentManager.responsePlans.security-incident.runbook.file: expected a runbook file runbooks/<name>.yaml (there is none), got "triage"`,
    ]);
  });

  it('refuses a runbook that names both an AWS document and a file', () => {
    const dir = exampleWith((text) =>
      text.replace('document: AWSIncidents-CriticalIncidentRunbookTemplate', 'document: AWSIncidents-CriticalIncidentRunbookTemplate\n          file: triage'),
    );
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'runbook:')} incidentResponse.incidentManager.responsePlans.security-incident.runbook: a runbook names exactly one of document and file`,
    ]);
  });

  it('refuses a contact without a channel, and a phone number not in E.164', () => {
    const dir = exampleWith((text) =>
      text.replace('        email: alice@example.com\n        sms: "+12065550110"\n', '').replace('voice: "+12065550111"', 'voice: "(206) 555-0111"'),
    );
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'alice:')} incidentResponse.incidentManager.contacts.alice: a contact needs at least one of email, sms and voice`,
      `${at(dir, 'voice:')} incidentResponse.incidentManager.contacts.bob.voice: expected a phone number in E.164 form such as +12065550100, got "(206) 555-0111"`,
    ]);
  });

  it('refuses an escalation stage of more than 30 minutes', () => {
    const dir = exampleWith((text) => text.replace('durationMinutes: 10, contacts: [alice]', 'durationMinutes: 45, contacts: [alice]'));
    expect(issuesOf(dir)).toEqual([
      `${at(dir, '- { durationMinutes: 45')} incidentResponse.incidentManager.escalationPlans.security-on-call.stages.0.durationMinutes: expected at most 30, got 45`,
    ]);
  });

  const secondPlan = (text: string) =>
    text.replace(
      '          document: AWSIncidents-CriticalIncidentRunbookTemplate\n',
      '          document: AWSIncidents-CriticalIncidentRunbookTemplate\n      credentials-compromise:\n        title: Credentials compromised\n        engagements: [alice]\n',
    );

  it('asks which response plan starts each incident when there are several', () => {
    const dir = exampleWith(secondPlan);
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'responsePlans:')} incidentResponse.incidentManager.responsePlans: has 2 response plans: name the one each alert starts in incidentManager.incidents (any of root-console-sign-in, cloudtrail-stopped, security-hub-critical-finding, guardduty-high-severity-finding, root-api-use)`,
    ]);
  });

  it('refuses an unknown response plan in incidents and in the Open incident action', () => {
    const dir = exampleWith((text) =>
      secondPlan(text)
        .replace('\nsessionManager:', '  securityHubActions:\n    openIncident: credentials\n\nsessionManager:')
        .replace('    responsePlans:\n', '    incidents:\n      root-console-sign-in: security-incidents\n    responsePlans:\n'),
    );
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'root-console-sign-in: security-incidents')} incidentResponse.incidentManager.incidents.root-console-sign-in: expected a response plan of incidentManager.responsePlans (security-incident, credentials-compromise), got "security-incidents"; did you mean "security-incident"?`,
      `${at(dir, 'openIncident:')} incidentResponse.securityHubActions.openIncident: expected a response plan of incidentManager.responsePlans (security-incident, credentials-compromise), got "credentials"`,
    ]);
  });

  it('refuses an unknown kind of alert in incidents, with a suggestion', () => {
    const dir = exampleWith((text) =>
      text.replace('    responsePlans:\n', '    incidents:\n      root-console-signin: security-incident\n    responsePlans:\n'),
    );
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'root-console-signin:')} incidentResponse.incidentManager.incidents.root-console-signin: unknown key (expected one of root-console-sign-in, cloudtrail-stopped, security-hub-critical-finding, guardduty-high-severity-finding, root-api-use); did you mean "root-console-sign-in"?`,
    ]);
  });

  it('refuses a second region that is the home region or not governed', () => {
    expect(issuesOf(exampleWith((text) => text.replace('secondRegion: eu-central-1', 'secondRegion: eu-west-1')))).toEqual([
      expect.stringMatching(
        /secondRegion: is the home region, which the replication set holds anyway; name another governed region \(eu-central-1\), or remove it$/,
      ),
    ]);
    expect(issuesOf(exampleWith((text) => text.replace('secondRegion: eu-central-1', 'secondRegion: us-west-2')))).toEqual([
      expect.stringMatching(
        /incidentResponse\.incidentManager\.secondRegion: expected a governed region \(eu-west-1, eu-central-1\), got "us-west-2"; did you mean "eu-west-1"\?$/,
      ),
    ]);
  });

  it('refuses an incident GuardDuty severity that is never forwarded', () => {
    const dir = exampleWith((text) => text.replace('    secondRegion: eu-central-1\n', '    secondRegion: eu-central-1\n    guardDutyMinimumSeverity: 5\n'));
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'guardDutyMinimumSeverity: 5')} incidentResponse.incidentManager.guardDutyMinimumSeverity: is 5, below alerts.guardDutyMinimumSeverity (7): findings under that are not forwarded to the central bus, so they could not start an incident; expected at least 7`,
    ]);
  });
});

describe('custom actions', () => {
  it('refuses Send to chat without chat, and Open incident without Incident Manager', () => {
    const dir = exampleWith((text) => {
      const start = text.indexOf('  # Every alert also goes');
      const end = text.indexOf('\nsessionManager:');
      return `${text.slice(0, start)}  securityHubActions:\n    sendToChat: true\n    openIncident: security-incident\n${text.slice(end)}`;
    });
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'sendToChat:')} incidentResponse.securityHubActions.sendToChat: posts to chat, but there is no chat section to define the channels`,
      `${at(dir, 'openIncident:')} incidentResponse.securityHubActions.openIncident: starts an incident, but there is no incidentManager section to define response plans`,
    ]);
  });

  it('refuses an unknown remediation, with a suggestion, and one listed twice', () => {
    const unknown = exampleWith((text) => text.replace('\nsessionManager:', '  remediations: [close-public-rdp]\n\nsessionManager:'));
    expect(issuesOf(unknown)).toEqual([
      `${at(unknown, 'remediations:')} incidentResponse.remediations.0: expected one of (close-default-security-group, close-public-ssh), got "close-public-rdp"; did you mean "close-public-ssh"?`,
    ]);
    const twice = exampleWith((text) => text.replace('\nsessionManager:', '  remediations: [close-public-ssh, close-public-ssh]\n\nsessionManager:'));
    expect(issuesOf(twice)).toEqual([
      `${at(twice, 'remediations:')} incidentResponse.remediations.1: "close-public-ssh" is listed twice, as item 0 too; keep one`,
    ]);
  });
});

describe('runbooks of the configuration', () => {
  const withRunbook = (file: string, text: string) => {
    const dir = exampleWith((yaml) => yaml.replace('document: AWSIncidents-CriticalIncidentRunbookTemplate', 'file: triage'));
    mkdirSync(join(dir, 'runbooks'));
    writeFile(dir, file, text);
    return dir;
  };

  it('reads a runbook file and accepts it', () => {
    expect(
      issuesOf(
        withRunbook('runbooks/triage.yaml', 'schemaVersion: "0.3"\nmainSteps:\n  - name: Wait\n    action: aws:sleep\n    inputs: { Duration: PT1M }\n'),
      ),
    ).toEqual([]);
  });

  it('refuses a runbook that is no Automation document, with its line', () => {
    const dir = withRunbook('runbooks/triage.yaml', 'schemaVersion: "2.2"\nmainSteps:\n  - name: Wait\n    action: sleep\n');
    expect(issuesOf(dir)).toEqual([
      'runbooks/triage.yaml:1 schemaVersion: expected "0.3", the schema version of Automation runbooks',
      'runbooks/triage.yaml:4 mainSteps.0.action: expected an Automation action such as aws:executeScript, got "sleep"',
    ]);
  });

  it('warns of a runbook file no response plan names, and of an entry it does not read', () => {
    const dir = copyExample();
    mkdirSync(join(dir, 'runbooks'));
    writeFile(dir, 'runbooks/unused.json', '{"schemaVersion": "0.3", "mainSteps": [{"name": "Wait", "action": "aws:sleep"}]}');
    writeFile(dir, 'runbooks/notes.txt', 'not a runbook');
    expect(issuesOf(dir)).toEqual([
      'runbooks/notes.txt is not read: runbooks (<name>.yaml, <name>.yml or <name>.json) are named like this',
      'runbooks/unused.json is the runbook of no response plan; name it as runbook.file: unused in landing-zone.yaml, or remove the file',
    ]);
  });

  it("checks a runbook's policy like every policy: actions and condition keys against AWS's data", async () => {
    const dir = exampleWith((text) =>
      text.replace(
        'document: AWSIncidents-CriticalIncidentRunbookTemplate',
        'document: AWSIncidents-CriticalIncidentRunbookTemplate\n          policy:\n            Version: "2012-10-17"\n            Statement:\n              - { Effect: Allow, Action: iam:PutRolePolcy, Resource: "*" }',
      ),
    );
    expect(await allIssuesOf(dir)).toEqual([
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ incidentResponse\.incidentManager\.responsePlans\.security-incident\.runbook\.policy\.Statement\.0\.Action: "iam:PutRolePolcy" matches no iam action; did you mean "iam:PutRolePolicy"\?$/,
      ),
    ]);
  });
});

describe('Incident Manager, which takes no new customers', () => {
  it('is off in the example, which validates without a warning', () => {
    expect(issuesOf(copyExample())).toEqual([]);
  });

  it('warns, once turned on, that only a security account that used it before can have it', () => {
    const dir = exampleWith((text) => text.replace('    enabled: false\n', '    enabled: true\n'));
    expect(issuesOf(dir)).toEqual([
      `${at(dir, 'enabled:')} incidentResponse.incidentManager.enabled: Incident Manager takes no new customers since 7 November 2025: only a security account that used it before then can have it (its replication set fails for any other); page through incidentResponse.paging instead, or set enabled: false`,
    ]);
  });
});

describe('paging destinations', () => {
  const paging = (lines: readonly string[]) => (text: string) =>
    text.replace(
      '      endpoint: https://on-call.example.com/aws-events\n      apiKeyName: Authorization\n      invocationsPerSecond: 10\n',
      lines.map((line) => `      ${line}\n`).join(''),
    );

  it.each([
    [
      ['endpoint: http://on-call.example.com/aws-events'],
      'endpoint',
      'expected an https:// URL of the on-call service, such as https://events.example.com/aws, got "http://on-call.example.com/aws-events"',
    ],
    [
      ['endpoint: on-call.example.com'],
      'endpoint',
      'expected an https:// URL of the on-call service, such as https://events.example.com/aws, got "on-call.example.com"',
    ],
    [
      ['endpoint: https://on-call.example.com/', 'apiKeyName: "X-Key: value"'],
      'apiKeyName',
      'expected the name of the header that carries the API key, such as Authorization (no colon or control character), got "X-Key: value"',
    ],
    [['endpoint: https://on-call.example.com/', 'invocationsPerSecond: 301'], 'invocationsPerSecond', 'expected at most 300, got 301'],
    [['endpoint: https://on-call.example.com/', 'invocationsPerSecond: 0'], 'invocationsPerSecond', 'expected at least 1, got 0'],
  ])('refuses %j', (lines, key, message) => {
    const dir = exampleWith(paging(lines));
    expect(issuesOf(dir)).toEqual([`${at(dir, `${key}:`)} incidentResponse.paging.security-on-call.${key}: ${message}`]);
  });

  it('takes the endpoint alone, with the Authorization header and 10 a second', () => {
    expect(issuesOf(exampleWith(paging(['endpoint: https://events.example.com/aws'])))).toEqual([]);
  });
});
