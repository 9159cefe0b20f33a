/**
 * Organization-wide services run from the management account: the organization trail,
 * the security account's registration as delegated administrator of the security
 * services but GuardDuty and Security Hub (see the security stack), the organization's
 * cost anomaly monitor, and AWS RAM's sharing with the organization when a Firewall
 * Manager policy needs it.
 *
 * They are not in the management stack because the trail needs the log archive's key,
 * the log archive needs its account, and the account stacks need the management stack's
 * OUs: with the trail there, the stacks would depend on each other in a circle.
 */

import type { Construct } from 'constructs';
import type { OrganizationTrailConfig } from '../lib/config/schemas/organization-trail';
import type { SecurityServicesConfig } from '../lib/config/schemas/security-services';
import type { AwsRegion } from '../lib/iam/aws-regions';
import { organizationTrail } from '../lib/log-archive/organization-trail';
import type { LandingZone, MemberAccount } from '../lib/model/landing-zone';
import { costAnomalyMonitor } from '../lib/organization/cost-anomaly-monitor';
import { resourceSharingWithOrganization } from '../lib/organization/resource-sharing';
import { delegateSecurityServices } from '../lib/security/delegated-administrators';
import { managementAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { accountIdIn, cloudTrailKeyArnIn } from './stack-outputs';

export interface OrganizationServicesStackProps {
  /** The provider refuses credentials of any other account; the trail is owned by it. */
  readonly managementAccountId: string;
  /** Registered as delegated administrator. */
  readonly securityAccount: MemberAccount;
  /** Where the trail is. */
  readonly homeRegion: AwsRegion;
  /** Inspector, Macie and Detective are delegated in each. */
  readonly governedRegions: readonly AwsRegion[];
  /** Name, data events and CloudWatch Logs delivery of the trail. */
  readonly organizationTrail: OrganizationTrailConfig;
  /** The log archive's trail bucket; its key is read from the log archive stack's state. */
  readonly trailBucket: string;
  /** Which services are delegated. */
  readonly securityServices: SecurityServicesConfig;
  /** The threshold and recipients of the cost anomaly monitor. */
  readonly costAnomalyDetection: LandingZone['costAnomalyDetection'];
  /**
   * Turn on AWS RAM's sharing with the organization (DNS Firewall and Network Firewall policies of Firewall Manager share their rule groups so).
   * @default false
   */
  readonly resourceSharing?: boolean;
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
}

export class OrganizationServicesStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: OrganizationServicesStackProps) {
    super(scope, name, props.stateBackend);
    const { managementAccountId, homeRegion } = props;
    managementAccountProvider(this, { region: homeRegion, managementAccountId });
    const securityAccountId = accountIdIn(this, props.securityAccount, props.stateBackend);

    organizationTrail(this, {
      trail: props.organizationTrail,
      region: homeRegion,
      managementAccountId,
      bucket: props.trailBucket,
      kmsKeyArn: cloudTrailKeyArnIn(this, props.stateBackend),
    });
    delegateSecurityServices(this, {
      securityAccountId,
      managementAccountId,
      governedRegions: props.governedRegions,
      securityServices: props.securityServices,
    });
    costAnomalyMonitor(this, props.costAnomalyDetection);
    if (props.resourceSharing) resourceSharingWithOrganization(this);
  }
}
