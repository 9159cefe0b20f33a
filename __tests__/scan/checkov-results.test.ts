/**
 * checkov's failed checks held against the baseline, on reports of real checkov 3.3.30 runs
 * over the example's synthesized output: `example.json` as the example is synthesized now,
 * `before-hardening.json` before its Config, session logs and WAF log buckets, the trail's
 * log group and the backup vaults had keys of their own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../lib/diagnostics';
import { CHECKOV_BASELINE, type BaselineEntry } from '../../lib/scan/checkov-baseline';
import { CHECKOV_VERSION } from '../../lib/scan/checkov-environment';
import { checkovResults, compareWithBaseline, describeComparison } from '../../lib/scan/checkov-results';
import { REPOSITORY, runEntry } from '../support/example-config';

const FIXTURES = join(REPOSITORY, '__tests__', 'fixtures', 'checkov');
const report = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const results = (name: string) => checkovResults(report(name), name);

describe('the example', () => {
  it(`passes with its baseline: every check checkov ${CHECKOV_VERSION} fails is accepted, and every entry accepts one`, () => {
    const { version, failed } = results('example.json');
    expect(version).toBe(CHECKOV_VERSION);
    expect(compareWithBaseline(failed, CHECKOV_BASELINE)).toEqual({ accepted: failed, unaccepted: [], unused: [] });
  });

  it('names a resource by its stack and Terraform name, whichever way checkov writes it, with its file and line', () => {
    const { failed } = results('before-hardening.json');
    expect(failed).toContainEqual({
      check: 'CKV_AWS_166',
      title: 'Ensure Backup Vault is encrypted at rest using KMS CMK',
      resource: 'baseline-management/backup_vault_eu_central_1_3A4516A4',
      location: 'baseline-management/cdk.tf.json:116',
    });
    expect(failed.map((failure) => failure.resource)).toContain('log-archive/config_bucket_492FA8B0');
  });
});

describe('a report with checks the baseline does not accept', () => {
  const comparison = () => compareWithBaseline(results('before-hardening.json').failed, CHECKOV_BASELINE);

  it('lists each of them: the checks the hardening fixed', () => {
    const unaccepted = comparison().unaccepted;
    const count = (check: string) => unaccepted.filter((failure) => failure.check === check).length;
    expect({
      CKV_AWS_166: count('CKV_AWS_166'),
      CKV2_AWS_64: count('CKV2_AWS_64'),
      CKV_AWS_145: count('CKV_AWS_145'),
      CKV_AWS_18: count('CKV_AWS_18'),
      CKV_AWS_158: count('CKV_AWS_158'),
    }).toEqual({ CKV_AWS_166: 14, CKV2_AWS_64: 14, CKV_AWS_145: 4, CKV_AWS_18: 2, CKV_AWS_158: 1 });
    expect(unaccepted).toHaveLength(35);
    // The access-logs bucket's accepted SSE-S3 does not accept the WAF log bucket beside it.
    expect(unaccepted.map((failure) => failure.resource)).toContain('firewall-manager/firewall_manager_waf_logs_eu_west_1_bucket_41A4C853');
  });

  it('reports the entries that accept nothing in it (its output had no reference VPCs and no access-logs bucket for WAF logs)', () => {
    expect(comparison().unused.map((entry) => `${entry.check} ${entry.resources}`)).toEqual([
      'CKV2_AWS_11 firewall-manager/firewall_manager_reference_vpc_*',
      'CKV_AWS_145 firewall-manager/firewall_manager_waf_logs_access_logs_*_bucket_*',
    ]);
  });

  it('says which, where, and what to do', () => {
    const text = describeComparison(results('before-hardening.json'), comparison(), 'lib/scan/checkov-baseline.ts');
    expect(text.split('\n').slice(0, 4)).toEqual([
      'checkov 3.3.30: 746 checks passed, 94 failed, 59 of them accepted by the baseline (lib/scan/checkov-baseline.ts)',
      '',
      '35 failed check(s) the baseline does not accept:',
      '  CKV2_AWS_64 baseline-log-archive/session_manager_key_eu_central_1_194678A2 (baseline-log-archive/cdk.tf.json:822): Ensure KMS key Policy is defined',
    ]);
    expect(text).toContain('Fix them, or accept each in lib/scan/checkov-baseline.ts with the reason.');
    expect(text).toContain('2 baseline entries accept no failed check any more');
  });
});

describe('matching', () => {
  const failure = { check: 'CKV_AWS_145', title: 'KMS by default', resource: 'log-archive/access_logs_bucket_6F4F867B', location: 'log-archive/cdk.tf.json:1' };
  const entry = (check: string, resources: string): BaselineEntry => ({ check, resources, reason: 'because' });

  it('takes an entry of the same check whose pattern covers the whole name, and no other', () => {
    expect(compareWithBaseline([failure], [entry('CKV_AWS_145', 'log-archive/access_logs_bucket_*')]).unaccepted).toEqual([]);
    expect(compareWithBaseline([failure], [entry('CKV_AWS_144', 'log-archive/access_logs_bucket_*')]).unaccepted).toEqual([failure]);
    expect(compareWithBaseline([failure], [entry('CKV_AWS_145', 'log-archive/access_logs')]).unaccepted).toEqual([failure]);
    expect(compareWithBaseline([failure], [entry('CKV_AWS_145', 'LOG-ARCHIVE/access_logs_bucket_*')]).unaccepted).toEqual([failure]);
  });
});

describe('reports that cannot be compared', () => {
  it('refuses a report with files checkov could not parse, a report of nothing, and what is not JSON', () => {
    const summary = { passed: 0, failed: 0, skipped: 0, parsing_errors: 0, resource_count: 0, checkov_version: CHECKOV_VERSION };
    expect(() => checkovResults(JSON.stringify({ summary: { ...summary, parsing_errors: 2 } }), 'out/stacks')).toThrow(
      new UserError('checkov could not parse 2 file(s) of out/stacks'),
    );
    expect(() => checkovResults(JSON.stringify({ summary }), 'out/stacks')).toThrow(
      new UserError('checkov found no Terraform JSON to check in out/stacks: synthesize first (npm run synth)'),
    );
    expect(() => checkovResults('Traceback (most recent call last):', 'out/stacks')).toThrow(UserError);
  });
});

describe('npm run scan -- --results', () => {
  it('exits 0 on the example, 1 on checks the baseline does not accept, with the list on standard output', () => {
    expect(runEntry('lib/cli/scan.ts', ['--results', join(FIXTURES, 'example.json')], {})).toMatchObject({ status: 0, stderr: '' });
    const failing = runEntry('lib/cli/scan.ts', ['--results', join(FIXTURES, 'before-hardening.json')], {});
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('35 failed check(s) the baseline does not accept:');
  });
});
