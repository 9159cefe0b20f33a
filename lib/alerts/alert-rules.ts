/** The alert catalogue built for one landing zone: the rules of the central bus and of every account's forwarding. */
import type { ForwardedAlert } from '../constructs/alert-forwarding';
import type { LandingZone } from '../model/landing-zone';
import { ALERT_FORWARDER_ROLE, CONFIG_AGGREGATOR_ROLE, CONFIG_RECORDER_ROLE } from '../resource-names';
import { ALERTS, alertPatternJson, type AlertContext } from './alert-catalogue';

export function alertRulesFor(landingZone: LandingZone): readonly ForwardedAlert[] {
  const context: AlertContext = {
    guardDutyMinimumSeverity: landingZone.alerts.guardDutyMinimumSeverity,
    protectedRoleNames: [landingZone.accountAccessRole, ALERT_FORWARDER_ROLE, CONFIG_RECORDER_ROLE, CONFIG_AGGREGATOR_ROLE],
  };
  return ALERTS.map((alert) => ({ id: alert.id, title: alert.title, eventPattern: alertPatternJson(alert, context) }));
}
