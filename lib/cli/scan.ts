/**
 * `npm run scan`: checkov, an independent scanner, on the synthesized output, its failed
 * checks held against the checked-in baseline (`lib/scan/checkov-baseline.ts`). Exits 1
 * when a failed check is not accepted there; reports the entries that accept nothing.
 *
 *   npm run scan                              checks cdktf.out (synthesize first)
 *   npm run scan -- --outdir <dir>
 *   npm run scan -- --results <file>          holds a checkov JSON report made elsewhere against the baseline
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { CHECKOV_BASELINE } from '../scan/checkov-baseline';
import { checkovExecutable, defaultCacheDirectory, runCheckov } from '../scan/checkov-environment';
import { checkovResults, compareWithBaseline, describeComparison } from '../scan/checkov-results';
import { runCommand } from './run-command';

interface ScanOptions {
  readonly outdir: string;
  readonly results?: string;
  readonly cacheDir: string;
}

const BASELINE_FILE = 'lib/scan/checkov-baseline.ts';

const program = new Command('scan')
  .description('Run checkov on the synthesized Terraform JSON and compare its failed checks with the baseline.')
  .option('--outdir <dir>', 'the synthesized output to check', 'cdktf.out')
  .option('--results <file>', 'a checkov JSON report (--framework terraform_json --output json) to compare instead of running checkov')
  .option('--cache-dir <dir>', 'where the virtual environment with checkov is kept', defaultCacheDirectory())
  .action((options: ScanOptions) =>
    runCommand(() => {
      const scanned = options.results ?? join(options.outdir, 'stacks');
      const report = options.results
        ? readFileSync(resolve(options.results), 'utf8')
        : runCheckov(
            checkovExecutable(resolve(options.cacheDir), undefined, (line) => console.error(line)),
            resolve(scanned),
          );
      const results = checkovResults(report, scanned);
      const comparison = compareWithBaseline(results.failed, CHECKOV_BASELINE);
      console.log(describeComparison(results, comparison, BASELINE_FILE));
      if (comparison.unaccepted.length > 0) process.exitCode = 1;
    }),
  );

void program.parseAsync();
