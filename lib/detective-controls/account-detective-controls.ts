/**
 * The detective controls of one account, in its baseline: each control as a Config rule in
 * every governed region (a global control in the home region only), its remediation with
 * AWS's runbook where turned on, through a role of the account that Systems Manager
 * assumes, and each custom conformance pack in every governed region. Each rule and pack
 * waits for the recorder of its region: AWS Config refuses a rule before the recorder.
 */
import { ConfigConfigRule } from '@cdktf/provider-aws/lib/config-config-rule';
import type { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { ConfigConformancePack } from '@cdktf/provider-aws/lib/config-conformance-pack';
import { ConfigRemediationConfiguration } from '@cdktf/provider-aws/lib/config-remediation-configuration';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { policyText } from '../iam/policy-document';
import type { DeployedControl, DetectiveControlSet } from '../model/detective-controls';
import { CONFIG_REMEDIATION_ROLE } from '../resource-names';
import { serviceRole } from '../terraform/service-role';
import { kebabName, regionName } from '../terraform/terraform-names';
import { controlRegions } from './control-regions';

export interface AccountDetectiveControlsProps {
  /** The controls and conformance packs of this account. */
  readonly detectiveControls: DetectiveControlSet;
  /** Where global controls are evaluated. */
  readonly homeRegion: AwsRegion;
  /** Regional controls and conformance packs are deployed in each. */
  readonly governedRegions: readonly AwsRegion[];
  /** The recorder's status in each governed region. */
  readonly recording: ReadonlyMap<AwsRegion, ConfigConfigurationRecorderStatus>;
  /** Systems Manager may assume the remediation role for this account only. */
  readonly accountId: string;
}

export class AccountDetectiveControls extends Construct {
  constructor(scope: Construct, id: string, props: AccountDetectiveControlsProps) {
    super(scope, id);
    const { controls, conformancePacks } = props.detectiveControls;
    const recordingIn = (region: AwsRegion) => {
      const status = props.recording.get(region);
      if (!status) throw new Error(`no Config recorder in ${region}`);
      return status;
    };
    const remediated = controls.filter((control) => control.remediation);
    const remediationRoleArn = remediated.length > 0 ? remediationRole(this, remediated, props.accountId) : undefined;

    for (const control of controls) {
      for (const region of controlRegions(control, props.homeRegion, props.governedRegions)) {
        const suffix = `${kebabName(control.id)}_${regionName(region)}`;
        const rule = new ConfigConfigRule(this, `rule_${suffix}`, {
          region,
          name: control.ruleName,
          source: { owner: 'AWS', sourceIdentifier: control.sourceIdentifier },
          inputParameters: control.inputParameters,
          scope: control.resourceTypesScope ? { complianceResourceTypes: [...control.resourceTypesScope] } : undefined,
          dependsOn: [recordingIn(region)],
        });
        if (control.remediation && remediationRoleArn) {
          new ConfigRemediationConfiguration(this, `remediation_${suffix}`, {
            region,
            configRuleName: rule.name,
            targetType: 'SSM_DOCUMENT',
            targetId: control.remediation.documentName,
            parameter: [
              { name: 'AutomationAssumeRole', staticValue: remediationRoleArn },
              { name: control.remediation.resourceIdParameter, resourceValue: 'RESOURCE_ID' },
            ],
            automatic: control.remediation.automatic,
            maximumAutomaticAttempts: control.remediation.maximumAutomaticAttempts,
            retryAttemptSeconds: control.remediation.retryAttemptSeconds,
          });
        }
      }
    }
    for (const pack of conformancePacks) {
      for (const region of props.governedRegions) {
        new ConfigConformancePack(this, `conformance_pack_${kebabName(pack.name)}_${regionName(region)}`, {
          region,
          name: pack.name,
          templateBody: pack.templateBody,
          dependsOn: [recordingIn(region)],
        });
      }
    }
  }
}

/** The role the runbooks run as: what each of them needs, on any resource of the account (the runbook names the resource). */
function remediationRole(scope: Construct, controls: readonly DeployedControl[], accountId: string): string {
  const role = serviceRole(scope, 'remediation_role', {
    name: CONFIG_REMEDIATION_ROLE,
    service: 'ssm.amazonaws.com',
    onlyFor: { 'aws:SourceAccount': accountId },
  });
  const actions = [...new Set(controls.flatMap((control) => control.remediation?.actions ?? []))].sort();
  new IamRolePolicy(scope, 'remediation_policy', {
    role: role.name,
    name: 'run-remediation-runbooks',
    policy: policyText({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }),
  });
  return role.arn;
}
