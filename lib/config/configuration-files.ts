/** The configuration as read from disk: each file's validated content with where it came from. */
import type { Issue } from '../diagnostics';
import type { PolicyDocument } from '../iam/policy-document';
import type { AccountConfig } from './schemas/account';
import type { ConformancePackTemplate } from './schemas/conformance-pack';
import type { LandingZoneConfig } from './schemas/landing-zone';
import type { RunbookDocument } from './schemas/runbook';

export {
  ACCOUNTS_DIRECTORY,
  CONFIGURATION_ENTRIES,
  CONFORMANCE_PACK_DIRECTORY,
  CUSTOM_POLICY_DIRECTORY,
  LANDING_ZONE_FILE,
  PERMISSION_SET_POLICY_DIRECTORY,
  RUNBOOK_DIRECTORY,
} from './configuration-entries';

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

/** The inline policy of a permission set kept in a file, `permission-sets/<name>.json`. */
export interface PermissionSetPolicyFile extends ConfigurationFile<PolicyDocument> {
  /** The file name without `.json`: how `inlinePolicyFile` names it. */
  readonly name: string;
}

/** A custom runbook of a response plan, `runbooks/<name>.yaml` (or `.yml`, `.json`). */
export interface RunbookFile extends ConfigurationFile<RunbookDocument> {
  /** The file name without its extension: how a response plan's `runbook.file` names it. */
  readonly name: string;
}

/** A custom AWS Config conformance pack, `conformance-packs/<name>.yaml`: a CloudFormation-style template of Config rules. */
export interface ConformancePackFile extends ConfigurationFile<ConformancePackTemplate> {
  /** The file name without `.yaml`: how attachments name the pack, and its name in AWS Config. */
  readonly name: string;
}

/** A top-level section of landing-zone.yaml, each of which has a schema of its own. */
export type LandingZoneSection = Exclude<keyof LandingZoneConfig, '$schema'>;

/** landing-zone.yaml, or the sections `S` of it that passed their schemas. */
export type LandingZoneFile<S extends LandingZoneSection = LandingZoneSection> = ConfigurationFile<Pick<LandingZoneConfig, S>>;

/** The files of a configuration that passed their schemas; landing-zone.yaml with the sections `S` at least. */
export interface ConfigurationFiles<S extends LandingZoneSection = LandingZoneSection> {
  readonly landingZone: LandingZoneFile<S>;
  /** Sorted by key. */
  readonly accounts: readonly AccountRequest[];
  /** Custom SCPs, sorted by name. */
  readonly customPolicies: readonly CustomPolicyFile[];
  /** Inline policies of permission sets, sorted by name. */
  readonly permissionSetPolicies: readonly PermissionSetPolicyFile[];
  /** Custom runbooks of response plans, sorted by name. */
  readonly runbooks: readonly RunbookFile[];
  /** Custom conformance packs, sorted by name. */
  readonly conformancePacks: readonly ConformancePackFile[];
}

/**
 * A cross-file rule: a pure function of the slice of the files it reads, returning what is
 * wrong; it never throws and never reads a file. It declares the sections of
 * landing-zone.yaml it reads (its type says so too) and runs whenever those passed their
 * schemas, so that an error in one section hides no issue that the others can show.
 */
export interface ConfigurationRule {
  readonly sections: readonly LandingZoneSection[];
  /** About the set of accounts as a whole: it would mislead while any request is unreadable. */
  readonly wholeOrganization: boolean;
  /** Rules that look AWS's data up return their issues later. */
  check(files: ConfigurationFiles): Issue[] | Promise<Issue[]>;
}

export function configurationRule<S extends LandingZoneSection>(
  sections: readonly S[],
  check: (files: ConfigurationFiles<NoInfer<S>>) => Issue[] | Promise<Issue[]>,
  { wholeOrganization = false }: { readonly wholeOrganization?: boolean } = {},
): ConfigurationRule {
  return { sections, wholeOrganization, check };
}
