/**
 * The security account administers each security service for the organization,
 * registered from the management account: Inspector, Macie and Detective region by
 * region, Config and Access Analyzer once for the organization, Firewall Manager from
 * us-east-1. GuardDuty and Security Hub are registered by the security stack, once they
 * are on in the security account (see `administrator-registration.ts`).
 * Created in the scope given, for the reason `organization/organization.ts` gives.
 */
import { DetectiveOrganizationAdminAccount } from '@cdktf/provider-aws/lib/detective-organization-admin-account';
import { FmsAdminAccount } from '@cdktf/provider-aws/lib/fms-admin-account';
import { Inspector2DelegatedAdminAccount } from '@cdktf/provider-aws/lib/inspector2-delegated-admin-account';
import { Macie2OrganizationAdminAccount } from '@cdktf/provider-aws/lib/macie2-organization-admin-account';
import { OrganizationsDelegatedAdministrator } from '@cdktf/provider-aws/lib/organizations-delegated-administrator';
import type { Construct } from 'constructs';
import type { SecurityServicesConfig } from '../config/schemas/security-services';
import type { AwsRegion } from '../iam/aws-regions';
import { managementAccountProvider } from '../terraform/aws-providers';
import { regionName } from '../terraform/terraform-names';
import { RegistrationsInTurn } from './administrator-registration';

/** Firewall Manager's administrator can only be set through us-east-1. */
const FIREWALL_MANAGER_REGION = 'us-east-1';

/** Delegated once for the whole organization, through AWS Organizations. */
const ORGANIZATION_DELEGATED_SERVICES = ['access-analyzer.amazonaws.com', 'config.amazonaws.com', 'config-multiaccountsetup.amazonaws.com'];

export interface DelegatedAdministratorsProps {
  /** The account registered as administrator. */
  readonly securityAccountId: string;
  /** The account the registrations are made from. */
  readonly managementAccountId: string;
  /** Inspector, Macie and Detective are registered in each. */
  readonly governedRegions: readonly AwsRegion[];
  /** Which of Inspector, Macie and Detective are delegated. */
  readonly securityServices: SecurityServicesConfig;
}

export function delegateSecurityServices(scope: Construct, props: DelegatedAdministratorsProps): void {
  const { securityServices: services, securityAccountId } = props;
  const inspector = new RegistrationsInTurn();
  const macie = new RegistrationsInTurn();
  const detective = new RegistrationsInTurn();
  for (const region of props.governedRegions) {
    const suffix = regionName(region);
    if (services.inspector) {
      inspector.made(
        new Inspector2DelegatedAdminAccount(scope, `inspector_admin_${suffix}`, { region, accountId: securityAccountId, dependsOn: inspector.after() }),
      );
    }
    if (services.macie) {
      macie.made(new Macie2OrganizationAdminAccount(scope, `macie_admin_${suffix}`, { region, adminAccountId: securityAccountId, dependsOn: macie.after() }));
    }
    if (services.detective) {
      detective.made(
        new DetectiveOrganizationAdminAccount(scope, `detective_admin_${suffix}`, { region, accountId: securityAccountId, dependsOn: detective.after() }),
      );
    }
  }
  for (const servicePrincipal of ORGANIZATION_DELEGATED_SERVICES) {
    new OrganizationsDelegatedAdministrator(scope, `delegated_admin_${servicePrincipal.split('.')[0].replace(/-/g, '_')}`, {
      accountId: securityAccountId,
      servicePrincipal,
    });
  }
  const usEast1 = managementAccountProvider(scope, { region: FIREWALL_MANAGER_REGION, managementAccountId: props.managementAccountId, alias: 'us_east_1' });
  new FmsAdminAccount(scope, 'firewall_manager_admin', { provider: usEast1, accountId: securityAccountId });
}
