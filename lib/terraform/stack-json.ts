/**
 * A stack's Terraform JSON as cdktf's `TerraformStack.toTerraform` writes it, for a fraction
 * of its cost. cdktf resolves every element's JSON, merges them, and resolves the whole
 * again, visiting every value twice with new resolution contexts for each: the largest part
 * of a synth. Nearly every value is plain data that resolving returns as it is. Here, in the
 * same pass that escapes literal text (`literal-text.ts`), only the values that can hold a
 * token (a string with a token marker or an encoded number, a number that encodes a token,
 * an object that resolves itself or is no plain object) are resolved, by cdktf, each as it
 * would be in its place, and the rest is copied. A test compares both ways on every stack of
 * the example, byte by byte.
 */
import { DefaultTokenResolver, StringConcat, TerraformElement, TerraformOutput, TerraformStack, Token, Tokenization } from 'cdktf';
import type { IConstruct } from 'constructs';
import { deepMerge } from 'cdktf/lib/util';
import { escapeLiteralText, escapeString } from './literal-text';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** cdktf's markers of string, list and map tokens all hold this. */
const TOKEN_MARKER = 'TfToken[';
/** What cdktf's search for encoded numbers in a string starts from (`[-|\d|.\+]+e...`): a string without it holds none. */
const ENCODED_NUMBER = /[-|\d.+]e/;
/** Encoded numbers are doubles far larger than any number Terraform JSON holds here. */
const LARGEST_PLAIN_NUMBER = 1e200;

function resolvedByCdktf(stack: TerraformStack, value: unknown): unknown {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
}

function isPlainText(text: string): boolean {
  return !text.includes(TOKEN_MARKER) && !ENCODED_NUMBER.test(text);
}

function mayEncodeToken(value: number): boolean {
  return !(Math.abs(value) < LARGEST_PLAIN_NUMBER) || Token.isUnresolved(value);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !Tokenization.isResolvable(value);
}

/**
 * `value` resolved as cdktf's `resolve` would, undefined entries of objects and arrays left
 * out; with `escape`, as it would resolve `escapeLiteralText(value)`.
 */
function resolvedValue(stack: TerraformStack, value: unknown, escape: boolean): unknown {
  switch (typeof value) {
    case 'string': {
      const text = escape ? escapeString(value) : value;
      return isPlainText(value) ? text : resolvedByCdktf(stack, text);
    }
    case 'number':
      return mayEncodeToken(value) ? resolvedByCdktf(stack, value) : value;
    case 'boolean':
    case 'undefined':
      return value;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) {
        if (value.some((item) => (typeof item === 'string' && item.includes(TOKEN_MARKER)) || (typeof item === 'number' && mayEncodeToken(item))))
          return resolvedByCdktf(stack, escape ? escapeLiteralText(value) : value);
        return value.map((item) => resolvedValue(stack, item, escape)).filter((item) => item !== undefined);
      }
      if (!isPlainObject(value)) return resolvedByCdktf(stack, escape ? escapeLiteralText(value) : value);
      return resolvedEntries(stack, value as Record<string, unknown>, escape);
    default:
      return resolvedByCdktf(stack, value);
  }
}

function resolvedEntries(stack: TerraformStack, object: Record<string, unknown>, escape: boolean): unknown {
  const keys = Object.keys(object);
  if (keys.some((key) => !isPlainText(key))) return resolvedByCdktf(stack, escape ? escapeLiteralText(object) : object);
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const value = resolvedValue(stack, object[key], escape);
    if (value !== undefined) result[escape ? escapeString(key) : key] = value;
  }
  return result;
}

/** The stack's elements, in cdktf's order, not those of a stack nested in it. */
function elementsOf(node: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) if (!TerraformStack.isStack(child)) elementsOf(child, into);
  return into;
}

/** The `//` block's map of outputs: each output's id under the parts of its construct path. */
function outputIds(outputs: readonly TerraformOutput[]): Record<string, unknown> {
  const ids: Record<string, unknown> = {};
  for (const output of outputs) {
    deepMerge(
      ids,
      output.node.path
        .split('/')
        .reduceRight<Record<string, unknown>>((inner, part) => ({ [part]: Object.keys(inner).length === 0 ? output.friendlyUniqueId : inner }), {}),
    );
  }
  return ids;
}

/**
 * `stack.toTerraform()` of cdktf, for a stack without overrides of its own
 * (`stack.addOverride`), each element's JSON being `escapeLiteralText(literalOutputOf(element))`.
 */
export function stackJson(stack: TerraformStack, literalOutputOf: (element: TerraformElement) => unknown): Record<string, unknown> {
  const metadata: Record<string, unknown> = { version: stack.node.tryGetContext('cdktfVersion'), stackName: stack.node.id, backend: 'local', cloud: undefined };
  const elements = elementsOf(stack);
  for (const element of elements) deepMerge(metadata, resolvedValue(stack, element.toMetadata(), false));
  const json: Record<string, unknown> = {
    '//': { metadata: resolvedValue(stack, metadata, false), outputs: outputIds(elements.filter(TerraformOutput.isTerraformOutput)) },
  };
  // What the elements give is resolved already: cdktf's second pass over the merged whole would return it as it is.
  for (const element of elements) deepMerge(json, resolvedValue(stack, literalOutputOf(element), true));
  return json;
}
