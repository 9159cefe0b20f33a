/**
 * The management account's organization-wide resources: the organization, its OU tree,
 * the guardrail policies and their attachments to the root and the OUs. Accounts are not here: each has its own AccountStack, so that vending one does
 * not touch this state and no plan refreshes every account of the organization.
 */
import { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import { Fn, TerraformOutput, TerraformStack, type TerraformRemoteState } from 'cdktf';
import type { Construct } from 'constructs';
import { managementAccountProvider } from '../lib/aws-providers';
import type { AwsRegion } from '../lib/config/aws-regions';
import type { SecurityServicesConfig } from '../lib/config/security-services-schema';
import { PolicyAttachments } from '../lib/constructs/policy-attachments';
import type { LandingZone, OrganizationalUnit, OrganizationPolicy, PolicyAttachments as AttachedPolicies } from '../lib/model/landing-zone';
import { terraformLiteral } from '../lib/policies/policy-document';
import type { StateBackend } from '../lib/state-backend';
import { organizationalUnitName } from '../lib/terraform-names';

/**
 * AWS services given trusted access to the organization: each runs organization-wide
 * from the security account or the management account.
 */
const SERVICE_ACCESS_PRINCIPALS = [
  'access-analyzer.amazonaws.com', // organization analyzer, delegated to the security account
  'account.amazonaws.com', // alternate contacts of member accounts, set from the management account
  'cloudtrail.amazonaws.com', // the organization trail
  'config-multiaccountsetup.amazonaws.com', // organization Config rules and conformance packs
  'config.amazonaws.com', // the organization Config aggregator
  'fms.amazonaws.com', // Firewall Manager policies
  'guardduty.amazonaws.com', // GuardDuty, delegated to the security account
  'malware-protection.guardduty.amazonaws.com', // GuardDuty malware protection for member accounts
  'securityhub.amazonaws.com', // Security Hub, delegated to the security account
  'sso.amazonaws.com', // IAM Identity Center permission sets and assignments
  'tagpolicies.tag.amazonaws.com', // tag policy compliance reports
];

/** Trusted only when the service is turned on in `securityServices`. */
const OPTIONAL_SERVICE_ACCESS_PRINCIPALS = {
  inspector: 'inspector2.amazonaws.com',
  macie: 'macie.amazonaws.com',
  detective: 'detective.amazonaws.com',
} as const;

export function serviceAccessPrincipalsFor(securityServices: SecurityServicesConfig): readonly string[] {
  const optional = Object.entries(OPTIONAL_SERVICE_ACCESS_PRINCIPALS)
    .filter(([service]) => securityServices[service as keyof typeof OPTIONAL_SERVICE_ACCESS_PRINCIPALS])
    .map(([, principal]) => principal);
  return [...SERVICE_ACCESS_PRINCIPALS, ...optional].sort();
}

export const ENABLED_POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'] as const;

/** The outputs other stacks read; part of this stack's contract. */
const OUTPUTS = {
  organizationId: 'organization_id',
  rootId: 'root_id',
  organizationalUnitIds: 'organizational_unit_ids',
  policyIds: 'policy_ids',
} as const;

/** The id of the OU at `path`, read from the management stack's state. */
export function organizationalUnitIdFrom(managementState: TerraformRemoteState, path: string): string {
  return Fn.lookup(managementState.get(OUTPUTS.organizationalUnitIds), path) as string;
}

/** The id of the policy `name`, read from the management stack's state. */
export function policyIdFrom(managementState: TerraformRemoteState, name: string): string {
  return Fn.lookup(managementState.get(OUTPUTS.policyIds), name) as string;
}

export interface ManagementStackProps {
  /** The organization's name and, to adopt an existing one, its id. */
  readonly organization: LandingZone['organization'];
  /** AWS services trusted to act across the organization. */
  readonly serviceAccessPrincipals: readonly string[];
  /** The OU tree, parents before children, each with the policies attached to it. */
  readonly organizationalUnits: readonly OrganizationalUnit[];
  /** Every policy attached somewhere (to the root, an OU or an account). */
  readonly policies: readonly OrganizationPolicy[];
  /** The policies attached to the root. */
  readonly rootPolicies: AttachedPolicies;
  /** The provider refuses credentials of any other account. */
  readonly managementAccountId: string;
  readonly homeRegion: AwsRegion;
  readonly stateBackend: StateBackend;
}

export class ManagementStack extends TerraformStack {
  readonly organization: OrganizationsOrganization;
  /** By OU path. */
  readonly organizationalUnits: ReadonlyMap<string, OrganizationsOrganizationalUnit>;

  constructor(scope: Construct, name: string, props: ManagementStackProps) {
    super(scope, name);
    props.stateBackend.attach(this, name);
    managementAccountProvider(this, props);

    this.organization = new OrganizationsOrganization(this, 'organization', {
      featureSet: 'ALL',
      awsServiceAccessPrincipals: [...props.serviceAccessPrincipals],
      enabledPolicyTypes: [...ENABLED_POLICY_TYPES],
      lifecycle: { preventDestroy: true },
    });
    if (props.organization.existingOrganizationId) this.organization.importFrom(props.organization.existingOrganizationId);
    const rootId = this.organization.roots.get(0).id;

    const units = new Map<string, OrganizationsOrganizationalUnit>();
    for (const ou of props.organizationalUnits) {
      const parent = ou.parentPath === undefined ? undefined : units.get(ou.parentPath);
      const unit = new OrganizationsOrganizationalUnit(this, `ou_${organizationalUnitName(ou.path)}`, {
        name: ou.name,
        parentId: parent ? parent.id : rootId,
        tags: Object.keys(ou.tags).length > 0 ? { ...ou.tags } : undefined,
      });
      if (ou.existingId) unit.importFrom(ou.existingId);
      units.set(ou.path, unit);
    }
    this.organizationalUnits = units;

    const policies = new Map<string, OrganizationsPolicy>();
    for (const policy of props.policies) {
      policies.set(
        policy.name,
        new OrganizationsPolicy(this, `policy_${policy.name.replace(/-/g, '_')}`, {
          name: policy.name,
          description: policy.description,
          type: policy.type,
          content: terraformLiteral(policy.content),
        }),
      );
    }
    const policyId = (name: string) => {
      const policy = policies.get(name);
      if (!policy) throw new Error(`policy ${name} is attached but was not built`);
      return policy.id;
    };
    new PolicyAttachments(this, 'root_policies', { targetId: rootId, policies: props.rootPolicies, policyId });
    for (const ou of props.organizationalUnits) {
      const unit = units.get(ou.path);
      if (unit) new PolicyAttachments(this, `ou_${organizationalUnitName(ou.path)}_policies`, { targetId: unit.id, policies: ou.policies, policyId });
    }

    new TerraformOutput(this, OUTPUTS.organizationId, { value: this.organization.id });
    new TerraformOutput(this, OUTPUTS.rootId, { value: rootId });
    new TerraformOutput(this, OUTPUTS.organizationalUnitIds, {
      value: Object.fromEntries([...units].map(([path, unit]) => [path, unit.id])),
    });
    new TerraformOutput(this, OUTPUTS.policyIds, {
      value: Object.fromEntries([...policies].map(([name, policy]) => [name, policy.id])),
    });
  }
}
