/**
 * The forwarding rules every account puts its security events through: together they
 * forward exactly the events some alert is for, within EventBridge's pattern size quota.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERTS, alertPatternJson, EVENT_PATTERN_DEFAULT_MAX_LENGTH, type AlertContext } from '../../lib/alerts/alert-catalogue';
import { forwardingRulesFor } from '../../lib/alerts/forwarding-rules';
import { matchesEventPattern } from '../support/event-pattern';

const context: AlertContext = {
  guardDutyMinimumSeverity: 7,
  protectedRoleNames: ['OrganizationAccountAccessRole', 'landing-zone-alert-forwarder', 'landing-zone-config-recorder'],
  mandatoryControlRuleNames: ['landing-zone-cloudtrail-enabled'],
};
const alerts = ALERTS.map((alert) => ({ id: alert.id, title: alert.title, eventPattern: alertPatternJson(alert, context) }));

const FIXTURES = join(__dirname, '..', 'fixtures', 'events');
const recordedEvents = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'))] as const);

describe('forwarding rules', () => {
  const rules = forwardingRulesFor(alerts);

  it('take every alert exactly once, in fewer rules than alerts, each pattern within the quota', () => {
    expect(rules.flatMap((rule) => rule.alertIds)).toEqual(ALERTS.map((alert) => alert.id));
    expect(rules.length).toBeLessThan(ALERTS.length);
    expect(rules.map((rule) => rule.number)).toEqual(rules.map((_rule, index) => index + 1));
    for (const rule of rules) expect(rule.eventPattern.length).toBeLessThanOrEqual(EVENT_PATTERN_DEFAULT_MAX_LENGTH);
  });

  it.each(recordedEvents)('forward %s exactly when some alert is for it', (_name, event) => {
    const alerted = alerts.some((alert) => matchesEventPattern(JSON.parse(alert.eventPattern), event));
    const forwarded = rules.some((rule) => matchesEventPattern(JSON.parse(rule.eventPattern), event));
    expect(forwarded).toBe(alerted);
  });

  it('use more rules under a smaller quota, each within it, and refuse a pattern over the quota', () => {
    const longest = Math.max(...alerts.map((alert) => alert.eventPattern.length));
    const tight = forwardingRulesFor(alerts, longest);
    expect(tight.length).toBeGreaterThan(rules.length);
    expect(tight.flatMap((rule) => rule.alertIds)).toEqual(ALERTS.map((alert) => alert.id));
    for (const rule of tight) expect(rule.eventPattern.length).toBeLessThanOrEqual(longest);
    expect(() => forwardingRulesFor(alerts, longest - 1)).toThrow(/has \d+ characters; EventBridge takes \d+/);
  });
});
