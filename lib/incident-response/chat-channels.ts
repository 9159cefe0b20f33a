/**
 * The alerts in chat: an encrypted topic in the security account's home region, the role
 * the channels' members act through, and one rule per alert on the central bus that posts
 * the alert to the topic as a custom notification, the one format the chat integration
 * renders for such events. The e-mail topic keeps its own messages. The channel
 * configurations that receive the topic are each in a stack of their own (see
 * `chat-channel-configuration.ts`).
 *
 * The role's policies are also the channels' guardrail: what a member may run is at most
 * what those policies allow.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { Construct } from 'constructs';
import type { AlertRule } from '../alerts/alert-catalogue';
import type { TopicPolicyContext } from '../alerts/alert-policies';
import type { AwsRegion } from '../iam/aws-regions';
import { policyText } from '../iam/policy-document';
import type { ChatChannels as ChatChannelsModel } from '../model/incident-response';
import { CHAT_CHANNEL_ROLE, CHAT_TOPIC_NAME, chatRuleName } from '../resource-names';
import { customerManagedKey } from '../terraform/customer-managed-key';
import { serviceRole } from '../terraform/service-role';
import { alertChatNotification } from './chat-notifications';
import { chatKeyPolicy, chatTopicPolicy } from './chat-topic-policies';

export interface ChatChannelsProps {
  /** Where the topic and the rules are; the chat configurations are global. */
  readonly homeRegion: AwsRegion;
  /** The account the stack runs in. */
  readonly securityAccountId: string;
  /** The central bus, which holds the rules. */
  readonly eventBusName: string;
  /** One rule for each, posting it to chat. */
  readonly alerts: readonly AlertRule[];
  /** The channels and the guardrail policies. */
  readonly channels: ChatChannelsModel;
}

export class ChatChannels extends Construct {
  /** The topic the channels receive; Incident Manager's chat channel. */
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: ChatChannelsProps) {
    super(scope, id);
    const region = props.homeRegion;
    const context: TopicPolicyContext = {
      homeRegion: region,
      securityAccountId: props.securityAccountId,
      eventBusName: props.eventBusName,
      topicName: CHAT_TOPIC_NAME,
    };

    const key = customerManagedKey(this, 'topic_key', {
      region,
      description: `Encrypts the messages of the SNS topic ${CHAT_TOPIC_NAME}.`,
      policy: chatKeyPolicy(context),
      alias: `alias/${CHAT_TOPIC_NAME}`,
    });
    this.topic = new SnsTopic(this, 'topic', { region, name: CHAT_TOPIC_NAME, displayName: 'Landing zone security chat', kmsMasterKeyId: key.arn });
    new SnsTopicPolicy(this, 'topic_policy', { region, arn: this.topic.arn, policy: policyText(chatTopicPolicy(context)) });

    // AWS documents the channel role's trust with no source condition, and the chat integration's requests carry none to test.
    const role = serviceRole(this, 'channel_role', { name: CHAT_CHANNEL_ROLE, service: 'chatbot.amazonaws.com', onlyFor: 'unsupported' });
    const { guardrailPolicyArns } = props.channels;
    guardrailPolicyArns.forEach((policyArn, index) => new IamRolePolicyAttachment(this, `channel_role_policy_${index}`, { role: role.name, policyArn }));

    for (const alert of props.alerts) {
      const name = alert.id.replace(/-/g, '_');
      const rule = new CloudwatchEventRule(this, `rule_${name}`, {
        region,
        name: chatRuleName(alert.id),
        description: `Posts to chat: ${alert.title}`,
        eventBusName: props.eventBusName,
        eventPattern: alert.eventPattern,
      });
      const { inputPathsMap, inputTemplate } = alertChatNotification(alert);
      new CloudwatchEventTarget(this, `target_${name}`, {
        region,
        rule: rule.name,
        eventBusName: props.eventBusName,
        targetId: 'chat-topic',
        arn: this.topic.arn,
        inputTransformer: { inputPaths: { ...inputPathsMap }, inputTemplate },
      });
    }
  }
}
