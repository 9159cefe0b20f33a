/**
 * What each alert says in chat, read by applying its input transformer to recorded events
 * as EventBridge does (support/input-transformer): a custom notification of the chat
 * integration's schema, with the alert's title, what happened and who did it, the account
 * and region, and a link to the console.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERTS, alertPatternJson, type AlertContext } from '../../lib/alerts/alert-catalogue';
import { alertChatNotification, findingChatNotification, type InputTransformer } from '../../lib/incident-response/chat-notifications';
import { transformInput } from '../support/input-transformer';

const FIXTURES = join(__dirname, '..', 'fixtures', 'events');
const recordedEvent = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));

const context: AlertContext = {
  guardDutyMinimumSeverity: 7,
  protectedRoleNames: ['OrganizationAccountAccessRole', 'landing-zone-alert-forwarder'],
  mandatoryControlRuleNames: ['landing-zone-cloudtrail-enabled'],
};

/** A recorded event of each alert. */
const SAMPLE: Readonly<Record<string, string>> = {
  'waf-change': 'wafv2-update-web-acl',
  'security-group-change': 'ec2-authorize-security-group-ingress',
  'session-manager-session': 'ssm-start-session',
  'root-console-sign-in': 'signin-console-login-root',
  'root-api-use': 'iam-create-access-key-root',
  'cloudtrail-tampering': 'cloudtrail-stop-logging',
  'guardduty-finding': 'guardduty-finding-high',
  'security-hub-critical-finding': 'securityhub-finding-critical-new',
  'protected-role-change': 'iam-attach-role-policy-access-role',
  'identity-center-change': 'sso-create-account-assignment',
  'firewall-manager-policy-change': 'fms-put-policy',
  'mandatory-control-non-compliant': 'config-compliance-organization-rule-non-compliant',
};

const ruleOf = (alert: (typeof ALERTS)[number]) => ({ id: alert.id, title: alert.title, eventPattern: alertPatternJson(alert, context) });

function notificationOf(transformer: InputTransformer, event: unknown) {
  const { output, missing } = transformInput({ inputPaths: transformer.inputPathsMap, inputTemplate: transformer.inputTemplate }, event);
  expect(missing).toEqual([]);
  return JSON.parse(output);
}

describe.each(ALERTS.map((alert) => [alert.id, alert] as const))('%s in chat', (id, alert) => {
  const transformer = alertChatNotification(ruleOf(alert));
  const event = recordedEvent(SAMPLE[id]);
  const notification = notificationOf(transformer, event);

  it('is a custom notification of the chat integration, titled by the alert', () => {
    expect(notification).toMatchObject({
      version: '1.0',
      source: 'custom',
      id: event.id,
      content: { textType: 'client-markdown', title: `Security alert: ${alert.title}` },
      metadata: { eventType: id },
    });
    expect(notification.content.description.length).toBeGreaterThan(10);
    expect(notification.metadata.summary).toContain(alert.title);
  });

  it('says in which account and region, and links to the console there', () => {
    const finding = event.detail.findings?.[0];
    const account = finding?.AwsAccountId ?? event.detail.accountId ?? event.account;
    const region = finding?.Region ?? event.detail.region ?? event.region;
    expect(notification.content.description).toContain(`Account `);
    expect(notification.content.description).toContain(account);
    expect(notification.content.description).toContain(region);
    expect(notification.content.nextSteps.join(' ')).toContain(`https://${region}.console.aws.amazon.com/`);
  });

  it('fits EventBridge: at most 100 variables, a template of at most 8,192 characters, names it accepts', () => {
    expect(Object.keys(transformer.inputPathsMap).length).toBeLessThanOrEqual(100);
    expect(transformer.inputTemplate.length).toBeLessThanOrEqual(8192);
    for (const name of Object.keys(transformer.inputPathsMap)) expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('what each kind of event tells', () => {
  const say = (id: string, fixture: string) => {
    const alert = ALERTS.find((candidate) => candidate.id === id)!;
    return notificationOf(alertChatNotification(ruleOf(alert)), recordedEvent(fixture));
  };

  it('an API call: the call, the caller and its address, and the event in CloudTrail', () => {
    const notification = say('cloudtrail-tampering', 'cloudtrail-stop-logging');
    expect(notification.content.description).toContain('`StopLogging` on cloudtrail.amazonaws.com by `arn:aws:sts::111122223333:assumed-role/');
    expect(notification.content.description).toContain('from 192.0.2.201');
    expect(notification.content.nextSteps[0]).toContain(
      'https://eu-west-1.console.aws.amazon.com/cloudtrail/home?region=eu-west-1#/events/8b0d2f4a-6c8e-4b0d-9f4a-6c8e0b2d4f6a',
    );
  });

  it('a console sign-in: who, from where, the result and whether MFA was used', () => {
    expect(say('root-console-sign-in', 'signin-console-login-root').content.description).toContain(
      '`arn:aws:iam::111122223333:root` signed in from 198.51.100.24: Success, MFA used: Yes',
    );
  });

  it('a GuardDuty finding: its title, type and severity, and the finding in the security account', () => {
    const notification = say('guardduty-finding', 'guardduty-finding-high');
    expect(notification.content.description).toContain('`UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS`, severity 8');
    expect(notification.content.nextSteps[0]).toContain('#/findings?macros=current&fId=0ec9a3f2b5d84e6a9c1b7d3f5e2a8c46');
  });

  it("a Security Hub finding: its title, severity and resource, and the account's name", () => {
    const notification = say('security-hub-critical-finding', 'securityhub-finding-critical-new');
    expect(notification.content.description).toContain('CRITICAL on arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b2c3d4e5f67890');
    expect(notification.content.description).toContain('Account payments-prod (111122223333), eu-west-1');
    expect(notification.content.nextSteps[0]).toBe('How to fix it: https://docs.aws.amazon.com/console/securityhub/EC2.19/remediation');
  });

  it('a finding sent to chat from Security Hub: the same, under a title of its own', () => {
    const notification = notificationOf(findingChatNotification(), recordedEvent('securityhub-custom-action-send-to-chat'));
    expect(notification.content.title).toBe('Security Hub finding sent to chat');
    expect(notification.content.description).toContain('Account payments-prod (111122223333)');
    expect(notification.metadata.eventType).toBe('security-hub-send-to-chat');
  });
});
