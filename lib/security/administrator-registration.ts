/**
 * The registration of the security account as a service's delegated administrator, made
 * from the management account. It is made in the security stack, after the service is on
 * in the security account: registering an account that has no GuardDuty detector creates
 * one, which the stack's own detector would then collide with (Security Hub alike).
 */
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { TerraformDependable } from '../terraform/terraform-types';

export interface AdministratorRegistration {
  /** A provider with the management account's credentials. */
  readonly managementProvider: AwsProvider;
  /** The account registered: the security account, where the stack runs. */
  readonly administratorAccountId: string;
}

/**
 * Registrations of one service's administrator, one region after another, the home region
 * first: registering in many regions at once has failed (one region succeeds, the others
 * fail on the registration still in progress). Each waits for the one made before it.
 */
export class RegistrationsInTurn {
  private previous: readonly TerraformDependable[] = [];

  /** What the next registration depends on: `dependencies`, and the registration before it; nothing for the first on its own. */
  after(...dependencies: TerraformDependable[]): TerraformDependable[] | undefined {
    const all = [...dependencies, ...this.previous];
    return all.length > 0 ? all : undefined;
  }

  /** Records the registration just made, for the next one to wait for. */
  made<T extends TerraformDependable>(registration: T): T {
    this.previous = [registration];
    return registration;
  }
}
