/**
 * The detective controls attached to the root, deployed by the Config delegated
 * administrator for every account of the organization at once: each control as an
 * organization Config rule (AWS makes it, as `OrgConfigRule-<name>-<suffix>`, in every
 * account, those that join later included), each custom conformance pack as an
 * organization conformance pack, in every governed region (a global control in the home
 * region only). Nothing here lists an account, so vending one changes nothing here.
 */
import { ConfigOrganizationConformancePack } from '@cdktf/provider-aws/lib/config-organization-conformance-pack';
import { ConfigOrganizationManagedRule } from '@cdktf/provider-aws/lib/config-organization-managed-rule';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import type { DetectiveControlSet } from '../model/detective-controls';
import { kebabName, regionName } from '../terraform/terraform-names';
import { controlRegions } from './control-regions';

export interface OrganizationDetectiveControlsProps {
  /** The root's controls and conformance packs. */
  readonly detectiveControls: DetectiveControlSet;
  /** Where global controls are evaluated. */
  readonly homeRegion: AwsRegion;
  /** Regional controls and conformance packs are deployed in each. */
  readonly governedRegions: readonly AwsRegion[];
}

export class OrganizationDetectiveControls extends Construct {
  constructor(scope: Construct, id: string, props: OrganizationDetectiveControlsProps) {
    super(scope, id);
    for (const control of props.detectiveControls.controls) {
      for (const region of controlRegions(control, props.homeRegion, props.governedRegions)) {
        new ConfigOrganizationManagedRule(this, `rule_${kebabName(control.id)}_${regionName(region)}`, {
          region,
          name: control.ruleName,
          ruleIdentifier: control.sourceIdentifier,
          inputParameters: control.inputParameters,
          resourceTypesScope: control.resourceTypesScope ? [...control.resourceTypesScope] : undefined,
        });
      }
    }
    for (const pack of props.detectiveControls.conformancePacks) {
      for (const region of props.governedRegions) {
        new ConfigOrganizationConformancePack(this, `conformance_pack_${kebabName(pack.name)}_${regionName(region)}`, {
          region,
          name: pack.name,
          templateBody: pack.templateBody,
        });
      }
    }
  }
}
