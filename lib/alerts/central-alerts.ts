/**
 * The end of the alert path, in the security account's home region: the central event
 * bus every account forwards to, one rule per alert on it, and the encrypted SNS topic
 * that mails the alert recipients.
 */
import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { CloudwatchEventBusPolicy } from '@cdktf/provider-aws/lib/cloudwatch-event-bus-policy';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { createHash } from 'node:crypto';
import type { AwsRegion } from '../iam/aws-regions';
import { policyText } from '../iam/policy-document';
import { ALERT_TOPIC_NAME, alertRuleName } from '../resource-names';
import { customerManagedKey } from '../terraform/customer-managed-key';
import type { AlertRule } from './alert-catalogue';
import { alertKeyPolicy, alertTopicPolicy, centralBusPolicy, type AlertPolicyContext } from './alert-policies';

export interface CentralAlertsProps {
  /** Where the bus, its rules and the topic are. */
  readonly homeRegion: AwsRegion;
  /** The account the stack runs in; its policies name it. */
  readonly securityAccountId: string;
  /** Every account of this organization may put events on the bus. */
  readonly organizationId: string;
  /** The central bus, which every account names by ARN. */
  readonly eventBusName: string;
  /** Each confirms its SNS subscription before it receives anything. */
  readonly emails: readonly string[];
  /** One rule on the bus for each, sending to the topic. */
  readonly alerts: readonly AlertRule[];
}

/**
 * What the e-mail says: the alert's title first, then the whole event (account, region,
 * detail-type and, for API calls, who did what), since no one shape of summary fits both
 * CloudTrail events and GuardDuty or Security Hub findings.
 */
function alertMessageTemplate(alert: AlertRule): string {
  // `aws.events.event.json` is EventBridge's predefined variable for the whole event, valid as a JSON value.
  return `{"alert":${JSON.stringify(alert.title)},"event":<aws.events.event.json>}`;
}

/**
 * Named for the address rather than its position, so that removing one recipient does not
 * replace (and make reconfirm) the subscriptions of the others; the hash keeps two
 * addresses that differ only in punctuation apart.
 */
function subscriptionId(email: string): string {
  return `email_${email.replace(/[^A-Za-z0-9]/g, '_')}_${createHash('sha256').update(email).digest('hex').slice(0, 8)}`;
}

export class CentralAlerts extends Construct {
  /** The central event bus. */
  readonly bus: CloudwatchEventBus;
  /** The alert topic, which e-mails the recipients. */
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: CentralAlertsProps) {
    super(scope, id);
    const region = props.homeRegion;
    const context: AlertPolicyContext = {
      homeRegion: props.homeRegion,
      securityAccountId: props.securityAccountId,
      organizationId: props.organizationId,
      eventBusName: props.eventBusName,
      topicName: ALERT_TOPIC_NAME,
    };

    this.bus = new CloudwatchEventBus(this, 'bus', {
      region,
      name: props.eventBusName,
      description: 'Security alerts forwarded from every account of the organization.',
    });
    new CloudwatchEventBusPolicy(this, 'bus_policy', { region, eventBusName: this.bus.name, policy: policyText(centralBusPolicy(context)) });

    const key = customerManagedKey(this, 'topic_key', {
      region,
      description: `Encrypts the messages of the SNS topic ${ALERT_TOPIC_NAME}.`,
      policy: alertKeyPolicy(context),
      alias: `alias/${ALERT_TOPIC_NAME}`,
    });

    this.topic = new SnsTopic(this, 'topic', { region, name: ALERT_TOPIC_NAME, displayName: 'Landing zone security alerts', kmsMasterKeyId: key.arn });
    new SnsTopicPolicy(this, 'topic_policy', { region, arn: this.topic.arn, policy: policyText(alertTopicPolicy(context)) });
    for (const email of new Set(props.emails)) {
      new SnsTopicSubscription(this, subscriptionId(email), { region, topicArn: this.topic.arn, protocol: 'email', endpoint: email });
    }

    for (const alert of props.alerts) {
      const name = alert.id.replace(/-/g, '_');
      const rule = new CloudwatchEventRule(this, `rule_${name}`, {
        region,
        name: alertRuleName(alert.id),
        description: alert.title,
        eventBusName: this.bus.name,
        eventPattern: alert.eventPattern,
      });
      new CloudwatchEventTarget(this, `target_${name}`, {
        region,
        rule: rule.name,
        eventBusName: this.bus.name,
        targetId: 'alert-topic',
        arn: this.topic.arn,
        inputTransformer: { inputTemplate: alertMessageTemplate(alert) },
      });
    }
  }
}
