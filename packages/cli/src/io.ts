import { readFileSync, statSync } from 'node:fs';
import { parseDesign, MAX_DESIGN_BYTES, type Design } from '@archgen/model';

/** Wrong command-line usage: printed with the usage text, exit 2. */
export class UsageError extends Error {}
/** Unreadable or invalid input: printed as is, exit 2. */
export class InputError extends Error {}

/** Read and parse a design file; every problem becomes an InputError naming the file and JSON path. */
export function readDesignFile(file: string): Design {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_DESIGN_BYTES)
      throw new InputError(
        `${file}: file is ${size} bytes; designs are limited to ${MAX_DESIGN_BYTES} bytes`,
      );
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error);
    throw new InputError(`${file}: cannot read design (${reason})`);
  }
  const result = parseDesign(text);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`);
    throw new InputError(`${file}: invalid design (${result.errors.length} error(s))\n${lines.join('\n')}`);
  }
  return result.design;
}
