/**
 * A `cdktf.out` directory as the review reads it: its stacks by name, their dependencies
 * from `manifest.json`, each stack's text read once and parsed only when asked for. Nothing
 * of a file's content is ever printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../diagnostics';

/** A stack's Terraform JSON: data of no fixed shape, each reader checks what it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = Record<string, any>;

export interface SynthesizedOutput {
  readonly directory: string;
  /** Sorted. */
  readonly stackNames: readonly string[];
  dependenciesOf(stack: string): readonly string[];
  text(stack: string): string;
  json(stack: string): TerraformJson;
}

interface Manifest {
  readonly stacks: Record<string, { readonly synthesizedStackPath: string; readonly dependencies?: readonly string[] }>;
}

function manifestOf(directory: string): Manifest {
  const path = join(directory, 'manifest.json');
  if (!existsSync(path))
    throw new UserError(`${directory} is not a synthesized landing zone: it has no manifest.json (run cdktf synth, or name the cdktf.out directory)`);
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if (manifest === null || typeof manifest.stacks !== 'object') throw new Error('no stacks');
    return manifest;
  } catch {
    throw new UserError(`${path} is not a cdktf manifest: expected JSON with a "stacks" map`);
  }
}

export function readSynthesizedOutput(directory: string): SynthesizedOutput {
  const manifest = manifestOf(directory);
  const texts = new Map<string, string>();
  const parsed = new Map<string, TerraformJson>();
  const entry = (stack: string) => {
    const found = Object.hasOwn(manifest.stacks, stack) ? manifest.stacks[stack] : undefined;
    if (!found) throw new Error(`no stack ${stack} in ${directory}`);
    return found;
  };
  const text = (stack: string) => {
    let content = texts.get(stack);
    if (content === undefined) {
      const path = join(directory, entry(stack).synthesizedStackPath);
      if (!existsSync(path))
        throw new UserError(`${directory}: the manifest names ${entry(stack).synthesizedStackPath} for stack ${stack}, which does not exist`);
      content = readFileSync(path, 'utf8');
      texts.set(stack, content);
    }
    return content;
  };
  return {
    directory,
    stackNames: Object.keys(manifest.stacks).sort(),
    dependenciesOf: (stack) => entry(stack).dependencies ?? [],
    text,
    json: (stack) => {
      let json = parsed.get(stack);
      if (json === undefined) {
        try {
          json = JSON.parse(text(stack)) as TerraformJson;
        } catch {
          throw new UserError(`${directory}: the Terraform JSON of stack ${stack} does not parse`);
        }
        parsed.set(stack, json);
      }
      return json;
    },
  };
}
