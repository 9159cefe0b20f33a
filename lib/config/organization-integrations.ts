/**
 * The AWS services given trusted access to the organization, and the policy types it
 * enables: each service runs organization-wide from the security account or the
 * management account. Both lists are authoritative in AWS's provider: applied to an
 * adopted organization, they turn off every service and policy type they do not name, so
 * the organization's own come in through `additionalServiceAccessPrincipals` and
 * `additionalPolicyTypes`.
 */
import type { FirewallManagerConfig } from './schemas/firewall-manager';
import { ORGANIZATION_POLICY_KINDS } from '../guardrails/policy-types';
import { guardrailAttachmentTargets } from './policy-targets';
import type { ConfigurationFiles } from './configuration-files';
import type { OrganizationConfig } from './schemas/organization';
import type { SecurityServicesConfig } from './schemas/security-services';

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

/**
 * Firewall Manager shares the rule groups of DNS Firewall and Network Firewall policies
 * with the organization through AWS RAM, which needs RAM's sharing with the organization
 * (itself a trusted access).
 */
const RESOURCE_SHARING_PRINCIPAL = 'ram.amazonaws.com';

/** Whether a Firewall Manager policy needs AWS RAM's sharing with the organization. */
export function firewallManagerNeedsResourceSharing(firewallManager: FirewallManagerConfig | undefined): boolean {
  return Object.values(firewallManager?.policies ?? {}).some((policy) => policy.type === 'dnsFirewall' || policy.type === 'networkFirewall');
}

/** Centralized root access: IAM manages the root credentials and root sessions of member accounts. */
const CENTRALIZED_ROOT_ACCESS_PRINCIPAL = 'iam.amazonaws.com';

export function serviceAccessPrincipalsFor(
  organization: OrganizationConfig,
  securityServices: SecurityServicesConfig,
  firewallManager: FirewallManagerConfig | undefined,
): readonly string[] {
  const optional = Object.entries(OPTIONAL_SERVICE_ACCESS_PRINCIPALS)
    .filter(([service]) => securityServices[service as keyof typeof OPTIONAL_SERVICE_ACCESS_PRINCIPALS])
    .map(([, principal]) => principal);
  const sharing = firewallManagerNeedsResourceSharing(firewallManager) ? [RESOURCE_SHARING_PRINCIPAL] : [];
  const rootAccess = organization.centralizedRootAccess ? [CENTRALIZED_ROOT_ACCESS_PRINCIPAL] : [];
  return [...new Set([...SERVICE_ACCESS_PRINCIPALS, ...optional, ...sharing, ...rootAccess, ...organization.additionalServiceAccessPrincipals])].sort();
}

/** Always enabled, attached or not: the guardrails start from these. */
const POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'];

/**
 * SCPs and tag policies, then every other type that some policy is attached as, then the
 * organization's own: a type is enabled only when it is used, since enabling RCPs, for
 * one, attaches RCPFullAWSAccess to every root, OU and account.
 */
export function enabledPolicyTypesFor({ landingZone }: Pick<ConfigurationFiles<'organization' | 'guardrails'>, 'landingZone'>): readonly string[] {
  const { organization } = landingZone.config;
  const targets = guardrailAttachmentTargets({ landingZone });
  const used = ORGANIZATION_POLICY_KINDS.filter(({ attachmentKey }) => targets.some(({ value }) => value[attachmentKey].length > 0)).map(({ type }) => type);
  const others = [...new Set([...used, ...organization.additionalPolicyTypes])].filter((type) => !POLICY_TYPES.includes(type)).sort();
  return [...POLICY_TYPES, ...others];
}
