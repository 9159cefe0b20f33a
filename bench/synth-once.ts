/**
 * One synth, as main.ts does it, for the bench: `synth-once.ts <config dir> <outdir>`.
 * The last stdout line is `{"maxRssKb": ...}`: the peak RSS of this process, plus that of
 * the helper process when one synthesized part of the stacks.
 */
import { runCommand } from '../lib/cli/run-command';
import { synthesizeLandingZone } from '../lib/app/synthesize-landing-zone';

const [configDirectory, outdir] = process.argv.slice(2);
if (!configDirectory || !outdir) throw new Error('usage: synth-once.ts <config dir> <outdir>');

void runCommand(async () => {
  const { warnings, helperMaxRssKb = 0 } = await synthesizeLandingZone(configDirectory, { outdir });
  if (warnings) console.warn(warnings);
  console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS + helperMaxRssKb }));
});
