/**
 * AWS Systems Manager Incident Manager in the security account: the replication set (the
 * home region and a second governed region, so that incidents can be run when one region
 * is down), the contacts with their channels and engagement plans, the escalation plans,
 * the response plans with their runbooks, and the rules of the central bus that start an
 * incident for the alerts the configuration marks as incidents. Every name starts with
 * `landing-zone-`, which the guardrails protect.
 *
 * A contact's channels must be activated before Incident Manager pages them: it sends each
 * an activation code when the channel is made, which its owner enters in the console.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
import { SsmcontactsContact } from '@cdktf/provider-aws/lib/ssmcontacts-contact';
import { SsmcontactsContactChannel } from '@cdktf/provider-aws/lib/ssmcontacts-contact-channel';
import { SsmcontactsPlan } from '@cdktf/provider-aws/lib/ssmcontacts-plan';
import { SsmincidentsReplicationSet } from '@cdktf/provider-aws/lib/ssmincidents-replication-set';
import { SsmincidentsResponsePlan } from '@cdktf/provider-aws/lib/ssmincidents-response-plan';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { automationDefinitionArn } from '../iam/arns';
import { policyText } from '../iam/policy-document';
import type { IncidentManager as IncidentManagerModel, ResponsePlan } from '../model/incident-response';
import { configuredName, INCIDENT_RUNBOOK_ROLE, INCIDENT_STARTER_ROLE, incidentRuleName } from '../resource-names';
import { serviceRole } from '../terraform/service-role';
import type { IncidentRule } from './incident-rules';

export interface IncidentManagerProps {
  /** The first region of the replication set, where the contacts, plans and rules are. */
  readonly homeRegion: AwsRegion;
  /** The account the stack runs in. */
  readonly securityAccountId: string;
  /** The central bus, which holds the rules that start incidents. */
  readonly eventBusName: string;
  /** Contacts, escalation plans, response plans and runbooks. */
  readonly incidentManager: IncidentManagerModel;
  /** One rule for each, starting its response plan. */
  readonly incidentRules: readonly IncidentRule[];
  /**
   * The chat channel of every response plan: the topic of the chat configurations.
   * @default no chat channel
   */
  readonly chatTopicArn?: string;
}

const resourceId = (name: string) => name.replace(/-/g, '_');

/** What a runbook role may start: the runbook, in any region of the replication set. */
function runbookDocumentName(plan: ResponsePlan): string | undefined {
  const runbook = plan.runbook;
  if (!runbook) return undefined;
  return runbook.content === undefined ? runbook.document : configuredName(runbook.document);
}

export class IncidentManager extends Construct {
  /** The ARN of each response plan, by its name in the configuration. */
  readonly responsePlanArns: ReadonlyMap<string, string>;
  /** EventBridge starts incidents through it. */
  readonly starterRole: IamRole;

  constructor(scope: Construct, id: string, props: IncidentManagerProps) {
    super(scope, id);
    const region = props.homeRegion;
    const { incidentManager, securityAccountId } = props;

    // Deleting the replication set deletes every incident record, contact and plan with it. It names
    // no region of its own: the provider's, the home region, must be one of its regions (AWS provider docs).
    const replicationSet = new SsmincidentsReplicationSet(this, 'replication_set', {
      regions: incidentManager.replicationRegions.map((name) => ({ name })),
      lifecycle: { preventDestroy: true },
    });
    const afterReplicationSet = { region, dependsOn: [replicationSet] };

    const engageable = new Map<string, string>();
    const engageableArn = (alias: string) => {
      const arn = engageable.get(alias);
      if (arn === undefined) throw new Error(`no contact or escalation plan ${alias} after validation`);
      return arn;
    };
    for (const contact of incidentManager.contacts) {
      const name = resourceId(contact.alias);
      const made = new SsmcontactsContact(this, `contact_${name}`, {
        ...afterReplicationSet,
        alias: configuredName(contact.alias),
        displayName: contact.displayName,
        type: 'PERSONAL',
      });
      const channels = contact.channels.map(
        (channel) =>
          new SsmcontactsContactChannel(this, `contact_${name}_${channel.type.toLowerCase()}`, {
            region,
            contactId: made.arn,
            name: `${contact.alias}-${channel.type.toLowerCase()}`,
            type: channel.type,
            deliveryAddress: { simpleAddress: channel.address },
          }),
      );
      new SsmcontactsPlan(this, `contact_${name}_plan`, {
        region,
        contactId: made.arn,
        stage: [{ durationInMinutes: 0, target: channels.map((channel) => ({ channelTargetInfo: { contactChannelId: channel.arn } })) }],
      });
      engageable.set(contact.alias, made.arn);
    }
    for (const plan of incidentManager.escalationPlans) {
      const name = resourceId(plan.alias);
      const made = new SsmcontactsContact(this, `escalation_${name}`, {
        ...afterReplicationSet,
        alias: configuredName(plan.alias),
        displayName: plan.displayName,
        type: 'ESCALATION',
      });
      new SsmcontactsPlan(this, `escalation_${name}_plan`, {
        region,
        contactId: made.arn,
        stage: plan.stages.map((stage) => ({
          durationInMinutes: stage.durationMinutes,
          target: stage.contacts.map((contact) => ({ contactTargetInfo: { contactId: engageableArn(contact), isEssential: false } })),
        })),
      });
      engageable.set(plan.alias, made.arn);
    }

    const documents = new Map<string, SsmDocument>();
    for (const plan of incidentManager.responsePlans) {
      const runbook = plan.runbook;
      if (runbook?.content === undefined || documents.has(runbook.document)) continue;
      documents.set(
        runbook.document,
        new SsmDocument(this, `runbook_${resourceId(runbook.document)}`, {
          region,
          name: configuredName(runbook.document),
          documentType: 'Automation',
          documentFormat: 'JSON',
          content: runbook.content,
        }),
      );
    }

    const runbookNames = [...new Set(incidentManager.responsePlans.map(runbookDocumentName).filter((name) => name !== undefined))].sort();
    const runbookRole = runbookNames.length === 0 ? undefined : this.runbookRole(securityAccountId, runbookNames, incidentManager.responsePlans);

    const responsePlanArns = new Map<string, string>();
    for (const plan of incidentManager.responsePlans) {
      const { runbook } = plan;
      const documentName = runbookDocumentName(plan);
      const madeDocument = runbook && documents.get(runbook.document);
      const made = new SsmincidentsResponsePlan(this, `response_plan_${resourceId(plan.name)}`, {
        region,
        dependsOn: [replicationSet, ...(madeDocument ? [madeDocument] : [])],
        name: configuredName(plan.name),
        displayName: plan.displayName,
        incidentTemplate: { title: plan.title, impact: plan.impact, summary: plan.summary },
        engagements: plan.engagements.map(engageableArn),
        chatChannel: props.chatTopicArn === undefined ? undefined : [props.chatTopicArn],
        action:
          runbook && documentName && runbookRole
            ? {
                ssmAutomation: [
                  {
                    documentName,
                    roleArn: runbookRole.arn,
                    targetAccount: 'RESPONSE_PLAN_OWNER_ACCOUNT',
                    parameter:
                      Object.keys(runbook.parameters).length > 0
                        ? Object.entries(runbook.parameters).map(([name, values]) => ({ name, values: [...values] }))
                        : undefined,
                    dynamicParameters: Object.keys(runbook.dynamicParameters).length > 0 ? { ...runbook.dynamicParameters } : undefined,
                  },
                ],
              }
            : undefined,
      });
      responsePlanArns.set(plan.name, made.arn);
    }
    this.responsePlanArns = responsePlanArns;

    this.starterRole = serviceRole(this, 'starter_role', {
      name: INCIDENT_STARTER_ROLE,
      service: 'events.amazonaws.com',
      onlyFor: { 'aws:SourceAccount': securityAccountId },
    });
    new IamRolePolicy(this, 'starter_role_policy', {
      role: this.starterRole.name,
      name: 'start-incidents',
      policy: policyText({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'ssm-incidents:StartIncident', Resource: [...responsePlanArns.values()] }],
      }),
    });

    for (const rule of props.incidentRules) {
      const name = resourceId(rule.kind);
      const made = new CloudwatchEventRule(this, `rule_${name}`, {
        region,
        name: incidentRuleName(rule.kind),
        description: `Starts an incident: ${rule.title}`,
        eventBusName: props.eventBusName,
        eventPattern: rule.eventPattern,
      });
      new CloudwatchEventTarget(this, `target_${name}`, {
        region,
        rule: made.name,
        eventBusName: props.eventBusName,
        targetId: 'response-plan',
        arn: this.responsePlanArn(rule.responsePlan),
        roleArn: this.starterRole.arn,
      });
    }
  }

  /** The ARN of the response plan `name`, which validation has made sure exists. */
  responsePlanArn(name: string): string {
    const arn = this.responsePlanArns.get(name);
    if (arn === undefined) throw new Error(`no response plan ${name} after validation`);
    return arn;
  }

  /** Incident Manager starts the runbooks through it; each runs with its permissions and its plan's policy. */
  private runbookRole(securityAccountId: string, runbookNames: readonly string[], plans: readonly ResponsePlan[]): IamRole {
    const role = serviceRole(this, 'runbook_role', {
      name: INCIDENT_RUNBOOK_ROLE,
      service: 'ssm-incidents.amazonaws.com',
      onlyFor: { 'aws:SourceAccount': securityAccountId },
    });
    new IamRolePolicy(this, 'runbook_role_policy', {
      role: role.name,
      name: 'start-runbooks',
      policy: policyText({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['ssm:StartAutomationExecution', 'ssm:GetAutomationExecution', 'ssm:StopAutomationExecution'],
            Resource: [...runbookNames.map((name) => automationDefinitionArn('*', '*', name, '*')), 'arn:aws:ssm:*:*:automation-execution/*'],
          },
        ],
      }),
    });
    for (const plan of plans) {
      const policy = plan.runbook?.policy;
      if (policy) new IamRolePolicy(this, `runbook_role_policy_${resourceId(plan.name)}`, { role: role.name, name: `runbook-of-${plan.name}`, policy });
    }
    return role;
  }
}
