/**
 * The security alert catalogue against recorded events: each alert's pattern matches the
 * events it is for and none of its unrelated neighbours (a read-only call of the same
 * service, a low-severity finding, another role), and every recorded event alerts exactly
 * the alerts that claim it. Matching is EventBridge's pattern semantics (support/event-pattern).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERTS, alertPatternJson, EVENT_PATTERN_DEFAULT_MAX_LENGTH, type Alert, type AlertContext } from '../../lib/alerts/alert-catalogue';
import { matchesEventPattern } from '../support/event-pattern';

const FIXTURES = join(__dirname, '..', 'fixtures', 'events');

const context: AlertContext = {
  guardDutyMinimumSeverity: 7,
  protectedRoleNames: ['OrganizationAccountAccessRole', 'landing-zone-alert-forwarder', 'landing-zone-config-recorder'],
  mandatoryControlRuleNames: ['landing-zone-cloudtrail-enabled', 'landing-zone-securityhub-enabled'],
};

/** Recorded events, by file name under fixtures/events/ without `.json`, for every alert. */
const SAMPLES: Readonly<Record<string, { readonly matching: readonly string[]; readonly notMatching: readonly string[] }>> = {
  'waf-change': {
    matching: ['wafv2-update-web-acl', 'wafv2-disassociate-web-acl'],
    notMatching: ['wafv2-list-web-acls'],
  },
  'security-group-change': {
    matching: ['ec2-authorize-security-group-ingress'],
    notMatching: ['ec2-describe-security-groups', 'ec2-update-security-group-rule-descriptions-ingress'],
  },
  'session-manager-session': {
    matching: ['ssm-start-session'],
    notMatching: ['ssm-terminate-session'],
  },
  'root-console-sign-in': {
    matching: ['signin-console-login-root'],
    notMatching: ['signin-console-login-iam-user', 'iam-create-access-key-root'],
  },
  'root-api-use': {
    matching: ['iam-create-access-key-root'],
    notMatching: ['signin-console-login-root', 'iam-create-access-key-iam-user', 's3-create-bucket-root-via-cloudformation'],
  },
  'cloudtrail-tampering': {
    matching: ['cloudtrail-stop-logging', 'cloudtrail-delete-trail', 'cloudtrail-put-event-selectors'],
    notMatching: ['cloudtrail-start-logging', 'cloudtrail-lookup-events'],
  },
  'guardduty-finding': {
    matching: ['guardduty-finding-high', 'guardduty-finding-severity-7'],
    notMatching: ['guardduty-finding-low'],
  },
  'security-hub-critical-finding': {
    matching: ['securityhub-finding-critical-new'],
    notMatching: [
      'securityhub-finding-high-new',
      'securityhub-finding-critical-resolved',
      'securityhub-finding-ec2-2-failed',
      'securityhub-finding-ec2-2-passed',
      'securityhub-custom-action-send-to-chat',
    ],
  },
  'protected-role-change': {
    matching: ['iam-attach-role-policy-access-role', 'iam-update-assume-role-policy-forwarder-role'],
    notMatching: ['iam-attach-role-policy-other-role', 'iam-get-role-access-role'],
  },
  'identity-center-change': {
    matching: ['sso-create-account-assignment', 'sso-put-inline-policy-to-permission-set'],
    notMatching: ['sso-describe-permission-set'],
  },
  'firewall-manager-policy-change': {
    // A member account's attempt is denied by protect-security-services, and alerts all the same.
    matching: ['fms-put-policy', 'fms-delete-policy-denied'],
    notMatching: ['fms-get-policy', 'wafv2-update-web-acl'],
  },
  'mandatory-control-non-compliant': {
    matching: ['config-compliance-organization-rule-non-compliant', 'config-compliance-account-rule-non-compliant'],
    notMatching: ['config-compliance-organization-rule-compliant', 'config-compliance-elective-rule-non-compliant'],
  },
};

type RecordedEvent = Record<string, any>;

function recordedEvent(name: string): RecordedEvent {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
}

const FIXTURE_NAMES = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

const matches = (alert: Alert, event: RecordedEvent, alertContext = context) => matchesEventPattern(alert.build(alertContext), event);
const alertNamed = (id: string) => ALERTS.find((alert) => alert.id === id)!;
const byId = ALERTS.map((alert) => [alert.id, alert] as const);

describe('the alert catalogue', () => {
  it('holds exactly these alerts; adding or dropping one is a reviewed change', () => {
    expect(ALERTS.map((alert) => alert.id)).toEqual([
      'waf-change',
      'security-group-change',
      'session-manager-session',
      'root-console-sign-in',
      'root-api-use',
      'cloudtrail-tampering',
      'guardduty-finding',
      'security-hub-critical-finding',
      'protected-role-change',
      'identity-center-change',
      'firewall-manager-policy-change',
      'mandatory-control-non-compliant',
    ]);
  });

  it('gives each alert a unique id of at most 40 characters of [a-z0-9-], in kebab-case', () => {
    const ids = ALERTS.map((alert) => alert.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(?=.{1,40}$)[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(byId)('%s has a one-line title and a one-line why', (_id, alert) => {
    expect(alert.title).toMatch(/^\S[^\n]*\S$/);
    expect(alert.why).toMatch(/^\S[^\n]*\.$/);
  });

  it.each(byId)('%s fits in the default event pattern quota, as compact JSON', (_id, alert) => {
    const json = alertPatternJson(alert, context);
    expect(json).toBe(JSON.stringify(alert.build(context)));
    expect(JSON.parse(json)).toEqual(alert.build(context));
    expect(json.length).toBeLessThanOrEqual(EVENT_PATTERN_DEFAULT_MAX_LENGTH);
  });

  it("has recorded events for every alert, and every recorded event is some alert's sample", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(ALERTS.map((alert) => alert.id).sort());
    const named = Object.values(SAMPLES).flatMap((samples) => [...samples.matching, ...samples.notMatching]);
    expect(FIXTURE_NAMES.filter((name) => !named.includes(name))).toEqual([]);
    expect(named.filter((name) => !FIXTURE_NAMES.includes(name))).toEqual([]);
  });
});

describe('recorded events', () => {
  it.each(FIXTURE_NAMES)('%s is a complete EventBridge event', (name) => {
    const event = recordedEvent(name);
    for (const key of ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']) expect(event).toHaveProperty([key]);
    expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    if (event['detail-type'].endsWith('via CloudTrail')) {
      expect(event.detail.awsRegion).toBe(event.region);
      expect(event.detail.eventTime).toBe(event.time);
      expect(event.detail.recipientAccountId).toBe(event.account);
    }
  });

  it.each(FIXTURE_NAMES)('%s alerts exactly the alerts that claim it as a match', (name) => {
    const event = recordedEvent(name);
    const claimedBy = Object.entries(SAMPLES)
      .filter(([, samples]) => samples.matching.includes(name))
      .map(([id]) => id);
    expect(ALERTS.filter((alert) => matches(alert, event)).map((alert) => alert.id)).toEqual(
      ALERTS.map((alert) => alert.id).filter((id) => claimedBy.includes(id)),
    );
  });
});

describe.each(byId)('%s', (id, alert) => {
  const samples = SAMPLES[id] ?? { matching: [], notMatching: [] };

  it('has at least one matching and one unrelated recorded event', () => {
    expect(samples.matching.length).toBeGreaterThan(0);
    expect(samples.notMatching.length).toBeGreaterThan(0);
  });

  it.each(samples.matching.map((name) => [name]))('matches %s', (name) => {
    expect(matches(alert, recordedEvent(name))).toBe(true);
  });

  it.each(samples.notMatching.map((name) => [name]))('does not match %s', (name) => {
    expect(matches(alert, recordedEvent(name))).toBe(false);
  });
});

describe('GuardDuty severity threshold', () => {
  const alert = alertNamed('guardduty-finding');
  const withSeverity = (severity: number) => {
    const event = recordedEvent('guardduty-finding-high');
    return { ...event, detail: { ...event.detail, severity } };
  };

  it.each([
    [7, 6.9],
    [4.5, 4.4],
  ])('with a minimum of %s, alerts at exactly the minimum and not at %s', (minimum, below) => {
    const at = { ...context, guardDutyMinimumSeverity: minimum };
    expect(matches(alert, withSeverity(minimum), at)).toBe(true);
    expect(matches(alert, withSeverity(below), at)).toBe(false);
    expect(matches(alert, withSeverity(9.5), at)).toBe(true);
  });

  it('does not match a severity sent as text', () => {
    const event = recordedEvent('guardduty-finding-high');
    expect(matches(alert, { ...event, detail: { ...event.detail, severity: '8' } })).toBe(false);
  });

  it.each([0, 10.5, Number.NaN])('fails loudly on a minimum of %s rather than build a pattern', (minimum) => {
    expect(() => alert.build({ ...context, guardDutyMinimumSeverity: minimum })).toThrow(/guardDutyMinimumSeverity/);
  });
});

describe('findings, as one region of one account forwards them', () => {
  // The recorded findings are of account 111122223333 in eu-west-1.
  const forwardedFrom = (region: string, administratorAccountId?: string): AlertContext => ({ ...context, forwarding: { region, administratorAccountId } });
  const guardDuty = () => recordedEvent('guardduty-finding-high');
  const securityHub = () => recordedEvent('securityhub-finding-critical-new');

  it('a Security Hub finding from the region it arose in only, not from the home region it is copied to', () => {
    expect(matches(alertNamed('security-hub-critical-finding'), securityHub(), forwardedFrom('eu-west-1'))).toBe(true);
    expect(matches(alertNamed('security-hub-critical-finding'), { ...securityHub(), region: 'eu-central-1' }, forwardedFrom('eu-central-1'))).toBe(false);
  });

  it('by the delegated administrator, its own findings only', () => {
    expect(matches(alertNamed('guardduty-finding'), guardDuty(), forwardedFrom('eu-west-1', '111122223333'))).toBe(true);
    expect(matches(alertNamed('guardduty-finding'), guardDuty(), forwardedFrom('eu-west-1', '999999999999'))).toBe(false);
    expect(matches(alertNamed('security-hub-critical-finding'), securityHub(), forwardedFrom('eu-west-1', '111122223333'))).toBe(true);
    expect(matches(alertNamed('security-hub-critical-finding'), securityHub(), forwardedFrom('eu-west-1', '999999999999'))).toBe(false);
  });

  it('by any other account, every finding it receives: its own', () => {
    expect(matches(alertNamed('guardduty-finding'), guardDuty(), forwardedFrom('eu-west-1'))).toBe(true);
  });

  it('leaves every alert not on findings as it is', () => {
    for (const alert of ALERTS.filter((candidate) => !['guardduty-finding', 'security-hub-critical-finding'].includes(candidate.id))) {
      expect(alertPatternJson(alert, forwardedFrom('eu-west-1', '111122223333'))).toBe(alertPatternJson(alert, context));
    }
  });
});

describe('protected role change', () => {
  const alert = alertNamed('protected-role-change');
  const onRole = (roleName: string) => {
    const event = recordedEvent('iam-attach-role-policy-access-role');
    return { ...event, detail: { ...event.detail, requestParameters: { ...event.detail.requestParameters, roleName } } };
  };

  it('matches the protected role names only, exactly as written', () => {
    const protectedRoles = { ...context, protectedRoleNames: ['BreakGlassAdmin', 'OrganizationAccountAccessRole'] };
    expect(matches(alert, onRole('OrganizationAccountAccessRole'), protectedRoles)).toBe(true);
    expect(matches(alert, onRole('BreakGlassAdmin'), protectedRoles)).toBe(true);
    expect(matches(alert, onRole('landing-zone-alert-forwarder'), protectedRoles)).toBe(false);
    expect(matches(alert, onRole('organizationaccountaccessrole'), protectedRoles)).toBe(false);
    expect(matches(alert, onRole('OrganizationAccountAccessRole-old'), protectedRoles)).toBe(false);
  });

  it('lists each role once, sorted, whatever the order given', () => {
    const pattern = alert.build({ ...context, protectedRoleNames: ['b-role', 'a-role', 'b-role'] }) as any;
    expect(pattern.detail.requestParameters.roleName).toEqual(['a-role', 'b-role']);
  });

  it('fails loudly when no role is protected rather than build a pattern EventBridge rejects', () => {
    expect(() => alert.build({ ...context, protectedRoleNames: [] })).toThrow(/protectedRoleNames is empty/);
  });
});
