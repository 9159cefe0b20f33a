/** The risks the configuration acknowledges (`review.acknowledged` in landing-zone.yaml), for the review commands. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadLandingZone } from '../app/load-landing-zone';
import type { Acknowledgement } from '../review/acknowledgements';

/** None when the directory holds no configuration: outputs can be reviewed without one. */
export async function acknowledgedRisks(directory: string): Promise<readonly Acknowledgement[]> {
  if (!existsSync(join(directory, 'landing-zone.yaml'))) return [];
  return (await loadLandingZone(directory)).landingZone.review.acknowledged;
}

/** Today in UTC, as acknowledgements write their expiry. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
