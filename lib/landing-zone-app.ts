/** The cdktf app of a landing zone: one stack per Terraform state, built from the model. */
import { App } from 'cdktf';
import { AccountBaselineStack } from '../stacks/account-baseline-stack';
import { AccountStack } from '../stacks/account-stack';
import { ManagementStack } from '../stacks/management-stack';
import { memberAccounts, type LandingZone } from './model/landing-zone';
import { accountBaselineStackName, accountStackName, MANAGEMENT_STACK } from './stack-names';
import { stateBackendFor } from './state-backend';

export interface LandingZoneAppOptions {
  /** @default the cdktf CLI's output directory, else `cdktf.out` */
  readonly outdir?: string;
}

export function buildLandingZoneApp(landingZone: LandingZone, options: LandingZoneAppOptions = {}): App {
  const app = new App({ outdir: options.outdir });
  const stateBackend = stateBackendFor(landingZone.stateBackend);
  const { homeRegion, governedRegions, passwordPolicy, managementAccount } = landingZone;
  const managementAccountId = managementAccount.existingAccountId;

  const management = new ManagementStack(app, MANAGEMENT_STACK, {
    organization: landingZone.organization,
    organizationalUnits: landingZone.organizationalUnits,
    policies: landingZone.policies,
    rootPolicies: landingZone.rootPolicies,
    managementAccountId,
    homeRegion,
    stateBackend,
  });

  new AccountBaselineStack(app, accountBaselineStackName(managementAccount), {
    account: managementAccount,
    access: { kind: 'management', managementAccountId },
    homeRegion,
    governedRegions,
    passwordPolicy,
    stateBackend,
    setAlternateContacts: true,
  });

  for (const account of memberAccounts(landingZone)) {
    const ouPath = account.ouPath;
    if (ouPath === undefined) throw new Error(`${account.file}: member account without an OU after validation`);
    const accountStack = new AccountStack(app, accountStackName(account), {
      account: { ...account, ouPath },
      accountAccessRole: landingZone.accountAccessRole,
      managementAccountId,
      homeRegion,
      stateBackend,
      managementStackName: MANAGEMENT_STACK,
    });
    accountStack.addDependency(management);

    const baseline = new AccountBaselineStack(app, accountBaselineStackName(account), {
      account,
      access: { kind: 'member', roleName: landingZone.accountAccessRole, accountStackName: accountStack.node.id },
      homeRegion,
      governedRegions,
      passwordPolicy,
      stateBackend,
    });
    baseline.addDependency(accountStack);
  }
  return app;
}
