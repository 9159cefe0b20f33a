/**
 * The organization's IAM Identity Center instance, looked up: AWS offers no API that
 * enables the organization instance, so it is enabled once in the console, and its ARN and
 * identity store id are read, never written down.
 */
import { DataAwsSsoadminInstances } from '@cdktf/provider-aws/lib/data-aws-ssoadmin-instances';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { requireNonEmpty } from '../terraform/postconditions';

export interface IdentityCenterInstance {
  readonly instanceArn: string;
  readonly identityStoreId: string;
}

export function identityCenterInstance(scope: Construct, region: AwsRegion): IdentityCenterInstance {
  const instances = new DataAwsSsoadminInstances(scope, 'identity_center_instances', { region });
  requireNonEmpty(
    instances,
    'arns',
    `IAM Identity Center is not enabled for the organization in ${region}: enable it once in the management account's console, in ${region}, then plan again.`,
  );
  return {
    instanceArn: instances.getStringAttribute('arns[0]'),
    identityStoreId: instances.getStringAttribute('identity_store_ids[0]'),
  };
}
