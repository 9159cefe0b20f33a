/**
 * A warning when SCPs are attached but the guardrail that keeps anyone from taking the
 * name of an exempt principal does not reach every account from the root: where it does
 * not, an administrator could create a role named like one and escape every exemption.
 */
import { protectLandingZoneRoles } from '../../guardrails/protect-landing-zone-roles';
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { guardrailContext, type GuardrailContextSections } from '../guardrail-context';

const EXEMPTIONS_GUARD = protectLandingZoneRoles.id;

export function exemptionsGuard(files: ConfigurationFiles<GuardrailContextSections>): Issue[] {
  const { root, organizationalUnits, accounts } = files.landingZone.config.guardrails.attachments;
  const anyServiceControlPolicy = [root, ...Object.values(organizationalUnits), ...Object.values(accounts)].some(
    (attachments) => (attachments?.serviceControlPolicies.length ?? 0) > 0,
  );
  if (!anyServiceControlPolicy || root?.serviceControlPolicies.includes(EXEMPTIONS_GUARD)) return [];
  const { exemptPrincipalArns } = guardrailContext(files);
  return [
    {
      file: files.landingZone.file,
      path: root ? ['guardrails', 'attachments', 'root', 'serviceControlPolicies'] : ['guardrails', 'attachments'],
      severity: 'warning',
      message:
        `${EXEMPTIONS_GUARD} is not attached to the root: where it does not reach, an administrator can create or change a role named like an exempt principal ` +
        `(${exemptPrincipalArns.join(', ')}) and escape every guardrail that exempts it; add it to guardrails.attachments.root.serviceControlPolicies`,
    },
  ];
}
