/**
 * Security Hub custom actions in the security account's home region, where findings are
 * aggregated and the security team works them: "Send to chat" posts the selected findings
 * to the chat channels, "Open incident" starts an incident with a response plan. Choosing
 * one sends a "Security Hub Findings - Custom Action" event to the default bus of the
 * account and region it was chosen in, naming the action's ARN; a rule there routes it.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget, type CloudwatchEventTargetConfig } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { SecurityhubActionTarget } from '@cdktf/provider-aws/lib/securityhub-action-target';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { securityHubActionRuleName } from '../resource-names';
import { findingChatNotification } from './chat-notifications';

/** A custom action's event pattern: the events of this action only, by its ARN. */
export function customActionPattern(actionTargetArn: string): string {
  return JSON.stringify({ source: ['aws.securityhub'], 'detail-type': ['Security Hub Findings - Custom Action'], resources: [actionTargetArn] });
}

export interface SecurityHubActionsProps {
  /** The aggregation region of Security Hub. */
  readonly homeRegion: AwsRegion;
  /**
   * "Send to chat" posts to this topic.
   * @default no such action
   */
  readonly chatTopicArn?: string;
  /**
   * "Open incident" starts this response plan, through this role.
   * @default no such action
   */
  readonly openIncident?: { readonly responsePlanArn: string; readonly roleArn: string };
}

/**
 * Security Hub's custom action ids are at most 20 letters and digits, with no room for the
 * `landing-zone-` prefix; its names are at most 20 characters.
 */
const ACTIONS = {
  sendToChat: {
    rule: 'send-to-chat',
    identifier: 'LandingZoneChat',
    name: 'Send to chat',
    description: 'Posts the selected findings to the security chat channels.',
  },
  openIncident: {
    rule: 'open-incident',
    identifier: 'LandingZoneIncident',
    name: 'Open incident',
    description: 'Starts an incident in Incident Manager for the selected findings, paging the responders of its response plan.',
  },
} as const;

export class SecurityHubActions extends Construct {
  constructor(scope: Construct, id: string, props: SecurityHubActionsProps) {
    super(scope, id);
    const region = props.homeRegion;
    const route = (action: (typeof ACTIONS)[keyof typeof ACTIONS], target: Omit<CloudwatchEventTargetConfig, 'rule'>) => {
      const name = action.rule.replace(/-/g, '_');
      const actionTarget = new SecurityhubActionTarget(this, `action_${name}`, {
        region,
        identifier: action.identifier,
        name: action.name,
        description: action.description,
      });
      const rule = new CloudwatchEventRule(this, `rule_${name}`, {
        region,
        name: securityHubActionRuleName(action.rule),
        description: `Security Hub custom action "${action.name}": ${action.description}`,
        eventPattern: customActionPattern(actionTarget.arn),
      });
      new CloudwatchEventTarget(this, `target_${name}`, { ...target, rule: rule.name });
    };
    if (props.chatTopicArn !== undefined) {
      const { inputPathsMap, inputTemplate } = findingChatNotification();
      route(ACTIONS.sendToChat, {
        region,
        targetId: 'chat-topic',
        arn: props.chatTopicArn,
        inputTransformer: { inputPaths: { ...inputPathsMap }, inputTemplate },
      });
    }
    if (props.openIncident) {
      route(ACTIONS.openIncident, { region, targetId: 'response-plan', arn: props.openIncident.responsePlanArn, roleArn: props.openIncident.roleArn });
    }
  }
}
