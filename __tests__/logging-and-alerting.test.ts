/**
 * The organization-wide half of logging and alerting as synthesized: the organization
 * trail and delegated administrators, and what every account's baseline records and
 * forwards.
 */
import { ALERTS, EVENT_PATTERN_DEFAULT_MAX_LENGTH } from '../lib/alerts/alert-catalogue';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, editFile, filesUnder, readStack, resources, synthesize, type TerraformJson } from './support/example-config';
import { checkPolicyDocument } from '../lib/policies/check-policy-references';
import type { PolicyDocument } from '../lib/policies/policy-document';
import { matchesEventPattern } from './support/event-pattern';

let example: string;
beforeAll(async () => {
  example = await synthesize(copyExample());
});

const GOVERNED_REGIONS = ['eu-central-1', 'eu-west-1'];
const ACCOUNTS = ['log-archive', 'management', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services'];

describe('the organization trail', () => {
  it('records every account in every region, with global events and log file validation, into the log archive with its key', () => {
    const [trail] = resources(readStack(example, 'organization-services'), 'aws_cloudtrail');
    expect(trail).toMatchObject({
      name: 'organization-trail',
      is_organization_trail: true,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      s3_bucket_name: 'example-corp-logs-cloudtrail-eu-west-1',
      kms_key_id: '${data.terraform_remote_state.log_archive.outputs.cloudtrail_kms_key_arn}',
      lifecycle: { prevent_destroy: true },
      advanced_event_selector: [{ name: 'Management events', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] }],
    });
  });

  it('delivers to CloudWatch Logs through a role only this trail may assume', () => {
    const stack = readStack(example, 'organization-services');
    const [trail] = resources(stack, 'aws_cloudtrail');
    expect(trail.cloud_watch_logs_group_arn).toBe('${aws_cloudwatch_log_group.trail_log_group.arn}:*');
    expect(resources(stack, 'aws_cloudwatch_log_group')).toEqual([expect.objectContaining({ name: 'aws-cloudtrail-logs/organization-trail', retention_in_days: 90 })]);
    const [role] = resources(stack, 'aws_iam_role');
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/organization-trail' } },
      },
    ]);
  });

  it('adds data event selectors when asked, and no log group when CloudWatch delivery is off', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace('  cloudWatchLogs:\n    retentionDays: 90\n', '').replace('    s3: false\n    lambda: false', '    s3: true\n    lambda: true'),
    );
    const stack = readStack(await synthesize(dir), 'organization-services');
    const [trail] = resources(stack, 'aws_cloudtrail');
    expect(trail.advanced_event_selector.map((selector: TerraformJson) => selector.field_selector)).toEqual([
      [{ field: 'eventCategory', equals: ['Management'] }],
      [
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::S3::Object'] },
      ],
      [
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::Lambda::Function'] },
      ],
    ]);
    expect(trail.cloud_watch_logs_group_arn).toBeUndefined();
    expect(resources(stack, 'aws_cloudwatch_log_group')).toEqual([]);
  });
});

describe('delegated administration', () => {
  const SECURITY = '${data.terraform_remote_state.account_security.outputs.account_id}';

  it('registers the security account for Inspector in every governed region, and leaves GuardDuty and Security Hub to the security stack', () => {
    const stack = readStack(example, 'organization-services');
    expect(resources(stack, 'aws_inspector2_delegated_admin_account').map((resource) => [resource.region, resource.account_id]).sort()).toEqual(
      GOVERNED_REGIONS.map((region) => [region, SECURITY]),
    );
    for (const type of ['aws_macie2_organization_admin_account', 'aws_detective_organization_admin_account', 'aws_guardduty_organization_admin_account', 'aws_securityhub_organization_admin_account']) {
      expect({ type, resources: resources(stack, type) }).toEqual({ type, resources: [] });
    }
    const security = readStack(example, 'security');
    for (const type of ['aws_guardduty_organization_admin_account', 'aws_securityhub_organization_admin_account']) {
      expect({ type, regions: resources(security, type).map((resource) => resource.region).sort() }).toEqual({ type, regions: GOVERNED_REGIONS });
    }
  });

  it('registers it once for Config and Access Analyzer, and for Firewall Manager from us-east-1', () => {
    const stack = readStack(example, 'organization-services');
    expect(resources(stack, 'aws_organizations_delegated_administrator').map((resource) => [resource.service_principal, resource.account_id]).sort()).toEqual([
      ['access-analyzer.amazonaws.com', SECURITY],
      ['config-multiaccountsetup.amazonaws.com', SECURITY],
      ['config.amazonaws.com', SECURITY],
    ]);
    const [firewallManager] = resources(stack, 'aws_fms_admin_account');
    expect(firewallManager).toMatchObject({ account_id: SECURITY, provider: 'aws.us_east_1' });
    expect(stack.provider.aws).toContainEqual({ alias: 'us_east_1', region: 'us-east-1', allowed_account_ids: ['111111111111'] });
  });

  it('trusts the optional services only when they are turned on', () => {
    const principals: string[] = resources(readStack(example, 'management'), 'aws_organizations_organization')[0].aws_service_access_principals;
    expect(principals).toContain('inspector2.amazonaws.com');
    expect(principals).not.toContain('macie.amazonaws.com');
    expect(principals).not.toContain('detective.amazonaws.com');
    expect(principals).toEqual([...principals].sort());
  });
});

describe('cost anomaly detection', () => {
  it('monitors every service of the organization and e-mails a daily digest above the threshold', () => {
    const stack = readStack(example, 'organization-services');
    expect(resources(stack, 'aws_ce_anomaly_monitor')).toEqual([expect.objectContaining({ monitor_type: 'DIMENSIONAL', monitor_dimension: 'SERVICE' })]);
    expect(resources(stack, 'aws_ce_anomaly_subscription')).toEqual([
      expect.objectContaining({
        frequency: 'DAILY',
        subscriber: [{ type: 'EMAIL', address: 'finops@example.com' }],
        threshold_expression: { dimension: { key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', match_options: ['GREATER_THAN_OR_EQUAL'], values: ['250'] } },
      }),
    ]);
  });
});

describe('every account baseline', () => {
  it.each(ACCOUNTS)('%s records AWS Config in every governed region into the log archive, global resources in the home region only', (account) => {
    const baseline = readStack(example, `baseline-${account}`);
    expect(resources(baseline, 'aws_config_configuration_recorder').map((recorder) => [recorder.region, recorder.recording_group.include_global_resource_types]).sort()).toEqual([
      ['eu-central-1', false],
      ['eu-west-1', true],
    ]);
    expect(resources(baseline, 'aws_config_delivery_channel').map((channel) => [channel.region, channel.s3_bucket_name]).sort()).toEqual(
      GOVERNED_REGIONS.map((region) => [region, 'example-corp-logs-config-eu-west-1']),
    );
    expect(resources(baseline, 'aws_config_configuration_recorder_status').every((status) => status.is_enabled === true)).toBe(true);
  });

  it.each(ACCOUNTS)('%s sets Session Manager preferences in every governed region: 15-minute idle timeout, logs to the archive under its id, KMS', (account) => {
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
  });

  /** The alert patterns a rule forwards: the alternatives of its `$or`, or the pattern itself. */
  const forwardedPatterns = (rule: TerraformJson): string[] => {
    const pattern = JSON.parse(rule.event_pattern);
    return (pattern.$or ?? [pattern]).map((alternative: unknown) => JSON.stringify(alternative));
  };
  const centralBusPatterns = () => resources(readStack(example, 'security'), 'aws_cloudwatch_event_rule').map((rule) => rule.event_pattern).sort();

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
    expect(new Set(rules.map((rule) => rule.region)).size).toBe(3);
    const bus = 'arn:aws:events:eu-west-1:${data.terraform_remote_state.account_security.outputs.account_id}:event-bus/landing-zone-security-alerts';
    const targets = resources(baseline, 'aws_cloudwatch_event_target');
    expect(targets).toHaveLength(rules.length);
    expect(targets.every((target) => target.arn === bus && /^\$\{aws_iam_role\.alert_forwarding_role_/.test(target.role_arn))).toBe(true);
  });

  describe('findings, which the security account receives for every account as their delegated administrator', () => {
    const SECURITY_ID = '333333333333';
    const MEMBER_ID = '555555555555';
    const sample = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'events', `${name}.json`), 'utf8'));
    const guardDutyFinding = (accountId: string, region: string) => {
      const event = sample('guardduty-finding-high');
      return { ...event, account: SECURITY_ID, region, detail: { ...event.detail, accountId, region } };
    };
    const securityHubFinding = (accountId: string, findingRegion: string, busRegion: string) => {
      const event = sample('securityhub-finding-critical-new');
      return { ...event, account: SECURITY_ID, region: busRegion, detail: { findings: event.detail.findings.map((finding: object) => ({ ...finding, AwsAccountId: accountId, Region: findingRegion })) } };
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

    it.each(['security', 'payments-dev'])("are forwarded by %s from the region they arose in, not again from the home region that Security Hub copies them to", (account) => {
      const accountId = account === 'security' ? SECURITY_ID : MEMBER_ID;
      expect(forwardedBy(account, 'eu-central-1', { ...securityHubFinding(accountId, 'eu-central-1', 'eu-central-1'), account: accountId })).toBe(true);
      expect(forwardedBy(account, 'eu-west-1', { ...securityHubFinding(accountId, 'eu-central-1', 'eu-west-1'), account: accountId })).toBe(false);
    });
  });

  it('forwards from us-east-1 once when it is also governed', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('  - eu-central-1\n', '  - eu-central-1\n  - us-east-1\n'));
    const rules = resources(readStack(await synthesize(dir), 'baseline-payments-dev'), 'aws_cloudwatch_event_rule');
    expect([...new Set(rules.map((rule) => rule.region))].sort()).toEqual(['eu-central-1', 'eu-west-1', 'us-east-1']);
    expect(rules.flatMap(forwardedPatterns)).toHaveLength(3 * ALERTS.length);
  });

  it('lets only EventBridge of its own account assume the forwarder role, which may only put events on the central bus', () => {
    const baseline = readStack(example, 'baseline-payments-prod');
    const role = resources(baseline, 'aws_iam_role').find((candidate) => candidate.name === 'landing-zone-alert-forwarder')!;
    const accountId = '${data.terraform_remote_state.account_payments_prod.outputs.account_id}';
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': accountId } } },
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

describe('Terraform strings', () => {
  it('escape every IAM policy variable in every stack, so Terraform passes it to AWS unchanged', () => {
    const unescaped: string[] = [];
    let escaped = 0;
    for (const [file, text] of filesUnder(example)) {
      if (!file.endsWith('cdk.tf.json')) continue;
      // A `${` not preceded by `$` is a Terraform reference, which names a resource, data source or output: `${data.x...}`, `${aws_x.y...}`.
      for (const match of text.matchAll(/(\$?)\$\{([^}]*)\}/g)) {
        if (match[1]) escaped += 1;
        else if (!/^[a-z][a-z0-9_]*\.[\w.[\]"\\/-]+$/.test(match[2])) unescaped.push(`${file}: ${match[0]}`);
      }
    }
    expect(unescaped).toEqual([]);
    expect(escaped).toBeGreaterThan(0);
  });
});

describe('every policy document in the output', () => {
  /** Each IAM policy document of each stack, references replaced by the kind of value they stand for. */
  function policyDocuments(): { where: string; document: PolicyDocument }[] {
    const documents: { where: string; document: PolicyDocument }[] = [];
    for (const [file, text] of filesUnder(example)) {
      if (!file.endsWith('cdk.tf.json')) continue;
      const stack = JSON.parse(text);
      for (const [type, byName] of Object.entries<Record<string, TerraformJson>>(stack.resource ?? {})) {
        for (const [name, resource] of Object.entries(byName)) {
          for (const [argument, value] of Object.entries(resource)) {
            if (typeof value !== 'string' || !value.includes('"Statement"')) continue;
            const document = JSON.parse(value.replace(/(?<!\$)\$\{[^}]*\}/g, '111111111111'));
            documents.push({ where: `${file} ${type}.${name}.${argument}`, document });
          }
        }
      }
    }
    return documents;
  }

  it('names only actions and condition keys that exist in AWS, in every stack', async () => {
    const documents = policyDocuments();
    expect(documents.length).toBeGreaterThan(20);
    const problems = [];
    for (const { where, document } of documents) problems.push(...(await checkPolicyDocument(document, where)));
    expect(problems).toEqual([]);
  });
});
