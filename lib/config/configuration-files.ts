/** The configuration as read from disk: each file's validated content with where it came from. */
import type { Issue } from '../diagnostics';
import type { AccountConfig } from './account-schema';
import type { CustomPolicyDocument } from './custom-policy-schema';
import type { LandingZoneConfig } from './landing-zone-schema';

export const LANDING_ZONE_FILE = 'landing-zone.yaml';
export const ACCOUNTS_DIRECTORY = 'accounts';
export const CUSTOM_POLICY_DIRECTORY = 'scps';

export interface ConfigurationFile<T> {
  /** Path relative to the configuration directory, e.g. `accounts/dev.yaml`. */
  readonly file: string;
  readonly config: T;
}

export interface AccountRequest extends ConfigurationFile<AccountConfig> {
  /** The file name without extension; names the account's stacks. */
  readonly key: string;
}

export interface CustomPolicyFile extends ConfigurationFile<CustomPolicyDocument> {
  /** The file name without `.json`: how attachments name the policy. */
  readonly name: string;
}

export interface ConfigurationFiles {
  readonly landingZone: ConfigurationFile<LandingZoneConfig>;
  /** Sorted by key. */
  readonly accounts: readonly AccountRequest[];
  /** Custom SCPs, sorted by name. */
  readonly customPolicies: readonly CustomPolicyFile[];
}

/** A cross-file rule: reads the files' content, returns what is wrong, never throws. */
export type ConfigurationRule = (files: ConfigurationFiles) => Issue[];
