/**
 * `npm run changed-stacks`: the stacks a change needs planned and applied, in waves.
 *
 *   npm run changed-stacks -- --base <ref>             synthesizes the commit into cdktf.out.base and the working tree into cdktf.out
 *   npm run changed-stacks -- --before <dir> --after <dir>
 *   npm run changed-stacks -- --all [--after <dir>]     every stack, for a full plan
 *
 * `--format json` for pipelines: `{ "waves": [{ "number", "steps": [{ "stack", "action", "reason", "output", "afterApplying" }] }] }`.
 */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { UserError } from '../diagnostics';
import { describeWaves, stackWaves } from '../pipeline/changed-stacks';
import { readSynthesizedOutput } from '../review/synthesized-output';
import { synthesizeBase } from './checkouts';
import { configurationDirectory } from './configuration-directory';
import { runCommand } from './run-command';

interface ChangedStacksOptions {
  readonly base?: string;
  readonly before?: string;
  readonly after?: string;
  readonly baseOutdir: string;
  readonly all?: boolean;
  readonly format: 'text' | 'json';
}

const program = new Command('changed-stacks')
  .description('List the stacks whose synthesized JSON differs from a base, in dependency order, in waves that can run in parallel.')
  .option('--base <ref>', 'synthesize this commit into --base-outdir and the working tree into --after, and compare them')
  .option('--base-outdir <dir>', 'where --base writes the commit’s output (kept, for destroying removed stacks)', 'cdktf.out.base')
  .option('--before <dir>', 'a synthesized output before the change')
  .option('--after <dir>', 'the synthesized output after the change', 'cdktf.out')
  .option('--all', 'every stack of --after, for a full plan')
  .addOption(new Option('--format <format>', 'how to print the waves').choices(['text', 'json']).default('text'))
  .action((options: ChangedStacksOptions) =>
    runCommand(async () => {
      const sources = [options.base !== undefined, options.before !== undefined, options.all === true].filter(Boolean).length;
      if (sources !== 1) throw new UserError('give one of --base <ref>, --before <dir> (with --after <dir>), or --all');
      if (options.base !== undefined) {
        synthesizeBase(options.base, options.baseOutdir);
        // Loaded only here: listing the waves of outputs already synthesized does not load the app.
        const { synthesizeLandingZone } = await import('../app/synthesize-landing-zone');
        await synthesizeLandingZone(configurationDirectory(), { outdir: resolve(options.after ?? 'cdktf.out') });
      }
      const after = readSynthesizedOutput(resolve(options.after ?? 'cdktf.out'));
      const beforeDirectory = options.base !== undefined ? options.baseOutdir : options.before;
      const waves = stackWaves(beforeDirectory === undefined ? undefined : readSynthesizedOutput(resolve(beforeDirectory)), after);
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(waves, null, 2)}\n` : `${describeWaves(waves)}\n`);
    }),
  );

void program.parseAsync();
