/**
 * The policies of the organization (built-in guardrails and custom SCPs), created once
 * each in the management account, whatever the number of targets they are attached to.
 * Created in the scope given, for the reason `organization.ts` gives.
 */
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import type { Construct } from 'constructs';
import type { OrganizationPolicy } from '../model/landing-zone';

/** Each policy by name. */
export function organizationPolicies(scope: Construct, policies: readonly OrganizationPolicy[]): ReadonlyMap<string, OrganizationsPolicy> {
  const created = new Map<string, OrganizationsPolicy>();
  for (const policy of policies) {
    created.set(
      policy.name,
      new OrganizationsPolicy(scope, `policy_${policy.name.replace(/-/g, '_')}`, {
        name: policy.name,
        description: policy.description,
        type: policy.type,
        content: policy.content,
      }),
    );
  }
  return created;
}
