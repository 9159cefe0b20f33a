/**
 * The change of one stack between two synthesized outputs: its resources, data sources and
 * outputs added, removed or changed attribute by attribute (embedded documents parsed),
 * with the resources it imports. A stack whose text is the same on both sides is not read.
 */
import type { ResourceChange, StackChange } from './report';
import { replacingChanges } from './replacements';
import type { SynthesizedOutput, TerraformJson } from './synthesized-output';
import { type Noise, valueChanges } from './value-diff';

const KINDS = ['resource', 'data'] as const;

/** A resource's body before and after, for the risk rules; left out of the report, which says what changed. */
export interface ResourceValues {
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
}

const VALUES = new WeakMap<ResourceChange, ResourceValues>();

export function valuesOf(resource: ResourceChange): ResourceValues {
  return VALUES.get(resource) ?? {};
}

export function withValues(resource: ResourceChange, values: ResourceValues): ResourceChange {
  VALUES.set(resource, values);
  return resource;
}

function blocksOf(json: TerraformJson | undefined): Map<string, { kind: ResourceChange['kind']; type: string; name: string; body: unknown }> {
  const blocks = new Map<string, { kind: ResourceChange['kind']; type: string; name: string; body: unknown }>();
  if (!json) return blocks;
  for (const kind of KINDS) {
    for (const [type, entries] of Object.entries((json[kind] ?? {}) as Record<string, Record<string, unknown>>)) {
      for (const [name, body] of Object.entries(entries)) blocks.set(`${kind === 'data' ? 'data.' : ''}${type}.${name}`, { kind, type, name, body });
    }
  }
  for (const [name, body] of Object.entries((json.output ?? {}) as Record<string, unknown>))
    blocks.set(`output.${name}`, { kind: 'output', type: 'output', name, body });
  return blocks;
}

function importsOf(json: TerraformJson | undefined): StackChange['imports'] {
  const imports = (json?.import ?? []) as { to?: unknown; id?: unknown }[];
  return imports.map((entry) => ({ to: String(entry.to), id: String(entry.id) })).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

function actionOf(before: unknown, after: unknown, type: string, paths: readonly string[]): { action: ResourceChange['action']; replacedBecause: string[] } {
  if (before === undefined) return { action: 'create', replacedBecause: [] };
  if (after === undefined) return { action: 'delete', replacedBecause: [] };
  const replacedBecause = replacingChanges(type, paths);
  return { action: replacedBecause.length > 0 ? 'replace' : 'update', replacedBecause };
}

/** The stack's changes between `before` (absent: the stack is new) and `after` (absent: the stack is gone). */
export function stackChange(name: string, before: TerraformJson | undefined, after: TerraformJson | undefined, noise: Noise): StackChange | undefined {
  const a = blocksOf(before);
  const b = blocksOf(after);
  const resources: ResourceChange[] = [];
  for (const address of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const was = a.get(address);
    const is = b.get(address);
    const { attributes, documents } = valueChanges(was?.body ?? {}, is?.body ?? {}, noise);
    if (was && is && attributes.length === 0 && documents.length === 0) continue;
    const block = (is ?? was)!;
    const changed = [...attributes.map((change) => change.path), ...documents.map((document) => document.attribute)];
    resources.push(
      withValues(
        {
          address,
          kind: block.kind,
          type: block.type,
          name: block.name,
          ...actionOf(was?.body, is?.body, block.type, changed),
          unknownAfter: [],
          attributes,
          documents,
        },
        { before: was?.body as Record<string, unknown> | undefined, after: is?.body as Record<string, unknown> | undefined },
      ),
    );
  }
  const afterImports = importsOf(after);
  const beforeImports = new Set(importsOf(before).map((entry) => `${entry.to} ${entry.id}`));
  const imports = afterImports.filter((entry) => !beforeImports.has(`${entry.to} ${entry.id}`));
  const status = !before ? 'added' : !after ? 'removed' : 'changed';
  if (status === 'changed' && resources.length === 0 && imports.length === 0) return undefined;
  return { name, status, resources, imports, drift: [] };
}

/** The stacks whose text differs, in name order, each compared. */
export function stackChanges(before: SynthesizedOutput, after: SynthesizedOutput, noise: Noise): StackChange[] {
  const beforeNames = new Set(before.stackNames);
  const afterNames = new Set(after.stackNames);
  const changes: StackChange[] = [];
  for (const name of [...new Set([...beforeNames, ...afterNames])].sort()) {
    const inBefore = beforeNames.has(name);
    const inAfter = afterNames.has(name);
    if (inBefore && inAfter && before.text(name) === after.text(name)) continue;
    const change = stackChange(name, inBefore ? before.json(name) : undefined, inAfter ? after.json(name) : undefined, noise);
    if (change) changes.push(change);
  }
  return changes;
}
