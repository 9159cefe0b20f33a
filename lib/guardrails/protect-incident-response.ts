/**
 * Protect incident response in the security account: nobody but the exempt principals
 * deletes or changes the chat configurations, Incident Manager's replication set, contacts,
 * escalation and response plans, the custom runbooks, or Security Hub's custom actions. An
 * intruder who silences the chat channel or removes the on-call contact from a response plan
 * is not paged for; the alerts arrive and nobody answers. Security Hub's custom action calls
 * name the hub, not the action, and the replication set is one per account, so both are
 * protected for the whole account: attach this guardrail to the security account, whose
 * incident response the landing zone runs. Everything else is protected by its
 * `landing-zone-` name.
 */
import { RESOURCE_NAME_PREFIX } from '../resource-names';
import { type Guardrail, unlessExempt } from './guardrail';

const LANDING_ZONE = `${RESOURCE_NAME_PREFIX}-*`;

export const protectIncidentResponse: Guardrail = {
  id: 'protect-incident-response',
  type: 'SERVICE_CONTROL_POLICY',
  description:
    'Denies changing the chat configurations, Incident Manager (contacts, plans, replication set), custom runbooks and Security Hub custom actions, except to the exempt principals: for the security account.',
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectChatConfigurations',
        Effect: 'Deny',
        Action: [
          'chatbot:DeleteSlackChannelConfiguration',
          'chatbot:UpdateSlackChannelConfiguration',
          'chatbot:DeleteMicrosoftTeamsChannelConfiguration',
          'chatbot:UpdateMicrosoftTeamsChannelConfiguration',
        ],
        Resource: `arn:aws:chatbot::*:chat-configuration/*/${LANDING_ZONE}`,
        Condition: unlessExempt(context),
      },
      {
        Sid: 'ProtectResponsePlans',
        Effect: 'Deny',
        Action: [
          'ssm-incidents:DeleteResponsePlan',
          'ssm-incidents:UpdateResponsePlan',
          'ssm-incidents:PutResourcePolicy',
          'ssm-incidents:DeleteResourcePolicy',
        ],
        Resource: `arn:aws:ssm-incidents::*:response-plan/${LANDING_ZONE}`,
        Condition: unlessExempt(context),
      },
      {
        Sid: 'ProtectReplicationSet',
        Effect: 'Deny',
        Action: ['ssm-incidents:DeleteReplicationSet', 'ssm-incidents:UpdateReplicationSet', 'ssm-incidents:UpdateDeletionProtection'],
        Resource: '*',
        Condition: unlessExempt(context),
      },
      {
        Sid: 'ProtectContacts',
        Effect: 'Deny',
        Action: [
          'ssm-contacts:DeleteContact',
          'ssm-contacts:UpdateContact',
          'ssm-contacts:PutContactPolicy',
          'ssm-contacts:DeleteContactChannel',
          'ssm-contacts:UpdateContactChannel',
          'ssm-contacts:DeactivateContactChannel',
        ],
        // A channel's ARN is `contact-channel/<contact>/<id>` in the Incident Manager API, `contactchannel/...` in the service authorization reference.
        Resource: [
          `arn:aws:ssm-contacts:*:*:contact/${LANDING_ZONE}`,
          `arn:aws:ssm-contacts:*:*:contact-channel/${LANDING_ZONE}`,
          `arn:aws:ssm-contacts:*:*:contactchannel/${LANDING_ZONE}`,
        ],
        Condition: unlessExempt(context),
      },
      {
        Sid: 'ProtectRunbooks',
        Effect: 'Deny',
        Action: ['ssm:DeleteDocument', 'ssm:UpdateDocument', 'ssm:UpdateDocumentDefaultVersion', 'ssm:ModifyDocumentPermission'],
        Resource: `arn:aws:ssm:*:*:document/${LANDING_ZONE}`,
        Condition: unlessExempt(context),
      },
      {
        Sid: 'ProtectSecurityHubCustomActions',
        Effect: 'Deny',
        Action: ['securityhub:DeleteActionTarget', 'securityhub:UpdateActionTarget'],
        Resource: '*',
        Condition: unlessExempt(context),
      },
    ],
  }),
};
