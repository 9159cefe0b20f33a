/**
 * From a configuration directory to the validated model, or a `ConfigurationError`
 * listing every problem. In layers: each file's shape, then the rules across files, then
 * the policies (actions and condition keys against AWS data, size quotas).
 */
import { readConfiguration } from '../config/read-configuration';
import { ConfigurationError, formatIssues, isError, type Issue, type LineLocator } from '../diagnostics';
import { buildLandingZone } from '../model/build-landing-zone';
import type { LandingZone } from '../model/landing-zone';
import { checkPolicyQuotas } from '../model/policy-quotas';

export interface LoadedLandingZone {
  readonly landingZone: LandingZone;
  /** Warnings, already formatted; empty when there are none. */
  readonly warnings: string;
}

function failIfErrors(issues: readonly Issue[], locate: LineLocator): void {
  if (issues.some(isError)) throw new ConfigurationError(issues, formatIssues(issues, locate), locate);
}

/** `findIt`: how to name another directory, should this one hold no landing-zone.yaml (see `readConfiguration`). */
export async function loadLandingZone(directory: string, findIt?: string): Promise<LoadedLandingZone> {
  const reading = readConfiguration(directory, findIt);
  const { files, locate } = reading;
  const issues = [...reading.issues, ...(await reading.lookedUp)];
  if (!files) throw new ConfigurationError(issues, formatIssues(issues, locate), locate);
  failIfErrors(issues, locate);
  const landingZone = buildLandingZone(files);
  const allIssues = [...issues, ...checkPolicyQuotas(landingZone.policies, landingZone.quotas, files.landingZone.file)];
  failIfErrors(allIssues, locate);
  return {
    landingZone,
    warnings: formatIssues(
      allIssues.filter((issue) => !isError(issue)),
      locate,
    ),
  };
}
