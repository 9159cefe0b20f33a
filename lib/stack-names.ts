/** Stack names: each is a directory under cdktf.out/stacks and the key of a Terraform state. */
import type { Account } from './model/landing-zone';

export const MANAGEMENT_STACK = 'management';

export function accountStackName(account: Account): string {
  return `account-${account.key}`;
}

export function accountBaselineStackName(account: Account): string {
  return `baseline-${account.key}`;
}

export const LOG_ARCHIVE_STACK = 'log-archive';
export const ORGANIZATION_SERVICES_STACK = 'organization-services';
export const SECURITY_STACK = 'security';
