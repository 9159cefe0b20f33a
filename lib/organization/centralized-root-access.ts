/**
 * Centralized root access: IAM deletes and keeps deleted the root credentials of member
 * accounts (`RootCredentialsManagement`), and the management account does the few tasks
 * that need the root user in a root session (`RootSessions`: `sts:AssumeRoot`, scoped by
 * AWS to one task, such as unlocking a bucket whose policy denies everyone). A member
 * account then has no root password, access key or MFA device to steal. It needs IAM's
 * trusted access, which the organization gives (`iam.amazonaws.com`).
 * Created in the scope given, for the reason `organization.ts` gives.
 */
import { IamOrganizationsFeatures } from '@cdktf/provider-aws/lib/iam-organizations-features';
import type { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import type { Construct } from 'constructs';

export const CENTRALIZED_ROOT_ACCESS_FEATURES = ['RootCredentialsManagement', 'RootSessions'];

export function centralizedRootAccess(scope: Construct, organization: OrganizationsOrganization): IamOrganizationsFeatures {
  return new IamOrganizationsFeatures(scope, 'centralized_root_access', {
    enabledFeatures: [...CENTRALIZED_ROOT_ACCESS_FEATURES],
    // IAM's trusted access comes with the organization's service access principals.
    dependsOn: [organization],
  });
}
