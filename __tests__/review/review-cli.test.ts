/** `npm run review` and `npm run plan-summary` as a pipeline runs them: formats, exit codes, errors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReviewReportSchema } from '../../lib/review/report';
import { copyExample, editFile, runEntry, runEntryIn, synthesize, temporaryDirectory } from '../support/example-config';
import { git, temporaryRepository } from '../support/temporary-repository';
import { exampleOutput } from '../support/example-output';

const PLANS = join(__dirname, '..', 'fixtures', 'plans');

describe('npm run review', () => {
  let risky: string;
  beforeAll(async () => {
    const directory = copyExample();
    editFile(directory, 'landing-zone.yaml', (text) => text.replace('sessionDuration: PT1H', 'sessionDuration: PT12H'));
    risky = await synthesize(directory);
  });

  it('prints the JSON report its schema describes, and exits 2 on a risk with --fail-on risky', () => {
    const result = runEntry('lib/cli/review.ts', ['--before', exampleOutput(), '--after', risky, '--format', 'json', '--fail-on', 'risky'], {});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(2);
    const report = ReviewReportSchema.parse(JSON.parse(result.stdout));
    expect(report.risks.map((risk) => risk.kind)).toEqual(['access-widened']);
  });

  it('exits 0 on the same change without --fail-on, and prints it for a terminal', () => {
    const result = runEntry('lib/cli/review.ts', ['--before', exampleOutput(), '--after', risky], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Review: 1 stack change .*1 risk to look at\n\nRisks \(1\)\n {2}\[critical\] \[access-widened\] permission set Administrator's session lengthens/,
    );
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('compares the working tree with a commit, synthesizing both, in a repository of its own', () => {
    const repository = temporaryRepository();
    editFile(repository, 'landing-zone.yaml', (text) => text.replace('sessionDuration: PT1H', 'sessionDuration: PT12H'));
    const result = runEntryIn(repository, 'lib/cli/review.ts', ['--base', 'HEAD', '--format', 'json'], { LZ_CONFIG_DIR: '' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(ReviewReportSchema.parse(JSON.parse(result.stdout)).risks.map((risk) => risk.kind)).toEqual(['access-widened']);
  });

  it('synthesizes a commit once: the next review of the same base reuses its output, a new commit is synthesized afresh', () => {
    const repository = temporaryRepository();
    editFile(repository, 'landing-zone.yaml', (text) => text.replace('sessionDuration: PT1H', 'sessionDuration: PT12H'));
    const review = () => runEntryIn(repository, 'lib/cli/review.ts', ['--base', 'HEAD', '--format', 'json'], { LZ_CONFIG_DIR: '' });
    const first = review();
    expect(first.stderr).toBe('');
    const second = review();
    expect(second.stderr).toMatch(/^HEAD: its output was synthesized before with the same code, configuration and packages, and is reused from \S+\n$/);
    expect(second.stdout).toBe(first.stdout);
    git(repository, 'commit', '--quiet', '--all', '--message', 'longer sessions');
    const afterCommit = review();
    expect(afterCommit.stderr).toBe('');
    expect(ReviewReportSchema.parse(JSON.parse(afterCommit.stdout)).risks).toEqual([]);
  });

  it.each([
    [[], 'give --base <ref>, or both --before <dir> and --after <dir>'],
    [['--base', 'HEAD', '--before', 'x'], 'give --base, or --before and --after, not both'],
    [['--before', '/nonexistent', '--after', '/nonexistent'], '/nonexistent is not a synthesized landing zone: it has no manifest.json'],
    [['--base', 'no-such-ref-anywhere'], 'could not check out no-such-ref-anywhere'],
  ])('refuses %j with a clear message, no stack trace', (args, message) => {
    const result = runEntry('lib/cli/review.ts', args, { LZ_CONFIG_DIR: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm run plan-summary', () => {
  it('prints Markdown for a pull request, writes the full report, and exits 2 on a risk with --fail-on risky', () => {
    const full = join(temporaryDirectory(), 'full.md');
    const plans = ['management', 'account-payments-qa'].map((name) => join(PLANS, `${name}.json`));
    const result = runEntry('lib/cli/plan-summary.ts', [...plans, '--format', 'markdown', '--fail-on', 'risky', '--full-report', full], {});
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^### Landing zone review\n\n\*\*2 stacks change .*\n\n#### Risks \(3\)\n/);
    expect(readFileSync(full, 'utf8')).toContain('#### Stacks (2)');
  });

  it('refuses a file that is not a plan', () => {
    const result = runEntry('lib/cli/plan-summary.ts', [join(PLANS, '..', 'events', 'ssm-start-session.json')], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is not a Terraform JSON plan');
  });
});
