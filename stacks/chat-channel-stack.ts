/**
 * One chat channel, in the security account, a state of its own: a channel whose Slack
 * workspace or Teams team is not authorized yet fails here, and nothing else does. Applied
 * after `incident-response`, which holds the topic the channel receives and its role.
 */
import type { Construct } from 'constructs';
import type { AwsRegion } from '../lib/iam/aws-regions';
import { chatChannelConfiguration, type ChatChannelConfigurationProps } from '../lib/incident-response/chat-channel-configuration';
import type { MemberAccount } from '../lib/model/landing-zone';
import { memberAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { accountIdIn } from './stack-outputs';

export interface ChatChannelStackProps {
  /** The account the stack runs in, which holds the topic and the channel role. */
  readonly securityAccount: MemberAccount;
  /** The role assumed in the security account. */
  readonly accountAccessRole: string;
  /** Where the chat topic is. */
  readonly homeRegion: AwsRegion;
  /** The channel. */
  readonly channel: ChatChannelConfigurationProps['channel'];
  /** Of the channel role, and its guardrail. */
  readonly guardrailPolicyArns: readonly string[];
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
}

export class ChatChannelStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: ChatChannelStackProps) {
    super(scope, name, props.stateBackend);
    const { homeRegion } = props;
    const securityAccountId = accountIdIn(this, props.securityAccount, props.stateBackend);
    memberAccountProvider(this, { region: homeRegion, accountId: securityAccountId, roleName: props.accountAccessRole });
    chatChannelConfiguration(this, { homeRegion, securityAccountId, channel: props.channel, guardrailPolicyArns: props.guardrailPolicyArns });
  }
}
