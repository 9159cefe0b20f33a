/**
 * The cdktf app: loads the landing zone from its configuration directory (the
 * repository root, or LZ_CONFIG_DIR), validates it, and synthesizes every stack.
 * A configuration error is reported in full and nothing is written.
 */
import { runCommand } from './lib/cli/run-command';
import { configurationDirectory } from './lib/cli/configuration-directory';
import { loadLandingZone } from './lib/load-landing-zone';
import { buildLandingZoneApp } from './lib/landing-zone-app';
import { synthesisSummary } from './lib/synthesis-summary';

runCommand(() => {
  const { landingZone, warnings } = loadLandingZone(configurationDirectory());
  if (warnings) console.warn(warnings);
  const app = buildLandingZoneApp(landingZone);
  app.synth();
  console.log(synthesisSummary(landingZone, app));
});
