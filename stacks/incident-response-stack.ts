/**
 * From alert to response, in the security account, a state of its own beside `security`:
 * the chat topic, the role of its channels and the rules of the central bus that post every
 * alert to it (each channel's configuration is a `chat-<name>` stack applied after this), the
 * on-call services paged through EventBridge API destinations, Incident Manager (for the
 * organizations that already use it) with the rules that start an incident,
 * and the Security Hub custom actions. Who is paged changes this stack only. It is applied
 * after `security`, whose central bus its rules are on and whose Security Hub its custom
 * actions belong to. Nothing in it depends on the member accounts, so vending one leaves
 * it as it is.
 */
import type { Construct } from 'constructs';
import type { AlertRule } from '../lib/alerts/alert-catalogue';
import type { AwsRegion } from '../lib/iam/aws-regions';
import { ChatChannels } from '../lib/incident-response/chat-channels';
import { IncidentManager } from '../lib/incident-response/incident-manager';
import type { IncidentRule, PagingRule } from '../lib/incident-response/incident-rules';
import { OnCallPaging } from '../lib/incident-response/on-call-paging';
import { SecurityHubActions } from '../lib/incident-response/security-hub-actions';
import type { IncidentResponse } from '../lib/model/incident-response';
import type { MemberAccount } from '../lib/model/landing-zone';
import { memberAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { accountIdIn } from './stack-outputs';

export interface IncidentResponseStackProps {
  /** The account the stack runs in, which holds the central bus. */
  readonly securityAccount: MemberAccount;
  /** The role assumed in the security account. */
  readonly accountAccessRole: string;
  /** Where the central bus, the topic, the contacts, the plans and the custom actions are. */
  readonly homeRegion: AwsRegion;
  /** The central bus. */
  readonly eventBusName: string;
  /** Every alert of the central bus, each posted to chat. */
  readonly alertRules: readonly AlertRule[];
  /** The rules that start incidents. */
  readonly incidentRules: readonly IncidentRule[];
  /** The rules that page the on-call services. */
  readonly pagingRules: readonly PagingRule[];
  /** The chat topic and its channels' role, Incident Manager, the on-call services and the custom actions. */
  readonly incidentResponse: IncidentResponse;
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
}

export class IncidentResponseStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: IncidentResponseStackProps) {
    super(scope, name, props.stateBackend);
    const { homeRegion, eventBusName, incidentResponse } = props;
    const securityAccountId = accountIdIn(this, props.securityAccount, props.stateBackend);
    memberAccountProvider(this, { region: homeRegion, accountId: securityAccountId, roleName: props.accountAccessRole });

    const chat =
      incidentResponse.chat &&
      new ChatChannels(this, 'chat', { homeRegion, securityAccountId, eventBusName, alerts: props.alertRules, channels: incidentResponse.chat });
    const incidentManager =
      incidentResponse.incidentManager &&
      new IncidentManager(this, 'incident_manager', {
        homeRegion,
        securityAccountId,
        eventBusName,
        incidentManager: incidentResponse.incidentManager,
        incidentRules: props.incidentRules,
        chatTopicArn: chat?.topic.arn,
      });
    if (incidentResponse.paging.length > 0) {
      new OnCallPaging(this, 'paging', { homeRegion, securityAccountId, eventBusName, destinations: incidentResponse.paging, rules: props.pagingRules });
    }

    const { openIncidentWith } = incidentResponse;
    const sendToChat = incidentResponse.sendToChat ? chat?.topic.arn : undefined;
    const openIncident =
      incidentManager && openIncidentWith !== undefined
        ? { responsePlanArn: incidentManager.responsePlanArn(openIncidentWith), roleArn: incidentManager.starterRole.arn }
        : undefined;
    if (sendToChat !== undefined || openIncident) new SecurityHubActions(this, 'security_hub_actions', { homeRegion, chatTopicArn: sendToChat, openIncident });
  }
}
