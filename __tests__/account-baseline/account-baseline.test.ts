/**
 * What every account's baseline records and forwards: AWS Config, Session Manager and the
 * forwarding of security events to the central bus.
 */
import { ALERTS, EVENT_PATTERN_DEFAULT_MAX_LENGTH } from '../../lib/alerts/alert-catalogue';
import { DEFAULT_ENABLED_REGIONS } from '../../lib/iam/aws-regions';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, governRegion, readStack, resources, synthesize, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { matchesEventPattern } from '../support/event-pattern';

const example = exampleOutput();
const GOVERNED_REGIONS = ['eu-central-1', 'eu-west-1'];
const ACCOUNTS = ['log-archive', 'management', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services'];

describe('every account baseline', () => {
  it.each(ACCOUNTS)('%s records AWS Config in every governed region into the log archive, global resources in the home region only', (account) => {
    const baseline = readStack(example, `baseline-${account}`);
    expect(
      resources(baseline, 'aws_config_configuration_recorder')
        .map((recorder) => [recorder.region, recorder.recording_group.include_global_resource_types])
        .sort(),
    ).toEqual([
      ['eu-central-1', false],
      ['eu-west-1', true],
    ]);
    expect(
      resources(baseline, 'aws_config_delivery_channel')
        .map((channel) => [channel.region, channel.s3_bucket_name])
        .sort(),
    ).toEqual(GOVERNED_REGIONS.map((region) => [region, 'example-corp-logs-config-eu-west-1']));
    expect(resources(baseline, 'aws_config_configuration_recorder_status').every((status) => status.is_enabled === true)).toBe(true);
  });

  it.each(ACCOUNTS)(
    '%s sets Session Manager preferences in every governed region: 15-minute idle timeout, logs to the archive under its id, KMS',
    (account) => {
      const baseline = readStack(example, `baseline-${account}`);
      const documents = resources(baseline, 'aws_ssm_document');
      expect(documents.map((document) => document.region).sort()).toEqual(GOVERNED_REGIONS);
      for (const document of documents) {
        expect(document).toMatchObject({ name: 'SSM-SessionManagerRunShell', document_type: 'Session' });
        const { inputs } = JSON.parse(document.content);
        expect(inputs).toMatchObject({ idleSessionTimeout: '15', s3BucketName: 'example-corp-logs-session-logs-eu-west-1', s3EncryptionEnabled: true });
        expect(inputs.kmsKeyId).toMatch(/^\$\{aws_kms_key\.session_manager_key_/);
      }
      const accountId = account === 'management' ? '111111111111' : `\${data.terraform_remote_state.account_${account.replace(/-/g, '_')}.outputs.account_id}`;
      expect(JSON.parse(documents[0].content).inputs.s3KeyPrefix).toBe(accountId);
    },
  );

  /** The alert patterns a rule forwards: the alternatives of its `$or`, or the pattern itself. */
  const forwardedPatterns = (rule: TerraformJson): string[] => {
    const pattern = JSON.parse(rule.event_pattern);
    return (pattern.$or ?? [pattern]).map((alternative: unknown) => JSON.stringify(alternative));
  };
  const centralBusPatterns = () =>
    resources(readStack(example, 'security'), 'aws_cloudwatch_event_rule')
      .map((rule) => rule.event_pattern)
      .sort();

  const SECURITY_ACCOUNT = '${data.terraform_remote_state.account_security.outputs.account_id}';
  /** The alerts on findings as an account forwards them from `region`: Security Hub's from there only, and the administrator's own only. */
  const asForwarded = (pattern: string, region: string, account: string): string => {
    const parsed = JSON.parse(pattern);
    if (parsed.source[0] === 'aws.securityhub') Object.assign(parsed.detail.findings, { Region: [region] });
    if (account !== 'security') return JSON.stringify(parsed);
    if (parsed.source[0] === 'aws.guardduty') Object.assign(parsed.detail, { accountId: [SECURITY_ACCOUNT] });
    if (parsed.source[0] === 'aws.securityhub') Object.assign(parsed.detail.findings, { AwsAccountId: [SECURITY_ACCOUNT] });
    return JSON.stringify(parsed);
  };

  it.each(ACCOUNTS)('%s forwards every alert kind of the central bus from every governed region and us-east-1', (account) => {
    const baseline = readStack(example, `baseline-${account}`);
    const rules = resources(baseline, 'aws_cloudwatch_event_rule');
    expect(centralBusPatterns()).toHaveLength(ALERTS.length);
    for (const region of ['eu-central-1', 'eu-west-1', 'us-east-1']) {
      const inRegion = rules.filter((rule) => rule.region === region);
      const expected = centralBusPatterns().map((pattern) => asForwarded(pattern, region, account));
      expect({ region, patterns: inRegion.flatMap(forwardedPatterns).sort() }).toEqual({ region, patterns: expected.sort() });
      // As AWS measures it: the reference to the security account's state is a 12-digit id once deployed.
      const deployed = (rule: TerraformJson) => rule.event_pattern.split(SECURITY_ACCOUNT).join('333333333333');
      expect(inRegion.every((rule) => deployed(rule).length <= EVENT_PATTERN_DEFAULT_MAX_LENGTH)).toBe(true);
    }
    expect(new Set(rules.map((rule) => rule.region)).size).toBe(account === 'management' ? DEFAULT_ENABLED_REGIONS.length : 3);
    const bus = 'arn:aws:events:eu-west-1:${data.terraform_remote_state.account_security.outputs.account_id}:event-bus/landing-zone-security-alerts';
    const targets = resources(baseline, 'aws_cloudwatch_event_target');
    expect(targets).toHaveLength(rules.length);
    expect(targets.every((target) => target.arn === bus && /^\$\{aws_iam_role\.alert_forwarding_role_/.test(target.role_arn))).toBe(true);
  });

  it("forwards the alerts on the management account's root user from every region enabled by default, governed or not: no SCP restricts it", () => {
    const rules = resources(readStack(example, 'baseline-management'), 'aws_cloudwatch_event_rule');
    const rootAlerts = ALERTS.filter((alert) => alert.everyRegionOfManagementAccount).map((alert) => alert.id);
    expect(rootAlerts).toEqual(['root-console-sign-in', 'root-api-use']);
    const ungoverned = DEFAULT_ENABLED_REGIONS.filter((region) => !['eu-central-1', 'eu-west-1', 'us-east-1'].includes(region));
    expect(ungoverned).toContain('ap-southeast-2');
    for (const region of ungoverned) {
      const inRegion = rules.filter((rule) => rule.region === region);
      expect({ region, alerts: inRegion.map((rule) => rule.description) }).toEqual({
        region,
        alerts: [`Forwards to the central security bus the events of: ${rootAlerts.join(', ')}`],
      });
    }
    const rootSignIn = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'events', 'signin-console-login-root.json'), 'utf8'));
    const inSydney = rules.find((rule) => rule.region === 'ap-southeast-2')!;
    expect(matchesEventPattern(JSON.parse(inSydney.event_pattern), { ...rootSignIn, region: 'ap-southeast-2' })).toBe(true);
    expect(resources(readStack(example, 'baseline-payments-prod'), 'aws_cloudwatch_event_rule').some((rule) => rule.region === 'ap-southeast-2')).toBe(false);
  });

  describe('findings, which the security account receives for every account as their delegated administrator', () => {
    const SECURITY_ID = '333333333333';
    const MEMBER_ID = '555555555555';
    const sample = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8'));
    const guardDutyFinding = (accountId: string, region: string) => {
      const event = sample('guardduty-finding-high');
      return { ...event, account: SECURITY_ID, region, detail: { ...event.detail, accountId, region } };
    };
    const securityHubFinding = (accountId: string, findingRegion: string, busRegion: string) => {
      const event = sample('securityhub-finding-critical-new');
      return {
        ...event,
        account: SECURITY_ID,
        region: busRegion,
        detail: { findings: event.detail.findings.map((finding: object) => ({ ...finding, AwsAccountId: accountId, Region: findingRegion })) },
      };
    };
    const forwardedBy = (account: string, region: string, event: object) =>
      resources(readStack(example, `baseline-${account}`), 'aws_cloudwatch_event_rule')
        .filter((rule) => rule.region === region)
        .some((rule) => matchesEventPattern(JSON.parse(rule.event_pattern.split(SECURITY_ACCOUNT).join(SECURITY_ID)), event));

    it('are forwarded once: by the account they concern, not again by the security account', () => {
      expect(forwardedBy('payments-dev', 'eu-central-1', { ...guardDutyFinding(MEMBER_ID, 'eu-central-1'), account: MEMBER_ID })).toBe(true);
      expect(forwardedBy('security', 'eu-central-1', guardDutyFinding(MEMBER_ID, 'eu-central-1'))).toBe(false);
      expect(forwardedBy('security', 'eu-central-1', guardDutyFinding(SECURITY_ID, 'eu-central-1'))).toBe(true);
      expect(forwardedBy('security', 'eu-west-1', securityHubFinding(MEMBER_ID, 'eu-west-1', 'eu-west-1'))).toBe(false);
      expect(forwardedBy('security', 'eu-west-1', securityHubFinding(SECURITY_ID, 'eu-west-1', 'eu-west-1'))).toBe(true);
    });

    it.each(['security', 'payments-dev'])(
      'are forwarded by %s from the region they arose in, not again from the home region that Security Hub copies them to',
      (account) => {
        const accountId = account === 'security' ? SECURITY_ID : MEMBER_ID;
        expect(forwardedBy(account, 'eu-central-1', { ...securityHubFinding(accountId, 'eu-central-1', 'eu-central-1'), account: accountId })).toBe(true);
        expect(forwardedBy(account, 'eu-west-1', { ...securityHubFinding(accountId, 'eu-central-1', 'eu-west-1'), account: accountId })).toBe(false);
      },
    );
  });

  it('forwards from us-east-1 once when it is also governed', async () => {
    const dir = copyExample();
    governRegion(dir, 'us-east-1');
    const rules = resources(readStack(await synthesize(dir), 'baseline-payments-dev'), 'aws_cloudwatch_event_rule');
    expect([...new Set(rules.map((rule) => rule.region))].sort()).toEqual(['eu-central-1', 'eu-west-1', 'us-east-1']);
    expect(rules.flatMap(forwardedPatterns)).toHaveLength(3 * ALERTS.length);
  });

  it('lets only EventBridge of its own account assume the forwarder role, which may only put events on the central bus', () => {
    const baseline = readStack(example, 'baseline-payments-prod');
    const role = resources(baseline, 'aws_iam_role').find((candidate) => candidate.name === 'landing-zone-alert-forwarder')!;
    const accountId = '${data.terraform_remote_state.account_payments_prod.outputs.account_id}';
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
      },
    ]);
    const policy = resources(baseline, 'aws_iam_role_policy').find((candidate) => candidate.name === 'put-events-on-central-bus')!;
    expect(JSON.parse(policy.policy).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Resource: 'arn:aws:events:eu-west-1:${data.terraform_remote_state.account_security.outputs.account_id}:event-bus/landing-zone-security-alerts',
      },
    ]);
  });
});
