/**
 * Incident response in the model: the chat channels, Incident Manager's contacts, escalation
 * plans and response plans with their runbooks resolved, which alerts start an incident
 * with which response plan (the defaults filled in), and the custom actions that are on.
 * Names are the configuration's; the feature code gives AWS's resources their
 * `landing-zone-` names.
 */
import type { RunbookFile } from '../config/configuration-files';
import {
  DEFAULT_INCIDENT_KINDS,
  INCIDENT_KINDS,
  type IncidentKind,
  type IncidentManagerConfig,
  type IncidentResponseConfig,
  type RemediationId,
} from '../config/schemas/incident-response';
import { awsManagedPolicyArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { policyText } from '../iam/policy-document';

export interface SlackChannel {
  readonly name: string;
  readonly workspaceId: string;
  readonly channelId: string;
}

export interface TeamsChannel {
  readonly name: string;
  readonly tenantId: string;
  readonly teamId: string;
  readonly channelId: string;
}

export interface ChatChannels {
  readonly slack: readonly SlackChannel[];
  readonly teams: readonly TeamsChannel[];
  /** Of the channel role, and its guardrail. */
  readonly guardrailPolicyArns: readonly string[];
}

export type ContactChannelType = 'EMAIL' | 'SMS' | 'VOICE';

export interface Contact {
  readonly alias: string;
  readonly displayName?: string;
  /** Engaged all at once when the contact is paged. */
  readonly channels: readonly { readonly type: ContactChannelType; readonly address: string }[];
}

export interface EscalationPlan {
  readonly alias: string;
  readonly displayName?: string;
  /** Each stage's contacts, by alias. */
  readonly stages: readonly { readonly durationMinutes: number; readonly contacts: readonly string[] }[];
}

export interface Runbook {
  /** An AWS runbook's name, or, for a runbook of the configuration, its file's name. */
  readonly document: string;
  /** The document of a runbook of the configuration, as compact JSON; absent for AWS's own. */
  readonly content?: string;
  readonly parameters: Readonly<Record<string, readonly string[]>>;
  readonly dynamicParameters: Readonly<Record<string, string>>;
  /** What its role may do besides running it, as policy text. */
  readonly policy?: string;
}

export interface ResponsePlan {
  readonly name: string;
  readonly displayName?: string;
  readonly title: string;
  readonly summary?: string;
  /** 1 (critical) to 5 (no impact). */
  readonly impact: number;
  /** Contacts and escalation plans, by alias. */
  readonly engagements: readonly string[];
  readonly runbook?: Runbook;
}

export interface IncidentManager {
  /** The home region first. */
  readonly replicationRegions: readonly AwsRegion[];
  readonly contacts: readonly Contact[];
  readonly escalationPlans: readonly EscalationPlan[];
  readonly responsePlans: readonly ResponsePlan[];
  /** Which alerts start an incident, in the catalogue's order, and the response plan each starts. */
  readonly incidents: readonly { readonly kind: IncidentKind; readonly responsePlan: string }[];
  readonly guardDutyMinimumSeverity: number;
}

/** An on-call service paged through an EventBridge API destination. */
export interface PagingDestination {
  readonly name: string;
  /** The HTTPS endpoint. */
  readonly endpoint: string;
  /** The header that carries the API key, whose value is set outside Terraform. */
  readonly apiKeyName: string;
  readonly invocationsPerSecond: number;
  /** Which alerts page it, in the catalogue's order. */
  readonly alerts: readonly IncidentKind[];
}

export interface IncidentResponse {
  /** Absent without a `chat` section. */
  readonly chat?: ChatChannels;
  /** Absent without an `incidentManager` section, or with it turned off. */
  readonly incidentManager?: IncidentManager;
  /** The on-call services paged; empty without a `paging` section. */
  readonly paging: readonly PagingDestination[];
  /** The custom action that posts findings to chat. */
  readonly sendToChat: boolean;
  /** The response plan of the custom action that opens an incident; absent for none. */
  readonly openIncidentWith?: string;
  /** The automated remediations that are on, in every account. */
  readonly remediations: readonly RemediationId[];
}

function incidentManagerOf(
  config: IncidentManagerConfig,
  homeRegion: AwsRegion,
  governedRegions: readonly AwsRegion[],
  runbooks: readonly RunbookFile[],
): IncidentManager {
  const secondRegion = config.secondRegion ?? governedRegions.find((region) => region !== homeRegion);
  const responsePlanNames = Object.keys(config.responsePlans);
  const incidentPlans: Partial<Record<IncidentKind, string>> =
    config.incidents ?? Object.fromEntries(DEFAULT_INCIDENT_KINDS.map((kind) => [kind, responsePlanNames[0]]));
  return {
    replicationRegions: secondRegion === undefined ? [homeRegion] : [homeRegion, secondRegion],
    contacts: Object.entries(config.contacts).map(([alias, contact]) => ({
      alias,
      displayName: contact.displayName,
      channels: [
        ...(contact.email === undefined ? [] : [{ type: 'EMAIL' as const, address: contact.email }]),
        ...(contact.sms === undefined ? [] : [{ type: 'SMS' as const, address: contact.sms }]),
        ...(contact.voice === undefined ? [] : [{ type: 'VOICE' as const, address: contact.voice }]),
      ],
    })),
    escalationPlans: Object.entries(config.escalationPlans).map(([alias, plan]) => ({ alias, displayName: plan.displayName, stages: plan.stages })),
    responsePlans: Object.entries(config.responsePlans).map(([name, plan]) => {
      const { runbook } = plan;
      const file = runbook?.file === undefined ? undefined : runbooks.find((candidate) => candidate.name === runbook.file);
      return {
        name,
        displayName: plan.displayName,
        title: plan.title,
        summary: plan.summary,
        impact: plan.impact,
        engagements: plan.engagements,
        runbook: runbook && {
          document: runbook.document ?? runbook.file!,
          content: file && JSON.stringify(file.config),
          parameters: runbook.parameters,
          dynamicParameters: runbook.dynamicParameters,
          policy: runbook.policy && policyText(runbook.policy),
        },
      };
    }),
    incidents: INCIDENT_KINDS.flatMap((kind) => {
      const responsePlan = incidentPlans[kind];
      return responsePlan === undefined ? [] : [{ kind, responsePlan }];
    }),
    guardDutyMinimumSeverity: config.guardDutyMinimumSeverity,
  };
}

/** The model of a configuration that passed every check. */
export function incidentResponseOf(
  config: IncidentResponseConfig,
  homeRegion: AwsRegion,
  governedRegions: readonly AwsRegion[],
  runbooks: readonly RunbookFile[],
): IncidentResponse {
  const { chat } = config;
  const incidentManager = config.incidentManager?.enabled ? incidentManagerOf(config.incidentManager, homeRegion, governedRegions, runbooks) : undefined;
  const { openIncident } = config.securityHubActions;
  const onlyPlan = incidentManager?.responsePlans.length === 1 ? incidentManager.responsePlans[0].name : undefined;
  return {
    chat: chat && {
      slack: Object.entries(chat.slack).map(([name, channel]) => ({ name, ...channel })),
      teams: Object.entries(chat.teams).map(([name, channel]) => ({ name, ...channel })),
      guardrailPolicyArns: chat.guardrailPolicies.map(awsManagedPolicyArn),
    },
    incidentManager,
    paging: Object.entries(config.paging ?? {}).map(([name, destination]) => ({
      name,
      endpoint: destination.endpoint,
      apiKeyName: destination.apiKeyName,
      invocationsPerSecond: destination.invocationsPerSecond,
      alerts: INCIDENT_KINDS.filter((kind) => destination.alerts.includes(kind)),
    })),
    sendToChat: config.securityHubActions.sendToChat ?? chat !== undefined,
    openIncidentWith: incidentManager && openIncident !== false ? (openIncident ?? onlyPlan) : undefined,
    remediations: config.remediations,
  };
}
