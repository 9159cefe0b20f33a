/** The alert catalogue built for one landing zone: the rules of the central bus and of every account's forwarding. */
import type { ForwardedAlert } from '../constructs/alert-forwarding';
import type { LandingZone } from '../model/landing-zone';
import { ALERT_FORWARDER_ROLE, CONFIG_AGGREGATOR_ROLE, CONFIG_RECORDER_ROLE } from '../resource-names';
import { ALERTS, alertPatternJson, type AlertContext, type FindingScope } from './alert-catalogue';

/**
 * Every alert of the catalogue, for the central bus and for the forwarding of every
 * account; with `ownFindingsOnly`, for the forwarding of the delegated administrator in
 * one region.
 */
export function alertRulesFor(landingZone: LandingZone, ownFindingsOnly?: FindingScope): readonly ForwardedAlert[] {
  const context: AlertContext = {
    guardDutyMinimumSeverity: landingZone.alerts.guardDutyMinimumSeverity,
    protectedRoleNames: [landingZone.accountAccessRole, ALERT_FORWARDER_ROLE, CONFIG_RECORDER_ROLE, CONFIG_AGGREGATOR_ROLE],
    ownFindingsOnly,
  };
  return ALERTS.map((alert) => ({ id: alert.id, title: alert.title, eventPattern: alertPatternJson(alert, context) }));
}
