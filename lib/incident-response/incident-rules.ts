/** The incident catalogue built for one landing zone: the rules of the central bus that start incidents. */
import { alertContextOf } from '../alerts/alert-rules';
import { INCIDENT_KINDS, type IncidentKind } from '../config/schemas/incident-response';
import type { LandingZone } from '../model/landing-zone';
import { incidentKind } from './incident-catalogue';

/** A rule of the central bus that starts an incident. */
export interface IncidentRule {
  readonly kind: IncidentKind;
  readonly title: string;
  /** The event pattern as compact JSON. */
  readonly eventPattern: string;
  /** The response plan it starts, by its name in the configuration. */
  readonly responsePlan: string;
}

/** A rule of the central bus that pages on-call services. */
export interface PagingRule {
  readonly kind: IncidentKind;
  readonly title: string;
  /** The event pattern as compact JSON. */
  readonly eventPattern: string;
  /** The paging destinations it pages, by name. */
  readonly destinations: readonly string[];
}

/** One rule for each kind of alert that pages some destination, with the alerts' own thresholds. */
export function pagingRulesFor(landingZone: LandingZone): readonly PagingRule[] {
  const paging = landingZone.incidentResponse?.paging ?? [];
  const context = alertContextOf(landingZone);
  return INCIDENT_KINDS.flatMap((kind) => {
    const destinations = paging.filter((destination) => destination.alerts.includes(kind)).map((destination) => destination.name);
    if (destinations.length === 0) return [];
    const definition = incidentKind(kind);
    return [{ kind, title: definition.title, eventPattern: JSON.stringify(definition.build(context)), destinations }];
  });
}

/** One rule for each kind of alert that starts an incident; none without Incident Manager. */
export function incidentRulesFor(landingZone: LandingZone): readonly IncidentRule[] {
  const incidentManager = landingZone.incidentResponse?.incidentManager;
  if (!incidentManager) return [];
  const context = { ...alertContextOf(landingZone), guardDutyMinimumSeverity: incidentManager.guardDutyMinimumSeverity };
  return incidentManager.incidents.map(({ kind, responsePlan }) => {
    const definition = incidentKind(kind);
    return { kind, title: definition.title, eventPattern: JSON.stringify(definition.build(context)), responsePlan };
  });
}
