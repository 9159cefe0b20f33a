/**
 * The requests whose outcome a changed SCP flips, as the review shows them on the example:
 * each one named with the accounts where it flips, and each checked against the IAM policy
 * simulator on the SCP chains of both outputs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { renderMarkdown, renderTerminal } from '../../lib/review/render-text';
import type { RequestFlip, ReviewReport } from '../../lib/review/report';
import { withRequestFlips } from '../../lib/review/request-flips';
import { reviewOutputs } from '../../lib/review/review';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import { copyExample, copyOfExampleOutput, editFile, governRegion, synthesize } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { serviceControlPolicyChain } from '../support/scp-chain';

const ADMINISTRATOR = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

async function reviewed(after: string): Promise<ReviewReport> {
  const [before, changed] = [readSynthesizedOutput(exampleOutput()), readSynthesizedOutput(after)];
  return withRequestFlips(reviewOutputs(before, changed), before, changed);
}

/** A copy of the example's output whose organization policy `name` has its content edited, as by hand. */
function outputWithPolicyContent(name: string, edit: (content: string) => string): string {
  const copy = copyOfExampleOutput();
  const file = join(copy, 'stacks', 'management', 'cdk.tf.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const policy = Object.values<{ name: string; content: string }>(json.resource.aws_organizations_policy).find((candidate) => candidate.name === name)!;
  policy.content = edit(policy.content);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return copy;
}

/** What the simulator decides for the flip's request in an account of an output: `Allowed` or `ExplicitlyDenied`. */
async function simulated(outdir: string, account: string, flip: RequestFlip): Promise<string> {
  const accountId = flip.principal.split(':')[4];
  const given = flip.given.map((entry) => (entry.endsWith(' set') ? [entry.slice(0, -' set'.length), 'other-value'] : entry.split('=')));
  const tags = given.filter(([key]) => key.startsWith('aws:RequestTag/')).map(([key]) => key.slice('aws:RequestTag/'.length));
  const response = await runSimulation(
    {
      request: {
        principal: flip.principal,
        action: flip.action,
        resource: { resource: flip.resource, accountId },
        contextVariables: {
          'aws:PrincipalArn': flip.principal,
          'aws:PrincipalAccount': accountId,
          'aws:RequestedRegion': flip.region,
          ...Object.fromEntries(given),
          ...(tags.length > 0 ? { 'aws:TagKeys': tags } : {}),
        },
      },
      identityPolicies: [ADMINISTRATOR],
      serviceControlPolicies: serviceControlPolicyChain(outdir, account),
      resourceControlPolicies: [],
    },
    {},
  );
  if (response.resultType === 'error') throw new Error(`the simulation rejected its input: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

describe('requests a changed SCP flips', () => {
  it('a region opened in the region deny: a request there, denied before and allowed after, in every account the deny reaches', async () => {
    const directory = copyExample();
    governRegion(directory, 'eu-north-1');
    const outdir = await synthesize(directory);
    const report = await reviewed(outdir);
    const flip = report.requests.find((request) => request.policy === 'region-deny' && request.region === 'eu-north-1');
    expect(flip).toMatchObject({
      policyType: 'SERVICE_CONTROL_POLICY',
      before: { decision: 'denied', by: 'SCP region-deny (DenyOutsideGovernedRegions)' },
      after: { decision: 'allowed' },
      accounts: ['log-archive', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services'],
    });
    for (const account of ['payments-prod', 'security']) {
      expect(await simulated(exampleOutput(), account, flip!)).toBe('ExplicitlyDenied');
      expect(await simulated(outdir, account, flip!)).toBe('Allowed');
    }
    expect(flip!.sentence).toMatch(
      /^SCP region-deny: ec2:RunInstances in eu-north-1 by any role .*, in log-archive, .*: denied by SCP region-deny \(DenyOutsideGovernedRegions\) -> allowed$/,
    );
    expect(renderTerminal(report, false)).toContain(`Requests that change (${report.requests.length})\n  - ${flip!.sentence}`);
    // The region risk's why gives the request as its instance, without the accounts it names already.
    expect(report.risks.find((risk) => risk.kind === 'region-changed')?.why).toMatch(
      /^For instance, ec2:RunInstances in eu-north-1 by any role .*: denied by SCP region-deny \(DenyOutsideGovernedRegions\) -> allowed\. It reaches production or core accounts: log-archive, payments-prod, security\. /,
    );
    expect(renderMarkdown(report)).toContain('#### Requests that change');
  });

  it('a region no longer governed: a request there, allowed before and denied by the region deny after', async () => {
    const directory = copyExample();
    editFile(directory, 'landing-zone.yaml', (text) =>
      text
        .replace('governedRegions:\n  - eu-west-1\n  - eu-central-1\n', 'governedRegions:\n  - eu-west-1\n')
        .replace('    eu-central-1: vpc-0f1e2d3c4b5a69788\n', '')
        .replace(/ {4}eu-central-1:\n {6}AWSManagedDomainsMalwareDomainList: \S+\n {6}AWSManagedDomainsBotnetCommandandControl: \S+\n/, '')
        .replace('    secondRegion: eu-central-1\n', ''),
    );
    const outdir = await synthesize(directory);
    const flip = (await reviewed(outdir)).requests.find((request) => request.policy === 'region-deny' && request.region === 'eu-central-1');
    expect(flip).toMatchObject({
      before: { decision: 'allowed' },
      after: { decision: 'denied', by: 'SCP region-deny (DenyOutsideGovernedRegions)' },
      accounts: ['log-archive', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services'],
    });
    expect(await simulated(exampleOutput(), 'shared-services', flip!)).toBe('Allowed');
    expect(await simulated(outdir, 'shared-services', flip!)).toBe('ExplicitlyDenied');
  });

  describe('an exempt role added to the guardrails', () => {
    let outdir: string;
    let report: ReviewReport;
    beforeAll(async () => {
      const directory = copyExample();
      editFile(directory, 'landing-zone.yaml', (text) =>
        text.replace('    - arn:aws:iam::*:role/BreakGlassAdmin\n', '    - arn:aws:iam::*:role/BreakGlassAdmin\n    - arn:aws:iam::*:role/DataPipeline\n'),
      );
      outdir = await synthesize(directory);
      report = await reviewed(outdir);
    });

    it('shows requests by a role the new pattern matches, denied before and allowed after', async () => {
      const flips = report.requests.filter((request) => request.policy === 'protect-security-services');
      expect(flips.length).toBeGreaterThan(0);
      expect(flips.length).toBeLessThanOrEqual(3);
      for (const flip of flips) {
        expect(flip.principal).toMatch(/:role\/DataPipeline$/);
        expect(flip).toMatchObject({ before: { decision: 'denied' }, after: { decision: 'allowed' } });
        expect(flip.accounts).toContain('payments-prod');
        expect(await simulated(exampleOutput(), 'payments-prod', flip)).toBe('ExplicitlyDenied');
        expect(await simulated(outdir, 'payments-prod', flip)).toBe('Allowed');
      }
    });

    it('shows none for the SCPs whose text it leaves alone', () => {
      const policies = new Set(report.requests.map((request) => request.policy));
      expect(policies.has('deny-all')).toBe(false);
      expect(policies.has('deny-leaving-organization')).toBe(false);
      expect(policies.has('protect-security-services')).toBe(true);
    });
  });

  it('an RCP that stops denying a service: a request to it over plain HTTP, denied before and allowed after', async () => {
    const copy = outputWithPolicyContent('enforce-secure-transport', (content) => content.replace('"sqs:*",', ''));
    const [flip, ...others] = (await reviewed(copy)).requests;
    expect(others).toEqual([]);
    expect(flip).toMatchObject({
      policy: 'enforce-secure-transport',
      policyType: 'RESOURCE_CONTROL_POLICY',
      action: expect.stringMatching(/^sqs:/),
      given: ['aws:SecureTransport=false'],
      before: { decision: 'denied', by: 'RCP enforce-secure-transport (EnforceSecureTransport)' },
      after: { decision: 'allowed' },
    });
    expect(flip.accounts).toContain('payments-prod');
    expect(flip.accounts).not.toContain('management');
  });

  it('a changed SCP the evaluator cannot read, in an output edited by hand, is a warning and the rest of the review stands', async () => {
    const copy = outputWithPolicyContent('region-deny', (content) => content.replace('"eu-central-1"', '"${aws_ssm_parameter.region.value}"'));
    const report = await reviewed(copy);
    expect(report.requests).toEqual([]);
    expect(report.warnings).toEqual([
      'the requests SCP region-deny flips are not shown: a policy refers to ${aws_ssm_parameter.region.value}, which the review cannot resolve',
    ]);
    expect(report.risks.length).toBeGreaterThan(0);
  });

  it('shows none when no SCP or RCP changes', async () => {
    const directory = copyExample();
    editFile(directory, 'landing-zone.yaml', (text) => text.replace('sessionDuration: PT1H', 'sessionDuration: PT12H'));
    const report = await reviewed(await synthesize(directory));
    expect(report.stacks.length).toBeGreaterThan(0);
    expect(report.requests).toEqual([]);
  });
});
