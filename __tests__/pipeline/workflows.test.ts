/**
 * The sample pipeline in `.github/workflows/`: valid for GitHub's own workflow parser, and
 * what matters in it holds: OIDC roles and no AWS keys, actions pinned to commits, commands
 * that exist, one apply at a time.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPOSITORY, runEntry, temporaryDirectory } from '../support/example-config';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}

interface Job {
  readonly permissions?: Record<string, string>;
  readonly environment?: string;
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { readonly group: string; readonly 'cancel-in-progress': boolean };
  readonly jobs: Record<string, Job>;
}

const DIRECTORY = join(REPOSITORY, '.github', 'workflows');
const FILES = readdirSync(DIRECTORY)
  .filter((file) => file.endsWith('.yml'))
  .sort();
const text = (file: string) => readFileSync(join(DIRECTORY, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps);
const commands = (file: string) => steps(file).flatMap((step) => (step.run ? [step.run] : []));
const SCRIPTS: Record<string, string> = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')).scripts;

/** Each file's errors, as GitHub's workflow parser reports them. */
function parserErrors(files: readonly string[]): Record<string, string[]> {
  const result = spawnSync(join(REPOSITORY, 'node_modules', '.bin', 'tsx'), [join(REPOSITORY, '__tests__', 'support', 'parse-workflows.mts'), ...files], {
    cwd: REPOSITORY,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the workflow parser failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as { file: string; errors: string[] }[];
  return Object.fromEntries(parsed.map(({ file, errors }) => [file, errors]));
}

const help = new Map<string, string>();

/** Every `npm run --silent <tool> -- <options>` of `text` names a tool of lib/cli and options it has. */
function expectKnownOptions(text: string): void {
  const uses = [...text.matchAll(/npm run (?:--silent )?([\w-]+) -- ([^\n`]*)/g)];
  expect(uses.length).toBeGreaterThan(0);
  for (const [, script, args] of uses) {
    const entry = /^tsx (\S+)$/.exec(SCRIPTS[script] ?? '')?.[1];
    if (!entry) throw new Error(`${script} is not a command line tool of lib/cli`);
    if (!help.has(entry)) help.set(entry, runEntry(entry, ['--help'], {}).stdout);
    for (const option of args.replace(/#.*/, '').match(/--[\w-]+/g) ?? [])
      expect(`${script} ${help.get(entry)}`).toMatch(new RegExp(`${script} [^]*${option}(?![\\w-])`));
  }
}

describe('the sample pipeline', () => {
  it('has the three workflows', () => {
    expect(FILES).toEqual(['deploy.yml', 'drift.yml', 'pull-request.yml']);
  });

  it('is valid for GitHub’s workflow parser', () => {
    const files = FILES.map((file) => join(DIRECTORY, file));
    expect(parserErrors(files)).toEqual(Object.fromEntries(files.map((file) => [file, []])));
  });

  it('fails the parser when a workflow is broken, so that the check above can fail', () => {
    const broken = join(temporaryDirectory(), 'broken.yml');
    writeFileSync(
      broken,
      text('pull-request.yml')
        .replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')
        .replace('id-token: write', 'id-token: read')
        .replace('${{ vars.LANDING_ZONE_PLAN_ROLE_ARN }}', '${{ var.LANDING_ZONE_PLAN_ROLE_ARN }}'),
    );
    const errors = parserErrors([broken])[broken].map((error) => error.replace(`${broken} `, ''));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Unexpected value 'runs_on'/),
        expect.stringMatching(/Unexpected value 'read'/),
        expect.stringMatching(/Unrecognized named-value: 'var'/),
        expect.stringMatching(/Required property is missing: runs-on/),
      ]),
    );
  });

  it.each(FILES)('%s takes AWS credentials only through OIDC, with id-token write, and never from keys', (file) => {
    expect(workflow(file).permissions).toEqual({});
    expect(text(file)).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|secrets\./);
    for (const job of Object.values(workflow(file).jobs)) {
      const credentials = job.steps.filter((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      expect(credentials).toHaveLength(1);
      expect(job.permissions?.['id-token']).toBe('write');
      expect(credentials[0].with?.['role-to-assume']).toBe(
        file === 'deploy.yml' ? '${{ vars.LANDING_ZONE_APPLY_ROLE_ARN }}' : '${{ vars.LANDING_ZONE_PLAN_ROLE_ARN }}',
      );
    }
  });

  it.each(FILES)('%s pins every action to a full commit, with its version beside it', (file) => {
    const uses = text(file)
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    for (const step of steps(file).filter((step) => step.uses?.startsWith('hashicorp/setup-terraform@'))) expect(step.with?.terraform_wrapper).toBe(false);
  });

  it.each(FILES)('%s runs only npm scripts that exist, silent wherever their output is kept', (file) => {
    const runs = commands(file).join('\n');
    const scripts = [...runs.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(Object.keys(SCRIPTS)).toContain(script);
    // npm prints a banner of the script to standard output: a JSON file written through a
    // redirection would start with it.
    for (const line of runs.split('\n').filter((line) => /npm run .*>/.test(line))) expect(line).toMatch(/npm run --silent /);
  });

  it('passes the command line tools only options they have', () => {
    expectKnownOptions(FILES.map((file) => commands(file).join('\n')).join('\n'));
  });

  it.each(FILES)('%s calls scripts of the repository that exist and parse', (file) => {
    const scripts = [
      ...commands(file)
        .join('\n')
        .matchAll(/\.github\/scripts\/[\w-]+\.sh/g),
    ].map((match) => match[0]);
    for (const script of new Set(scripts)) {
      const path = join(REPOSITORY, script);
      expect(() => accessSync(path, constants.X_OK)).not.toThrow();
      expect(spawnSync('bash', ['-n', path], { encoding: 'utf8' }).stderr).toBe('');
    }
  });

  it('plans a pull request’s changed stacks with the plan role, and refuses a risk without the label', () => {
    const runs = commands('pull-request.yml').join('\n');
    expect(runs).toContain('npm run --silent changed-stacks -- --base "origin/$BASE_REF" --format json > waves.json');
    expect(runs).toContain('npm run --silent waves -- plan --waves waves.json --plans-dir plans --concurrency "$CONCURRENCY"');
    expect(runs).toContain('--fail-on risky');
    expect(text('pull-request.yml')).toContain('CONCURRENCY: ${{ vars.LANDING_ZONE_CONCURRENCY || 4 }}');
    expect(text('pull-request.yml')).toContain("!contains(github.event.pull_request.labels.*.name, 'risk-approved')");
    const checkout = steps('pull-request.yml').find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(Object.keys(workflow('pull-request.yml').on)).toEqual(['pull_request']);
  });

  it('applies on a push to main, one deploy at a time and never beside a drift check', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on).toEqual({ push: { branches: ['main'] } });
    expect(deploy.concurrency).toEqual({ group: 'landing-zone-state', 'cancel-in-progress': false });
    expect(workflow('drift.yml').concurrency).toEqual(deploy.concurrency);
    expect(deploy.jobs.apply.environment).toBe('landing-zone');
    expect(commands('deploy.yml').join('\n')).toContain('npm run --silent waves -- apply --waves waves.json --plans-dir plans');
  });

  it('checks for drift on a schedule and on demand, every stack', () => {
    expect(Object.keys(workflow('drift.yml').on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const runs = commands('drift.yml').join('\n');
    expect(runs).toContain('npm run --silent changed-stacks -- --all --format json > waves.json');
    expect(runs).toContain('npm run --silent waves -- drift --waves waves.json');
  });
});

describe("the README's Pipeline section", () => {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Pipeline\n'), readme.indexOf('\n## ', readme.indexOf('\n## Pipeline\n') + 1));

  it('runs only npm scripts and options that exist, silent wherever their output is kept', () => {
    expectKnownOptions(section);
    for (const line of section.split('\n').filter((line) => /npm run [^|]*> /.test(line))) expect(line).toMatch(/npm run --silent /);
  });

  it('shows policies that are JSON', () => {
    const blocks = [...section.matchAll(/```json\n([^]*?)```/g)].map((match) => match[1]);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(JSON.parse(block).Version).toBe('2012-10-17');
  });
});
