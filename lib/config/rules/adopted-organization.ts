/**
 * A warning when an existing organization is adopted: the trusted services and policy
 * types the landing zone sets are authoritative, so its first apply turns off every one it
 * does not list (AWS RAM, AWS Backup, Control Tower, backup policies, RCPs ...), and turning
 * off a policy type detaches every policy of that type.
 */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { enabledPolicyTypesFor, serviceAccessPrincipalsFor } from '../organization-integrations';

export function adoptedOrganization({
  landingZone,
}: Pick<ConfigurationFiles<'organization' | 'securityServices' | 'firewallManager' | 'guardrails'>, 'landingZone'>): Issue[] {
  const { organization, securityServices, firewallManager } = landingZone.config;
  if (organization.existingOrganizationId === undefined) return [];
  return [
    {
      file: landingZone.file,
      path: ['organization', 'existingOrganizationId'],
      severity: 'warning',
      message:
        `the first apply leaves ${organization.existingOrganizationId} with exactly these trusted services: ${serviceAccessPrincipalsFor(organization, securityServices, firewallManager).join(', ')}; ` +
        `and these policy types: ${enabledPolicyTypesFor({ landingZone }).join(', ')}. Every other is turned off, and a policy type turned off detaches its policies: ` +
        `list the organization's others in organization.additionalServiceAccessPrincipals and organization.additionalPolicyTypes first`,
    },
  ];
}
