/** `npm run waves -- <mode> --dry-run`: what would run, in which order, without Terraform. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackWaves } from '../../lib/pipeline/changed-stacks';
import { runEntry, temporaryDirectory } from '../support/example-config';

const WAVES: StackWaves = {
  waves: [
    { number: 1, steps: [{ stack: 'account-payments-qa', action: 'apply', reason: 'added', output: 'cdktf.out', afterApplying: [] }] },
    { number: 2, steps: [{ stack: 'baseline-payments-qa', action: 'apply', reason: 'added', output: 'cdktf.out', afterApplying: ['account-payments-qa'] }] },
    { number: 3, steps: [{ stack: 'baseline-retired', action: 'destroy', reason: 'removed', output: 'cdktf.out.base', afterApplying: [] }] },
  ],
};

function dryRun(mode: string) {
  const file = join(temporaryDirectory(), 'waves.json');
  writeFileSync(file, JSON.stringify(WAVES));
  // A Terraform that does not exist: the dry run must not start it.
  return runEntry('lib/cli/waves.ts', [mode, '--waves', file, '--dry-run', '--terraform', '/nonexistent/terraform'], {});
}

describe('npm run waves -- --dry-run', () => {
  it('prints the plan of each stack, wave by wave, and skips what waits for an apply, running nothing', () => {
    const result = dryRun('plan');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'plan, wave after wave, at most 4 stacks of a wave at a time (dry run: Terraform not started):',
        'wave 1:',
        '  new account-payments-qa in cdktf.out/stacks/account-payments-qa',
        '    terraform init, terraform plan -out=plans/account-payments-qa.tfplan, terraform show -json into plans/account-payments-qa.json',
        'wave 2:',
        '  new baseline-payments-qa in cdktf.out/stacks/baseline-payments-qa',
        '    skipped: it can be planned only once account-payments-qa is applied',
        'wave 3:',
        '  destroy baseline-retired in cdktf.out.base/stacks/baseline-retired',
        '    terraform init, terraform plan -out=plans/baseline-retired.tfplan -destroy, terraform show -json into plans/baseline-retired.json',
        '',
      ].join('\n'),
    );
  });

  it('says that an apply runs a wave once the waves before are applied', () => {
    const result = dryRun('apply');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('wave 2, once every stack of the waves before is applied:\n  new baseline-payments-qa');
    expect(result.stdout).toContain(
      'terraform apply plans/baseline-retired.tfplan if that saved plan still holds, else a fresh destroy plan, applied when it has no risk',
    );
  });

  it('says that a drift check runs every stack in no order, as the runner does', () => {
    const result = dryRun('drift');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'drift, every stack in no order, the waves only grouping them, at most 4 at a time (dry run: Terraform not started):',
    );
  });
});
