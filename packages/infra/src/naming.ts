/**
 * Names decided once for the whole graph: a PascalCase logical id (CDK construct id and
 * CloudFormation logical id), a snake_case Terraform name and a kebab-case slug for physical
 * names. Every name is made only of [A-Za-z0-9] plus "_" or "-", whatever the user typed.
 *
 * Uniqueness depends on the order names are claimed, so callers claim them in a sorted order
 * (see lower.ts), never in insertion order.
 */
import { neutralizeDynamicReferences } from '@archgen/model';
import type { ResolvedNames, ResolvedPhysicalName, ResolvedTargetGroupNames } from './types.ts';

/** Longest logical id / Terraform name we derive from a display name (before suffixes). */
const MAX_BASE_LENGTH = 60;
/** Derived names add a suffix to a parent name; CloudFormation allows 255 characters. */
const MAX_DERIVED_LENGTH = 100;
/** Physical-name stems stay short: generators prefix them with the design and environment. */
export const MAX_SLUG_LENGTH = 40;

/**
 * The words of a free-text name: diacritics folded to ASCII ("Café" -> "Cafe"), everything
 * outside [A-Za-z0-9] treated as a separator, camelCase split ("OrdersQueue" -> Orders, Queue).
 */
export function words(text: string): string[] {
  // Folding is only needed beyond ASCII; skipping it keeps naming cheap for ordinary names.
  const ascii = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .filter((w) => w !== '');
}

const pascal = (ws: string[]) => ws.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
const lower = (ws: string[], separator: string) => ws.map((w) => w.toLowerCase()).join(separator);

export function toPascalCase(text: string): string {
  return pascal(words(text));
}

export function toSnakeCase(text: string): string {
  return lower(words(text), '_');
}

/** A kebab-case stem; also names files and folders, so never a Windows device name. */
export function toKebabCase(text: string): string {
  return windowsSafeStem(lower(words(text), '-'));
}

/**
 * Names Windows reserves for devices, whatever the case or extension (`con`, `NUL.json`,
 * `com1.tfvars`): a zip holding one cannot be extracted there, nor such a file created.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function isWindowsReservedStem(stem: string): boolean {
  return WINDOWS_RESERVED.test(stem.split('.')[0]!.trimEnd());
}

/** `stem`, or `stem-name` when Windows reserves it (`nul` -> `nul-name`), for file and folder names. */
export function windowsSafeStem(stem: string): string {
  return isWindowsReservedStem(stem) ? `${stem}-name` : stem;
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

/** The words of a kept logical id for a Terraform name; undefined when it starts with a digit (not a name there). */
function keptTfWords(keptLogicalId: string | undefined): string[] | undefined {
  if (keptLogicalId === undefined || /^[0-9]/.test(keptLogicalId)) return undefined;
  return words(keptLogicalId);
}

/**
 * The keys of `DesignNode.logicalIds` the lowering names directly: the primary resource, the role
 * grants attach to, the security group and the node's own log group. Every other key ('policy',
 * 'alarm:0', 'permission:0', ...) is reserved too and given to the resource it names after the
 * target emits it (kept-parts.ts).
 */
export const KEPT_LOGICAL_ID_KEYS: readonly string[] = [
  'self',
  'role',
  'securityGroup',
  'logGroup',
  // The design's alarm topic, folded into the node whose alarm notifies it (derived.ts alarmTopic).
  'alarmTopic',
  // The account-wide role API Gateway logs with, kept by the REST API that logs (wiring.ts).
  'cloudWatchRole',
];

/** Claims names in one namespace; comparisons ignore case (file systems and some AWS names do). */
class Claimed {
  private readonly taken = new Set<string>();

  /** Takes `name` exactly; false when it (in any case) is already taken. */
  reserve(name: string): boolean {
    const key = name.toLowerCase();
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }

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
  /** Logical ids kept from imported code, reserved before any other name: "<node>\0<key>" -> id. */
  private readonly kept = new Map<string, string>();
  /** Kept logical ids refused because an earlier node or part took the same id (in any case). */
  readonly keptClashes: { nodeId: string; key: string; logicalId: string }[] = [];

  /**
   * Reserves the logical ids nodes keep from imported code (`DesignNode.logicalIds`), before any
   * other name is claimed, so a derived "OrdersQueueDlq" never takes a kept id. Call once, with
   * nodes in id order; within a node, keys in code-point order. A clash keeps the first and
   * records the others in `keptClashes` (that part then gets a derived name).
   */
  reserveKept(nodes: readonly { id: string; logicalIds?: Record<string, string> | undefined }[]): void {
    for (const node of nodes) {
      const entries = Object.entries(node.logicalIds ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [key, logicalId] of entries) {
        if (this.logicalIds.reserve(logicalId)) this.kept.set(`${node.id}\0${key}`, logicalId);
        else this.keptClashes.push({ nodeId: node.id, key, logicalId });
      }
    }
  }

  /** The logical id `nodeId` keeps for `key` ('self', 'role', ...), when it was reserved. */
  keptLogicalId(nodeId: string, key: string): string | undefined {
    return this.kept.get(`${nodeId}\0${key}`);
  }

  /** Every reserved kept id of `ownerId` but those in `except` (named directly), key order. */
  keptParts(ownerId: string, except: readonly string[]): { key: string; logicalId: string }[] {
    const prefix = `${ownerId}\0`;
    return [...this.kept]
      .filter(([k]) => k.startsWith(prefix) && !except.includes(k.slice(prefix.length)))
      .map(([k, logicalId]) => ({ key: k.slice(prefix.length), logicalId }));
  }

  /**
   * @param display the user's text (kept, with any `{{resolve:` broken: it reaches descriptions
   * and Name tags, where CloudFormation would resolve it); @param fallback used when display
   * yields no words.
   */
  name(display: string, fallback: string, keptLogicalId?: string): ResolvedNames {
    let parts = words(display);
    if (parts.length === 0) parts = words(fallback);
    // Identifiers may not start with a digit: lead with the fallback's first word (the type).
    if (parts.length > 0 && /^[0-9]/.test(parts[0]!)) parts = [words(fallback)[0] ?? 'Resource', ...parts];
    return {
      display: neutralizeDynamicReferences(display),
      // A kept id was reserved by reserveKept: it is this node's already.
      logicalId: keptLogicalId ?? this.logicalIds.claim(pascal(parts) || 'Resource', '', MAX_BASE_LENGTH),
      ...(keptLogicalId ? { kept: true as const } : {}),
      // With a kept id, the Terraform name follows it (OrdersQueue -> orders_queue): one name per target.
      tfName: this.tfNames.claim(
        lower(keptTfWords(keptLogicalId) ?? parts, '_') || 'resource',
        '_',
        MAX_BASE_LENGTH,
      ),
      slug: this.slugs.claim(lower(parts, '-') || 'resource', '-', MAX_SLUG_LENGTH),
    };
  }

  /**
   * A derived resource: the parent's names plus a suffix ("Dlq", "Flow Logs", ...), so it reads
   * as belonging to its parent (OrdersQueue -> OrdersQueueDlq, orders_queue_dlq, orders-queue-dlq).
   * The suffix survives truncation: the slug shortens the parent part instead.
   */
  derive(parent: ResolvedNames, suffix: string, display: string, keptLogicalId?: string): ResolvedNames {
    const parts = words(suffix);
    const slugSuffix = `-${lower(parts, '-')}`;
    return {
      display: neutralizeDynamicReferences(display),
      logicalId:
        keptLogicalId ?? this.logicalIds.claim(parent.logicalId + pascal(parts), '', MAX_DERIVED_LENGTH),
      ...(keptLogicalId ? { kept: true as const } : {}),
      tfName: this.tfNames.claim(
        keptTfWords(keptLogicalId)
          ?.map((w) => w.toLowerCase())
          .join('_') ?? `${parent.tfName}_${lower(parts, '_')}`,
        '_',
        MAX_DERIVED_LENGTH,
      ),
      slug: this.slugs.claim(
        truncate(parent.slug, MAX_SLUG_LENGTH - slugSuffix.length, '-').replace(/-+$/, '') + slugSuffix,
        '-',
        MAX_SLUG_LENGTH,
      ),
    };
  }
}

/** Locale-pinned comparison so every runtime sorts ids the same way. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}

/** ELB target group names are at most 32 characters. */
export const TARGET_GROUP_NAME_LENGTH = 32;

/**
 * The target group an ALB route forwards to: CloudFormation logical id "<Alb>To<Target>",
 * Terraform name "<alb>_<target>", and the target's slug as physical-name stem (<= 32 characters
 * with its prefix, ELB's limit).
 */
export function targetGroupNames(alb: ResolvedNames, target: ResolvedNames): ResolvedTargetGroupNames {
  return {
    logicalId: `${alb.logicalId}To${target.logicalId}`,
    tfName: `${alb.tfName}_${target.tfName}`,
    stem: target.slug,
    maxLength: TARGET_GROUP_NAME_LENGTH,
  };
}

/** The names of the EventBridge rule carrying a bucket's notifications to one target. */
export function bucketNotificationRuleNames(
  bucket: ResolvedNames,
  target: ResolvedNames,
): { logicalId: string; tfName: string } {
  return {
    logicalId: `${bucket.logicalId}To${target.logicalId}Events`,
    tfName: `${bucket.tfName}_to_${target.tfName}_events`,
  };
}

/** EKS cluster names are at most 100 characters. */
export const EKS_CLUSTER_NAME_LENGTH = 100;

/**
 * The EKS cluster's physical name: the deploy-time prefix (stack name, Terraform name prefix),
 * "-" and this stem, cut to `maxLength`. It is fixed because control plane logs go to
 * /aws/eks/<name>/cluster, which must exist (with retention) before the cluster does.
 */
export function eksClusterName(cluster: ResolvedNames): ResolvedPhysicalName {
  return { stem: cluster.slug, maxLength: EKS_CLUSTER_NAME_LENGTH };
}
