/**
 * The organization (all features) and its OU tree, each OU under its parent, adopted by
 * import where the configuration gives an existing id.
 *
 * Resources are created in the scope given (the management stack itself), not inside a
 * construct of their own: a construct would prefix and hash their Terraform names, and
 * Terraform would plan every one of them as a replacement.
 */
import { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import type { Construct } from 'constructs';
import type { LandingZone, OrganizationalUnit } from '../model/landing-zone';
import { organizationalUnitName } from '../terraform/terraform-names';
import { terraformMap } from '../terraform/map-keys';
import { ENVIRONMENT_TAG } from '../resource-names';

export interface OrganizationProps {
  /** The organization's name and, to adopt an existing one, its id. */
  readonly organization: LandingZone['organization'];
  /** AWS services trusted to act across the organization: all of them, the list is authoritative. */
  readonly serviceAccessPrincipals: readonly string[];
  /** The policy types enabled on the root: all of them, the list is authoritative. */
  readonly enabledPolicyTypes: readonly string[];
  /** The OU tree, parents before children. */
  readonly organizationalUnits: readonly OrganizationalUnit[];
}

export interface Organization {
  readonly organization: OrganizationsOrganization;
  readonly rootId: string;
  /** By OU path. */
  readonly organizationalUnits: ReadonlyMap<string, OrganizationsOrganizationalUnit>;
}

/** The OU's own tags, and its environment as the tag the review reads it from. */
function tagsOf(ou: OrganizationalUnit): Record<string, string> | undefined {
  const tags = { ...ou.tags, ...(ou.environment === undefined ? {} : { [ENVIRONMENT_TAG]: ou.environment }) };
  return Object.keys(tags).length > 0 ? terraformMap(tags) : undefined;
}

export function organizationWithUnits(scope: Construct, props: OrganizationProps): Organization {
  const organization = new OrganizationsOrganization(scope, 'organization', {
    featureSet: 'ALL',
    awsServiceAccessPrincipals: [...props.serviceAccessPrincipals],
    enabledPolicyTypes: [...props.enabledPolicyTypes],
    lifecycle: { preventDestroy: true },
  });
  if (props.organization.existingOrganizationId) organization.importFrom(props.organization.existingOrganizationId);
  const rootId = organization.roots.get(0).id;

  const units = new Map<string, OrganizationsOrganizationalUnit>();
  for (const ou of props.organizationalUnits) {
    const parent = ou.parentPath === undefined ? undefined : units.get(ou.parentPath);
    const unit = new OrganizationsOrganizationalUnit(scope, `ou_${organizationalUnitName(ou.path)}`, {
      name: ou.name,
      parentId: parent ? parent.id : rootId,
      tags: tagsOf(ou),
    });
    if (ou.existingId) unit.importFrom(ou.existingId);
    units.set(ou.path, unit);
  }
  return { organization, rootId, organizationalUnits: units };
}
