import { open } from 'node:fs/promises';
import { parseDesign, MAX_DESIGN_BYTES, type Design } from '@archgen/model';

/** Wrong command-line usage: printed with the usage text, exit 2. */
export class UsageError extends Error {}
/** Unreadable or invalid input, or a file that cannot be written: printed as is, exit 2. */
export class InputError extends Error {}

/** Where a design is read from: `-` means this stream (standard input unless a test injects one). */
export interface DesignSource {
  stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** Receives each warning already prefixed with the file name. */
  warn: (text: string) => void;
}

/** Where commands read designs from: `-` is the CLI's stdin, warnings go to its stderr. */
export const sourceOf = (io: {
  stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  err: (text: string) => void;
}): DesignSource => ({ stdin: io.stdin, warn: io.err });

/** How a file is named in messages; `-` is standard input. */
export const displayName = (file: string): string => (file === '-' ? '(stdin)' : file);

/** Why a file system call failed, in words, with the code for searching. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EISDIR: 'is a folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EEXIST: 'already exists',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    ENOTEMPTY: 'the folder is not empty',
    EBUSY: 'the file is busy',
    EINVAL: 'invalid argument',
    ENXIO: 'no such device',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  if (code) return code;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

const limitText = `${MAX_DESIGN_BYTES / (1024 * 1024)} MB`;
const tooLarge = (name: string) =>
  new InputError(
    `${name}: the input is larger than the ${limitText} limit for a design (stopped reading at ${MAX_DESIGN_BYTES} bytes)`,
  );

/**
 * Reads at most MAX_DESIGN_BYTES + 1 bytes, whatever the file claims to be: /dev/zero, a pipe
 * that never ends or a growing file stop at the cap instead of filling the memory.
 */
async function readCapped(file: string, source: DesignSource): Promise<Uint8Array> {
  const name = displayName(file);
  const cap = MAX_DESIGN_BYTES + 1;
  if (file === '-') {
    const stdin = source.stdin;
    if (!stdin) throw new InputError(`${name}: no standard input`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      // Leaving the loop early (break or throw) stops the stream.
      for await (const chunk of stdin) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        chunks.push(bytes);
        total += bytes.length;
        if (total >= cap) break;
      }
    } catch (error) {
      throw new InputError(`${name}: cannot read design (${describeFsError(error)})`);
    }
    if (total >= cap) throw tooLarge(name);
    return Buffer.concat(chunks, total);
  }
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new InputError(`${name}: cannot read design (${describeFsError(error)})`);
  }
  try {
    const buffer = Buffer.alloc(cap);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, cap - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total >= cap) throw tooLarge(name);
    }
    return buffer.subarray(0, total);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${name}: cannot read design (${describeFsError(error)})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** JSON paths of the first few keys or strings holding U+FFFD, for the not-UTF-8 warning. */
function pathsWithReplacement(text: string, limit = 3): string[] {
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return [];
  }
  const found: string[] = [];
  const segment = (key: string | number) =>
    typeof key === 'number'
      ? `[${key}]`
      : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
        ? `.${key}`
        : `[${JSON.stringify(key)}]`;
  const walk = (value: unknown, path: string) => {
    if (found.length >= limit) return;
    if (typeof value === 'string') {
      if (value.includes('\uFFFD')) found.push(path);
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, path + segment(i)));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\uFFFD') && found.length < limit) found.push(path + segment(key) + ' (the key)');
        walk(item, path + segment(key));
      }
  };
  walk(root, '$');
  return found;
}

/** Text from bytes: UTF-8, with a warning naming where a byte that is not UTF-8 was replaced. */
function decode(bytes: Uint8Array, name: string, source: DesignSource): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new InputError(`${name}: the file is UTF-16; save it as UTF-8`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const paths = pathsWithReplacement(text);
    const where = paths.length ? ` at ${paths.join(', ')}` : '';
    source.warn(
      `warning: ${name}: line ${line}, column ${column}: bytes that are not UTF-8 (Latin-1?) were replaced by U+FFFD${where}; save the file as UTF-8`,
    );
    return text;
  }
}

/**
 * Read and parse a design file (`-` for standard input); every problem becomes an InputError
 * naming the file and JSON path, and the parser's warnings go to `source.warn`.
 */
export async function readDesignFile(file: string, source: DesignSource): Promise<Design> {
  const name = displayName(file);
  const text = decode(await readCapped(file, source), name, source);
  const result = parseDesign(text);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`);
    throw new InputError(`${name}: invalid design (${result.errors.length} error(s))\n${lines.join('\n')}`);
  }
  for (const w of result.warnings) source.warn(`warning: ${name}: ${w}`);
  return result.design;
}
