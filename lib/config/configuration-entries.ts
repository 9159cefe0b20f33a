/** The files and folders of a configuration directory, by name. */
export const LANDING_ZONE_FILE = 'landing-zone.yaml';
export const ACCOUNTS_DIRECTORY = 'accounts';
export const CUSTOM_POLICY_DIRECTORY = 'scps';
export const CONFORMANCE_PACK_DIRECTORY = 'conformance-packs';
export const PERMISSION_SET_POLICY_DIRECTORY = 'permission-sets';
export const RUNBOOK_DIRECTORY = 'runbooks';

/** Everything of a configuration directory that is read; nothing else is. */
export const CONFIGURATION_ENTRIES = [
  LANDING_ZONE_FILE,
  ACCOUNTS_DIRECTORY,
  CUSTOM_POLICY_DIRECTORY,
  PERMISSION_SET_POLICY_DIRECTORY,
  RUNBOOK_DIRECTORY,
  CONFORMANCE_PACK_DIRECTORY,
] as const;
