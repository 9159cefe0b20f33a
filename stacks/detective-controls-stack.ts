/**
 * The organization's detective controls, from the security account as AWS Config's
 * delegated administrator: the organization Config rules and conformance packs of the
 * controls attached to the root. Applied after every baseline, since AWS Config makes
 * each rule in every account and refuses it where no recorder runs yet. Only while some
 * control or pack is deployed from the root.
 */
import type { Construct } from 'constructs';
import { OrganizationDetectiveControls } from '../lib/detective-controls/organization-detective-controls';
import type { AwsRegion } from '../lib/iam/aws-regions';
import type { DetectiveControlSet } from '../lib/model/detective-controls';
import type { MemberAccount } from '../lib/model/landing-zone';
import { memberAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { accountIdIn } from './stack-outputs';

export interface DetectiveControlsStackProps {
  /** AWS Config's delegated administrator; the stack runs inside it. */
  readonly securityAccount: MemberAccount;
  /** The role assumed in the security account. */
  readonly accountAccessRole: string;
  /** Where global controls are evaluated, and the region of the provider. */
  readonly homeRegion: AwsRegion;
  /** Regional controls and conformance packs are deployed in each. */
  readonly governedRegions: readonly AwsRegion[];
  /** The controls and conformance packs attached to the root. */
  readonly detectiveControls: DetectiveControlSet;
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
}

export class DetectiveControlsStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: DetectiveControlsStackProps) {
    super(scope, name, props.stateBackend);
    const securityAccountId = accountIdIn(this, props.securityAccount, props.stateBackend);
    memberAccountProvider(this, { region: props.homeRegion, accountId: securityAccountId, roleName: props.accountAccessRole });
    new OrganizationDetectiveControls(this, 'organization', {
      detectiveControls: props.detectiveControls,
      homeRegion: props.homeRegion,
      governedRegions: props.governedRegions,
    });
  }
}
