/**
 * The policies of the organization (built-in guardrails and custom SCPs), created once
 * each in the management account, whatever the number of targets they are attached to.
 * Created in the scope given, for the reason `organization.ts` gives.
 */
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import type { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
import type { Construct } from 'constructs';
import { ORGANIZATION_ID_PLACEHOLDER } from '../guardrails/guardrail';
import type { OrganizationPolicy } from '../model/landing-zone';

/**
 * Each policy by name. Each waits for the organization, which nothing in most policies
 * references: on a new organization, AWS refuses a policy until the organization and its
 * policy types exist (`AWSOrganizationsNotInUseException`), and the provider retries only
 * while the organization is being finalized. A policy that names the organization (the
 * data perimeter) gets the id of the organization in place of the placeholder it was
 * built and measured with.
 */
export function organizationPolicies(
  scope: Construct,
  policies: readonly OrganizationPolicy[],
  organization: OrganizationsOrganization,
): ReadonlyMap<string, OrganizationsPolicy> {
  const created = new Map<string, OrganizationsPolicy>();
  for (const policy of policies) {
    created.set(
      policy.name,
      new OrganizationsPolicy(scope, `policy_${policy.name.replace(/-/g, '_')}`, {
        name: policy.name,
        description: policy.description,
        type: policy.type,
        content: policy.content.split(ORGANIZATION_ID_PLACEHOLDER).join(organization.id),
        dependsOn: [organization],
      }),
    );
  }
  return created;
}
