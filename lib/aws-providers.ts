/**
 * The AWS provider of each kind of stack. Regional resources name their region with the
 * `region` argument of AWS provider 6, so one provider (one set of credentials, one
 * role session) serves every governed region of an account.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';
import type { AwsRegion } from './config/aws-regions';

const SESSION_NAME = 'landing-zone';

/**
 * Runs with the pipeline's management-account credentials, and refuses any other account.
 * With an alias, it serves the resources that name it, beside the stack's default provider.
 */
export function managementAccountProvider(scope: Construct, props: { homeRegion: AwsRegion; managementAccountId: string; alias?: string }): AwsProvider {
  return new AwsProvider(scope, props.alias ? `aws_${props.alias}` : 'aws', {
    alias: props.alias,
    region: props.homeRegion,
    allowedAccountIds: [props.managementAccountId],
  });
}

/** Assumes `roleName` in the member account `accountId` (a literal or a token), and refuses any other account. */
export function memberAccountProvider(scope: Construct, props: { homeRegion: AwsRegion; accountId: string; roleName: string }): AwsProvider {
  return new AwsProvider(scope, 'aws', {
    region: props.homeRegion,
    allowedAccountIds: [props.accountId],
    assumeRole: [{ roleArn: `arn:aws:iam::${props.accountId}:role/${props.roleName}`, sessionName: SESSION_NAME }],
  });
}
