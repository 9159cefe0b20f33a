/**
 * The `incidentResponse` section of landing-zone.yaml: where alerts go beyond e-mail. Chat
 * channels of AWS's chat integration (Amazon Q Developer in chat applications, formerly AWS
 * Chatbot), Incident Manager in the security account (contacts, escalation plans, response
 * plans and which alerts start an incident), Security Hub custom actions, and automated
 * remediation of selected findings. The ids of incident kinds and remediations are listed
 * here; what each does is in its catalogue under `lib/incident-response/`.
 */
import { z } from 'zod';
import { PolicyDocumentSchema } from '../../iam/policy-document';
import { expected } from '../schema-issues';
import { AwsManagedPolicyNameSchema, ContactEmailSchema, RegionSchema, setOf } from './common';
import { nameRecord } from '../../name-record';

/** Alerts that can start an incident, by id; see `lib/incident-response/incident-catalogue.ts`. */
export const INCIDENT_KINDS = ['root-console-sign-in', 'cloudtrail-stopped', 'security-hub-critical-finding', 'guardduty-high-severity-finding', 'root-api-use'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** What starts an incident when `incidents` is left out. */
export const DEFAULT_INCIDENT_KINDS: readonly IncidentKind[] = [
  'root-console-sign-in',
  'cloudtrail-stopped',
  'security-hub-critical-finding',
  'guardduty-high-severity-finding',
];

/** Remediations that can be turned on, by id; see `lib/incident-response/remediation-catalogue.ts`. */
export const REMEDIATIONS = ['close-default-security-group', 'close-public-ssh'] as const;
export type RemediationId = (typeof REMEDIATIONS)[number];

/** A name the landing zone prefixes with `landing-zone-`: lowercase letters, digits and inner hyphens. */
const LocalName = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/, {
  error: expected('a name of lowercase letters, digits and inner hyphens (at most 100)'),
});

/** Slack's ids: a workspace (team) id starts with T, a channel id with C (or G for an older private channel), in upper case. */
const SlackTeamIdSchema = z.string().regex(/^T[A-Z0-9]{1,254}$/, { error: expected('a Slack workspace id such as T07ABCDE123 (upper case, starting with T)') });
const SlackChannelIdSchema = z
  .string()
  .regex(/^[CG][A-Z0-9]{1,254}$/, { error: expected('a Slack channel id such as C07ABCDE456 (upper case, starting with C, or G for an older private channel)') });

/** The chat integration API's UUID pattern, for Microsoft Teams tenant and team ids. */
const UuidSchema = z
  .string()
  .regex(/^[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$/, { error: expected('a GUID such as 8f2c1d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f') });

/** The chat integration API's pattern of a Teams channel id: URL-encoded, `19%3a…%40thread.tacv2`. */
const TeamsChannelIdSchema = z
  .string()
  .max(255)
  .regex(/^[a-zA-Z0-9-_=+/.,]*%3[aA][a-zA-Z0-9-_=+/.,]*%40[a-zA-Z0-9-_=+/.,]*$/, {
    error: expected('a Teams channel id URL-encoded as in the channel link, such as 19%3aabc123%40thread.tacv2 (":" as %3a, "@" as %40)'),
  });

const SlackChannelSchema = z
  .strictObject({
    workspaceId: SlackTeamIdSchema.describe('The Slack workspace (team) id, shown once the workspace is authorized in the console.'),
    channelId: SlackChannelIdSchema.describe('The channel id, the last part of the channel link.'),
  })
  .describe('A Slack channel that receives the alerts.');

const TeamsChannelSchema = z
  .strictObject({
    tenantId: UuidSchema.describe('The Microsoft Entra tenant id, shown once the team is authorized in the console.'),
    teamId: UuidSchema.describe('The team id, shown once the team is authorized in the console.'),
    channelId: TeamsChannelIdSchema.describe('The channel id from the channel link, URL-encoded.'),
  })
  .describe('A Microsoft Teams channel that receives the alerts.');

export const ChatSchema = z
  .strictObject({
    slack: nameRecord(LocalName, SlackChannelSchema).default({}).describe('Slack channels by name; the configuration is named landing-zone-<name>.'),
    teams: nameRecord(LocalName, TeamsChannelSchema).default({}).describe('Microsoft Teams channels by name; the configuration is named landing-zone-<name>.'),
    guardrailPolicies: setOf(AwsManagedPolicyNameSchema)
      .min(1)
      .max(10)
      .default(['ReadOnlyAccess'])
      .describe('AWS managed policies of the channel role, which also cap what channel members may run (the guardrail).'),
  })
  .refine((chat) => Object.keys(chat.slack).length + Object.keys(chat.teams).length > 0, { error: 'needs at least one Slack or Teams channel' })
  .describe('Chat channels of Amazon Q Developer in chat applications that receive every alert.');

/** E.164, as Incident Manager takes SMS and voice numbers. */
const PhoneNumberSchema = z.string().regex(/^\+[1-9]\d{1,14}$/, { error: expected('a phone number in E.164 form such as +12065550100') });

const ContactSchema = z
  .strictObject({
    displayName: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[\p{L}\p{Z}\p{N}_.-]*$/u, { error: expected('a name of letters, digits, spaces and _ . -') })
      .optional()
      .describe('The full name shown in Incident Manager.'),
    email: ContactEmailSchema.optional().describe('Engaged by e-mail.'),
    sms: PhoneNumberSchema.optional().describe('Engaged by text message.'),
    voice: PhoneNumberSchema.optional().describe('Engaged by a phone call.'),
  })
  .refine((contact) => contact.email !== undefined || contact.sms !== undefined || contact.voice !== undefined, {
    error: 'a contact needs at least one of email, sms and voice',
  })
  .describe('A responder: every channel given is engaged at once when the contact is paged.');

const EscalationPlanSchema = z
  .strictObject({
    displayName: ContactSchema.shape.displayName,
    stages: z
      .array(
        z.strictObject({
          durationMinutes: z.int().min(0).max(30).describe('How long this stage lasts before the next one starts (0-30).'),
          contacts: setOf(LocalName).min(1).describe('The contacts engaged in this stage.'),
        }),
      )
      .min(1)
      .describe('Engaged one after another until someone acknowledges.'),
  })
  .describe('An escalation plan: who is paged first, and who next when nobody answers.');

const RUNBOOK_PARAMETER = /^[a-zA-Z0-9_]{1,50}$/;

const RunbookSchema = z
  .strictObject({
    document: z
      .string()
      .regex(/^[a-zA-Z0-9_.-]{3,128}$/, { error: expected('an Automation runbook name such as AWSIncidents-CriticalIncidentRunbookTemplate') })
      .optional()
      .describe('An Automation runbook AWS provides, by name.'),
    file: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: expected('a file name without extension') })
      .optional()
      .describe('A runbook of this configuration: runbooks/<name>.yaml (or .yml or .json), made as the document landing-zone-<name>.'),
    parameters: nameRecord(z.string().regex(RUNBOOK_PARAMETER, { error: expected('a runbook parameter name') }), z.array(z.string().max(512)).min(1))
      .default({})
      .describe('Runbook parameters and their values.'),
    dynamicParameters: nameRecord(z.string().regex(RUNBOOK_PARAMETER, { error: expected('a runbook parameter name') }), z.enum(['INVOLVED_RESOURCES', 'INCIDENT_RECORD_ARN']))
      .default({})
      .describe('Runbook parameters Incident Manager fills in from the incident.'),
    policy: PolicyDocumentSchema.optional().describe('What the runbook may do in the security account, besides running: an IAM policy of its role.'),
  })
  .refine((runbook) => (runbook.document === undefined) !== (runbook.file === undefined), { error: 'a runbook names exactly one of document and file' })
  .describe('The Automation runbook Incident Manager starts with each incident.');

const ResponsePlanSchema = z
  .strictObject({
    displayName: z.string().min(1).max(200).optional().describe('A longer name, with spaces.'),
    title: z.string().min(1).max(200).describe('The title of each incident the plan starts.'),
    summary: z.string().min(1).max(8000).optional().describe('What responders read first.'),
    impact: z.int().min(1).max(5).default(2).describe('1 critical, 2 high, 3 medium, 4 low, 5 no impact.'),
    engagements: setOf(LocalName).max(5).default([]).describe('Contacts and escalation plans paged when an incident starts (at most 5).'),
    runbook: RunbookSchema.optional(),
  })
  .describe('An Incident Manager response plan: who is paged, what the incident says and which runbook starts.');

export const IncidentManagerSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe(
        'Whether the landing zone makes Incident Manager; it takes no new customers since 7 November 2025, so only a security account that used it before can have it.',
      ),
    secondRegion: RegionSchema.optional().describe(
      'The second region of the replication set, beside the home region; the first governed region after the home region when absent.',
    ),
    contacts: nameRecord(LocalName, ContactSchema).default({}).describe('Responders by alias; each is landing-zone-<alias> in Incident Manager.'),
    escalationPlans: nameRecord(LocalName, EscalationPlanSchema).default({}).describe('Escalation plans by alias, in the same namespace as the contacts.'),
    responsePlans: nameRecord(LocalName, ResponsePlanSchema).describe('Response plans by name; each is landing-zone-<name> in Incident Manager.'),
    incidents: z
      .strictObject(Object.fromEntries(INCIDENT_KINDS.map((kind) => [kind, LocalName.optional()])) as Record<IncidentKind, z.ZodOptional<typeof LocalName>>)
      .optional()
      .describe(`Which alerts start an incident, and with which response plan; when absent, ${DEFAULT_INCIDENT_KINDS.join(', ')}, with the one response plan.`),
    guardDutyMinimumSeverity: z
      .number()
      .min(1)
      .max(8.9)
      .default(8)
      .describe('GuardDuty findings at or above this severity start an incident; at least alerts.guardDutyMinimumSeverity.'),
  })
  .describe('Incident Manager in the security account: who is paged, and how, for the alerts that start an incident.');

/** A paging destination's name: landing-zone-<name> must fit EventBridge's 64 characters of a connection name. */
const PagingName = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, {
  error: expected('a name of lowercase letters, digits and inner hyphens (at most 50)'),
});

/** EventBridge's pattern of an API key's name (`ApiKeyName`): a header name without control characters or colons (and no C1 control either). */
const API_KEY_NAME = /^[ \t]*[^\p{Cc}:]+([ \t]+[^\p{Cc}:]+)*[ \t]*$/u;

const PagingDestinationSchema = z
  .strictObject({
    endpoint: z
      .url({ protocol: /^https$/, hostname: z.regexes.domain, error: expected('an https:// URL of the on-call service, such as https://events.example.com/aws') })
      .max(2048)
      .describe("The on-call service's HTTPS endpoint that takes the alert events (EventBridge posts each event as it is)."),
    apiKeyName: z
      .string()
      .min(1)
      .max(512)
      .regex(API_KEY_NAME, { error: expected('the name of the header that carries the API key, such as Authorization (no colon or control character)') })
      .default('Authorization')
      .describe(
        "The header that carries the service's API key. The key itself is never in the configuration: it is kept in the Secrets Manager secret of the connection, set once with aws events update-connection.",
      ),
    invocationsPerSecond: z.int().min(1).max(300).default(10).describe('At most this many requests a second to the endpoint (EventBridge allows 1-300).'),
    alerts: setOf(z.enum(INCIDENT_KINDS))
      .min(1)
      .default([...DEFAULT_INCIDENT_KINDS])
      .describe(`Which alerts page; ${DEFAULT_INCIDENT_KINDS.join(', ')} when absent.`),
  })
  .describe('An on-call service (PagerDuty, Opsgenie or any HTTPS endpoint) paged through an EventBridge API destination.');

export const IncidentResponseSchema = z
  .strictObject({
    chat: ChatSchema.optional(),
    incidentManager: IncidentManagerSchema.optional(),
    paging: nameRecord(PagingName, PagingDestinationSchema)
      .refine((destinations) => Object.keys(destinations).length <= 5, { error: 'at most 5 paging destinations (EventBridge allows 5 targets a rule)' })
      .optional()
      .describe('On-call services paged for the alerts that call for someone now, by name; each is landing-zone-<name> in EventBridge.'),
    securityHubActions: z
      .strictObject({
        sendToChat: z.boolean().optional().describe('A Security Hub custom action that posts the selected findings to the chat channels; on when chat is set.'),
        openIncident: z
          .union([LocalName, z.literal(false)])
          .optional()
          .describe('A Security Hub custom action that starts an incident with this response plan; the one response plan when absent, false for none.'),
      })
      .default({})
      .describe('Security Hub custom actions, in the home region (where findings are aggregated).'),
    remediations: setOf(z.enum(REMEDIATIONS))
      .default([])
      .describe('Automated remediations of Security Hub findings in every account; none by default.'),
  })
  .describe('From alert to response: chat channels, Incident Manager, Security Hub custom actions and automated remediation.');

export type IncidentResponseConfig = z.output<typeof IncidentResponseSchema>;
export type IncidentManagerConfig = z.output<typeof IncidentManagerSchema>;
export type ChatConfig = z.output<typeof ChatSchema>;
