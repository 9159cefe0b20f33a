/**
 * The kinds of alert that start an incident, against recorded events: a sample of each kind
 * starts one, an unrelated neighbour does not (an alert that only alerts among them), and
 * every event that starts an incident reaches the central bus at all, through its alert.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERTS, type AlertContext } from '../../lib/alerts/alert-catalogue';
import { DEFAULT_INCIDENT_KINDS, INCIDENT_KINDS } from '../../lib/config/schemas/incident-response';
import { INCIDENT_CATALOGUE } from '../../lib/incident-response/incident-catalogue';
import { matchesEventPattern } from '../support/event-pattern';

const FIXTURES = join(__dirname, '..', 'fixtures', 'events');
const recordedEvent = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));

const ALERT_CONTEXT: AlertContext = {
  guardDutyMinimumSeverity: 7,
  protectedRoleNames: ['OrganizationAccountAccessRole'],
  mandatoryControlRuleNames: ['landing-zone-cloudtrail-enabled'],
};
const INCIDENT_CONTEXT: AlertContext = { ...ALERT_CONTEXT, guardDutyMinimumSeverity: 8 };

/** Recorded events that start an incident of each kind, and neighbours that do not. */
const SAMPLES: Readonly<Record<string, { readonly starting: readonly string[]; readonly notStarting: readonly string[] }>> = {
  'root-console-sign-in': { starting: ['signin-console-login-root'], notStarting: ['signin-console-login-iam-user', 'iam-create-access-key-root'] },
  'cloudtrail-stopped': {
    starting: ['cloudtrail-stop-logging', 'cloudtrail-delete-trail'],
    notStarting: ['cloudtrail-put-event-selectors', 'cloudtrail-start-logging'],
  },
  'security-hub-critical-finding': {
    starting: ['securityhub-finding-critical-new'],
    notStarting: ['securityhub-finding-high-new', 'securityhub-finding-critical-resolved', 'securityhub-custom-action-send-to-chat'],
  },
  'guardduty-high-severity-finding': { starting: ['guardduty-finding-high'], notStarting: ['guardduty-finding-severity-7', 'guardduty-finding-low'] },
  'root-api-use': { starting: ['iam-create-access-key-root'], notStarting: ['iam-create-access-key-iam-user', 's3-create-bucket-root-via-cloudformation'] },
};

describe('the incident catalogue', () => {
  it('holds exactly the kinds the configuration names, the default ones first', () => {
    expect(INCIDENT_CATALOGUE.map((kind) => kind.id)).toEqual([...INCIDENT_KINDS]);
    expect(DEFAULT_INCIDENT_KINDS).toEqual(['root-console-sign-in', 'cloudtrail-stopped', 'security-hub-critical-finding', 'guardduty-high-severity-finding']);
  });

  it.each(INCIDENT_CATALOGUE.map((kind) => [kind.id, kind] as const))('%s names an alert of the catalogue, with a one-line title and why', (_id, kind) => {
    expect(ALERTS.map((alert) => alert.id)).toContain(kind.alertId);
    expect(kind.title).toMatch(/^\S[^\n]*\S$/);
    expect(kind.why).toMatch(/^\S[^\n]*\.$/);
  });

  it('has recorded events for every kind', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...INCIDENT_KINDS].sort());
  });
});

describe.each(INCIDENT_CATALOGUE.map((kind) => [kind.id, kind] as const))('%s', (id, kind) => {
  const samples = SAMPLES[id];
  const alert = ALERTS.find((candidate) => candidate.id === kind.alertId)!;

  it.each(samples.starting.map((name) => [name]))('starts an incident on %s, which its alert forwards to the central bus', (name) => {
    expect(matchesEventPattern(kind.build(INCIDENT_CONTEXT), recordedEvent(name))).toBe(true);
    expect(matchesEventPattern(alert.build(ALERT_CONTEXT), recordedEvent(name))).toBe(true);
  });

  it.each(samples.notStarting.map((name) => [name]))('does not start one on %s', (name) => {
    expect(matchesEventPattern(kind.build(INCIDENT_CONTEXT), recordedEvent(name))).toBe(false);
  });
});

describe('GuardDuty findings', () => {
  const kind = INCIDENT_CATALOGUE.find((candidate) => candidate.id === 'guardduty-high-severity-finding')!;
  const alert = ALERTS.find((candidate) => candidate.id === 'guardduty-finding')!;

  it('alert from the alert severity but start an incident only from the incident severity', () => {
    const between = recordedEvent('guardduty-finding-severity-7');
    expect(matchesEventPattern(alert.build(ALERT_CONTEXT), between)).toBe(true);
    expect(matchesEventPattern(kind.build(INCIDENT_CONTEXT), between)).toBe(false);
    expect(matchesEventPattern(kind.build({ ...INCIDENT_CONTEXT, guardDutyMinimumSeverity: 7 }), between)).toBe(true);
  });
});
