/**
 * Runs every rule over a design. The context precomputes the lookups once, so each rule is a
 * linear pass over the nodes it cares about (500 nodes validate in a few milliseconds).
 */
import {
  VERSION_TABLE_CHECKED,
  defaultProperties,
  getService,
  isProductionEnvironment,
  isProductionName,
} from '@archgen/model';
import type { Connection, Design, DesignNode, Properties } from '@archgen/model';
import type { Finding, Pillar, RuleContext, Severity } from './types.ts';
import { PILLARS, SEVERITIES } from './types.ts';
import { RULES } from './registry.ts';

/** True for an environment named like production ("prod", "production", "prd-eu", ...). */
export function isProduction(env: string): boolean {
  return isProductionName(env);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NONE: readonly never[] = [];

export interface ValidateOptions {
  /** Environments to check (default: all of the design's). */
  environments?: string[];
  /** The day to judge dated facts on, YYYY-MM-DD (default: VERSION_TABLE_CHECKED); see `RuleContext.today`. */
  today?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A Date as the ISO day (UTC) rules take as `today`: for callers that inject the current day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function buildRuleContext(design: Design, options: ValidateOptions = {}): RuleContext {
  const today = options.today ?? VERSION_TABLE_CHECKED;
  if (!ISO_DAY.test(today)) throw new Error(`"today" must be a day like 2026-12-07, not "${today}"`);
  const nodesById = new Map(design.nodes.map((n) => [n.id, n]));
  const vpcsById = new Map(design.vpcs.map((v) => [v.id, v]));
  const outgoing = new Map<string, Connection[]>();
  const incoming = new Map<string, Connection[]>();
  for (const c of design.connections) {
    pushTo(outgoing, c.from, c);
    pushTo(incoming, c.to, c);
  }
  const byType = new Map<string, DesignNode[]>();
  const byVpc = new Map<string, DesignNode[]>();
  for (const n of design.nodes) {
    pushTo(byType, n.type, n);
    if (n.placement) pushTo(byVpc, n.placement.vpcId, n);
  }
  // Same result as the model's resolveProperties (defaults, node values, env overrides), built
  // once per node and shared by every rule; an environment without overrides for the node
  // reuses the base object. Rules only read these objects.
  const defaultsByType = new Map<string, Properties>();
  const defaultsOf = (type: string): Properties => {
    let defaults = defaultsByType.get(type);
    if (!defaults) {
      const service = getService(type);
      defaultsByType.set(type, (defaults = service ? defaultProperties(service) : {}));
    }
    return defaults;
  };
  const overridesByEnv = new Map(design.environments.map((e) => [e.name, e.overrides]));
  const propsCache = new Map<DesignNode, Map<string, Properties>>();
  const props = (node: DesignNode, env?: string): Properties => {
    let perNode = propsCache.get(node);
    if (!perNode) propsCache.set(node, (perNode = new Map()));
    const key = env ?? '';
    let resolved = perNode.get(key);
    if (!resolved) {
      const overrides = env === undefined ? undefined : overridesByEnv.get(env)?.[node.id];
      resolved = overrides
        ? Object.assign(Object.create(null) as Properties, props(node), overrides)
        : env !== undefined
          ? props(node)
          : Object.assign(Object.create(null) as Properties, defaultsOf(node.type), node.properties);
      perNode.set(key, resolved);
    }
    return resolved;
  };
  const environments = options.environments ?? design.environments.map((e) => e.name);
  return {
    design,
    nodesById,
    vpcsById,
    outgoing,
    incoming,
    props,
    environments,
    // The design's own `production` flag where an environment has one, else its name.
    isProduction: (env) => {
      const environment = design.environments.find((e) => e.name === env);
      return environment ? isProductionEnvironment(environment) : isProductionName(env);
    },
    today,
    nodesOfType: (type) => byType.get(type) ?? NONE,
    nodesInVpc: (vpcId) => byVpc.get(vpcId) ?? NONE,
  };
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Severity (worst first), rule id, target id, environment, message: stable across runs. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.target.id, b.target.id) ||
    compareText(a.environment ?? '', b.environment ?? '') ||
    compareText(a.message, b.message)
  );
}

// Plain code-unit order: locale-independent, so the same design sorts the same everywhere.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** All findings for a design, sorted, with accepted risks marked (they stay in the list). */
export function validateDesign(design: Design, options: ValidateOptions = {}): Finding[] {
  const ctx = buildRuleContext(design, options);
  const accepted = new Map(design.acceptedRisks.map((r) => [`${r.ruleId}\u0000${r.targetId}`, r.reason]));
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const finding of rule.check(ctx)) {
      const reason = accepted.get(`${finding.ruleId}\u0000${finding.target.id}`);
      findings.push(reason === undefined ? finding : { ...finding, accepted: { reason } });
    }
  }
  return findings.sort(compareFindings);
}

const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 25, high: 10, medium: 4, low: 1 };

/** 100 minus the weighted open findings of the pillar, never below 0. */
export function scorePillar(findings: readonly Finding[], pillar: Pillar): number {
  let penalty = 0;
  for (const f of findings) if (f.pillar === pillar && !f.accepted) penalty += SEVERITY_WEIGHT[f.severity];
  return Math.max(0, 100 - penalty);
}

export interface PillarSummary {
  /** Open (not accepted) findings by severity. */
  open: Record<Severity, number>;
  accepted: number;
  score: number;
}

export interface FindingSummary {
  total: number;
  open: number;
  accepted: number;
  /** Open findings by severity, over all pillars. */
  bySeverity: Record<Severity, number>;
  byPillar: Record<Pillar, PillarSummary>;
}

function zeroBySeverity(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const byPillar = Object.fromEntries(
    PILLARS.map((p) => [p, { open: zeroBySeverity(), accepted: 0, score: scorePillar(findings, p) }]),
  ) as Record<Pillar, PillarSummary>;
  const bySeverity = zeroBySeverity();
  let accepted = 0;
  for (const f of findings) {
    if (f.accepted) {
      accepted++;
      byPillar[f.pillar].accepted++;
    } else {
      bySeverity[f.severity]++;
      byPillar[f.pillar].open[f.severity]++;
    }
  }
  return { total: findings.length, open: findings.length - accepted, accepted, bySeverity, byPillar };
}
