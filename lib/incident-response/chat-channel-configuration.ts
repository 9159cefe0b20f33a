/**
 * One Slack or Microsoft Teams channel configuration of Amazon Q Developer in chat
 * applications (formerly AWS Chatbot), receiving the chat topic through the channel role.
 * Each is in a stack of its own: the chat integration refuses a channel whose workspace or
 * team has not been authorized in the security account's console yet (no API does it), and
 * that refusal then fails this channel's stack only, not the topic, the rules, paging or any
 * other channel.
 */
import { ChatbotSlackChannelConfiguration } from '@cdktf/provider-aws/lib/chatbot-slack-channel-configuration';
import { ChatbotTeamsChannelConfiguration } from '@cdktf/provider-aws/lib/chatbot-teams-channel-configuration';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { iamRoleArn, snsTopicArn } from '../iam/arns';
import type { SlackChannel, TeamsChannel } from '../model/incident-response';
import { CHAT_CHANNEL_ROLE, CHAT_TOPIC_NAME, configuredName } from '../resource-names';

export interface ChatChannelConfigurationProps {
  /** Where the chat topic is. */
  readonly homeRegion: AwsRegion;
  /** The account that holds the topic and the role. */
  readonly securityAccountId: string;
  /** The channel. */
  readonly channel: { readonly slack: SlackChannel } | { readonly teams: TeamsChannel };
  /** Of the channel role, and its guardrail. */
  readonly guardrailPolicyArns: readonly string[];
}

export function chatChannelConfiguration(scope: Construct, props: ChatChannelConfigurationProps): void {
  // Made by the incident-response stack, which this one is applied after.
  const common = {
    iamRoleArn: iamRoleArn(props.securityAccountId, CHAT_CHANNEL_ROLE),
    guardrailPolicyArns: [...props.guardrailPolicyArns],
    snsTopicArns: [snsTopicArn(props.homeRegion, props.securityAccountId, CHAT_TOPIC_NAME)],
    loggingLevel: 'ERROR',
    userAuthorizationRequired: false,
  };
  // Chat configurations are global and name no region: the provider reaches the chat
  // integration's API where it is (us-east-2, us-west-2, eu-west-1, ap-southeast-1), else in us-west-2.
  const { channel } = props;
  if ('slack' in channel) {
    new ChatbotSlackChannelConfiguration(scope, 'slack', {
      ...common,
      configurationName: configuredName(channel.slack.name),
      slackTeamId: channel.slack.workspaceId,
      slackChannelId: channel.slack.channelId,
    });
  } else {
    new ChatbotTeamsChannelConfiguration(scope, 'teams', {
      ...common,
      configurationName: configuredName(channel.teams.name),
      tenantId: channel.teams.tenantId,
      teamId: channel.teams.teamId,
      channelId: channel.teams.channelId,
    });
  }
}
