/** From a configuration directory to the validated model, or a `ConfigurationError` listing every problem. */
import { ConfigurationError, formatIssues, isError, type Issue } from './diagnostics';
import { readConfiguration } from './config/read-configuration';
import { buildLandingZone } from './model/build-landing-zone';
import type { LandingZone } from './model/landing-zone';

export interface LoadedLandingZone {
  readonly landingZone: LandingZone;
  /** Warnings, already formatted; empty when there are none. */
  readonly warnings: string;
}

export function loadLandingZone(directory: string): LoadedLandingZone {
  const reading = readConfiguration(directory);
  if (!reading.files) {
    throw new ConfigurationError(reading.issues, formatIssues(reading.issues, reading.locate));
  }
  const warnings: Issue[] = reading.issues.filter((issue) => !isError(issue));
  return { landingZone: buildLandingZone(reading.files), warnings: formatIssues(warnings, reading.locate) };
}
