/**
 * The management account's organization-wide resources: the organization, its OU tree,
 * the guardrail policies and their attachments to the root and the OUs, centralized root
 * access. Accounts are not
 * here: each has its own AccountStack, so that vending one does not touch this state and
 * no plan refreshes every account of the organization.
 */
import { OrganizationsDelegatedAdministrator } from '@cdktf/provider-aws/lib/organizations-delegated-administrator';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../lib/iam/aws-regions';
import type { LandingZone, OrganizationalUnit, OrganizationPolicy, PolicyAttachments as AttachedPolicies } from '../lib/model/landing-zone';
import { centralizedRootAccess } from '../lib/organization/centralized-root-access';
import { organizationWithUnits } from '../lib/organization/organization';
import { organizationPolicies } from '../lib/organization/organization-policies';
import { PolicyAttachments } from '../lib/organization/policy-attachments';
import { managementAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { organizationalUnitName } from '../lib/terraform/terraform-names';
import { MANAGEMENT_OUTPUTS } from './stack-outputs';
import { terraformMap } from '../lib/terraform/map-keys';

export interface ManagementStackProps {
  /** The organization's name and, to adopt an existing one, its id. */
  readonly organization: LandingZone['organization'];
  /** AWS services trusted to act across the organization: all of them, the list is authoritative. */
  readonly serviceAccessPrincipals: readonly string[];
  /** The policy types enabled on the root: all of them, the list is authoritative. */
  readonly enabledPolicyTypes: readonly string[];
  /** The OU tree, parents before children, each with the policies attached to it. */
  readonly organizationalUnits: readonly OrganizationalUnit[];
  /** Every policy attached somewhere (to the root, an OU or an account). */
  readonly policies: readonly OrganizationPolicy[];
  /** The policies attached to the root. */
  readonly rootPolicies: AttachedPolicies;
  /** Member accounts have no root credentials; root tasks are done in root sessions from the management account. */
  readonly centralizedRootAccess: boolean;
  /** The provider refuses credentials of any other account. */
  readonly managementAccountId: string;
  /** The region of the provider; Organizations is a global service. */
  readonly homeRegion: AwsRegion;
  /** Where this stack keeps its state. */
  readonly stateBackend: StateBackend;
  /**
   * The member account registered as IAM Identity Center's delegated administrator.
   * @default none: the management account administers Identity Center
   */
  readonly identityCenterAdministratorId?: string;
}

export class ManagementStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: ManagementStackProps) {
    super(scope, name, props.stateBackend);
    managementAccountProvider(this, { region: props.homeRegion, managementAccountId: props.managementAccountId });

    const { organization, rootId, organizationalUnits: units } = organizationWithUnits(this, props);
    const policies = organizationPolicies(this, props.policies, organization);
    if (props.centralizedRootAccess) centralizedRootAccess(this, organization);
    if (props.identityCenterAdministratorId !== undefined) {
      new OrganizationsDelegatedAdministrator(this, 'identity_center_administrator', {
        accountId: props.identityCenterAdministratorId,
        servicePrincipal: 'sso.amazonaws.com',
        dependsOn: [organization],
      });
    }
    const policyId = (policyName: string) => {
      const policy = policies.get(policyName);
      if (!policy) throw new Error(`policy ${policyName} is attached but was not built`);
      return policy.id;
    };
    new PolicyAttachments(this, 'root_policies', { targetId: rootId, policies: props.rootPolicies, policyId });
    for (const ou of props.organizationalUnits) {
      const unit = units.get(ou.path);
      if (unit) new PolicyAttachments(this, `ou_${organizationalUnitName(ou.path)}_policies`, { targetId: unit.id, policies: ou.policies, policyId });
    }

    new TerraformOutput(this, MANAGEMENT_OUTPUTS.organizationId, { value: organization.id });
    new TerraformOutput(this, MANAGEMENT_OUTPUTS.rootId, { value: rootId });
    new TerraformOutput(this, MANAGEMENT_OUTPUTS.organizationalUnitIds, {
      value: terraformMap(Object.fromEntries([...units].map(([path, unit]) => [path, unit.id]))),
    });
    new TerraformOutput(this, MANAGEMENT_OUTPUTS.policyIds, {
      value: terraformMap(Object.fromEntries([...policies].map(([policyName, policy]) => [policyName, policy.id]))),
    });
  }
}
