/**
 * The AWS provider of each kind of stack. Regional resources name their region with the
 * `region` argument of AWS provider 6, so one provider (one set of credentials, one
 * role session) serves every governed region of an account. The Cloud Control provider
 * (awscc) reads what AWS provider 6.25 cannot look up; it has no `region` argument on its
 * data sources, so it takes one provider a region.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformProvider } from 'cdktf';
import type { Construct } from 'constructs';
import { iamRoleArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { regionName } from './terraform-names';

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

/**
 * The Cloud Control provider's releases that have the data sources the landing zone reads
 * (`awscc_route53resolver_firewall_domain_lists` and `..._domain_list`); there are no
 * prebuilt cdktf bindings of it here, so its blocks are written as Terraform names them.
 */
const AWSCC_VERSION = '~> 1.0';

class CloudControlProvider extends TerraformProvider {
  constructor(
    scope: Construct,
    id: string,
    private readonly providerAlias: string,
    private readonly attributes: Record<string, unknown>,
  ) {
    super(scope, id, {
      terraformResourceType: 'awscc',
      terraformGeneratorMetadata: { providerName: 'awscc', providerVersionConstraint: AWSCC_VERSION },
      terraformProviderSource: 'hashicorp/awscc',
    });
  }

  override get alias(): string {
    return this.providerAlias;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.attributes;
  }
}

export interface MemberAccountCloudControlProviderProps {
  /** The one region the provider reads in. */
  readonly region: AwsRegion;
  /** A literal id or a reference to another stack's state. */
  readonly accountId: string;
  /** The role assumed in the account. */
  readonly roleName: string;
}

/** Assumes `roleName` in the member account `accountId`, in `region`, as the stack's AWS providers do; aliased by the region. */
export function memberAccountCloudControlProvider(scope: Construct, props: MemberAccountCloudControlProviderProps): TerraformProvider {
  const alias = regionName(props.region);
  return new CloudControlProvider(scope, `awscc_${alias}`, alias, {
    region: props.region,
    assume_role: { role_arn: iamRoleArn(props.accountId, props.roleName), session_name: SESSION_NAME },
  });
}
