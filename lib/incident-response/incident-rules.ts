/** The incident catalogue built for one landing zone: the rules of the central bus that start incidents. */
import { alertContextOf } from '../alerts/alert-rules';
import type { IncidentKind } from '../config/schemas/incident-response';
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
