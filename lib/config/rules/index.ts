/**
 * The cross-file rules, each with the sections of landing-zone.yaml it reads. A rule runs
 * when those sections passed their schemas, over the account requests that passed theirs,
 * so that one run reports as much as it can.
 */
import { configurationRule, type ConfigurationRule } from '../configuration-files';
import type { GuardrailContextSections } from '../guardrail-context';
import { accountLifecycle } from './account-lifecycle';
import { accountPlacement } from './account-placement';
import { adoptedOrganization } from './adopted-organization';
import { alternateContacts } from './alternate-contacts';
import { attachedPolicies } from './attached-policies';
import { coreAccounts } from './core-accounts';
import { customPolicies } from './custom-policies';
import { conformancePacks } from './conformance-packs';
import { customPolicyNames } from './custom-policy-names';
import { detectiveControlAttachments, detectiveControlParameters, mandatoryControls } from './detective-controls';
import { exemptionsGuard } from './exemptions-guard';
import { firewallManagerCosts } from './firewall-manager-costs';
import { firewallManagerLimits } from './firewall-manager-limits';
import { firewallManagerResources } from './firewall-manager-resources';
import { firewallManagerRuleGroups } from './firewall-manager-rule-groups';
import { firewallManagerScopes } from './firewall-manager-scopes';
import { firewallManagerSettings } from './firewall-manager-settings';
import { guardrailTargets } from './guardrail-targets';
import { identityCenterAdministrator } from './identity-center-administrator';
import { identityCenterPolicies } from './identity-center-policies';
import { identityCenterReferences } from './identity-center-references';
import { incidentManagerAvailability } from './incident-manager-availability';
import { incidentManagerRegions } from './incident-manager-regions';
import { incidentResponseReferences } from './incident-response-references';
import { logRetention } from './log-retention';
import { organizationalUnits } from './organizational-units';
import { passRoleConditions } from './pass-role-conditions';
import { policiesPerTarget } from './policies-per-target';
import { customPolicyReferences, exemptActionReferences } from './policy-references';
import { regions } from './regions';
import { requiredTags } from './required-tags';
import { runbookPolicies } from './runbook-policies';
import { securityHubUnits } from './security-hub-units';
import { someGuardrail } from './some-guardrail';
import { uniqueAccounts } from './unique-accounts';

const GUARDRAIL_CONTEXT: readonly GuardrailContextSections[] = [
  'organization',
  'accountAccessRole',
  'governedRegions',
  'guardrails',
  'requiredTags',
  'logArchive',
  'alerts',
];
const wholeOrganization = { wholeOrganization: true };

export const CONFIGURATION_RULES: readonly ConfigurationRule[] = [
  configurationRule(['homeRegion', 'governedRegions'], regions),
  configurationRule(['organization', 'securityServices', 'firewallManager', 'guardrails'], adoptedOrganization),
  configurationRule(['organizationalUnits', 'quotas'], organizationalUnits),
  configurationRule([], uniqueAccounts),
  configurationRule(['organizationalUnits'], accountPlacement),
  configurationRule(['organizationalUnits', 'suspendedOrganizationalUnit', 'guardrails', 'identityCenter'], accountLifecycle, wholeOrganization),
  configurationRule(['requiredTags'], requiredTags),
  configurationRule(['alternateContacts'], alternateContacts),
  configurationRule(['logArchive'], logRetention),
  configurationRule(['securityServices', 'organizationalUnits'], securityHubUnits),
  configurationRule(['firewallManager', 'governedRegions'], firewallManagerResources),
  configurationRule(['firewallManager'], firewallManagerRuleGroups),
  configurationRule(['firewallManager'], firewallManagerSettings),
  configurationRule(['firewallManager'], firewallManagerCosts),
  configurationRule(['firewallManager', 'governedRegions', 'logArchive'], firewallManagerLimits),
  configurationRule(['backup'], customPolicyNames),
  configurationRule(['guardrails', 'quotas'], customPolicies),
  configurationRule(['guardrails'], someGuardrail),
  configurationRule(['guardrails'], exemptActionReferences),
  configurationRule([], customPolicyReferences),
  configurationRule(['coreAccounts', 'organizationalUnits', 'suspendedOrganizationalUnit', 'guardrails'], coreAccounts, wholeOrganization),
  configurationRule(['identityCenter', 'organizationalUnits'], identityCenterReferences, wholeOrganization),
  configurationRule(['identityCenter', 'governedRegions', 'organization'], identityCenterAdministrator, wholeOrganization),
  configurationRule(['identityCenter'], identityCenterPolicies),
  configurationRule(['identityCenter'], passRoleConditions),
  configurationRule(['firewallManager', 'organizationalUnits', 'coreAccounts'], firewallManagerScopes, wholeOrganization),
  configurationRule(['incidentResponse'], incidentResponseReferences, wholeOrganization),
  configurationRule(['incidentResponse', 'homeRegion', 'governedRegions', 'alerts'], incidentManagerRegions),
  configurationRule(['incidentResponse'], incidentManagerAvailability),
  configurationRule(['incidentResponse'], runbookPolicies),
  configurationRule(['guardrails', 'organizationalUnits'], guardrailTargets, wholeOrganization),
  configurationRule([...GUARDRAIL_CONTEXT, 'organizationalUnits', 'backup'], attachedPolicies, wholeOrganization),
  configurationRule(['guardrails', 'organizationalUnits', 'quotas'], policiesPerTarget, wholeOrganization),
  configurationRule(GUARDRAIL_CONTEXT, exemptionsGuard, wholeOrganization),
  configurationRule(['detectiveControls', 'organizationalUnits'], detectiveControlAttachments, wholeOrganization),
  configurationRule(['detectiveControls'], detectiveControlParameters),
  configurationRule(['detectiveControls'], mandatoryControls),
  configurationRule(['detectiveControls'], conformancePacks),
];
