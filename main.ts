/**
 * The cdktf app: loads the landing zone from its configuration directory (the
 * repository root, or LZ_CONFIG_DIR), validates it, and synthesizes every stack.
 * A configuration error is reported in full and nothing is written. Warnings go to
 * stdout: `cdktf synth` labels every line of the app's stderr as an error.
 */
import { configurationDirectory } from './lib/cli/configuration-directory';
import { runCommand } from './lib/cli/run-command';
import { synthesisSummary } from './lib/app/synthesis-summary';
import { synthesizeLandingZone } from './lib/app/synthesize-landing-zone';

void runCommand(async () => {
  const { landingZone, app, warnings } = await synthesizeLandingZone(configurationDirectory());
  if (warnings) console.log(warnings);
  console.log(synthesisSummary(landingZone, app));
});
