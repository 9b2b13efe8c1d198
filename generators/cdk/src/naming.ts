/**
 * Naming conventions of the generated CDK app, decided in one place: variable names, config
 * keys, the stack class and file names. Every name comes from the lowering's `logicalId`/`slug`
 * (already unique and ASCII), never from display text.
 */

/** Module aliases and names the generated stack itself uses; component variables avoid them. */
export const RESERVED_NAMES = new Set([
  // TypeScript/JavaScript keywords and globals a variable must not shadow
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'await',
  'async',
  'undefined',
  'NaN',
  'Infinity',
  'arguments',
  'eval',
  'JSON',
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Math',
  'Date',
  'Error',
  'Promise',
  'Symbol',
  'process',
  'constructor',
  'prototype',
  // names in the generated stack's scope
  'scope',
  'id',
  'props',
  'config',
  'Construct',
]);

/**
 * User text as a runtime string for CDK: CDK reads "${Token[...]}" / "#{Token[...]}" inside any
 * string as a token reference (and fails on unknown ones), so that marker is broken with a space.
 * Also cut to `maxLength` characters where AWS limits the field.
 */
export function plainText(text: string, maxLength = Infinity): string {
  const safe = text.includes('Token[') ? text.replace(/([$#])\{(\s*)Token\[/g, '$1{ $2Token[') : text;
  return safe.length > maxLength ? safe.slice(0, maxLength) : safe;
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8 (AWS limits count bytes). */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * The ASCII letter/digit runs of `text`, split again where a lower-case letter or digit meets
 * an upper-case letter ("orderApi2Handler" -> order, Api2, Handler).
 */
export function words(text: string): string[] {
  const found: string[] = [];
  let start = -1;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lowerOrDigit = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (!upper && !lowerOrDigit) {
      if (start >= 0) found.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (upper && ((previous >= 97 && previous <= 122) || (previous >= 48 && previous <= 57))) {
      found.push(text.slice(start, i));
      start = i;
    }
    previous = c;
  }
  if (start >= 0) found.push(text.slice(start));
  return found;
}

export function pascalCase(text: string): string {
  return words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export function kebabCase(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join('-');
}

/** An identifier that starts with a letter even when the text starts with a digit. */
export function identifierFrom(text: string, fallback: string): string {
  const name = camelCase(text) || fallback;
  return /^[0-9]/.test(name) ? `${fallback}${pascalCase(name)}` : name;
}

/** Hands out unique identifiers in one scope. */
export class NameScope {
  private readonly used = new Set<string>(RESERVED_NAMES);

  reserve(name: string): void {
    this.used.add(name);
  }

  /** `preferred` if free, else `preferred` + suffix, else numbered. */
  claim(preferred: string, suffix = 'Resource'): string {
    if (!this.used.has(preferred)) {
      this.used.add(preferred);
      return preferred;
    }
    let candidate = preferred + suffix;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${preferred}${suffix}${n}`;
    this.used.add(candidate);
    return candidate;
  }
}

export interface AppNames {
  /** PascalCase design name: stack ids are `<stackPrefix>-<env>`. */
  stackPrefix: string;
  stackClass: string;
  /** Module path of the stack, without extension, e.g. "lib/orders-stack". */
  stackModule: string;
}

export function appNames(designSlug: string): AppNames {
  const base = pascalCase(designSlug) || 'Archgen';
  const stackPrefix = /^[0-9]/.test(base) ? `App${base}` : base;
  const fileStem = kebabCase(designSlug) || 'archgen';
  return { stackPrefix, stackClass: `${stackPrefix}Stack`, stackModule: `lib/${fileStem}-stack` };
}
