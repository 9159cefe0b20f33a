/**
 * The incident-response stack of the example and of variants, read from the synthesized
 * Terraform: the chat channels and what may publish to them (by an IAM policy simulator),
 * Incident Manager's replication set, contacts, plans and the rules that start incidents
 * (matched against recorded events), the Security Hub custom actions and their routing, and
 * the automated remediations of the baselines.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { ALERTS } from '../../lib/alerts/alert-catalogue';
import { DEFAULT_INCIDENT_KINDS } from '../../lib/config/schemas/incident-response';
import { synthesisSummary } from '../../lib/app/synthesis-summary';
import { synthesizeLandingZone } from '../../lib/app/synthesize-landing-zone';
import {
  copyExample,
  editFile,
  readStack,
  resources,
  stackNames,
  synthesize,
  temporaryDirectory,
  writeFile,
  type TerraformJson,
} from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { matchesEventPattern } from '../support/event-pattern';
import { policyFromTerraform } from '../support/terraform-values';

const FIXTURES = join(__dirname, '..', 'fixtures', 'events');
const recordedEvent = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));

const SECURITY_ACCOUNT_ID = '333333333333';
const SECURITY_ACCOUNT = 'data.terraform_remote_state.account_security.outputs.account_id';
const BUS = 'landing-zone-security-alerts';

const TEAMS = [
  '    teams:',
  '      security-teams:',
  '        tenantId: 8f2c1d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f',
  '        teamId: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  '        channelId: 19%3a0a1b2c3d4e5f%40thread.tacv2',
];

const RUNBOOK = [
  'schemaVersion: "0.3"',
  'description: Revoke the sessions of a role that an incident names.',
  'parameters:',
  '  RoleName:',
  '    type: String',
  'mainSteps:',
  '  - name: RevokeSessions',
  '    action: aws:executeAwsApi',
  '    inputs:',
  '      Service: iam',
  '      Api: PutRolePolicy',
  '      RoleName: "{{ RoleName }}"',
  '      PolicyName: revoke-older-sessions',
  '      PolicyDocument: \'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}\'',
  '',
].join('\n');

/** Incident Manager turned on, as an organization that already uses it has it. */
const incidentManagerOn = (text: string) => text.replace('  incidentManager:\n    enabled: false\n', '  incidentManager:\n');

/** The example with Incident Manager on. */
function withIncidentManager(): string {
  const dir = copyExample();
  editFile(dir, 'landing-zone.yaml', incidentManagerOn);
  return dir;
}

/** The example with Incident Manager on, a Teams channel, a second response plan with a runbook of its own, incidents mapped, and both remediations. */
function everything(): string {
  const dir = copyExample();
  editFile(dir, 'landing-zone.yaml', (text) =>
    incidentManagerOn(text)
      .replace('        channelId: C07EXAMPLE2\n', `        channelId: C07EXAMPLE2\n${TEAMS.join('\n')}\n`)
      .replace(
        '          document: AWSIncidents-CriticalIncidentRunbookTemplate\n',
        [
          '          document: AWSIncidents-CriticalIncidentRunbookTemplate',
          '      credentials-compromise:',
          '        title: Credentials compromised',
          '        impact: 1',
          '        engagements: [security-on-call, alice]',
          '        runbook:',
          '          file: revoke-sessions',
          '          parameters: { RoleName: [orders-api] }',
          '          dynamicParameters: { IncidentRecordArn: INCIDENT_RECORD_ARN }',
          '          policy:',
          '            Version: "2012-10-17"',
          '            Statement:',
          '              - { Effect: Allow, Action: iam:PutRolePolicy, Resource: "arn:aws:iam::*:role/orders-api" }',
          '    incidents:',
          '      root-console-sign-in: security-incident',
          '      guardduty-high-severity-finding: credentials-compromise',
          '      root-api-use: credentials-compromise',
          '  securityHubActions:',
          '    openIncident: credentials-compromise',
          '  remediations: [close-default-security-group, close-public-ssh]',
          '',
        ].join('\n'),
      ),
  );
  mkdirSync(join(dir, 'runbooks'));
  writeFile(dir, 'runbooks/revoke-sessions.yaml', RUNBOOK);
  return dir;
}

/** The example without one part of incidentResponse (Incident Manager on when chat is left out), or without the section. */
function without(part: 'chat' | 'incidentManager' | 'incidentResponse'): string {
  const dir = copyExample();
  editFile(dir, 'landing-zone.yaml', (text) => {
    // Without chat, what is left to see is Incident Manager.
    const lines = (part === 'chat' ? incidentManagerOn(text) : text).split('\n');
    const sectionStart = lines.indexOf('incidentResponse:');
    let sectionEnd = sectionStart + 1;
    while (lines[sectionEnd].startsWith(' ') || lines[sectionEnd] === '') sectionEnd += 1;
    if (part === 'incidentResponse') return [...lines.slice(0, sectionStart), ...lines.slice(sectionEnd)].join('\n');
    let start = lines.indexOf(`  ${part}:`, sectionStart);
    let end = start + 1;
    while (end < sectionEnd && lines[end].startsWith('    ')) end += 1;
    while (lines[start - 1].startsWith('  #')) start -= 1;
    return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
  });
  return dir;
}

const example = exampleOutput();
let full: string;
let chatOnly: string;
let incidentManagerOnly: string;
let none: string;
let managed: string;
beforeAll(async () => {
  [full, chatOnly, incidentManagerOnly, none, managed] = await Promise.all([
    synthesize(everything()),
    synthesize(without('incidentManager')),
    synthesize(without('chat')),
    synthesize(without('incidentResponse')),
    synthesize(withIncidentManager()),
  ]);
});

const stackOf = (outdir: string) => readStack(outdir, 'incident-response');

/** `${type.name.attribute}` of the one resource of `type` that `pick` selects (the only one by default). */
function reference(stack: TerraformJson, type: string, attribute: string, pick: (resource: TerraformJson) => boolean = () => true): string {
  const names = Object.entries<TerraformJson>(stack.resource[type]).filter(([, resource]) => pick(resource));
  expect(names).toHaveLength(1);
  return `\${${type}.${names[0][0]}.${attribute}}`;
}

const ruleNamed = (stack: TerraformJson, name: string) => resources(stack, 'aws_cloudwatch_event_rule').find((rule) => rule.name === name)!;
const targetOf = (stack: TerraformJson, ruleName: string) => {
  const ruleReference = reference(stack, 'aws_cloudwatch_event_rule', 'name', (rule) => rule.name === ruleName);
  return resources(stack, 'aws_cloudwatch_event_target').find((target) => target.rule === ruleReference)!;
};

async function decide(simulation: Omit<Simulation, 'serviceControlPolicies' | 'resourceControlPolicies'>): Promise<string> {
  const response = await runSimulation({ serviceControlPolicies: [], resourceControlPolicies: [], ...simulation }, {});
  if (response.resultType === 'error') throw new Error(`the simulation of ${simulation.request.action} rejected its input: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

describe('where incident response runs', () => {
  it('is a stack of its own in the security account, applied after the security stack', () => {
    const stack = stackOf(example);
    expect(stack.provider.aws[0]).toMatchObject({ allowed_account_ids: [`\${${SECURITY_ACCOUNT}}`], region: 'eu-west-1' });
    const manifest = JSON.parse(readFileSync(join(example, 'manifest.json'), 'utf8'));
    expect(manifest.stacks['incident-response'].dependencies).toEqual(['security']);
  });

  it('says in the synth summary what it holds, and what to do by hand before applying', async () => {
    const { landingZone, app } = await synthesizeLandingZone(everything(), { outdir: temporaryDirectory() });
    const summary = synthesisSummary(landingZone, app);
    expect(summary).toContain(
      '  incident-response: every alert posted to 1 Slack and 1 Microsoft Teams channels, 1 on-call services paged through EventBridge API destinations, Incident Manager (replicated to eu-west-1, eu-central-1; 2 contacts, 1 escalation plans, 2 response plans; 3 kinds of alert start an incident), the custom action "Send to chat", the custom action "Open incident", in security',
    );
    expect(summary).toContain('  automated remediation in every baseline: close-default-security-group, close-public-ssh');
    expect(summary).toContain(
      '  before applying chat-security-alerts: authorize the Slack workspace T07EXAMPLE1 once, in the security account (after applying account-security), in the console of Amazon Q Developer in chat applications (https://console.aws.amazon.com/chatbot/home, Configure new client, Slack); no API does it, and until then only chat-security-alerts fails',
    );
    expect(summary).toContain(
      '  before applying chat-security-teams: authorize the Microsoft Teams team 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d once, in the security account (after applying account-security), in the console of Amazon Q Developer in chat applications (https://console.aws.amazon.com/chatbot/home, Configure new client, Microsoft Teams); no API does it, and until then only chat-security-teams fails',
    );
    expect(summary).toMatch(/before applying: Incident Manager takes no new customers since 7 November 2025/);
  });

  it('is left out without the incidentResponse section, and no other stack changes', () => {
    expect(stackNames(none)).not.toContain('incident-response');
    for (const name of stackNames(none)) expect({ name, same: readStack(none, name) }).toEqual({ name, same: readStack(example, name) });
  });
});

describe('chat channels', () => {
  it('configures each Slack channel in a stack of its own, named landing-zone-<name>, with the read-only guardrail, the topic and the role of incident-response', () => {
    const stack = readStack(example, 'chat-security-alerts');
    expect(resources(stack, 'aws_chatbot_slack_channel_configuration')).toEqual([
      expect.objectContaining({
        configuration_name: 'landing-zone-security-alerts',
        slack_team_id: 'T07EXAMPLE1',
        slack_channel_id: 'C07EXAMPLE2',
        guardrail_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        iam_role_arn: `arn:aws:iam::\${${SECURITY_ACCOUNT}}:role/landing-zone-chat-channel`,
        sns_topic_arns: [`arn:aws:sns:eu-west-1:\${${SECURITY_ACCOUNT}}:landing-zone-security-chat`],
      }),
    ]);
    expect(resources(stack, 'aws_chatbot_slack_channel_configuration')[0].region).toBeUndefined();
    expect(Object.keys(stack.resource)).toEqual(['aws_chatbot_slack_channel_configuration']);
    const manifest = JSON.parse(readFileSync(join(example, 'manifest.json'), 'utf8'));
    expect(manifest.stacks['chat-security-alerts'].dependencies).toEqual(['incident-response']);
    // The channel's own stack alone fails while its workspace is not authorized.
    expect(resources(stackOf(example), 'aws_chatbot_slack_channel_configuration')).toEqual([]);
    expect(stackOf(example).resource.aws_sns_topic).toBeDefined();
  });

  it('configures each Teams channel, in its own stack, with its tenant, team and channel', () => {
    expect(resources(readStack(full, 'chat-security-teams'), 'aws_chatbot_teams_channel_configuration')).toEqual([
      expect.objectContaining({
        configuration_name: 'landing-zone-security-teams',
        tenant_id: '8f2c1d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f',
        team_id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        channel_id: '19%3a0a1b2c3d4e5f%40thread.tacv2',
        guardrail_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      }),
    ]);
    expect(resources(readStack(full, 'chat-security-teams'), 'aws_chatbot_slack_channel_configuration')).toEqual([]);
  });

  it('lets the chat integration alone assume the channel role, which holds the guardrail policies', () => {
    const stack = stackOf(example);
    const role = resources(stack, 'aws_iam_role').find((candidate) => candidate.name === 'landing-zone-chat-channel')!;
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'chatbot.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    expect(resources(stack, 'aws_iam_role_policy_attachment').map((attachment) => attachment.policy_arn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  it('posts every alert of the central bus to chat, with the same pattern as its e-mail rule', () => {
    const stack = stackOf(example);
    const security = readStack(example, 'security');
    for (const alert of ALERTS) {
      const rule = ruleNamed(stack, `landing-zone-chat-${alert.id}`);
      expect(rule).toMatchObject({ event_bus_name: BUS, region: 'eu-west-1' });
      expect(rule.event_pattern).toBe(ruleNamed(security, `landing-zone-${alert.id}`).event_pattern);
      const target = targetOf(stack, `landing-zone-chat-${alert.id}`);
      expect(target).toMatchObject({ arn: reference(stack, 'aws_sns_topic', 'arn'), event_bus_name: BUS });
      expect(JSON.parse(target.input_transformer.input_template)).toMatchObject({ version: '1.0', source: 'custom' });
    }
  });

  it('encrypts the chat topic with a rotated key of its own that no plan can destroy', () => {
    const stack = stackOf(example);
    expect(resources(stack, 'aws_kms_key')).toEqual([expect.objectContaining({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } })]);
    expect(resources(stack, 'aws_kms_alias')).toEqual([expect.objectContaining({ name: 'alias/landing-zone-security-chat' })]);
    expect(resources(stack, 'aws_sns_topic')).toEqual([
      expect.objectContaining({ name: 'landing-zone-security-chat', kms_master_key_id: reference(stack, 'aws_kms_key', 'arn') }),
    ]);
  });

  describe('who may publish to the chat topic', () => {
    const topicArn = `arn:aws:sns:eu-west-1:${SECURITY_ACCOUNT_ID}:landing-zone-security-chat`;
    const topicPolicy = () => policyFromTerraform(resources(stackOf(example), 'aws_sns_topic_policy')[0].policy, { [SECURITY_ACCOUNT]: SECURITY_ACCOUNT_ID });
    const publish = (principal: string, context: Record<string, string>) =>
      decide({
        request: {
          principal,
          action: 'sns:Publish',
          resource: { resource: topicArn, accountId: SECURITY_ACCOUNT_ID },
          contextVariables: { 'aws:SecureTransport': 'true', ...context },
        },
        identityPolicies: [],
        resourcePolicy: topicPolicy(),
      });
    const rule = (path: string) => ({
      'aws:SourceArn': `arn:aws:events:eu-west-1:${SECURITY_ACCOUNT_ID}:rule/${path}`,
      'aws:SourceAccount': SECURITY_ACCOUNT_ID,
    });

    it('allows EventBridge for the rules of the central bus and of the custom actions', async () => {
      expect(await publish('events.amazonaws.com', rule(`${BUS}/landing-zone-chat-root-api-use`))).toBe('Allowed');
      expect(await publish('events.amazonaws.com', rule('landing-zone-security-hub-action-send-to-chat'))).toBe('Allowed');
    });

    it('refuses EventBridge for any other rule of the default bus', async () => {
      expect(await publish('events.amazonaws.com', rule('nightly-report'))).not.toBe('Allowed');
    });

    it("allows Incident Manager for this account's incidents only", async () => {
      expect(await publish('ssm-incidents.amazonaws.com', { 'aws:SourceAccount': SECURITY_ACCOUNT_ID })).toBe('Allowed');
      expect(await publish('ssm-incidents.amazonaws.com', { 'aws:SourceAccount': '999999999999' })).not.toBe('Allowed');
    });

    it('denies publishing over plain HTTP', async () => {
      expect(await publish('events.amazonaws.com', { ...rule(`${BUS}/landing-zone-chat-root-api-use`), 'aws:SecureTransport': 'false' })).toBe(
        'ExplicitlyDenied',
      );
    });
  });

  it('lets EventBridge and Incident Manager encrypt with the topic key, and no other service', async () => {
    const keyPolicy = policyFromTerraform(resources(stackOf(example), 'aws_kms_key')[0].policy, { [SECURITY_ACCOUNT]: SECURITY_ACCOUNT_ID });
    const keyArn = `arn:aws:kms:eu-west-1:${SECURITY_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const use = (principal: string) =>
      decide({
        request: { principal, action: 'kms:GenerateDataKey', resource: { resource: keyArn, accountId: SECURITY_ACCOUNT_ID }, contextVariables: {} },
        identityPolicies: [],
        resourcePolicy: keyPolicy,
      });
    expect(await use('events.amazonaws.com')).toBe('Allowed');
    expect(await use('ssm-incidents.amazonaws.com')).toBe('Allowed');
    expect(await use('sns.amazonaws.com')).not.toBe('Allowed');
  });
});

describe('paging the on-call service', () => {
  const DESTINATION = 'landing-zone-security-on-call';

  it('makes a connection whose API key is a placeholder Terraform leaves alone once the real key is set', () => {
    expect(resources(stackOf(example), 'aws_cloudwatch_event_connection')).toEqual([
      expect.objectContaining({
        name: DESTINATION,
        authorization_type: 'API_KEY',
        auth_parameters: { api_key: { key: 'Authorization', value: 'set-with-aws-events-update-connection' } },
        lifecycle: { ignore_changes: ['auth_parameters'] },
      }),
    ]);
  });

  it('posts to the endpoint of the configuration, at its rate', () => {
    const stack = stackOf(example);
    expect(resources(stack, 'aws_cloudwatch_event_api_destination')).toEqual([
      expect.objectContaining({
        name: DESTINATION,
        invocation_endpoint: 'https://on-call.example.com/aws-events',
        http_method: 'POST',
        invocation_rate_limit_per_second: 10,
        connection_arn: reference(stack, 'aws_cloudwatch_event_connection', 'arn'),
      }),
    ]);
  });

  it('pages for each default kind of alert, with retries for a day and a dead-letter queue for what never arrived', () => {
    const stack = stackOf(example);
    const rules = resources(stack, 'aws_cloudwatch_event_rule').filter((rule) => rule.name.startsWith('landing-zone-page-'));
    expect(rules.map((rule) => rule.name).sort()).toEqual(DEFAULT_INCIDENT_KINDS.map((kind) => `landing-zone-page-${kind}`).sort());
    for (const rule of rules) {
      expect(rule.event_bus_name).toBe(BUS);
      expect(targetOf(stack, rule.name)).toMatchObject({
        arn: reference(stack, 'aws_cloudwatch_event_api_destination', 'arn'),
        role_arn: reference(stack, 'aws_iam_role', 'arn', (role) => role.name === 'landing-zone-paging'),
        dead_letter_config: { arn: reference(stack, 'aws_sqs_queue', 'arn') },
        retry_policy: { maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 },
      });
    }
  });

  it('pages for a root console sign-in, and not for an unrelated event', () => {
    const pattern = JSON.parse(ruleNamed(stackOf(example), 'landing-zone-page-root-console-sign-in').event_pattern);
    expect(matchesEventPattern(pattern, recordedEvent('signin-console-login-root'))).toBe(true);
    expect(matchesEventPattern(pattern, recordedEvent('signin-console-login-iam-user'))).toBe(false);
  });

  it('lets EventBridge put undelivered pages on the dead-letter queue for the paging rules only', async () => {
    const queueArn = `arn:aws:sqs:eu-west-1:${SECURITY_ACCOUNT_ID}:landing-zone-paging-dead-letters`;
    const queue = resources(stackOf(example), 'aws_sqs_queue')[0];
    expect(queue).toMatchObject({ name: 'landing-zone-paging-dead-letters', sqs_managed_sse_enabled: true });
    const policy = policyFromTerraform(resources(stackOf(example), 'aws_sqs_queue_policy')[0].policy, {
      [SECURITY_ACCOUNT]: SECURITY_ACCOUNT_ID,
      [resources(stackOf(example), 'aws_sqs_queue_policy')[0].policy.match(/\$\{(aws_sqs_queue\.[^}]+\.arn)\}/)[1]]: queueArn,
    });
    const send = (rule: string) =>
      decide({
        request: {
          principal: 'events.amazonaws.com',
          action: 'sqs:SendMessage',
          resource: { resource: queueArn, accountId: SECURITY_ACCOUNT_ID },
          contextVariables: { 'aws:SourceArn': `arn:aws:events:eu-west-1:${SECURITY_ACCOUNT_ID}:rule/${rule}`, 'aws:SourceAccount': SECURITY_ACCOUNT_ID },
        },
        identityPolicies: [],
        resourcePolicy: policy,
      });
    expect(await send(`${BUS}/landing-zone-page-cloudtrail-stopped`)).toBe('Allowed');
    expect(await send(`${BUS}/landing-zone-chat-root-api-use`)).not.toBe('Allowed');
  });

  it('says in the before-applying list how to put the API key in the connection', async () => {
    const { landingZone, app } = await synthesizeLandingZone(copyExample(), { outdir: temporaryDirectory() });
    expect(synthesisSummary(landingZone, app)).toContain(
      `  after applying incident-response: put the API key of security-on-call in its connection, in the security account (eu-west-1): aws events update-connection --name ${DESTINATION} --authorization-type API_KEY --auth-parameters "ApiKeyAuthParameters={ApiKeyName=Authorization,ApiKeyValue=<the key>}"`,
    );
  });
});

describe('Incident Manager', () => {
  it('replicates to the home region and the second governed region, and no plan can destroy the replication set', () => {
    expect(resources(stackOf(managed), 'aws_ssmincidents_replication_set')).toEqual([
      expect.objectContaining({ regions: [{ name: 'eu-west-1' }, { name: 'eu-central-1' }], lifecycle: { prevent_destroy: true } }),
    ]);
  });

  it('makes each contact with a channel for each of its addresses, engaged all at once', () => {
    const stack = stackOf(managed);
    const contacts = resources(stack, 'aws_ssmcontacts_contact');
    expect(contacts.map((contact) => [contact.alias, contact.type, contact.display_name])).toEqual([
      ['landing-zone-alice', 'PERSONAL', 'Alice Example'],
      ['landing-zone-bob', 'PERSONAL', 'Bob Example'],
      ['landing-zone-security-on-call', 'ESCALATION', 'Security on call'],
    ]);
    for (const contact of contacts) expect(contact.depends_on).toEqual([expect.stringMatching(/^aws_ssmincidents_replication_set\./)]);
    const alice = reference(stack, 'aws_ssmcontacts_contact', 'arn', (contact) => contact.alias === 'landing-zone-alice');
    const channels = resources(stack, 'aws_ssmcontacts_contact_channel').filter((channel) => channel.contact_id === alice);
    expect(channels.map((channel) => [channel.type, channel.delivery_address.simple_address])).toEqual([
      ['EMAIL', 'alice@example.com'],
      ['SMS', '+12065550110'],
    ]);
    const plan = resources(stack, 'aws_ssmcontacts_plan').find((candidate) => candidate.contact_id === alice)!;
    expect(plan.stage).toEqual([
      {
        duration_in_minutes: 0,
        target: channels.map((_channel, index) => ({
          channel_target_info: {
            contact_channel_id: reference(stack, 'aws_ssmcontacts_contact_channel', 'arn', (candidate) => candidate === channels[index]),
          },
        })),
      },
    ]);
  });

  it('escalates from one stage to the next: Alice, then Bob after ten minutes', () => {
    const stack = stackOf(managed);
    const contactArn = (alias: string) => reference(stack, 'aws_ssmcontacts_contact', 'arn', (contact) => contact.alias === alias);
    const plan = resources(stack, 'aws_ssmcontacts_plan').find((candidate) => candidate.contact_id === contactArn('landing-zone-security-on-call'))!;
    expect(plan.stage).toEqual([
      { duration_in_minutes: 10, target: [{ contact_target_info: { contact_id: contactArn('landing-zone-alice'), is_essential: false } }] },
      { duration_in_minutes: 10, target: [{ contact_target_info: { contact_id: contactArn('landing-zone-bob'), is_essential: false } }] },
    ]);
  });

  it('has the response plan page the escalation plan, post to the chat channel and start the runbook', () => {
    const stack = stackOf(managed);
    expect(resources(stack, 'aws_ssmincidents_response_plan')).toEqual([
      expect.objectContaining({
        name: 'landing-zone-security-incident',
        display_name: 'Security incident',
        incident_template: expect.objectContaining({ title: 'Security incident', impact: 2 }),
        engagements: [reference(stack, 'aws_ssmcontacts_contact', 'arn', (contact) => contact.alias === 'landing-zone-security-on-call')],
        chat_channel: [reference(stack, 'aws_sns_topic', 'arn')],
        action: {
          ssm_automation: [
            {
              document_name: 'AWSIncidents-CriticalIncidentRunbookTemplate',
              role_arn: reference(stack, 'aws_iam_role', 'arn', (role) => role.name === 'landing-zone-incident-runbook'),
              target_account: 'RESPONSE_PLAN_OWNER_ACCOUNT',
            },
          ],
        },
      }),
    ]);
    const role = resources(stack, 'aws_iam_role').find((candidate) => candidate.name === 'landing-zone-incident-runbook')!;
    expect(JSON.parse(role.assume_role_policy).Statement[0]).toMatchObject({
      Principal: { Service: 'ssm-incidents.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': `\${${SECURITY_ACCOUNT}}` } },
    });
  });

  it('makes a runbook of the configuration as an Automation document, and gives its role the runbook policy', () => {
    const stack = stackOf(full);
    const [document] = resources(stack, 'aws_ssm_document');
    expect(document).toMatchObject({ name: 'landing-zone-revoke-sessions', document_type: 'Automation', document_format: 'JSON', region: 'eu-west-1' });
    expect(JSON.parse(document.content)).toMatchObject({ schemaVersion: '0.3', mainSteps: [{ name: 'RevokeSessions', action: 'aws:executeAwsApi' }] });
    const plan = resources(stack, 'aws_ssmincidents_response_plan').find((candidate) => candidate.name === 'landing-zone-credentials-compromise')!;
    expect(plan.action.ssm_automation[0]).toMatchObject({
      document_name: 'landing-zone-revoke-sessions',
      parameter: [{ name: 'RoleName', values: ['orders-api'] }],
      dynamic_parameters: { IncidentRecordArn: 'INCIDENT_RECORD_ARN' },
    });
    expect(plan.depends_on).toContain(`aws_ssm_document.${Object.keys(stack.resource.aws_ssm_document)[0]}`);
    const policies = resources(stack, 'aws_iam_role_policy').map((policy) => [policy.name, JSON.parse(policy.policy).Statement[0].Resource]);
    expect(policies).toContainEqual(['runbook-of-credentials-compromise', 'arn:aws:iam::*:role/orders-api']);
    expect(policies).toContainEqual([
      'start-runbooks',
      [
        'arn:aws:ssm:*:*:automation-definition/AWSIncidents-CriticalIncidentRunbookTemplate:*',
        'arn:aws:ssm:*:*:automation-definition/landing-zone-revoke-sessions:*',
        'arn:aws:ssm:*:*:automation-execution/*',
      ],
    ]);
  });

  it('without chat, has no chat channel', () => {
    const stack = stackOf(incidentManagerOnly);
    expect(resources(stack, 'aws_ssmincidents_response_plan')[0].chat_channel).toBeUndefined();
    expect(resources(stack, 'aws_sns_topic')).toEqual([]);
    expect(stackNames(incidentManagerOnly).filter((name) => name.startsWith('chat-'))).toEqual([]);
  });

  describe('the rules that start incidents', () => {
    const SAMPLES: Record<string, { starting: string; notStarting: string }> = {
      'root-console-sign-in': { starting: 'signin-console-login-root', notStarting: 'signin-console-login-iam-user' },
      'cloudtrail-stopped': { starting: 'cloudtrail-delete-trail', notStarting: 'cloudtrail-put-event-selectors' },
      'security-hub-critical-finding': { starting: 'securityhub-finding-critical-new', notStarting: 'securityhub-finding-high-new' },
      'guardduty-high-severity-finding': { starting: 'guardduty-finding-high', notStarting: 'guardduty-finding-severity-7' },
    };

    it('are one for each default kind, on the central bus, starting the one response plan through the starter role', () => {
      const stack = stackOf(managed);
      const incidentRules = resources(stack, 'aws_cloudwatch_event_rule').filter((rule) => rule.name.startsWith('landing-zone-incident-'));
      expect(incidentRules.map((rule) => rule.name).sort()).toEqual(
        Object.keys(SAMPLES)
          .map((kind) => `landing-zone-incident-${kind}`)
          .sort(),
      );
      for (const rule of incidentRules) {
        expect(rule.event_bus_name).toBe(BUS);
        expect(targetOf(stack, rule.name)).toMatchObject({
          arn: reference(stack, 'aws_ssmincidents_response_plan', 'arn'),
          role_arn: reference(stack, 'aws_iam_role', 'arn', (role) => role.name === 'landing-zone-incident-starter'),
          event_bus_name: BUS,
        });
      }
    });

    it.each(Object.entries(SAMPLES))('%s: a sample starts an incident, an unrelated event does not', (kind, samples) => {
      const pattern = JSON.parse(ruleNamed(stackOf(managed), `landing-zone-incident-${kind}`).event_pattern);
      expect(matchesEventPattern(pattern, recordedEvent(samples.starting))).toBe(true);
      expect(matchesEventPattern(pattern, recordedEvent(samples.notStarting))).toBe(false);
    });

    it('start each kind with the response plan the configuration maps it to', () => {
      const stack = stackOf(full);
      const plan = (name: string) => reference(stack, 'aws_ssmincidents_response_plan', 'arn', (candidate) => candidate.name === name);
      expect(targetOf(stack, 'landing-zone-incident-root-console-sign-in').arn).toBe(plan('landing-zone-security-incident'));
      expect(targetOf(stack, 'landing-zone-incident-guardduty-high-severity-finding').arn).toBe(plan('landing-zone-credentials-compromise'));
      expect(targetOf(stack, 'landing-zone-incident-root-api-use').arn).toBe(plan('landing-zone-credentials-compromise'));
      expect(ruleNamed(stack, 'landing-zone-incident-cloudtrail-stopped')).toBeUndefined();
    });

    it('start incidents through a role EventBridge alone assumes, allowed to start the response plans only', async () => {
      const stack = stackOf(full);
      const role = resources(stack, 'aws_iam_role').find((candidate) => candidate.name === 'landing-zone-incident-starter')!;
      expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: 'events.amazonaws.com' });
      const policy = resources(stack, 'aws_iam_role_policy').find((candidate) => candidate.name === 'start-incidents')!;
      const planArn = (name: string) => `arn:aws:ssm-incidents::${SECURITY_ACCOUNT_ID}:response-plan/${name}`;
      const references = Object.fromEntries(
        Object.entries<TerraformJson>(stack.resource.aws_ssmincidents_response_plan).map(([id, plan]) => [
          `aws_ssmincidents_response_plan.${id}.arn`,
          planArn(plan.name),
        ]),
      );
      const identityPolicy = { name: 'start-incidents', policy: policyFromTerraform(policy.policy, references) };
      const start = (action: string, resource: string) =>
        decide({
          request: {
            principal: `arn:aws:iam::${SECURITY_ACCOUNT_ID}:role/landing-zone-incident-starter`,
            action,
            resource: { resource, accountId: SECURITY_ACCOUNT_ID },
            contextVariables: {},
          },
          identityPolicies: [identityPolicy],
        });
      expect(await start('ssm-incidents:StartIncident', planArn('landing-zone-credentials-compromise'))).toBe('Allowed');
      expect(await start('ssm-incidents:StartIncident', planArn('payments-outage'))).not.toBe('Allowed');
      expect(await start('ssm-incidents:DeleteResponsePlan', planArn('landing-zone-credentials-compromise'))).not.toBe('Allowed');
    });
  });
});

describe('Security Hub custom actions', () => {
  it('adds "Send to chat" and "Open incident" in the home region, where findings are aggregated', () => {
    expect(
      resources(stackOf(managed), 'aws_securityhub_action_target')
        .map((action) => [action.identifier, action.name, action.region])
        .sort(),
    ).toEqual([
      ['LandingZoneChat', 'Send to chat', 'eu-west-1'],
      ['LandingZoneIncident', 'Open incident', 'eu-west-1'],
    ]);
  });

  it('routes "Send to chat" from the default bus to the chat topic as a custom notification', () => {
    const stack = stackOf(managed);
    const rule = ruleNamed(stack, 'landing-zone-security-hub-action-send-to-chat');
    expect(rule.event_bus_name).toBeUndefined();
    const actionArn = reference(stack, 'aws_securityhub_action_target', 'arn', (action) => action.identifier === 'LandingZoneChat');
    const pattern = JSON.parse(rule.event_pattern);
    expect(pattern.resources).toEqual([actionArn]);
    const event = recordedEvent('securityhub-custom-action-send-to-chat');
    const deployed = { ...pattern, resources: event.resources };
    expect(matchesEventPattern(deployed, event)).toBe(true);
    expect(matchesEventPattern(deployed, recordedEvent('securityhub-finding-critical-new'))).toBe(false);
    expect(matchesEventPattern({ ...pattern, resources: ['arn:aws:securityhub:eu-west-1:333333333333:action/custom/SomeoneElses'] }, event)).toBe(false);
    const target = targetOf(stack, 'landing-zone-security-hub-action-send-to-chat');
    expect(target.arn).toBe(reference(stack, 'aws_sns_topic', 'arn'));
    expect(JSON.parse(target.input_transformer.input_template).content.title).toBe('Security Hub finding sent to chat');
  });

  it('routes "Open incident" to the response plan it names, through the starter role', () => {
    const stack = stackOf(full);
    expect(targetOf(stack, 'landing-zone-security-hub-action-open-incident')).toMatchObject({
      arn: reference(stack, 'aws_ssmincidents_response_plan', 'arn', (plan) => plan.name === 'landing-zone-credentials-compromise'),
      role_arn: reference(stack, 'aws_iam_role', 'arn', (role) => role.name === 'landing-zone-incident-starter'),
    });
  });

  it('has only "Send to chat" without Incident Manager, and only "Open incident" without chat', () => {
    expect(resources(stackOf(chatOnly), 'aws_securityhub_action_target').map((action) => action.identifier)).toEqual(['LandingZoneChat']);
    expect(resources(stackOf(incidentManagerOnly), 'aws_securityhub_action_target').map((action) => action.identifier)).toEqual(['LandingZoneIncident']);
    expect(resources(stackOf(chatOnly), 'aws_ssmincidents_replication_set')).toEqual([]);
  });
});

describe('automated remediation', () => {
  it('is off by default: no baseline of the example remediates', () => {
    for (const name of stackNames(example).filter((stack) => stack.startsWith('baseline-'))) {
      expect(resources(readStack(example, name), 'aws_cloudwatch_event_rule').filter((rule) => rule.name.startsWith('landing-zone-remediate-'))).toEqual([]);
    }
  });

  it('starts each remediation in every governed region of every account, on the failed control of its own resources', () => {
    const baseline = readStack(full, 'baseline-payments-prod');
    const rules = resources(baseline, 'aws_cloudwatch_event_rule').filter((rule) => rule.name.startsWith('landing-zone-remediate-'));
    expect(rules.map((rule) => `${rule.name} ${rule.region}`).sort()).toEqual([
      'landing-zone-remediate-close-default-security-group eu-central-1',
      'landing-zone-remediate-close-default-security-group eu-west-1',
      'landing-zone-remediate-close-public-ssh eu-central-1',
      'landing-zone-remediate-close-public-ssh eu-west-1',
    ]);
    const accountReference = '${data.terraform_remote_state.account_payments_prod.outputs.account_id}';
    const rule = rules.find((candidate) => candidate.name === 'landing-zone-remediate-close-default-security-group' && candidate.region === 'eu-west-1')!;
    const deployed = (accountId: string) => JSON.parse(rule.event_pattern.split(accountReference).join(accountId));
    expect(matchesEventPattern(deployed('111122223333'), recordedEvent('securityhub-finding-ec2-2-failed'))).toBe(true);
    expect(matchesEventPattern(deployed('111122223333'), recordedEvent('securityhub-finding-ec2-2-passed'))).toBe(false);
    expect(matchesEventPattern(deployed('111122223333'), recordedEvent('securityhub-finding-critical-new'))).toBe(false);
    expect(matchesEventPattern(deployed('999999999999'), recordedEvent('securityhub-finding-ec2-2-failed'))).toBe(false);
    // Security Hub drops Resources[].Details from a finding over 240 KB: without the group id, the runbook is not started.
    const withoutDetails = recordedEvent('securityhub-finding-ec2-2-failed');
    delete withoutDetails.detail.findings[0].Resources[0].Details;
    expect(matchesEventPattern(deployed('111122223333'), withoutDetails)).toBe(false);
  });

  it("runs AWS's runbook with the security group of the finding, as the remediation role", () => {
    const baseline = readStack(full, 'baseline-payments-prod');
    const target = resources(baseline, 'aws_cloudwatch_event_target').find(
      (candidate) =>
        candidate.target_id === 'remediation-runbook' && candidate.region === 'eu-west-1' && candidate.arn.includes('RemoveVPCDefaultSecurityGroupRules'),
    )!;
    expect(target.arn).toBe('arn:aws:ssm:eu-west-1::automation-definition/AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules:$DEFAULT');
    expect(target.input_transformer.input_paths).toEqual({ GroupId: '$.detail.findings[0].Resources[0].Details.AwsEc2SecurityGroup.GroupId' });
    expect(JSON.parse(target.input_transformer.input_template)).toEqual({
      GroupId: ['<GroupId>'],
      AutomationAssumeRole: [reference(baseline, 'aws_iam_role', 'arn', (role) => role.name === 'landing-zone-remediation')],
    });
    const role = resources(baseline, 'aws_iam_role').find((candidate) => candidate.name === 'landing-zone-remediation')!;
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: 'ssm.amazonaws.com' });
    const policy = resources(baseline, 'aws_iam_role_policy').find((candidate) => candidate.name === 'remediate')!;
    expect(JSON.parse(policy.policy).Statement[0].Action).toEqual([
      'ec2:DescribeSecurityGroups',
      'ec2:RevokeSecurityGroupEgress',
      'ec2:RevokeSecurityGroupIngress',
      'ssm:GetAutomationExecution',
      'ssm:StartAutomationExecution',
    ]);
  });
});
