/**
 * The files of a configuration directory, read as data and nothing else. A file is read
 * only if it is a regular file inside the directory (a link, to a file or to a folder, may
 * lead elsewhere inside it, never out of it), of at most 1 MiB, and UTF-8 text (a byte order
 * mark is dropped, whatever the syntax). What cannot be read is an issue naming the file or
 * folder, never an exception, and no message quotes what a file holds.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Issue } from '../diagnostics';
import { compareText } from '../text-order';

/** Far above any configuration file; a larger one is not configuration. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** What a path of the directory is, links followed as far as the directory allows. */
export type EntryKind = 'file' | 'directory' | 'missing' | 'unreadable';

export interface ConfigurationEntry {
  /** Relative to the configuration directory, `/`-separated. */
  readonly file: string;
  readonly kind: EntryKind;
  /** Why the entry cannot be read, for `unreadable`. */
  readonly problem?: string;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
}

export class ConfigurationDirectory {
  /** The directory with every link resolved, against which links are checked. */
  private readonly root: string;

  constructor(directory: string) {
    this.root = realpathSync(directory);
  }

  /** What `file` is: a link is followed only to a path inside the directory. */
  entry(file: string): ConfigurationEntry {
    const path = join(this.root, file);
    let own: Stats;
    try {
      own = lstatSync(path);
    } catch (error) {
      return errorCode(error) === 'ENOENT'
        ? { file, kind: 'missing' }
        : { file, kind: 'unreadable', problem: `cannot be read (${errorCode(error) ?? 'error'})` };
    }
    if (own.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch {
        return { file, kind: 'unreadable', problem: 'is a link to nothing: what it points to does not exist' };
      }
      if (!isInside(this.root, target)) {
        // Whether the target is a folder is said, not what it holds.
        const problem = statSync(target).isDirectory()
          ? 'is a link to a folder outside the configuration directory; only what is inside it is read: move the folder in, or put its files here'
          : 'is a link to a path outside the configuration directory; only files inside it are read';
        return { file, kind: 'unreadable', problem };
      }
    }
    const stats = own.isSymbolicLink() ? statSync(path) : own;
    if (stats.isDirectory()) return { file, kind: 'directory' };
    if (!stats.isFile()) return { file, kind: 'unreadable', problem: 'is not a regular file' };
    if (stats.size > MAX_FILE_BYTES) return { file, kind: 'unreadable', problem: `is ${stats.size} bytes; a configuration file is at most ${MAX_FILE_BYTES}` };
    return { file, kind: 'file' };
  }

  /** The entries of a folder of the directory, sorted by name: none when it is missing, or when it cannot be read as a folder, and then the issue that says why. */
  entriesOf(folder: string): { readonly entries: readonly ConfigurationEntry[]; readonly issue?: Issue } {
    const own = this.entry(folder);
    if (own.kind === 'missing') return { entries: [] };
    if (own.kind !== 'directory') {
      return { entries: [], issue: { file: folder, path: [], message: own.problem ?? `is a file; ${folder}/ is read as a folder of files` } };
    }
    let names: string[];
    try {
      names = readdirSync(join(this.root, folder));
    } catch (error) {
      return { entries: [], issue: { file: folder, path: [], message: `cannot be read (${errorCode(error) ?? 'error'})` } };
    }
    return { entries: names.sort(compareText).map((name) => this.entry(`${folder}/${name}`)) };
  }

  /** The text of a file that `entry` found readable, or the issue that says why it is not text. */
  read(file: string): { readonly text: string } | { readonly issue: Issue } {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.root, file));
    } catch (error) {
      return { issue: { file, path: [], message: `cannot be read (${errorCode(error) ?? 'error'})` } };
    }
    const invalid = firstInvalidUtf8Byte(bytes);
    if (invalid !== undefined) {
      const line = bytes.subarray(0, invalid).filter((byte) => byte === 0x0a).length + 1;
      return { issue: { file, path: [], line, message: `is not UTF-8 text: byte ${invalid + 1} is no UTF-8 character; save the file as UTF-8` } };
    }
    // TextDecoder drops a leading byte order mark, as the YAML parser does and the JSON parser does not.
    return { text: new TextDecoder('utf-8').decode(bytes) };
  }
}

/** The offset of the first byte that is not part of a UTF-8 character, if any (a BOM is UTF-8). */
function firstInvalidUtf8Byte(bytes: Buffer): number | undefined {
  const decodes = (length: number, stream: boolean) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length, false)) return undefined;
  // A prefix decodes as a stream while it holds no invalid byte (an unfinished character at its end is allowed).
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (decodes(middle + 1, true)) low = middle + 1;
    else high = middle;
  }
  return Math.min(low, bytes.length - 1);
}
