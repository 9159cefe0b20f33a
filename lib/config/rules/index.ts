/**
 * The cross-file rules. They run once landing-zone.yaml has passed its schema, over the
 * account requests that passed theirs, so that one run reports as much as it can.
 */
import type { ConfigurationRule } from '../configuration-files';
import { accountPlacement } from './account-placement';
import { alternateContacts } from './alternate-contacts';
import { coreAccounts } from './core-accounts';
import { attachedPolicies } from './attached-policies';
import { customPolicyNames } from './custom-policy-names';
import { exemptionsGuard } from './exemptions-guard';
import { guardrailTargets } from './guardrail-targets';
import { logRetention } from './log-retention';
import { organizationalUnits } from './organizational-units';
import { policiesPerTarget } from './policies-per-target';
import { regions } from './regions';
import { requiredTags } from './required-tags';
import { uniqueAccounts } from './unique-accounts';

export const CONFIGURATION_RULES: readonly ConfigurationRule[] = [
  regions,
  organizationalUnits,
  uniqueAccounts,
  accountPlacement,
  requiredTags,
  alternateContacts,
  logRetention,
];

/** Rules about the set of accounts as a whole: they would mislead while any request is unreadable. */
export const WHOLE_ORGANIZATION_RULES: readonly ConfigurationRule[] = [
  coreAccounts,
  customPolicyNames,
  guardrailTargets,
  attachedPolicies,
  policiesPerTarget,
  exemptionsGuard,
];
