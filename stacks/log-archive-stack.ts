/**
 * The log archive, in the log-archive account (see `lib/log-archive/log-archive.ts`).
 * The organization id comes from a data source, not from the management stack, and the
 * bucket names follow from the configuration, so that the stacks writing here need no
 * state of this one but the key's ARN.
 */
import { DataAwsOrganizationsOrganization } from '@cdktf/provider-aws/lib/data-aws-organizations-organization';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { cloudTrailArn } from '../lib/iam/arns';
import type { AwsRegion } from '../lib/iam/aws-regions';
import { logArchive } from '../lib/log-archive/log-archive';
import type { LandingZone, MemberAccount } from '../lib/model/landing-zone';
import { memberAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { accountIdIn, LOG_ARCHIVE_OUTPUTS } from './stack-outputs';

export interface LogArchiveStackProps {
  /** Holds the archive; the stack runs inside it. */
  readonly logArchiveAccount: MemberAccount;
  /** May read and decrypt the logs, for investigation. */
  readonly securityAccount: MemberAccount;
  /** Owns the organization trail: its id names the trail and the trail's log prefix. */
  readonly managementAccountId: string;
  /** The role assumed in the log-archive account. */
  readonly accountAccessRole: string;
  /** Where the buckets, the key and the trail are. */
  readonly homeRegion: AwsRegion;
  /** The archive's settings and bucket names. */
  readonly logArchive: LandingZone['logArchive'];
  /** The organization trail, which alone may write to the trail bucket and use the key. */
  readonly trailName: string;
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
}

export class LogArchiveStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: LogArchiveStackProps) {
    super(scope, name, props.stateBackend);
    const { homeRegion, stateBackend } = props;
    const logArchiveAccountId = accountIdIn(this, props.logArchiveAccount, stateBackend);
    memberAccountProvider(this, { region: homeRegion, accountId: logArchiveAccountId, roleName: props.accountAccessRole });

    const key = logArchive(this, {
      logArchive: props.logArchive,
      trailName: props.trailName,
      policyContext: {
        homeRegion,
        managementAccountId: props.managementAccountId,
        organizationId: new DataAwsOrganizationsOrganization(this, 'organization').id,
        logArchiveAccountId,
        securityAccountId: accountIdIn(this, props.securityAccount, stateBackend),
        trailArn: cloudTrailArn(homeRegion, props.managementAccountId, props.trailName),
        buckets: props.logArchive.buckets,
      },
    });

    new TerraformOutput(this, LOG_ARCHIVE_OUTPUTS.cloudTrailKeyArn, { value: key.arn });
  }
}
