/** Where a control is deployed. */
import type { AwsRegion } from '../iam/aws-regions';
import type { DeployedControl } from '../model/detective-controls';

/** A global control in the home region only, so that its resources are evaluated, and billed, once; any other in every governed region. */
export function controlRegions(control: Pick<DeployedControl, 'global'>, homeRegion: AwsRegion, governedRegions: readonly AwsRegion[]): readonly AwsRegion[] {
  return control.global ? [homeRegion] : governedRegions;
}
