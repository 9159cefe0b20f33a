/**
 * IAM Access Analyzer for the organization: findings on resources shared outside it, in
 * each region (an analyzer is regional). Created in the scope given, for the reason
 * `organization/organization.ts` gives.
 */
import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { regionName } from '../terraform/terraform-names';

export function organizationAccessAnalyzers(scope: Construct, regions: readonly AwsRegion[]): void {
  for (const region of regions) {
    new AccessanalyzerAnalyzer(scope, `access_analyzer_${regionName(region)}`, { region, analyzerName: 'organization', type: 'ORGANIZATION' });
  }
}
