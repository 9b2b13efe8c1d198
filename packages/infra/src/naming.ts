/**
 * Names decided once for the whole graph: a PascalCase logical id (CDK construct id and
 * CloudFormation logical id), a snake_case Terraform name and a kebab-case slug for physical
 * names. Every name is made only of [A-Za-z0-9] plus "_" or "-", whatever the user typed.
 *
 * Uniqueness depends on the order names are claimed, so callers claim them in a sorted order
 * (see lower.ts), never in insertion order.
 */
import type { ResolvedNames } from './types.ts';

/** Longest logical id / Terraform name we derive from a display name (before suffixes). */
const MAX_BASE_LENGTH = 60;
/** Physical-name stems stay short: generators prefix them with the design and environment. */
export const MAX_SLUG_LENGTH = 40;

/**
 * The words of a free-text name: diacritics folded to ASCII ("Café" -> "Cafe"), everything
 * outside [A-Za-z0-9] treated as a separator, camelCase split ("OrdersQueue" -> Orders, Queue).
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .filter((w) => w !== '');
}

export function toPascalCase(text: string): string {
  return words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

export function toSnakeCase(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join('_');
}

export function toKebabCase(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join('-');
}

/** CONSTANT_CASE, for environment variable names. */
export function toConstantCase(text: string): string {
  return words(text)
    .map((w) => w.toUpperCase())
    .join('_');
}

/** Cut at a separator when possible so a truncated slug does not end in half a word. */
function truncate(text: string, max: number, separator: string): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = separator ? cut.lastIndexOf(separator) : -1;
  return at > max / 2 ? cut.slice(0, at) : cut;
}

/** Claims names in one namespace; comparisons ignore case (file systems and some AWS names do). */
class Claimed {
  private readonly taken = new Set<string>();

  claim(base: string, separator: string, maxLength: number): string {
    let candidate = truncate(base, maxLength, separator);
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) {
      const suffix = `${separator}${n}`;
      candidate = truncate(base, maxLength - suffix.length, separator) + suffix;
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/**
 * The names of one graph. `name(display, fallback)` for things the user named (the fallback,
 * e.g. the node type and id, is used when the display name has no usable characters);
 * `derive(parent, suffix, display)` for resources made for another one ("OrdersQueueDlq").
 */
export class NameRegistry {
  private readonly logicalIds = new Claimed();
  private readonly tfNames = new Claimed();
  private readonly slugs = new Claimed();

  /** @param display the user's text; @param fallback used when display yields no words. */
  name(display: string, fallback: string): ResolvedNames {
    const source = words(display).length > 0 ? display : fallback;
    return this.claim(display, source, fallback);
  }

  /** A derived resource: the parent's names plus a suffix ("Dlq", "Logs", "Sg", ...). */
  derive(parent: ResolvedNames, suffix: string, display: string): ResolvedNames {
    return this.claim(display, `${parent.logicalId} ${suffix}`, suffix);
  }

  private claim(display: string, source: string, fallback: string): ResolvedNames {
    // Identifiers may not start with a digit: lead with the fallback's first word (the type).
    const lead = /^[0-9]/.test(toPascalCase(source)) ? `${words(fallback)[0] ?? 'Resource'} ` : '';
    const text = lead + source;
    const pascal = toPascalCase(text) || 'Resource';
    const snake = toSnakeCase(text) || 'resource';
    const kebab = toKebabCase(text) || 'resource';
    return {
      display,
      logicalId: this.logicalIds.claim(pascal, '', MAX_BASE_LENGTH),
      tfName: this.tfNames.claim(snake, '_', MAX_BASE_LENGTH),
      slug: this.slugs.claim(kebab, '-', MAX_SLUG_LENGTH),
    };
  }
}

/** Locale-pinned comparison so every runtime sorts ids the same way. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}
