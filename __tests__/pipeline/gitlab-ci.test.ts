/**
 * The sample GitLab CI pipeline in `examples/gitlab-ci.yml`: YAML that parses, GitLab's own
 * keywords only, the commands and options of the project, and the shape that matters: each
 * wave a `parallel: matrix` of shards after the wave before it, AWS credentials from GitLab's
 * ID token only, failures left to the report job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { REPOSITORY } from '../support/example-config';
import { expectKnownOptions, expectScriptsThatExist } from '../support/pipeline-commands';

interface GitLabJob {
  readonly extends?: string | readonly string[];
  readonly stage?: string;
  readonly script?: readonly string[];
  readonly before_script?: readonly string[];
  readonly after_script?: readonly string[];
  readonly variables?: Record<string, string>;
  readonly needs?: readonly string[];
  readonly parallel?: { readonly matrix: readonly Record<string, readonly string[]>[] };
  readonly id_tokens?: Record<string, { readonly aud: string }>;
  readonly allow_failure?: { readonly exit_codes: readonly number[] };
  readonly rules?: readonly { readonly if: string }[];
}

const FILE = join(REPOSITORY, 'examples', 'gitlab-ci.yml');
const TEXT = readFileSync(FILE, 'utf8');
const PIPELINE = parse(TEXT) as Record<string, unknown>;
const VARIABLES = PIPELINE.variables as Record<string, string>;

/** GitLab's global keywords (its CI/CD YAML syntax reference); every other top-level key is a job. */
const GLOBAL_KEYWORDS = ['default', 'include', 'stages', 'variables', 'workflow'];
/** The job keywords of the same reference. */
const JOB_KEYWORDS = [
  'after_script',
  'allow_failure',
  'artifacts',
  'before_script',
  'cache',
  'coverage',
  'dependencies',
  'environment',
  'extends',
  'id_tokens',
  'image',
  'inherit',
  'interruptible',
  'needs',
  'parallel',
  'resource_group',
  'retry',
  'rules',
  'script',
  'secrets',
  'services',
  'stage',
  'tags',
  'timeout',
  'trigger',
  'variables',
  'when',
];

const jobs = Object.fromEntries(Object.entries(PIPELINE).filter(([key]) => !GLOBAL_KEYWORDS.includes(key))) as Record<string, GitLabJob>;

/** A job with what it extends merged in, as GitLab merges it (hashes deeply, the rest replaced). */
function resolved(name: string): GitLabJob {
  const job = jobs[name];
  const bases = job.extends === undefined ? [] : typeof job.extends === 'string' ? [job.extends] : job.extends;
  const merge = (into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> => {
    const result = { ...into };
    for (const [key, value] of Object.entries(from))
      result[key] =
        value && typeof value === 'object' && !Array.isArray(value) && result[key] && typeof result[key] === 'object' && !Array.isArray(result[key])
          ? merge(result[key] as Record<string, unknown>, value as Record<string, unknown>)
          : value;
    return result;
  };
  const { extends: _extends, ...own } = job;
  return bases.reduceRight<Record<string, unknown>>((merged, base) => merge(resolved(base) as Record<string, unknown>, merged), own) as GitLabJob;
}

const scripts = Object.keys(jobs).flatMap((name) => {
  const job = resolved(name);
  return [...(job.before_script ?? []), ...(job.script ?? []), ...(job.after_script ?? [])];
});

describe('the sample GitLab CI pipeline', () => {
  it('is YAML without errors or warnings, of GitLab’s keywords only', () => {
    const document = parseDocument(TEXT);
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
    for (const [name, job] of Object.entries(jobs)) {
      expect(`${name}: ${Object.keys(job).filter((key) => !JOB_KEYWORDS.includes(key))}`).toBe(`${name}: `);
      for (const base of typeof job.extends === 'string' ? [job.extends] : (job.extends ?? [])) expect(Object.keys(jobs)).toContain(base);
      const stage = resolved(name).stage;
      if (!name.startsWith('.')) expect(PIPELINE.stages).toContain(stage);
    }
  });

  it('runs only npm scripts that exist, silent wherever their output is kept, with options the tools have', () => {
    expectScriptsThatExist(scripts.join('\n'));
    expectKnownOptions(scripts.join('\n'));
  });

  it('runs each wave as a matrix of its shards, after the wave before it, for plans and applies alike', () => {
    for (const mode of ['plan', 'apply']) {
      const waves = Object.keys(jobs).filter((name) => new RegExp(`^${mode}-wave-\\d+$`).test(name));
      expect(waves).toEqual(Array.from({ length: 10 }, (_, index) => `${mode}-wave-${index + 1}`));
      waves.forEach((name, index) => {
        const job = resolved(name);
        expect(job.variables).toMatchObject({ MODE: mode, WAVE: String(index + 1) });
        expect(job.needs).toEqual(index === 0 ? [`list-${mode}`] : [`list-${mode}`, `${mode}-wave-${index}`]);
        // parallel: matrix takes no variable: its shards are SHARDS written out.
        expect(job.parallel?.matrix).toEqual([{ SHARD: Array.from({ length: Number(VARIABLES.SHARDS) }, (_, shard) => String(shard + 1)) }]);
      });
      expect(resolved(`${mode}-report`).needs).toEqual([`${mode}-wave-10`]);
    }
    expect(resolved('drift')).toMatchObject({ variables: { MODE: 'drift', WAVE: '0' }, needs: ['list-drift'] });
    const run = resolved('.wave').script!.join('\n');
    expect(run).toContain('options=(--shard "$SHARD/$SHARDS")');
    expect(run).toContain('options+=(--earlier-reports reports/*.json)');
  });

  it('takes AWS credentials only from GitLab’s ID token, the apply role only for applies of the default branch', () => {
    expect(TEXT).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-access-key|aws_secret/i);
    expect(resolved('.wave').id_tokens).toEqual({ AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } });
    for (const name of Object.keys(jobs).filter((job) => !job.startsWith('.'))) {
      const job = resolved(name);
      const role = job.variables?.AWS_ROLE_ARN;
      expect(`${name}: ${role !== undefined}`).toBe(`${name}: ${job.id_tokens !== undefined}`);
      if (role !== undefined) expect(role).toBe(job.variables?.MODE === 'apply' ? '$LANDING_ZONE_APPLY_ROLE_ARN' : '$LANDING_ZONE_PLAN_ROLE_ARN');
      if (job.variables?.MODE === 'apply') expect(job.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    }
  });

  it('lets a wave whose stacks failed pass with a warning, so that the later waves run, and fails in the report', () => {
    expect(resolved('.wave').allow_failure).toEqual({ exit_codes: [2, 3] });
    expect(resolved('apply-report').script!.join('\n')).toContain('npm run --silent waves -- report reports/*.json');
  });
});
