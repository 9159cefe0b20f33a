/**
 * The kinds of alert that can start an incident in Incident Manager: each an id, a title, why
 * it deserves to page someone, and a pure builder of its event pattern. Each kind is an
 * alert of the alert catalogue, or a narrower part of one, so that its events reach the
 * central bus through that alert's forwarding: nothing else is forwarded. The rules of the
 * central bus that start incidents are built from here, and the README lists the kinds.
 */
import { ALERTS, apiCall, type AlertContext, type EventPattern } from '../alerts/alert-catalogue';
import type { IncidentKind } from '../config/schemas/incident-response';

export interface IncidentKindDefinition {
  readonly id: IncidentKind;
  /** One line: what happened, for the README table and the incident rule's description. */
  readonly title: string;
  /** One or two sentences: why it pages someone rather than only alerting. */
  readonly why: string;
  /** The alert whose forwarding brings its events to the central bus. */
  readonly alertId: string;
  /** Its pattern on the central bus; `guardDutyMinimumSeverity` is the incidents' threshold. */
  build(context: AlertContext): EventPattern;
}

function alertPattern(id: string, context: AlertContext): EventPattern {
  const alert = ALERTS.find((candidate) => candidate.id === id);
  if (!alert) throw new Error(`the incident catalogue names the alert ${id}, which the alert catalogue lacks`);
  return alert.build(context);
}

export const INCIDENT_CATALOGUE: readonly IncidentKindDefinition[] = [
  {
    id: 'root-console-sign-in',
    title: 'Root user signed in to the console',
    why: 'Nobody signs in as root in the ordinary course of work. Until the owner confirms a planned break-glass task, it is an account takeover in progress.',
    alertId: 'root-console-sign-in',
    build: (context) => alertPattern('root-console-sign-in', context),
  },
  {
    id: 'cloudtrail-stopped',
    title: 'CloudTrail logging stopped or a trail or event data store deleted',
    why: 'With the trail stopped, nothing more that happens is recorded. An intruder does it first; every minute without logs is evidence lost.',
    alertId: 'cloudtrail-tampering',
    // Narrower than the alert: reconfiguring a trail alerts, but only stopping or deleting one pages.
    build: () => apiCall('cloudtrail', ['StopLogging', 'DeleteTrail', 'StopEventDataStoreIngestion', 'DeleteEventDataStore']),
  },
  {
    id: 'security-hub-critical-finding',
    title: 'Security Hub critical finding',
    why: 'AWS rates it as needing action now: a public resource, an exposed credential, a disabled safeguard.',
    alertId: 'security-hub-critical-finding',
    build: (context) => alertPattern('security-hub-critical-finding', context),
  },
  {
    id: 'guardduty-high-severity-finding',
    title: 'GuardDuty finding at or above the incident severity',
    why: 'GuardDuty is confident that a resource is compromised or credentials are being misused; high severity findings call for containment within the hour.',
    alertId: 'guardduty-finding',
    build: (context) => alertPattern('guardduty-finding', context),
  },
  {
    id: 'root-api-use',
    title: 'Root user credentials used for an AWS call',
    why: 'Root credentials making calls are either a break-glass task someone is doing now or stolen keys. Not paged by default: break-glass work makes many calls.',
    alertId: 'root-api-use',
    build: (context) => alertPattern('root-api-use', context),
  },
];

/** The definition of `kind`. */
export function incidentKind(kind: IncidentKind): IncidentKindDefinition {
  const definition = INCIDENT_CATALOGUE.find((candidate) => candidate.id === kind);
  if (!definition) throw new Error(`the incident catalogue lacks ${kind}`);
  return definition;
}
