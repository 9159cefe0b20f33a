/**
 * Forwards the events the security alerts watch from one account to the central bus in
 * the security account. CloudTrail delivers an API call's event to EventBridge only in
 * the account and region where the call was made, so every account forwards from every
 * governed region, and from us-east-1, where global services (IAM, CloudFront and its
 * WAF, console sign-in) emit theirs. The bus admits the organization's accounts through
 * their organization id, and EventBridge then requires a role to put events on it.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { ForwardingRule } from './forwarding-rules';
import type { AwsRegion } from '../iam/aws-regions';
import { ALERT_FORWARDER_ROLE, forwardingRuleName } from '../resource-names';
import { policyText } from '../iam/policy-document';
import { regionName } from '../terraform/terraform-names';
import { serviceRole } from '../terraform/service-role';

export interface AlertForwardingProps {
  /** The governed regions and us-east-1, each once. */
  readonly regions: readonly AwsRegion[];
  /** The forwarding rules of one region. */
  readonly rulesIn: (region: AwsRegion) => readonly ForwardingRule[];
  /** The central bus in the security account, which the rules target. */
  readonly centralBusArn: string;
  /** EventBridge may assume the forwarder role for this account only. */
  readonly accountId: string;
}

export class AlertForwarding extends Construct {
  constructor(scope: Construct, id: string, props: AlertForwardingProps) {
    super(scope, id);
    const role = serviceRole(this, 'role', { name: ALERT_FORWARDER_ROLE, service: 'events.amazonaws.com', onlyFor: { 'aws:SourceAccount': props.accountId } });
    new IamRolePolicy(this, 'role_policy', {
      role: role.name,
      name: 'put-events-on-central-bus',
      policy: policyText({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: props.centralBusArn }] }),
    });

    for (const region of props.regions) {
      for (const forwarding of props.rulesIn(region)) {
        const name = `${forwarding.number}_${regionName(region)}`;
        const rule = new CloudwatchEventRule(this, `rule_${name}`, {
          region,
          name: forwardingRuleName(forwarding.number),
          description: `Forwards to the central security bus the events of: ${forwarding.alertIds.join(', ')}`,
          eventPattern: forwarding.eventPattern,
        });
        new CloudwatchEventTarget(this, `target_${name}`, {
          region,
          rule: rule.name,
          targetId: 'central-security-bus',
          arn: props.centralBusArn,
          roleArn: role.arn,
        });
      }
    }
  }
}
