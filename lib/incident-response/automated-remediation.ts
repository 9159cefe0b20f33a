/**
 * The remediations turned on, in one account's baseline: in each governed region, a rule on
 * the default bus that starts the remediation's AWS-owned runbook when Security Hub reports
 * one of its controls failed for a resource of this account. Security Hub sends each finding
 * to the account it concerns, in the region it arose in, so each account fixes its own
 * resources with a role of its own, and nothing organization-wide lists the accounts. The
 * security account, which also receives every other account's findings, acts on its own.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { automationDefinitionArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { policyText } from '../iam/policy-document';
import { REMEDIATION_ROLE, REMEDIATION_STARTER_ROLE, remediationRuleName } from '../resource-names';
import { serviceRole } from '../terraform/service-role';
import { regionName } from '../terraform/terraform-names';
import type { Remediation } from './remediation-catalogue';

const FINDING_PATH = '$.detail.findings[0].';

/**
 * `{ Resources: { Details: { ...: { GroupId: [{ exists: true }] } } } }` for the finding
 * fields the runbook's parameters are read from: Security Hub leaves `Resources[].Details`
 * out of a finding over 240 KB, and a runbook started without its parameter only fails.
 */
function parameterFieldsPresent(remediation: Remediation): Record<string, unknown> {
  const pattern: Record<string, unknown> = {};
  for (const path of Object.values(remediation.parameters)) {
    if (!path.startsWith(FINDING_PATH)) throw new Error(`${remediation.id} reads ${path}, outside the finding`);
    const fields = path
      .slice(FINDING_PATH.length)
      .replace(/\[\d+\]/g, '')
      .split('.');
    let level = pattern;
    for (const field of fields.slice(0, -1)) level = (level[field] ??= {}) as Record<string, unknown>;
    level[fields[fields.length - 1]] = [{ exists: true }];
  }
  return pattern;
}

/** The findings a remediation acts on: a failed control of the remediation, new and active, of this account, from the region it arose in, with what its runbook is given. */
export function remediationPattern(remediation: Remediation, scope: { readonly accountId: string; readonly region: string }): string {
  return JSON.stringify({
    source: ['aws.securityhub'],
    'detail-type': ['Security Hub Findings - Imported'],
    detail: {
      findings: {
        Compliance: { SecurityControlId: [...remediation.controls], Status: ['FAILED'] },
        Workflow: { Status: ['NEW'] },
        RecordState: ['ACTIVE'],
        AwsAccountId: [scope.accountId],
        Region: [scope.region],
        ...parameterFieldsPresent(remediation),
      },
    },
  });
}

export interface AutomatedRemediationProps {
  /** The governed regions, where findings arise. */
  readonly regions: readonly AwsRegion[];
  /** The account of the baseline; may be a reference. */
  readonly accountId: string;
  /** The remediations turned on. */
  readonly remediations: readonly Remediation[];
}

export class AutomatedRemediation extends Construct {
  constructor(scope: Construct, id: string, props: AutomatedRemediationProps) {
    super(scope, id);
    const { accountId, remediations } = props;
    const onlyForThisAccount = { 'aws:SourceAccount': accountId };
    const runbookRole = serviceRole(this, 'role', { name: REMEDIATION_ROLE, service: 'ssm.amazonaws.com', onlyFor: onlyForThisAccount });
    new IamRolePolicy(this, 'role_policy', {
      role: runbookRole.name,
      name: 'remediate',
      policy: policyText({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: [...new Set(remediations.flatMap((remediation) => remediation.permissions))].sort(), Resource: '*' }],
      }),
    });
    const starterRole = serviceRole(this, 'starter_role', { name: REMEDIATION_STARTER_ROLE, service: 'events.amazonaws.com', onlyFor: onlyForThisAccount });
    new IamRolePolicy(this, 'starter_role_policy', {
      role: starterRole.name,
      name: 'start-remediations',
      policy: policyText({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'ssm:StartAutomationExecution',
            Resource: remediations.map((remediation) => automationDefinitionArn('*', '*', remediation.runbook, '*')),
          },
          { Effect: 'Allow', Action: 'iam:PassRole', Resource: runbookRole.arn, Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } } },
        ],
      }),
    });

    for (const region of props.regions) {
      for (const remediation of remediations) {
        const name = `${remediation.id.replace(/-/g, '_')}_${regionName(region)}`;
        const rule = new CloudwatchEventRule(this, `rule_${name}`, {
          region,
          name: remediationRuleName(remediation.id),
          description: `Remediates ${remediation.controls.join(', ')} with ${remediation.runbook}: ${remediation.title}`,
          eventPattern: remediationPattern(remediation, { accountId, region }),
        });
        const parameters = Object.fromEntries(Object.keys(remediation.parameters).map((parameter) => [parameter, [`<${parameter}>`]]));
        new CloudwatchEventTarget(this, `target_${name}`, {
          region,
          rule: rule.name,
          targetId: 'remediation-runbook',
          // AWS's own runbooks are named with no account.
          arn: automationDefinitionArn(region, '', remediation.runbook, '$DEFAULT'),
          roleArn: starterRole.arn,
          inputTransformer: {
            inputPaths: { ...remediation.parameters },
            inputTemplate: JSON.stringify({ ...parameters, AutomationAssumeRole: [runbookRole.arn] }),
          },
        });
      }
    }
  }
}
