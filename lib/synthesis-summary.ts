/** The few lines printed after a synth: what was written, and for what. */
import { TerraformStack, type App } from 'cdktf';
import { memberAccounts, type LandingZone } from './model/landing-zone';

export function synthesisSummary(landingZone: LandingZone, app: App): string {
  const stacks = app.node.children.filter((child) => child instanceof TerraformStack).length;
  return [
    `${landingZone.organization.name}: ${stacks} stacks in ${app.outdir}/stacks`,
    `  management: the organization and ${landingZone.organizationalUnits.length} OUs`,
    `  ${memberAccounts(landingZone).length} member accounts, each with account-<name> (run from the management account) and baseline-<name> (run inside it)`,
    `  baseline-${landingZone.managementAccount.key}: the management account's own baseline`,
    `  governed regions: ${landingZone.governedRegions.join(', ')}`,
  ].join('\n');
}
