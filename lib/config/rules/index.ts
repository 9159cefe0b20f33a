/** The cross-file rules, run after every file has passed its schema. */
import type { ConfigurationRule } from '../configuration-files';
import { accountPlacement } from './account-placement';
import { alternateContacts } from './alternate-contacts';
import { coreAccounts } from './core-accounts';
import { organizationalUnits } from './organizational-units';
import { regions } from './regions';
import { requiredTags } from './required-tags';
import { uniqueAccounts } from './unique-accounts';

export const CONFIGURATION_RULES: readonly ConfigurationRule[] = [
  regions,
  organizationalUnits,
  uniqueAccounts,
  coreAccounts,
  accountPlacement,
  requiredTags,
  alternateContacts,
];
