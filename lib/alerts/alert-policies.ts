/**
 * The resource policies of the central alert path in the security account: who may put
 * events on the central bus, who may publish to the alert topic, and who may use the
 * topic's key. Values may be Terraform references (the security account id read from
 * another stack's state, the organization id from a data source).
 */
import { eventBusArn, eventRuleArn, snsTopicArn } from '../iam/arns';
import { denyInsecureTransport } from '../iam/deny-insecure-transport';
import { accountAdministersAndUses } from '../iam/key-policies';
import type { ResourcePolicyDocument } from '../iam/policy-document';

export interface AlertPolicyContext {
  readonly homeRegion: string;
  readonly securityAccountId: string;
  readonly organizationId: string;
  readonly eventBusName: string;
  readonly topicName: string;
}

/** What a topic's policy names: the central bus its rules are on, and the topic. */
export type TopicPolicyContext = Omit<AlertPolicyContext, 'organizationId'>;

export function alertTopicArn(context: TopicPolicyContext): string {
  return snsTopicArn(context.homeRegion, context.securityAccountId, context.topicName);
}

/** Every rule of a custom bus has an ARN under `rule/<bus name>/`; rules of other buses (the default bus included) do not. */
export function centralBusRuleArns(context: TopicPolicyContext): string {
  return eventRuleArn(context.homeRegion, context.securityAccountId, '*', context.eventBusName);
}

/**
 * Any principal of an account of this organization may put events on the bus: the
 * forwarding role of each account, vended later or not, without listing accounts.
 */
export function centralBusPolicy(context: AlertPolicyContext): ResourcePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OrganizationAccountsPutEvents',
        Effect: 'Allow',
        Principal: '*',
        Action: 'events:PutEvents',
        Resource: eventBusArn(context.homeRegion, context.securityAccountId, context.eventBusName),
        Condition: { StringEquals: { 'aws:PrincipalOrgID': context.organizationId } },
      },
    ],
  };
}

/** EventBridge publishes for the rules of the central bus only, and nobody publishes over plain HTTP. */
export function alertTopicPolicy(context: TopicPolicyContext): ResourcePolicyDocument {
  const topicArn = alertTopicArn(context);
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport('sns:Publish', topicArn),
      {
        Sid: 'CentralBusRulesPublish',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { ArnLike: { 'aws:SourceArn': centralBusRuleArns(context) } },
      },
    ],
  };
}

/**
 * The topic's key. The security account administers and uses it through IAM; EventBridge
 * may encrypt and decrypt with it, as SNS requires of an encrypted topic that an AWS
 * service publishes to. The statement has no condition: SNS does not support
 * `aws:SourceAccount`, `aws:SourceArn` or `aws:SourceOrgID` on this statement, and with
 * one every alert would fail to deliver. The topic policy decides who may publish.
 */
export function alertKeyPolicy(context: AlertPolicyContext): ResourcePolicyDocument {
  return topicKeyPolicy(context.securityAccountId, { sid: 'EventBridgeEncryptsAlerts', services: ['events.amazonaws.com'] });
}

/**
 * The key of a topic of the security account that AWS services publish to: the account
 * administers and uses it through IAM, and each service may encrypt and decrypt with it,
 * with no condition, for the reason `alertKeyPolicy` gives.
 */
export function topicKeyPolicy(securityAccountId: string, publishers: { readonly sid: string; readonly services: readonly string[] }): ResourcePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      accountAdministersAndUses(securityAccountId, 'SecurityAccountAdministersAndUses'),
      {
        Sid: publishers.sid,
        Effect: 'Allow',
        Principal: { Service: publishers.services.length === 1 ? publishers.services[0] : [...publishers.services] },
        Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        Resource: '*',
      },
    ],
  };
}
