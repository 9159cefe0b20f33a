/** The alert catalogue built for one landing zone: the rules of the central bus and of every account's forwarding. */
import { DETECTIVE_CONTROLS } from '../guardrails/detective-control-catalogue';
import { controlRuleName } from '../guardrails/detective-control';
import type { LandingZone } from '../model/landing-zone';
import { ALERT_FORWARDER_ROLE, BACKUP_ROLE, CONFIG_AGGREGATOR_ROLE, CONFIG_RECORDER_ROLE, CONFIG_REMEDIATION_ROLE } from '../resource-names';
import {
  ALERTS,
  alertPatternJson,
  EVENT_PATTERN_DEFAULT_MAX_LENGTH,
  type Alert,
  type AlertContext,
  type AlertRule,
  type ForwardingScope,
} from './alert-catalogue';
import { forwardingRulesFor, type ForwardingRule } from './forwarding-rules';

/** An account id as EventBridge receives it, whatever reference stands for it in the synthesized pattern. */
const DEPLOYED_ACCOUNT_ID = '000000000000';

/** The settings the alert patterns are built from: for the central bus, or for the forwarding of one region of one account. */
export function alertContextOf(landingZone: LandingZone, forwarding?: ForwardingScope): AlertContext {
  return {
    guardDutyMinimumSeverity: landingZone.alerts.guardDutyMinimumSeverity,
    protectedRoleNames: [
      landingZone.accountAccessRole,
      ALERT_FORWARDER_ROLE,
      CONFIG_RECORDER_ROLE,
      CONFIG_AGGREGATOR_ROLE,
      CONFIG_REMEDIATION_ROLE,
      BACKUP_ROLE,
    ],
    mandatoryControlRuleNames: DETECTIVE_CONTROLS.filter((control) => control.guidance === 'mandatory').map(controlRuleName),
    forwarding,
  };
}

/** The alerts of the catalogue that `only` keeps, every one when it keeps all: for the central bus, or for the forwarding of one region of one account. */
export function alertRulesFor(landingZone: LandingZone, forwarding?: ForwardingScope, only: (alert: Alert) => boolean = () => true): readonly AlertRule[] {
  const context = alertContextOf(landingZone, forwarding);
  return ALERTS.filter(only).map((alert) => ({ id: alert.id, title: alert.title, eventPattern: alertPatternJson(alert, context) }));
}

/** The rules that forward the events of the alerts from one region of one account, each within EventBridge's quota as deployed. */
export function forwardingRulesOf(landingZone: LandingZone, forwarding: ForwardingScope, only?: (alert: Alert) => boolean): readonly ForwardingRule[] {
  const administrator = forwarding.administratorAccountId;
  const lengthAsDeployed = (eventPattern: string) => (administrator ? eventPattern.split(administrator).join(DEPLOYED_ACCOUNT_ID) : eventPattern).length;
  return forwardingRulesFor(alertRulesFor(landingZone, forwarding, only), EVENT_PATTERN_DEFAULT_MAX_LENGTH, lengthAsDeployed);
}
