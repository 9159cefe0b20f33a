/**
 * The AWS provider of each kind of stack. Regional resources name their region with the
 * `region` argument of AWS provider 6, so one provider (one set of credentials, one
 * role session) serves every governed region of an account.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';
import { iamRoleArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';

const SESSION_NAME = 'landing-zone';

export interface ManagementAccountProviderProps {
  /** The region of resources that do not name their own. */
  readonly region: AwsRegion;
  /** The only account the provider accepts credentials of. */
  readonly managementAccountId: string;
  /**
   * Serves only the resources that name it, beside the stack's default provider.
   * @default the stack's default provider
   */
  readonly alias?: string;
}

/** Runs with the pipeline's management-account credentials, and refuses any other account. */
export function managementAccountProvider(scope: Construct, props: ManagementAccountProviderProps): AwsProvider {
  return new AwsProvider(scope, props.alias ? `aws_${props.alias}` : 'aws', {
    alias: props.alias,
    region: props.region,
    allowedAccountIds: [props.managementAccountId],
  });
}

export interface MemberAccountProviderProps {
  /** The region of resources that do not name their own. */
  readonly region: AwsRegion;
  /** A literal id or a reference to another stack's state. */
  readonly accountId: string;
  /** The role assumed in the account. */
  readonly roleName: string;
  /**
   * Serves only the resources that name it, beside the stack's default provider.
   * @default the stack's default provider
   */
  readonly alias?: string;
}

/** Assumes `roleName` in the member account `accountId`, and refuses any other account. */
export function memberAccountProvider(scope: Construct, props: MemberAccountProviderProps): AwsProvider {
  return new AwsProvider(scope, props.alias ? `aws_${props.alias}` : 'aws', {
    alias: props.alias,
    region: props.region,
    allowedAccountIds: [props.accountId],
    assumeRole: [{ roleArn: iamRoleArn(props.accountId, props.roleName), sessionName: SESSION_NAME }],
  });
}
