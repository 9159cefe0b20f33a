/** The few lines printed after a synth: what was written, and for what. */
import { memberAccounts, type LandingZone } from './model/landing-zone';

export function synthesisSummary(landingZone: LandingZone, outdir: string): string {
  const members = memberAccounts(landingZone).length;
  const stacks = 2 + 2 * members;
  return [
    `${landingZone.organization.name}: ${stacks} stacks in ${outdir}/stacks`,
    `  management: organization, ${landingZone.organizationalUnits.length} OUs`,
    `  ${members} member accounts: account-<name> (from the management account) and baseline-<name> (inside the account)`,
    `  governed regions: ${landingZone.governedRegions.join(', ')}`,
  ].join('\n');
}
