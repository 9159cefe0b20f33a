import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, copyOfExampleOutput, editFile, filesUnder, REPOSITORY, runEntry, temporaryDirectory } from '../support/example-config';

const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

function brokenExample(): string {
  const dir = copyExample();
  editFile(dir, 'accounts/payments-dev.yaml', (text) => text.replace(/^email: .*\n/m, ''));
  editFile(dir, 'accounts/payments-prod.yaml', (text) => text.replace('ou: Workloads/Prod', 'ou: Workloads/Prd'));
  return dir;
}

describe('synth (main.ts)', () => {
  it('synthesizes the configuration LZ_CONFIG_DIR points at and says what it wrote', () => {
    const outdir = join(temporaryDirectory(), 'out');
    const result = runEntry('main.ts', [], { LZ_CONFIG_DIR: copyExample(), CDKTF_OUTDIR: outdir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Example Corp: 22 stacks in');
    expect(existsSync(join(outdir, 'stacks', 'account-payments-dev', 'cdk.tf.json'))).toBe(true);
  });

  it('reports every error by file, field and line, exits 1 without a stack trace, and leaves the earlier output as it was', () => {
    const outdir = copyOfExampleOutput();
    const before = filesUnder(outdir);
    const result = runEntry('main.ts', [], { LZ_CONFIG_DIR: brokenExample(), CDKTF_OUTDIR: outdir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        '2 errors in the landing zone configuration; nothing was written.',
        'accounts/payments-dev.yaml:2 email: is required (expected a string)',
        '',
        'accounts/payments-prod.yaml:4 ou: expected an OU from landing-zone.yaml (Security, Infrastructure, Workloads, Workloads/Prod, Workloads/NonProd, Sandbox, Suspended), got "Workloads/Prd"; did you mean "Workloads/Prod"?',
        '',
      ].join('\n'),
    );
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(filesUnder(outdir)).toEqual(before);
  });

  it('writes nothing at all when the first synth has an error', () => {
    const outdir = join(temporaryDirectory(), 'never-written');
    const result = runEntry('main.ts', [], { LZ_CONFIG_DIR: brokenExample(), CDKTF_OUTDIR: outdir });
    expect(result.status).toBe(1);
    expect(existsSync(outdir)).toBe(false);
  });

  it('prints warnings on stdout, which cdktf synth does not label as errors', () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'accounts', 'notes.txt'), 'not a request\n');
    const result = runEntry('main.ts', [], { LZ_CONFIG_DIR: dir, CDKTF_OUTDIR: join(temporaryDirectory(), 'out') });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1 warning:\naccounts/notes.txt is not read');
  });

  it('is what npm run synth runs, without the cdktf CLI, so that the same app writes the same output', () => {
    const app = JSON.parse(readFileSync(join(REPOSITORY, 'cdktf.json'), 'utf8')).app;
    expect(JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')).scripts.synth).toBe(app);
  });

  it('explains a directory without landing-zone.yaml', () => {
    const empty = temporaryDirectory();
    const result = runEntry('main.ts', [], { LZ_CONFIG_DIR: empty, CDKTF_OUTDIR: join(empty, 'out') });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`No landing-zone.yaml in ${empty}. Run from the landing zone's directory, or point LZ_CONFIG_DIR at it.`);
  });
});

describe('npm run validate (lib/cli/validate.ts)', () => {
  it('accepts the example and writes nothing', () => {
    const dir = copyExample();
    const result = runEntry('lib/cli/validate.ts', ['--config-dir', dir], {});
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(`${dir}: valid. Example Corp: 7 OUs, 6 member accounts, governed regions eu-west-1, eu-central-1.`);
    expect(existsSync(join(dir, 'cdktf.out'))).toBe(false);
  });

  it('names --config-dir when the directory it names holds no landing-zone.yaml', () => {
    const empty = temporaryDirectory();
    const result = runEntry('lib/cli/validate.ts', ['--config-dir', empty], { LZ_CONFIG_DIR: '' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`No landing-zone.yaml in ${empty}. Name with --config-dir the directory that holds it.`);
  });

  it('says once what two checks of one field find alike', () => {
    const dir = copyExample();
    editFile(dir, 'accounts/payments-dev.yaml', (text) => text.replace(/^email: .*$/m, 'email: bad'));
    const result = runEntry('lib/cli/validate.ts', ['--config-dir', dir], {});
    expect(result.stderr).toBe(
      '1 error in the landing zone configuration; nothing was written.\naccounts/payments-dev.yaml:3 email: expected an email address, got "bad"\n',
    );
  });

  it('rejects a broken configuration with the same report as synth', () => {
    const result = runEntry('lib/cli/validate.ts', [], { LZ_CONFIG_DIR: brokenExample() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('accounts/payments-dev.yaml:2 email: is required (expected a string)');
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});
