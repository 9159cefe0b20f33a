/**
 * Every name the incident response settings use is defined: the contacts of escalation
 * plans, the contacts and escalation plans a response plan pages, the runbook files, the
 * response plans incidents and custom actions start; a custom action has what it needs;
 * every runbook file is some response plan's.
 */
import { expectedOneOf, type FieldPath, type Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { INCIDENT_KINDS } from '../schemas/incident-response';
import { RUNBOOK_DIRECTORY } from '../configuration-files';

type Files = Pick<ConfigurationFiles<'incidentResponse'>, 'landingZone' | 'runbooks'>;

export function incidentResponseReferences({ landingZone, runbooks }: Files): Issue[] {
  const settings = landingZone.config.incidentResponse;
  const issues: Issue[] = [];
  const at = (path: FieldPath, message: string, severity?: 'warning') =>
    issues.push({ file: landingZone.file, path: ['incidentResponse', ...path], message, ...(severity ? { severity } : {}) });
  const usedRunbooks = new Set<string>();

  const chat = settings?.chat;
  for (const name of Object.keys(chat?.teams ?? {})) {
    if (chat?.slack[name]) at(['chat', 'teams', name], `is also the name of a Slack channel; each chat configuration of the account needs a name of its own`);
  }

  const manager = settings?.incidentManager;
  if (manager) {
    const contacts = Object.keys(manager.contacts);
    const escalationPlans = Object.keys(manager.escalationPlans);
    const responsePlans = Object.keys(manager.responsePlans);
    const engaged = new Set<string>();
    for (const alias of escalationPlans) {
      if (contacts.includes(alias))
        at(['incidentManager', 'escalationPlans', alias], 'is also the alias of a contact; contacts and escalation plans share one namespace');
    }
    for (const [alias, plan] of Object.entries(manager.escalationPlans)) {
      plan.stages.forEach((stage, stageIndex) =>
        stage.contacts.forEach((contact, index) => {
          engaged.add(contact);
          if (!contacts.includes(contact)) {
            at(
              ['incidentManager', 'escalationPlans', alias, 'stages', stageIndex, 'contacts', index],
              expectedOneOf('a contact of incidentManager.contacts', contacts, contact),
            );
          }
        }),
      );
    }
    for (const [name, plan] of Object.entries(manager.responsePlans)) {
      const path = ['incidentManager', 'responsePlans', name];
      plan.engagements.forEach((engagement, index) => {
        engaged.add(engagement);
        if (!contacts.includes(engagement) && !escalationPlans.includes(engagement)) {
          at([...path, 'engagements', index], expectedOneOf('a contact or escalation plan', [...contacts, ...escalationPlans], engagement));
        }
      });
      const file = plan.runbook?.file;
      if (file !== undefined) {
        usedRunbooks.add(file);
        if (!runbooks.some((runbook) => runbook.name === file)) {
          at(
            [...path, 'runbook', 'file'],
            expectedOneOf(
              `a runbook file ${RUNBOOK_DIRECTORY}/<name>.yaml`,
              runbooks.map((runbook) => runbook.name),
              file,
            ),
          );
        }
      }
    }
    for (const contact of contacts.filter((candidate) => !engaged.has(candidate))) {
      at(['incidentManager', 'contacts', contact], 'is engaged by no response plan or escalation plan, so it is never paged', 'warning');
    }
    const planIssue = (name: string) => expectedOneOf('a response plan of incidentManager.responsePlans', responsePlans, name);
    if (manager.incidents) {
      for (const [kind, plan] of Object.entries(manager.incidents))
        if (!responsePlans.includes(plan)) at(['incidentManager', 'incidents', kind], planIssue(plan));
    } else if (responsePlans.length > 1) {
      at(
        ['incidentManager', 'responsePlans'],
        `has ${responsePlans.length} response plans: name the one each alert starts in incidentManager.incidents (any of ${INCIDENT_KINDS.join(', ')})`,
      );
    } else if (responsePlans.length === 0) {
      at(['incidentManager', 'responsePlans'], 'is empty: incidents need a response plan');
    }
    const openIncident = settings.securityHubActions.openIncident;
    if (typeof openIncident === 'string' && !responsePlans.includes(openIncident)) at(['securityHubActions', 'openIncident'], planIssue(openIncident));
  } else if (typeof settings?.securityHubActions.openIncident === 'string') {
    at(['securityHubActions', 'openIncident'], 'starts an incident, but there is no incidentManager section to define response plans');
  }
  if (settings?.securityHubActions.sendToChat === true && !chat) {
    at(['securityHubActions', 'sendToChat'], 'posts to chat, but there is no chat section to define the channels');
  }

  for (const runbook of runbooks.filter((candidate) => !usedRunbooks.has(candidate.name))) {
    issues.push({
      file: runbook.file,
      path: [],
      severity: 'warning',
      message: `is the runbook of no response plan; name it as runbook.file: ${runbook.name} in ${landingZone.file}, or remove the file`,
    });
  }
  return issues;
}
