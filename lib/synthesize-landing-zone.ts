/** Configuration directory in, Terraform stacks out: what `cdktf synth` runs. */
import type { App } from 'cdktf';
import { buildLandingZoneApp } from './landing-zone-app';
import { loadLandingZone } from './load-landing-zone';
import type { LandingZone } from './model/landing-zone';

export interface SynthesizedLandingZone {
  readonly landingZone: LandingZone;
  readonly app: App;
  /** Warnings, already formatted; empty when there are none. */
  readonly warnings: string;
}

/** Validates everything first: a configuration error is thrown before anything is written. */
export async function synthesizeLandingZone(configDirectory: string, outdir?: string): Promise<SynthesizedLandingZone> {
  const { landingZone, warnings } = await loadLandingZone(configDirectory);
  const app = buildLandingZoneApp(landingZone, { outdir });
  app.synth();
  return { landingZone, app, warnings };
}
