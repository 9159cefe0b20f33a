/** Builds the model from configuration files that passed every check. */
import { ALTERNATE_CONTACT_TYPES, type AlternateContact, type AlternateContactType } from '../config/schemas/common';
import type { AccountRequest, ConfigurationFiles } from '../config/configuration-files';
import { enabledPolicyTypesFor, serviceAccessPrincipalsFor } from '../config/organization-integrations';
import { flattenOrganizationalUnits } from '../config/organizational-unit-paths';
import { buildFirewallManager } from './build-firewall-manager';
import { attachmentsOf, buildPolicies } from './build-policies';
import { detectiveControlsPlan } from './detective-controls';
import { assignmentsOf, identityCenterOf } from './identity-center';
import { incidentResponseOf } from './incident-response';
import type { Account, LandingZone, ManagementAccount, MemberAccount, OrganizationalUnit } from './landing-zone';
import { logArchiveBucketsOf } from './log-archive-buckets';

function resolveContacts(
  request: AccountRequest,
  defaults: Partial<Record<AlternateContactType, AlternateContact>> | undefined,
): Record<AlternateContactType, AlternateContact> {
  const entries = ALTERNATE_CONTACT_TYPES.map((type) => {
    const contact = request.config.alternateContacts?.[type] ?? defaults?.[type];
    // The alternate-contacts rule has rejected a configuration where this is missing.
    if (!contact) throw new Error(`${request.file}: alternate contact ${type} unresolved after validation`);
    return [type, contact] as const;
  });
  return Object.fromEntries(entries) as Record<AlternateContactType, AlternateContact>;
}

function findAccount<A extends Account>(accounts: readonly A[], predicate: (account: A) => boolean, what: string): A {
  const account = accounts.find(predicate);
  if (!account) throw new Error(`${what} missing after validation`);
  return account;
}

/**
 * The account of a request; the account-placement rule has rejected a management account
 * without an id and a member without an OU. An account suspended or closing is in the
 * suspended OU.
 */
function accountOf(request: AccountRequest, fields: Omit<ManagementAccount, 'role' | 'existingAccountId' | 'ouPath'>, suspendedOu: string): Account {
  const { role, ou, accountId, lifecycle } = request.config;
  if (role === 'management') {
    if (accountId === undefined) throw new Error(`${request.file}: management account without an id after validation`);
    return { ...fields, role, existingAccountId: accountId };
  }
  if (ou === undefined) throw new Error(`${request.file}: member account without an OU after validation`);
  return { ...fields, role, ouPath: lifecycle === 'active' ? ou : suspendedOu, existingAccountId: accountId, lifecycle };
}

export function buildLandingZone(files: ConfigurationFiles): LandingZone {
  const { landingZone, accounts: requests } = files;
  const config = landingZone.config;
  const { attachments } = config.guardrails;
  const detectiveControls = detectiveControlsPlan(files);
  const organizationalUnits: OrganizationalUnit[] = flattenOrganizationalUnits(config.organizationalUnits).map((entry) => ({
    path: entry.path,
    name: entry.name,
    parentPath: entry.parentPath,
    depth: entry.depth,
    existingId: entry.config.id,
    tags: entry.config.tags ?? {},
    environment: entry.config.environment,
    policies: attachmentsOf(attachments.organizationalUnits[entry.path]),
  }));
  const accounts = requests.map((request) => {
    const { lifecycle, role, ou } = request.config;
    const ouPath = role === 'management' ? undefined : lifecycle === 'active' ? ou : config.suspendedOrganizationalUnit;
    return accountOf(
      request,
      {
        key: request.key,
        file: request.file,
        name: request.config.name,
        email: request.config.email,
        tags: request.config.tags,
        alternateContacts: resolveContacts(request, config.alternateContacts),
        budget: request.config.budget,
        policies: attachmentsOf(attachments.accounts[request.config.name]),
        // Nobody signs in to an account that is suspended or closing.
        access: lifecycle === 'active' ? assignmentsOf(config.identityCenter, { name: request.config.name, ouPath }, request.config.access) : [],
        detectiveControls: detectiveControls.ofAccount(request),
      },
      config.suspendedOrganizationalUnit,
    );
  });
  const managementAccount = accounts.find((account): account is ManagementAccount => account.role === 'management');
  if (!managementAccount) throw new Error('management account missing after validation');
  const memberAccounts = accounts.filter((account): account is MemberAccount => account.role !== 'management');
  const securityAccount = findAccount(memberAccounts, (account) => account.name === config.coreAccounts.security, 'security account');
  const governedRegions = [config.homeRegion, ...config.governedRegions.filter((region) => region !== config.homeRegion)];
  return {
    organization: config.organization,
    serviceAccessPrincipals: serviceAccessPrincipalsFor(config.organization, config.securityServices, config.firewallManager),
    enabledPolicyTypes: enabledPolicyTypesFor(files),
    homeRegion: config.homeRegion,
    governedRegions,
    requiredTags: config.requiredTags,
    organizationalUnits,
    accounts,
    managementAccount,
    memberAccounts,
    logArchiveAccount: findAccount(memberAccounts, (account) => account.name === config.coreAccounts.logArchive, 'log-archive account'),
    securityAccount,
    accountAccessRole: config.accountAccessRole,
    stateBackend: config.stateBackend,
    review: config.review,
    passwordPolicy: config.accountBaseline.passwordPolicy,
    rootPolicies: attachmentsOf(attachments.root),
    policies: buildPolicies(files),
    quotas: config.quotas,
    logArchive: { ...config.logArchive, buckets: logArchiveBucketsOf(config.logArchive.bucketNamePrefix, config.homeRegion) },
    organizationTrail: config.organizationTrail,
    securityServices: config.securityServices,
    alerts: config.alerts,
    sessionManager: config.sessionManager,
    identityCenter: config.identityCenter && identityCenterOf(config.identityCenter, config.homeRegion, files, managementAccount.access),
    incidentResponse: config.incidentResponse && incidentResponseOf(config.incidentResponse, config.homeRegion, governedRegions, files.runbooks),
    organizationDetectiveControls: detectiveControls.organization,
    costAnomalyDetection: {
      thresholdUsd: config.costAnomalyDetection.thresholdUsd,
      emails: config.costAnomalyDetection.emails ?? config.alerts.emails,
    },
    firewallManager: buildFirewallManager(config, governedRegions, accounts, securityAccount),
  };
}
