/**
 * The resource policies of the chat topic in the security account: who may publish to it
 * (the rules of the central bus, the rules of the Security Hub custom actions, and Incident
 * Manager for its incident updates), and who may use its key. Values may be Terraform
 * references.
 */
import { alertTopicPolicy, topicKeyPolicy, type TopicPolicyContext } from '../alerts/alert-policies';
import { eventRuleArn, snsTopicArn } from '../iam/arns';
import type { ResourcePolicyDocument } from '../iam/policy-document';
import { SECURITY_HUB_ACTION_RULE_NAMES } from '../resource-names';

const INCIDENT_MANAGER = 'ssm-incidents.amazonaws.com';

/** As the alert topic's, and the custom actions' rules on the default bus, and Incident Manager for this account's incidents. */
export function chatTopicPolicy(context: TopicPolicyContext): ResourcePolicyDocument {
  const topicArn = snsTopicArn(context.homeRegion, context.securityAccountId, context.topicName);
  return {
    Version: '2012-10-17',
    Statement: [
      ...alertTopicPolicy(context).Statement,
      {
        Sid: 'SecurityHubActionRulesPublish',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { ArnLike: { 'aws:SourceArn': eventRuleArn(context.homeRegion, context.securityAccountId, SECURITY_HUB_ACTION_RULE_NAMES) } },
      },
      {
        // The condition AWS documents for Incident Manager's chat channel topics.
        Sid: 'IncidentManagerPublishes',
        Effect: 'Allow',
        Principal: { Service: INCIDENT_MANAGER },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { StringEqualsIfExists: { 'aws:SourceAccount': context.securityAccountId } },
      },
    ],
  };
}

/** EventBridge and Incident Manager encrypt what they publish. */
export function chatKeyPolicy(context: TopicPolicyContext): ResourcePolicyDocument {
  return topicKeyPolicy(context.securityAccountId, { sid: 'PublishersEncryptMessages', services: ['events.amazonaws.com', INCIDENT_MANAGER] });
}
