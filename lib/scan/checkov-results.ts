/**
 * checkov's JSON report of the synthesized output (`--framework terraform_json --output
 * json`), and its failed checks held against the baseline: which it accepts, which are new,
 * and which entries accept nothing any more.
 */
import { UserError } from '../diagnostics';
import { iamWildcardPattern } from '../iam/iam-wildcards';
import { compareText } from '../text-order';
import type { BaselineEntry } from './checkov-baseline';

/** One failed check on one resource. */
export interface FailedCheck {
  readonly check: string;
  readonly title: string;
  /** `<stack>/<Terraform name>`, as the baseline's patterns name it. */
  readonly resource: string;
  /** The stack's file and the first line of the resource in it. */
  readonly location: string;
}

export interface CheckovResults {
  readonly version: string;
  readonly passed: number;
  readonly failed: readonly FailedCheck[];
}

interface CheckovReport {
  readonly results?: { readonly failed_checks?: readonly CheckovFailure[] };
  readonly summary: { readonly passed: number; readonly failed: number; readonly parsing_errors: number; readonly checkov_version: string };
}

interface CheckovFailure {
  readonly check_id: string;
  readonly check_name: string;
  /** `/<stack>/cdk.tf.json`, under the scanned directory. */
  readonly file_path: string;
  readonly file_line_range: readonly [number, number];
  /** `<type>.<name>`, or `resource.<name>` for some checks of JSON files. */
  readonly resource: string;
}

/** The failed checks of a report; one report per framework comes as a list. */
export function checkovResults(text: string, scanned: string): CheckovResults {
  let parsed: CheckovReport | readonly CheckovReport[];
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`checkov's report of ${scanned} is not JSON: run it with --output json`);
  }
  const reports = Array.isArray(parsed) ? parsed : [parsed as CheckovReport];
  const errors = reports.reduce((sum, report) => sum + report.summary.parsing_errors, 0);
  if (errors > 0) throw new UserError(`checkov could not parse ${errors} file(s) of ${scanned}`);
  const passed = reports.reduce((sum, report) => sum + report.summary.passed, 0);
  const failed = reports.flatMap((report) => report.results?.failed_checks ?? []);
  if (passed + failed.length === 0) throw new UserError(`checkov found no Terraform JSON to check in ${scanned}: synthesize first (npm run synth)`);
  return {
    version: reports[0].summary.checkov_version,
    passed,
    failed: failed
      .map((failure) => {
        const stack = failure.file_path.replace(/^\//, '').split('/')[0];
        return {
          check: failure.check_id,
          title: failure.check_name,
          resource: `${stack}/${failure.resource.slice(failure.resource.indexOf('.') + 1)}`,
          location: `${failure.file_path.replace(/^\//, '')}:${failure.file_line_range[0]}`,
        };
      })
      .sort((a, b) => compareText(a.check, b.check) || compareText(a.resource, b.resource)),
  };
}

export interface BaselineComparison {
  /** Failed checks an entry accepts. */
  readonly accepted: readonly FailedCheck[];
  /** Failed checks no entry accepts: the scan fails. */
  readonly unaccepted: readonly FailedCheck[];
  /** Entries that accept no failed check: fixed since, or misspelled. */
  readonly unused: readonly BaselineEntry[];
}

export function compareWithBaseline(failed: readonly FailedCheck[], baseline: readonly BaselineEntry[]): BaselineComparison {
  const patterns = baseline.map((entry) => ({ entry, pattern: iamWildcardPattern(entry.resources, true) }));
  const used = new Set<BaselineEntry>();
  const accepted: FailedCheck[] = [];
  const unaccepted: FailedCheck[] = [];
  for (const failure of failed) {
    const matches = patterns.filter(({ entry, pattern }) => entry.check === failure.check && pattern.test(failure.resource));
    matches.forEach(({ entry }) => used.add(entry));
    (matches.length > 0 ? accepted : unaccepted).push(failure);
  }
  return { accepted, unaccepted, unused: baseline.filter((entry) => !used.has(entry)) };
}

/** What `npm run scan` prints. */
export function describeComparison(results: CheckovResults, comparison: BaselineComparison, baselineFile: string): string {
  const lines = [
    `checkov ${results.version}: ${results.passed} checks passed, ${results.failed.length} failed, ${comparison.accepted.length} of them accepted by the baseline (${baselineFile})`,
  ];
  if (comparison.unaccepted.length > 0) {
    lines.push('', `${comparison.unaccepted.length} failed check(s) the baseline does not accept:`);
    lines.push(...comparison.unaccepted.map((failure) => `  ${failure.check} ${failure.resource} (${failure.location}): ${failure.title}`));
    lines.push(`Fix them, or accept each in ${baselineFile} with the reason.`);
  }
  if (comparison.unused.length > 0) {
    lines.push(
      '',
      `${comparison.unused.length} baseline entr${comparison.unused.length === 1 ? 'y accepts' : 'ies accept'} no failed check any more; remove it if what it accepted is fixed:`,
    );
    lines.push(...comparison.unused.map((entry) => `  ${entry.check} ${entry.resources}`));
  }
  return lines.join('\n');
}
