/**
 * Every attachment names a target that exists and policies that exist, of the right
 * type, once each, built-ins only where the settings give them something to enforce; no
 * target carries more policies than the quota allows (an SCP target also carries
 * FullAWSAccess); custom SCPs do not take a built-in guardrail's name.
 */
import { SERVICE_CONTROL_POLICY_GUARDRAILS, TAG_POLICY_GUARDRAILS } from '../../../scps/catalogue';
import { protectLandingZoneRoles } from '../../../scps/protect-landing-zone-roles';
import { expectedOneOf, type FieldPath, type Issue } from '../../diagnostics';
import { LANDING_ZONE_FILE, type ConfigurationRule } from '../configuration-files';
import type { PolicyAttachmentsConfig } from '../guardrails-schema';
import { guardrailContext } from '../guardrail-context';
import { flattenOrganizationalUnits } from '../organizational-unit-paths';

/** AWS attaches FullAWSAccess to every root, OU and account; it takes one SCP slot. */
const FULL_AWS_ACCESS_SLOTS = 1;

/** The guardrail that keeps anyone from taking the name of an exempt principal. */
const EXEMPTIONS_GUARD = protectLandingZoneRoles.id;

const ATTACHMENTS_PATH = ['guardrails', 'attachments'];

function checkList(
  names: readonly string[],
  known: readonly string[],
  kind: string,
  limit: number,
  limitName: string,
  path: FieldPath,
  unmetRequirementOf: (name: string) => string | undefined,
): Issue[] {
  const issues: Issue[] = [];
  names.forEach((name, index) => {
    const unmet = known.includes(name) ? unmetRequirementOf(name) : undefined;
    if (!known.includes(name)) {
      issues.push({ file: LANDING_ZONE_FILE, path: [...path, index], message: expectedOneOf(kind, known, name) });
    } else if (names.indexOf(name) !== index) {
      issues.push({ file: LANDING_ZONE_FILE, path: [...path, index], message: `${name} is attached twice` });
    } else if (unmet) {
      issues.push({ file: LANDING_ZONE_FILE, path: [...path, index], message: `${name} ${unmet}, or detach it here` });
    }
  });
  if (names.length > limit) {
    issues.push({ file: LANDING_ZONE_FILE, path, message: `${names.length} policies here, over quotas.${limitName} (${limit})` });
  }
  return issues;
}

export const guardrailAttachments: ConfigurationRule = (files) => {
  const { landingZone, accounts, customPolicies } = files;
  const { guardrails, quotas } = landingZone.config;
  const builtIns = [...SERVICE_CONTROL_POLICY_GUARDRAILS, ...TAG_POLICY_GUARDRAILS];
  const builtInIds = builtIns.map((guardrail) => guardrail.id);
  const context = guardrailContext(files);
  const unmetRequirementOf = (name: string) => builtIns.find((guardrail) => guardrail.id === name)?.unmetRequirement?.(context);
  const serviceControlPolicies = [...SERVICE_CONTROL_POLICY_GUARDRAILS.map((guardrail) => guardrail.id), ...customPolicies.map((policy) => policy.name)];
  const tagPolicies = TAG_POLICY_GUARDRAILS.map((guardrail) => guardrail.id);
  const issues: Issue[] = [];

  for (const custom of customPolicies) {
    if (builtInIds.includes(custom.name)) {
      issues.push({ file: custom.file, path: [], message: `is named like the built-in guardrail ${custom.name}; rename the file` });
    }
  }

  const checkTarget = (attachments: PolicyAttachmentsConfig, path: FieldPath) => {
    issues.push(
      ...checkList(
        attachments.serviceControlPolicies,
        serviceControlPolicies,
        'a built-in guardrail or a custom SCP in scps/',
        quotas.serviceControlPoliciesPerTarget - FULL_AWS_ACCESS_SLOTS,
        'serviceControlPoliciesPerTarget, less one for FullAWSAccess',
        [...path, 'serviceControlPolicies'],
        unmetRequirementOf,
      ),
      ...checkList(attachments.tagPolicies, tagPolicies, 'a built-in tag policy', quotas.tagPoliciesPerTarget, 'tagPoliciesPerTarget', [...path, 'tagPolicies'], unmetRequirementOf),
    );
  };

  const { root, organizationalUnits, accounts: accountAttachments } = guardrails.attachments;
  if (root) checkTarget(root, [...ATTACHMENTS_PATH, 'root']);

  const ouPaths = flattenOrganizationalUnits(landingZone.config.organizationalUnits).map((ou) => ou.path);
  for (const [ouPath, attachments] of Object.entries(organizationalUnits)) {
    const path = [...ATTACHMENTS_PATH, 'organizationalUnits', ouPath];
    if (!ouPaths.includes(ouPath)) issues.push({ file: LANDING_ZONE_FILE, path, message: expectedOneOf('an OU path of organizationalUnits', ouPaths, ouPath) });
    else checkTarget(attachments, path);
  }

  const accountNames = accounts.map((account) => account.config.name);
  for (const [name, attachments] of Object.entries(accountAttachments)) {
    const path = [...ATTACHMENTS_PATH, 'accounts', name];
    const account = accounts.find((candidate) => candidate.config.name === name);
    if (!account) issues.push({ file: LANDING_ZONE_FILE, path, message: expectedOneOf('the name of an account request', accountNames, name) });
    else if (account.config.role === 'management') {
      issues.push({ file: LANDING_ZONE_FILE, path, message: 'policies do not apply to the management account; attach them to member accounts, OUs or the root' });
    } else checkTarget(attachments, path);
  }

  const anyServiceControlPolicy = [root, ...Object.values(organizationalUnits), ...Object.values(accountAttachments)].some(
    (attachments) => (attachments?.serviceControlPolicies.length ?? 0) > 0,
  );
  if (anyServiceControlPolicy && !root?.serviceControlPolicies.includes(EXEMPTIONS_GUARD)) {
    issues.push({
      file: LANDING_ZONE_FILE,
      path: root ? [...ATTACHMENTS_PATH, 'root', 'serviceControlPolicies'] : ATTACHMENTS_PATH,
      severity: 'warning',
      message:
        `${EXEMPTIONS_GUARD} is not attached to the root: where it does not reach, an administrator can create or change a role named like an exempt principal ` +
        `(${context.exemptPrincipalArns.join(', ')}) and escape every guardrail that exempts it; add it to guardrails.attachments.root.serviceControlPolicies`,
    });
  }
  return issues;
};
