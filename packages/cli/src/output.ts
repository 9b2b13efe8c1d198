/**
 * Writing generated files without losing anything: everything is written to a temporary sibling
 * first and moved into place only when complete; a manifest records which files are ours, so a
 * later run removes the ones it no longer writes and refuses a folder holding someone else's.
 */
import * as fs from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { InputError, describeFsError } from './io.ts';

/** Lists the files archgen wrote into an output folder (relative paths, "/" separators). */
export const MANIFEST = '.archgen-manifest.json';

/** The file system calls the writer makes; tests wrap them to fail part-way. */
export interface WriteOps {
  writeFileSync: (path: string, data: string | Uint8Array) => void;
  renameSync: (from: string, to: string) => void;
}
const realOps: WriteOps = {
  writeFileSync: (path, data) => fs.writeFileSync(path, data),
  renameSync: (from, to) => fs.renameSync(from, to),
};

/** A file system failure as one line naming the path. */
function ioError(path: string, error: unknown, consequence = ''): InputError {
  if (error instanceof InputError) return error;
  return new InputError(`${path}: cannot write (${describeFsError(error)})${consequence}`);
}

function statOrUndefined(path: string): fs.Stats | undefined {
  try {
    return fs.statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError(path, error);
  }
}

/** Creates the parent folder of `out`, reporting a file in the way as one line. */
function ensureParent(out: string): void {
  try {
    fs.mkdirSync(dirname(out), { recursive: true });
  } catch (error) {
    throw ioError(dirname(out), error);
  }
}

/** Writes a zip file whole: a temporary file beside it, renamed over it when complete. */
export function writeFileWhole(out: string, bytes: Uint8Array, ops: WriteOps = realOps): void {
  if (statOrUndefined(out)?.isDirectory())
    throw new InputError(`${out}: cannot write (is a folder (EISDIR))`);
  ensureParent(out);
  const temp = join(dirname(out), `.${basename(out)}.archgen-${process.pid}.tmp`);
  try {
    ops.writeFileSync(temp, bytes);
    ops.renameSync(temp, out);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw ioError(out, error, '; nothing was written');
  }
}

/** A manifest entry we may delete: relative, inside the folder, no "." or ".." segments. */
const safeEntry = (path: unknown): path is string =>
  typeof path === 'string' &&
  path !== MANIFEST &&
  !path.startsWith('/') &&
  !path.includes('\\') &&
  path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

/** A manifest lists a few hundred paths; anything larger was not written by us. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** Reads a regular file of at most `cap` bytes, counting while reading (a link to /dev/zero stops). */
function readCappedSync(path: string, cap: number): string {
  if (!fs.lstatSync(path).isFile()) throw new Error('not a regular file');
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(cap + 1);
    let total = 0;
    for (let n; total <= cap && (n = fs.readSync(fd, buffer, total, cap + 1 - total, null)) > 0;) total += n;
    if (total > cap) throw new Error('too large');
    return buffer.subarray(0, total).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** The files a previous run recorded; an unreadable or edited manifest counts as none. */
function readManifest(out: string): Set<string> {
  let text: string;
  try {
    text = readCappedSync(join(out, MANIFEST), MAX_MANIFEST_BYTES);
  } catch {
    return new Set();
  }
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    return new Set(Array.isArray(parsed.files) ? parsed.files.filter(safeEntry) : []);
  } catch {
    return new Set();
  }
}

function manifestText(files: Iterable<string>): string {
  const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ generator: 'archgen', files: sorted }, null, 2) + '\n';
}

/**
 * Up to `limit` files under `root` (symbolic links included, not followed) that `ours` does not
 * list, relative with "/"; stops early so `--out ~` does not walk the whole home folder.
 */
function findForeign(root: string, ours: Set<string>, limit: number): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      throw new InputError(`${folder}: cannot read the output folder (${describeFsError(error)})`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (found.length >= limit) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const name = relative(root, path).split(sep).join('/');
        if (name !== MANIFEST && !ours.has(name)) found.push(name);
      }
    }
  };
  walk(root);
  return found;
}

export interface FolderResult {
  written: number;
  removed: string[];
}

/**
 * Writes `files` (relative paths) into the folder `out`. A new folder appears whole (one rename);
 * an existing one must hold only files from our manifest unless `force`, files are moved in
 * one by one (each whole), and files we wrote before but no longer write are removed.
 */
export function writeFolder(
  out: string,
  files: Record<string, string | Uint8Array>,
  options: { force?: boolean } = {},
  ops: WriteOps = realOps,
): FolderResult {
  const stat = statOrUndefined(out);
  if (stat && !stat.isDirectory())
    throw new InputError(`${out}: cannot write (exists and is not a folder (ENOTDIR))`);
  const previous = stat ? readManifest(out) : new Set<string>();
  if (stat && !options.force) {
    const foreign = findForeign(out, previous, 4);
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', ...' : '');
      throw new InputError(
        `${out}: the folder holds files archgen did not write (${shown}); choose another folder, or add --force to write there anyway (files archgen does not write are kept)`,
      );
    }
  }

  ensureParent(out);
  let temp: string;
  try {
    temp = fs.mkdtempSync(join(dirname(out), `.${basename(out)}.archgen-`));
  } catch (error) {
    throw ioError(dirname(out), error);
  }
  const names = Object.keys(files);
  try {
    for (const name of names) {
      const path = join(temp, name);
      try {
        fs.mkdirSync(dirname(path), { recursive: true });
        ops.writeFileSync(path, files[name]!);
      } catch (error) {
        throw ioError(join(out, name), error, `; nothing was changed in ${out}`);
      }
    }
    ops.writeFileSync(join(temp, MANIFEST), manifestText(names));
    if (!stat) {
      try {
        ops.renameSync(temp, out);
      } catch (error) {
        throw ioError(out, error, '; nothing was written');
      }
      return { written: names.length, removed: [] };
    }
    return mergeInto(out, temp, names, previous, ops);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Moves the staged files into an existing folder, then removes the stale ones we wrote before. */
function mergeInto(
  out: string,
  temp: string,
  names: string[],
  previous: Set<string>,
  ops: WriteOps,
): FolderResult {
  const next = new Set(names);
  const stale = [...previous].filter((f) => !next.has(f));
  const midway = `; ${out} may now hold old and new files, run the command again`;
  // Until the move ends, the manifest claims old and new files, so a rerun can finish the job.
  writeManifest(out, [...previous, ...names], ops);
  for (const name of stale) removeOurs(out, name, midway);
  for (const name of names) {
    const target = join(out, name);
    try {
      fs.mkdirSync(dirname(target), { recursive: true });
      ops.renameSync(join(temp, name), target);
    } catch (error) {
      throw ioError(target, error, midway);
    }
  }
  writeManifest(out, names, ops);
  return { written: names.length, removed: stale };
}

function writeManifest(out: string, files: Iterable<string>, ops: WriteOps): void {
  const path = join(out, MANIFEST);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    ops.writeFileSync(temp, manifestText(new Set(files)));
    ops.renameSync(temp, path);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw ioError(path, error);
  }
}

/** Removes a file we wrote earlier, and the folders that removing it left empty. */
function removeOurs(out: string, name: string, consequence: string): void {
  const path = join(out, name);
  try {
    const stat = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!stat || stat.isDirectory()) return;
    fs.unlinkSync(path);
    for (
      let folder = dirname(path);
      folder !== out && folder.startsWith(out + sep);
      folder = dirname(folder)
    ) {
      if (fs.readdirSync(folder).length > 0) break;
      fs.rmdirSync(folder);
    }
  } catch (error) {
    throw ioError(path, error, consequence);
  }
}
