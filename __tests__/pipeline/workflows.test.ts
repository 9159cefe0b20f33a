/**
 * The sample pipeline in `.github/workflows/`: valid for GitHub's own workflow parser, and
 * what matters in it holds: OIDC roles and no AWS keys, actions pinned to commits, commands
 * that exist, one apply at a time.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expectKnownOptions, expectScriptsThatExist, optionsOf } from '../support/pipeline-commands';
import { REPOSITORY, temporaryDirectory } from '../support/example-config';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}

interface Job {
  readonly permissions?: Record<string, string>;
  readonly environment?: string;
  readonly needs?: string | readonly string[];
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
  readonly strategy?: { readonly matrix: string; readonly 'fail-fast'?: boolean };
  readonly outputs?: Record<string, string>;
  readonly steps?: readonly Step[];
  readonly env?: Record<string, string>;
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
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps ?? []);
const commands = (file: string) => steps(file).flatMap((step) => (step.run ? [step.run] : []));

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

describe('the sample pipeline', () => {
  it('has the three workflows and the wave job they call', () => {
    expect(FILES).toEqual(['deploy.yml', 'drift.yml', 'pull-request.yml', 'wave.yml']);
    expect(Object.keys(workflow('wave.yml').on)).toEqual(['workflow_call']);
  });

  it('is valid for GitHub’s workflow parser', () => {
    const files = FILES.map((file) => join(DIRECTORY, file));
    expect(parserErrors(files)).toEqual(Object.fromEntries(files.map((file) => [file, []])));
  });

  it('fails the parser when a workflow is broken, so that the check above can fail', () => {
    const broken = join(temporaryDirectory(), 'broken.yml');
    writeFileSync(
      broken,
      text('wave.yml')
        .replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')
        .replace('id-token: write', 'id-token: read')
        .replace('|| vars.LANDING_ZONE_PLAN_ROLE_ARN }}', '|| var.LANDING_ZONE_PLAN_ROLE_ARN }}'),
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
      const credentials = (job.steps ?? []).filter((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      // Only the wave job takes credentials; a job that calls it grants it id-token write, no other job has it.
      if (file === 'wave.yml') {
        expect(credentials).toHaveLength(1);
        expect(credentials[0].with?.['role-to-assume']).toBe(
          "${{ inputs.mode == 'apply' && vars.LANDING_ZONE_APPLY_ROLE_ARN || vars.LANDING_ZONE_PLAN_ROLE_ARN }}",
        );
      } else expect(credentials).toHaveLength(0);
      expect(job.permissions?.['id-token'] === 'write').toBe(file === 'wave.yml' || job.uses === './.github/workflows/wave.yml');
      if (job.uses) expect(job.with?.mode).toBe(file === 'deploy.yml' ? 'apply' : file === 'drift.yml' ? 'drift' : 'plan');
    }
    // The apply role, and the environment it trusts, only for applies.
    const wave = workflow('wave.yml').jobs;
    expect([wave.plan.if, wave.plan.environment, wave.apply.if, wave.apply.environment]).toEqual([
      "inputs.mode != 'apply'",
      undefined,
      "inputs.mode == 'apply'",
      'landing-zone',
    ]);
  });

  it.each(FILES)('%s pins every action to a full commit, with its version beside it', (file) => {
    const uses = text(file)
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    expect(text(file)).not.toMatch(/uses: [\w-]+\/[\w-]+@(?![0-9a-f]{40} )/);
    for (const line of uses) expect(line).toMatch(/uses: ([\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+|\.\/\.github\/workflows\/wave\.yml)$/);
    for (const step of steps(file).filter((step) => step.uses?.startsWith('hashicorp/setup-terraform@'))) expect(step.with?.terraform_wrapper).toBe(false);
  });

  it.each(FILES)('%s runs only npm scripts that exist, silent wherever their output is kept', (file) => {
    expectScriptsThatExist(commands(file).join('\n'));
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

  it('reviews a pull request without credentials, then plans its changed stacks in shards, wave after wave', () => {
    const runs = commands('pull-request.yml').join('\n');
    expect(runs).toContain(
      'npm run --silent changed-stacks -- --base "origin/$BASE_REF" --shards "$SHARDS" --service-concurrency "organizations=$ORGANIZATIONS_CONCURRENCY" "identity-center=$IDENTITY_CENTER_CONCURRENCY" --format json > waves.json',
    );
    expect(runs).toContain('npm run scan');
    expect(runs).toContain('--fail-on risky');
    expect(commands('wave.yml').join('\n')).toContain(
      'npm run --silent waves -- "$MODE" --waves waves.json --plans-dir plans --concurrency "$CONCURRENCY" --report-json',
    );
    expect(text('wave.yml')).toContain('CONCURRENCY: ${{ vars.LANDING_ZONE_CONCURRENCY || 4 }}');
    const review = workflow('pull-request.yml').jobs.review;
    expect(review.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(review.steps!.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    expect(Object.keys(workflow('pull-request.yml').on)).toEqual(['pull_request']);
  });

  /** The jobs of the waves, in order, each after the one before, each a matrix of the shards of its wave. */
  function expectWavesInOrder(file: string, first: string): string[] {
    const jobs = workflow(file).jobs;
    const waves = Object.keys(jobs).filter((name) => /^wave-\d+$/.test(name));
    expect(waves.length).toBeGreaterThanOrEqual(10);
    waves.forEach((name, index) => {
      const job = jobs[name];
      expect(name).toBe(`wave-${index + 1}`);
      expect(job.needs).toEqual(index === 0 ? [first] : [first, `wave-${index}`]);
      expect(job.uses).toBe('./.github/workflows/wave.yml');
      expect(job.with?.wave).toBe(index + 1);
      expect(job.strategy?.matrix).toBe(`\${{ fromJSON(needs.${first}.outputs.matrix)['wave-${index + 1}'] }}`);
      // A failed stack fails its shard's job, and the later waves still run: what depends on it is blocked there, nothing else.
      expect(job.strategy?.['fail-fast']).toBe(false);
      expect(job.if).toMatch(
        new RegExp(
          `^\\$\\{\\{ !cancelled\\(\\) && needs\\.${first}\\.result == 'success' .*fromJSON\\(needs\\.${first}\\.outputs\\.matrix\\)\\.waves >= ${index + 1} }}$`,
        ),
      );
    });
    // Each list job fails rather than leave waves without a job.
    expect(commands(file).join('\n')).toContain(
      `this workflow ${file === 'deploy.yml' ? 'runs' : 'plans'} ${waves.length}: add jobs wave-${waves.length + 1} and on`,
    );
    return waves;
  }

  it('ends a pull request in a gate that always runs and needs the review, every wave and the plan summary', () => {
    const waves = expectWavesInOrder('pull-request.yml', 'review');
    const { gate } = workflow('pull-request.yml').jobs;
    expect(gate.if).toBe('always()');
    expect(gate.needs).toEqual(['review', ...waves, 'summary']);
    expect(gate.permissions).toEqual({});
  });

  describe('the gate', () => {
    const gate = workflow('pull-request.yml').jobs.gate.steps![0];
    const verdict = (env: Record<string, string>) => {
      const waves = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`WAVE_${index + 1}`, 'skipped']));
      const ran = spawnSync('bash', ['-e', '-c', gate.run!], {
        env: {
          PATH: process.env.PATH,
          REVIEW: 'success',
          SAME_REPOSITORY: 'true',
          WAVES: '2',
          SUMMARY: 'success',
          RISKY: 'false',
          APPROVED: 'false',
          ...waves,
          WAVE_1: 'success',
          WAVE_2: 'success',
          ...env,
        },
        encoding: 'utf8',
      });
      return { status: ran.status, message: ran.stdout.trim() };
    };

    it('passes a reviewed and planned change, and one with no stack to plan', () => {
      expect(verdict({}).status).toBe(0);
      expect(verdict({ WAVES: '0', WAVE_1: 'skipped', WAVE_2: 'skipped' }).status).toBe(0);
      expect(verdict({ RISKY: 'true', APPROVED: 'true' }).status).toBe(0);
    });

    it('fails a fork’s pull request, a failed or skipped review, a wave not planned, a failed summary and an unapproved risk', () => {
      expect(verdict({ SAME_REPOSITORY: 'false' })).toEqual({ status: 1, message: expect.stringMatching(/from a fork .* cannot be planned/) });
      expect(verdict({ REVIEW: 'skipped' }).status).toBe(1);
      expect(verdict({ REVIEW: 'failure' }).status).toBe(1);
      expect(verdict({ WAVE_2: 'skipped' })).toEqual({ status: 1, message: '::error::Wave 2 of the plan: success expected, got skipped.' });
      expect(verdict({ WAVE_2: 'failure' }).status).toBe(1);
      expect(verdict({ WAVES: '1' }).status).toBe(1);
      expect(verdict({ SUMMARY: 'skipped' }).status).toBe(1);
      expect(verdict({ RISKY: 'true' })).toEqual({ status: 1, message: expect.stringMatching(/risk-approved label/) });
    });
  });

  it('applies on a push to main in waves of shards, one deploy at a time and never beside a drift check, approved once', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(deploy.on)).toEqual(['push', 'workflow_dispatch']);
    expect(deploy.concurrency).toEqual({ group: 'landing-zone-state', 'cancel-in-progress': false });
    expect(workflow('drift.yml').concurrency).toEqual(deploy.concurrency);
    expect(deploy.jobs.list.environment).toBe('landing-zone-approval');
    expectWavesInOrder('deploy.yml', 'list');
    const runs = commands('deploy.yml').join('\n');
    // The same shards as the pull request's plan, and the same caps on the applies of Organizations and Identity Center resources.
    expect(runs).toContain(
      'npm run --silent changed-stacks -- --base "$BEFORE" --shards "$SHARDS" --service-concurrency "organizations=$ORGANIZATIONS_CONCURRENCY" "identity-center=$IDENTITY_CENTER_CONCURRENCY" --format json',
    );
    const caps = {
      SHARDS: '${{ vars.LANDING_ZONE_SHARDS || 4 }}',
      ORGANIZATIONS_CONCURRENCY: '${{ vars.LANDING_ZONE_ORGANIZATIONS_CONCURRENCY || 4 }}',
      IDENTITY_CENTER_CONCURRENCY: '${{ vars.LANDING_ZONE_IDENTITY_CENTER_CONCURRENCY || 2 }}',
    };
    expect(workflow('deploy.yml').jobs.list.env).toMatchObject(caps);
    expect(workflow('pull-request.yml').jobs.review.env).toMatchObject(caps);
    expect(runs).toContain('npm run --silent changed-stacks -- --waves waves.json --format github-matrix');
    expect(commands('wave.yml').join('\n')).toContain('options+=(--resume resume/apply-report.json)');
  });

  it('checks for drift on a schedule and on demand, every stack, in one matrix of shards', () => {
    expect(Object.keys(workflow('drift.yml').on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const runs = commands('drift.yml').join('\n');
    expect(runs).toContain('npm run --silent changed-stacks -- --all --shards "$SHARDS" --format json');
    const { drift, report } = workflow('drift.yml').jobs;
    expect(drift.strategy?.matrix).toBe('${{ fromJSON(needs.list.outputs.matrix).all }}');
    expect(drift.with).toMatchObject({ mode: 'drift', wave: 0 });
    expect(report.needs).toBe('drift');
    expect(runs).toContain('npm run --silent waves -- report reports/*.json --format markdown --output drift-report.md');
  });
});

describe("the README's Pipeline section", () => {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Pipeline\n'), readme.indexOf('\n## ', readme.indexOf('\n## Pipeline\n') + 1));

  it('runs only npm scripts and options that exist, silent wherever their output is kept', () => {
    expectKnownOptions(section);
    for (const line of section.split('\n').filter((line) => /npm run [^|]*> /.test(line))) expect(line).toMatch(/npm run --silent /);
  });

  /** The options of the table under `caption`: each flags cell with its default cell. */
  function optionTable(caption: string): Map<string, string> {
    const start = section.indexOf(`\n${caption}\n`);
    expect(start).toBeGreaterThan(-1);
    const table = section
      .slice(start + caption.length + 2)
      .trimStart()
      .split('\n\n')[0];
    const rows = table.split('\n').filter((line) => line.startsWith('| `-'));
    return new Map(rows.map((row) => row.split(' | ')).map(([flags, byDefault]) => [flags.replace(/^\| `(.*)`$/, '$1'), byDefault]));
  }

  it.each([
    ['Options of `waves plan`, `waves apply` and `waves drift` (they share them):', ['plan', 'apply', 'drift']],
    ['Options of `waves schedule`:', ['schedule']],
  ])('lists under "%s" every option the command has, with its default', (caption, commands) => {
    const documented = optionTable(caption);
    for (const command of commands) {
      const options = optionsOf('lib/cli/waves.ts', command);
      expect([...documented.keys()]).toEqual([...options.keys()]);
      for (const [flags, value] of options) if (value !== undefined) expect(`${flags}: ${documented.get(flags)}`).toContain(`\`${value}\``);
    }
  });

  it('shows policies that are JSON', () => {
    const blocks = [...section.matchAll(/```json\n([^]*?)```/g)].map((match) => match[1]);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(JSON.parse(block).Version).toBe('2012-10-17');
  });
});
