/**
 * Reads a block's arguments into a node's properties, checked one by one against the catalog:
 * a value the design cannot hold, or one not known before apply, leaves the catalog default and
 * says so in an info problem (never a silent drop, never an invalid design).
 */
import {
  validateProperties,
  type Properties,
  type PropertyValue,
  type ServiceDefinition,
} from '@archgen/model';
import type { ImportProblem } from '../report.ts';
import { argument, rawAt, type Block } from './config.ts';
import { Unknown, type Value } from './expr.ts';

export class PropertyReader {
  readonly props: Properties = {};
  /** Tallies parts keep while they are read into the node (e.g. cluster instances). */
  readonly counters = new Map<string, number>();

  constructor(
    readonly block: Block,
    readonly service: ServiceDefinition,
    readonly nodeId: string,
    private readonly problems: ImportProblem[],
  ) {}

  /** The evaluated argument at a dotted path, or undefined when the block does not set it. */
  value(path: string, block: Block = this.block): Value | undefined {
    const raw = rawAt(block.body, path);
    return raw === undefined ? undefined : argument(block, raw);
  }

  /** A known scalar argument; an unknown one is reported (and undefined returned). */
  scalar(path: string, key: string, block: Block = this.block): string | number | boolean | undefined {
    const v = this.value(path, block);
    if (v === undefined || v === null) return undefined;
    if (v instanceof Unknown || typeof v === 'object') {
      this.info(
        `${block.address}: ${path} is not known before apply${v instanceof Unknown && v.refs.length > 0 ? ` (it depends on ${v.refs.slice(0, 3).join(', ')})` : ''}; ${this.service.displayName} "${key}" keeps the catalog default`,
        block,
      );
      return undefined;
    }
    return v;
  }

  /** Sets a property when the catalog accepts the value; otherwise reports and keeps the default. */
  set(key: string, value: PropertyValue | undefined, from: string, block: Block = this.block): void {
    if (value === undefined) return;
    const def = this.service.properties.find((p) => p.key === key);
    if (!def) return;
    const issues = validateProperties(
      { displayName: this.service.displayName, properties: [def] },
      { [key]: value },
    );
    if (issues.length > 0) {
      this.info(
        `${block.address}: ${from} = ${JSON.stringify(value)} is not a value the design allows (${issues[0]!.message}); ${key} keeps the catalog default`,
        block,
      );
      return;
    }
    this.props[key] = value;
  }

  num(key: string, path: string, block: Block = this.block): void {
    const v = this.scalar(path, key, block);
    if (v === undefined) return;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    this.set(key, Number.isNaN(n) ? String(v) : n, path, block);
  }

  str(key: string, path: string, block: Block = this.block): void {
    const v = this.scalar(path, key, block);
    if (v !== undefined) this.set(key, String(v), path, block);
  }

  bool(key: string, path: string, block: Block = this.block): void {
    const v = this.scalar(path, key, block);
    if (v === undefined) return;
    this.set(
      key,
      v === true || v === 'true' ? true : v === false || v === 'false' ? false : String(v),
      path,
      block,
    );
  }

  /** An argument whose values map to the catalog's (`PAY_PER_REQUEST` -> `on-demand`). */
  map(key: string, path: string, values: Record<string, PropertyValue>, block: Block = this.block): void {
    const v = this.scalar(path, key, block);
    if (v === undefined) return;
    const mapped = values[String(v)];
    if (mapped === undefined) {
      this.info(
        `${block.address}: ${path} = ${JSON.stringify(v)} has no equivalent in the design; ${key} keeps the catalog default`,
        block,
      );
      return;
    }
    this.set(key, mapped, path, block);
  }

  info(message: string, block: Block = this.block): void {
    this.problems.push({
      severity: 'info',
      message,
      file: block.file,
      ...(block.line !== undefined ? { line: block.line } : {}),
      sourceId: block.address,
    });
  }
}
