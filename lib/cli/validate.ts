/** `npm run validate`: checks a landing zone configuration without synthesizing it. */
import { Command } from 'commander';
import { loadLandingZone } from '../app/load-landing-zone';
import { chosenConfigurationDirectory, CONFIG_DIR_VARIABLE } from './configuration-directory';
import { runCommand } from './run-command';

const program = new Command('validate')
  .description('Check landing-zone.yaml and accounts/*.yaml without writing anything.')
  .option('-c, --config-dir <dir>', `configuration directory (default: $${CONFIG_DIR_VARIABLE}, else the working directory)`)
  .action((options: { configDir?: string }) =>
    runCommand(async () => {
      const { directory, findIt } = chosenConfigurationDirectory(options.configDir);
      const { landingZone, warnings } = await loadLandingZone(directory, findIt);
      if (warnings) console.warn(warnings);
      console.log(
        `${directory}: valid. ${landingZone.organization.name}: ${landingZone.organizationalUnits.length} OUs, ` +
          `${landingZone.memberAccounts.length} member accounts, governed regions ${landingZone.governedRegions.join(', ')}.`,
      );
    }),
  );

void program.parseAsync();
