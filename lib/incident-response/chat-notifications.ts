/**
 * What an alert says in chat. The chat integration renders only its own formats, so each
 * rule that posts to chat transforms the event into a custom notification
 * (`{"version":"1.0","source":"custom","content":{...}}`, as AWS documents for Amazon Q
 * Developer in chat applications): the alert's title, what happened and who did it, the
 * account and region, and a link to the console.
 *
 * Which fields an event has depends on what sent it: CloudTrail (API calls, console
 * sign-ins), GuardDuty, Security Hub or AWS Config. The kind is read from the alert's own pattern.
 *
 * The account is named by its id. Only Security Hub findings carry the account's name
 * (`AwsAccountName`); for the others, a name would have to come from a lookup EventBridge
 * does not have: the central rules would then list every account, and vending one would
 * change them, and the forwarding rule of each account, which knows its own name, cannot
 * add it, since EventBridge refuses an input transformer on a target that is an event bus.
 */
import type { AlertRule } from '../alerts/alert-catalogue';

/** An EventBridge input transformer: variables from JSON paths of the event, and the template they fill. */
export interface InputTransformer {
  readonly inputPathsMap: Readonly<Record<string, string>>;
  readonly inputTemplate: string;
}

/** What one notification says, with `<variable>` placeholders of `paths`. */
interface Notification {
  readonly paths: Readonly<Record<string, string>>;
  readonly title: string;
  readonly description: readonly string[];
  readonly summary: string;
  readonly keywords: readonly string[];
  readonly nextSteps: readonly string[];
}

type EventKind = 'api-call' | 'console-sign-in' | 'guardduty-finding' | 'security-hub-finding' | 'config-compliance';

const CONSOLE_SIGN_IN = 'AWS Console Sign In via CloudTrail';

function eventKindOf(eventPattern: string): EventKind {
  const pattern = JSON.parse(eventPattern) as { source?: unknown[]; 'detail-type'?: unknown[] };
  if (pattern.source?.includes('aws.guardduty')) return 'guardduty-finding';
  if (pattern.source?.includes('aws.securityhub')) return 'security-hub-finding';
  if (pattern.source?.includes('aws.config')) return 'config-compliance';
  if (pattern['detail-type']?.includes(CONSOLE_SIGN_IN)) return 'console-sign-in';
  return 'api-call';
}

const CLOUDTRAIL_PATHS = {
  id: '$.id',
  account: '$.account',
  region: '$.region',
  time: '$.time',
  who: '$.detail.userIdentity.arn',
  ip: '$.detail.sourceIPAddress',
  eventId: '$.detail.eventID',
};

const CLOUDTRAIL_LINK = 'https://<region>.console.aws.amazon.com/cloudtrail/home?region=<region>#/events/<eventId>';

/** A Security Hub finding, the first of the event's. */
const SECURITY_HUB_PATHS = {
  id: '$.id',
  account: '$.detail.findings[0].AwsAccountId',
  accountName: '$.detail.findings[0].AwsAccountName',
  region: '$.detail.findings[0].Region',
  finding: '$.detail.findings[0].Title',
  severity: '$.detail.findings[0].Severity.Label',
  resource: '$.detail.findings[0].Resources[0].Id',
  remediation: '$.detail.findings[0].Remediation.Recommendation.Url',
};

function securityHubNotification(title: string): Notification {
  return {
    paths: SECURITY_HUB_PATHS,
    title,
    description: ['*<finding>*', '<severity> on <resource>', 'Account <accountName> (<account>), <region>'],
    summary: `${title}: <finding> in <accountName> (<account>)`,
    keywords: ['<severity>', '<account>', '<region>'],
    nextSteps: [
      'How to fix it: <remediation>',
      'The findings in Security Hub, aggregated in the security account: https://<region>.console.aws.amazon.com/securityhub/home?region=<region>#/findings',
    ],
  };
}

function notificationOf(kind: EventKind, title: string): Notification {
  switch (kind) {
    case 'api-call':
      return {
        paths: { ...CLOUDTRAIL_PATHS, eventName: '$.detail.eventName', eventSource: '$.detail.eventSource' },
        title,
        description: ['`<eventName>` on <eventSource> by `<who>` from <ip>', 'Account <account>, <region>, <time>'],
        summary: `${title}: <eventName> by <who> in <account>`,
        keywords: ['<account>', '<region>', '<eventName>'],
        nextSteps: [`The call in CloudTrail, signed in to account <account>: ${CLOUDTRAIL_LINK}`],
      };
    case 'console-sign-in':
      return {
        paths: { ...CLOUDTRAIL_PATHS, result: '$.detail.responseElements.ConsoleLogin', mfa: '$.detail.additionalEventData.MFAUsed' },
        title,
        description: ['`<who>` signed in from <ip>: <result>, MFA used: <mfa>', 'Account <account>, <region>, <time>'],
        summary: `${title}: <who> in <account>`,
        keywords: ['<account>', '<region>', 'ConsoleLogin'],
        nextSteps: [
          'Confirm with the account owner that this sign-in was planned',
          `The sign-in in CloudTrail, signed in to account <account>: ${CLOUDTRAIL_LINK}`,
        ],
      };
    case 'guardduty-finding':
      return {
        paths: {
          id: '$.id',
          account: '$.detail.accountId',
          region: '$.detail.region',
          finding: '$.detail.title',
          type: '$.detail.type',
          severity: '$.detail.severity',
          resourceType: '$.detail.resource.resourceType',
          findingId: '$.detail.id',
        },
        title,
        description: ['*<finding>*', '`<type>`, severity <severity>, on a resource of type <resourceType>', 'Account <account>, <region>'],
        summary: `${title}: <type> in <account>`,
        keywords: ['<account>', '<region>', '<type>'],
        nextSteps: [
          'The finding in GuardDuty, in the security account: https://<region>.console.aws.amazon.com/guardduty/home?region=<region>#/findings?macros=current&fId=<findingId>',
        ],
      };
    case 'security-hub-finding':
      return securityHubNotification(title);
    case 'config-compliance':
      return {
        paths: {
          id: '$.id',
          account: '$.detail.awsAccountId',
          region: '$.detail.awsRegion',
          rule: '$.detail.configRuleName',
          resourceType: '$.detail.newEvaluationResult.evaluationResultIdentifier.evaluationResultQualifier.resourceType',
          resourceId: '$.detail.resourceId',
          compliance: '$.detail.newEvaluationResult.complianceType',
        },
        title,
        description: ['*<rule>*', '<resourceType> <resourceId> is <compliance>', 'Account <account>, <region>'],
        summary: `${title}: <rule> in <account>`,
        keywords: ['<account>', '<region>', '<compliance>'],
        nextSteps: ['The rule in AWS Config, signed in to account <account>: https://<region>.console.aws.amazon.com/config/home?region=<region>#/rules'],
      };
  }
}

function transformerOf(notification: Notification, eventType: string): InputTransformer {
  const template = {
    version: '1.0',
    source: 'custom',
    id: '<id>',
    content: {
      textType: 'client-markdown',
      title: notification.title,
      description: notification.description.join('\n'),
      nextSteps: notification.nextSteps,
      keywords: notification.keywords,
    },
    metadata: { summary: notification.summary, eventType },
  };
  // Every placeholder stands inside a JSON string, which EventBridge fills escaped; the text around them has no < or >, which EventBridge cannot escape.
  return { inputPathsMap: notification.paths, inputTemplate: JSON.stringify(template) };
}

/** The transformer of the rule that posts `alert` to chat. */
export function alertChatNotification(alert: AlertRule): InputTransformer {
  return transformerOf(notificationOf(eventKindOf(alert.eventPattern), `Security alert: ${alert.title}`), alert.id);
}

/** The transformer of the Security Hub custom action that posts the selected findings to chat. */
export function findingChatNotification(): InputTransformer {
  return transformerOf(securityHubNotification('Security Hub finding sent to chat'), 'security-hub-send-to-chat');
}
