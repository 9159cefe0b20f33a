/**
 * Runs Terraform in a stack's directory. Its output goes to the log line by line, with the
 * stack's name in front so that stacks running side by side stay readable; its standard
 * error is also kept for the runner to read what failed. A JSON plan goes to a file instead.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UserError } from '../diagnostics';

export interface TerraformCommand {
  readonly directory: string;
  readonly args: readonly string[];
  /** Receives each line Terraform prints. */
  readonly log: (line: string) => void;
  /** Where standard output goes instead of the log (`terraform show -json`). */
  readonly stdoutFile?: string;
}

export interface TerraformResult {
  readonly status: number;
  readonly stderr: string;
}

export type RunTerraform = (command: TerraformCommand) => Promise<TerraformResult>;

/** Errors are short; a provider that prints megabytes keeps only its last part. */
const KEPT_STDERR = 64 * 1024;

function eachLine(stream: Readable, line: (text: string) => void): Promise<void> {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    lines.forEach((text) => line(text.replace(/\r$/, '')));
  });
  return finished(stream).then(() => {
    if (pending !== '') line(pending);
  });
}

/** Runs `binary` (a `terraform` on PATH, or a path) without input, colour or update checks. */
export function terraformProcess(binary: string): RunTerraform {
  return (command) =>
    new Promise((resolve, reject) => {
      const child = spawn(binary, command.args, {
        cwd: command.directory,
        env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const streams = [
        eachLine(child.stderr, (text) => {
          command.log(text);
          stderr = `${stderr}${text}\n`.slice(-KEPT_STDERR);
        }),
      ];
      if (command.stdoutFile === undefined) streams.push(eachLine(child.stdout, command.log));
      else streams.push(finished(child.stdout.pipe(createWriteStream(command.stdoutFile))));
      child.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT'
            ? new UserError(`${binary} was not found: install Terraform (1.10 or later) or name it with TERRAFORM_BINARY or --terraform`)
            : error,
        ),
      );
      child.on('close', (code) => {
        Promise.all(streams).then(() => resolve({ status: code ?? 1, stderr }), reject);
      });
    });
}
