/**
 * The automated remediations a configuration may turn on: each a failed Security Hub control
 * that an AWS-owned Automation runbook fixes without judgement, in the account and region of
 * the finding. Each names the controls it answers, the runbook, where the runbook's
 * parameters come from in the finding, and what the runbook needs to be allowed to do (as
 * AWS documents for the runbook). None is on by default: a remediation changes a resource
 * a team owns, and the team should know it will. The README lists them from here.
 */
import type { RemediationId } from '../config/schemas/incident-response';

export interface Remediation {
  readonly id: RemediationId;
  /** One line: what it fixes. */
  readonly title: string;
  /** One or two sentences: what the runbook does, and what a team may notice. */
  readonly why: string;
  /** Security Hub controls (consolidated control findings) whose failure starts it. */
  readonly controls: readonly string[];
  /** The AWS-owned Automation runbook. */
  readonly runbook: string;
  /** Each runbook parameter and the JSON path of its value in the Security Hub finding event. */
  readonly parameters: Readonly<Record<string, string>>;
  /** The actions the runbook's role needs, as AWS documents them for the runbook. */
  readonly permissions: readonly string[];
}

/**
 * The runbooks take a group id (`sg-...`); `Resources[0].Id`, which every finding has, is the
 * group's ARN, and an input transformer cannot cut it. A finding over 240 KB, which has no
 * `Details`, starts no runbook (`remediationPattern`) and stays a finding to act on by hand.
 */
const SECURITY_GROUP_ID = '$.detail.findings[0].Resources[0].Details.AwsEc2SecurityGroup.GroupId';

export const REMEDIATION_CATALOGUE: readonly Remediation[] = [
  {
    id: 'close-default-security-group',
    title: 'Removes every rule of a VPC default security group',
    why: 'AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules empties a default security group that allows traffic (EC2.2). Resources still in the default group lose their network access, which is the point: nothing should rely on it.',
    controls: ['EC2.2'],
    runbook: 'AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules',
    parameters: { GroupId: SECURITY_GROUP_ID },
    permissions: [
      'ssm:StartAutomationExecution',
      'ssm:GetAutomationExecution',
      'ec2:DescribeSecurityGroups',
      'ec2:RevokeSecurityGroupEgress',
      'ec2:RevokeSecurityGroupIngress',
    ],
  },
  {
    id: 'close-public-ssh',
    title: 'Removes rules that open SSH (port 22) to the internet',
    why: 'AWS-DisableIncomingSSHOnPort22 removes the rules of a security group that allow SSH from anywhere (EC2.13). Sessions should go through Session Manager; a team that still connects by SSH from outside loses that path.',
    controls: ['EC2.13'],
    runbook: 'AWS-DisableIncomingSSHOnPort22',
    parameters: { SecurityGroupIds: SECURITY_GROUP_ID },
    permissions: ['ec2:DescribeSecurityGroups', 'ec2:RevokeSecurityGroupIngress'],
  },
];

/** The definition of `id`. */
export function remediation(id: RemediationId): Remediation {
  const definition = REMEDIATION_CATALOGUE.find((candidate) => candidate.id === id);
  if (!definition) throw new Error(`the remediation catalogue lacks ${id}`);
  return definition;
}
