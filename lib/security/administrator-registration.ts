/**
 * The registration of the security account as a service's delegated administrator, made
 * from the management account. It is made in the security stack, after the service is on
 * in the security account: registering an account that has no GuardDuty detector creates
 * one, which the stack's own detector would then collide with (Security Hub alike).
 */
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';

export interface AdministratorRegistration {
  /** A provider with the management account's credentials. */
  readonly managementProvider: AwsProvider;
  /** The account registered: the security account, where the stack runs. */
  readonly administratorAccountId: string;
}
