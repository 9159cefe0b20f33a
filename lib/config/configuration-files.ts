/** The configuration as read from disk: each file's validated content with where it came from. */
import type { Issue } from '../diagnostics';
import type { PolicyDocument } from '../iam/policy-document';
import type { AccountConfig } from './schemas/account';
import type { LandingZoneConfig } from './schemas/landing-zone';

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

export interface CustomPolicyFile extends ConfigurationFile<PolicyDocument> {
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

/**
 * A cross-file rule: a pure function of the slice of the files it reads (each rule
 * declares it, `Pick<ConfigurationFiles, ...>`), returning what is wrong; it never throws
 * and never reads a file.
 */
export type ConfigurationRule = (files: ConfigurationFiles) => Issue[];
