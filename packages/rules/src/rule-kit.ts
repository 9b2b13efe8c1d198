/**
 * Small helpers the rules share: reading resolved properties, building findings and fixes, and
 * evaluating a check in every environment (one finding when all fail alike, else one per env).
 */
import type {
  Connection,
  ConnectionKind,
  DesignNode,
  Properties,
  PropertyValue,
  SubnetTier,
} from '@archgen/model';
import type { Finding, FixAction, Rule, RuleContext, SuggestedFix } from './types.ts';

export const COMPUTE_TYPES: readonly string[] = ['lambda', 'ecs-fargate', 'ec2-asg', 'eks'];
export const VPC_DATABASE_TYPES: readonly string[] = [
  'rds',
  'aurora',
  'elasticache',
  'opensearch',
  'neptune',
];
/** Databases a client logs in to with a password (or IAM auth). */
export const SQL_DATABASE_TYPES: readonly string[] = ['rds', 'aurora'];
export const DATA_STORE_TYPES: readonly string[] = ['s3', 'dynamodb', 'timestream', 'kinesis-stream'];

export function flag(props: Properties, key: string): boolean | undefined {
  const v = props[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function num(props: Properties, key: string): number | undefined {
  const v = props[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function text(props: Properties, key: string): string | undefined {
  const v = props[key];
  return typeof v === 'string' ? v : undefined;
}

export function tierLabel(tier: SubnetTier): string {
  return `${tier} subnet`;
}

export function nodeTarget(node: DesignNode): Finding['target'] {
  return { kind: 'node', id: node.id };
}

export function connectionTarget(connection: Connection): Finding['target'] {
  return { kind: 'connection', id: connection.id };
}

export function makeFinding(
  rule: Rule,
  target: Finding['target'],
  message: string,
  why: string,
  fix?: SuggestedFix,
  environment?: string,
): Finding {
  const f: Finding = { ruleId: rule.id, pillar: rule.pillar, severity: rule.severity, target, message, why };
  if (fix) f.fix = fix;
  if (environment !== undefined) f.environment = environment;
  return f;
}

/** Connections leaving `nodeId`, optionally only of some kinds. */
export function outgoingOf(
  ctx: RuleContext,
  nodeId: string,
  kinds?: readonly ConnectionKind[],
): Connection[] {
  const all = ctx.outgoing.get(nodeId) ?? [];
  return kinds ? all.filter((c) => kinds.includes(c.kind)) : [...all];
}

export function incomingOf(
  ctx: RuleContext,
  nodeId: string,
  kinds?: readonly ConnectionKind[],
): Connection[] {
  const all = ctx.incoming.get(nodeId) ?? [];
  return kinds ? all.filter((c) => kinds.includes(c.kind)) : [...all];
}

/** Every node of the given types, in design order. */
export function nodesOfTypes(ctx: RuleContext, types: readonly string[]): DesignNode[] {
  return types.flatMap((t) => ctx.nodesOfType(t));
}

/**
 * Actions that set property values on a node. Without `env` the node's own value changes, and
 * environments that override the same key get the new value too, so the fix holds everywhere.
 */
export function setProperties(
  ctx: RuleContext,
  nodeId: string,
  values: Properties,
  env?: string,
): FixAction[] {
  const actions: FixAction[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (env !== undefined) {
      actions.push({ kind: 'set-env-override', env, targetId: nodeId, key, value });
      continue;
    }
    actions.push({ kind: 'set-property', nodeId, key, value });
    for (const e of ctx.design.environments) {
      const overridden = e.overrides[nodeId]?.[key];
      if (overridden !== undefined && !sameValue(overridden, value))
        actions.push({ kind: 'set-env-override', env: e.name, targetId: nodeId, key, value });
    }
  }
  return actions;
}

function sameValue(a: PropertyValue, b: PropertyValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A move into `tier` of the node's VPC, or of the first VPC that has that tier. */
export type MoveNode = Extract<FixAction, { kind: 'move-node' }>;

export function moveToTier(ctx: RuleContext, node: DesignNode, tier: SubnetTier): MoveNode | undefined {
  const own = node.placement ? ctx.vpcsById.get(node.placement.vpcId) : undefined;
  const vpc = own?.tiers.includes(tier) ? own : ctx.design.vpcs.find((v) => v.tiers.includes(tier));
  return vpc ? { kind: 'move-node', nodeId: node.id, vpcId: vpc.id, tier } : undefined;
}

/** One problem a rule sees in one environment. */
export interface Problem {
  target: Finding['target'];
  /** Tells several problems on one target apart (e.g. "waf" and "headers"). */
  code?: string;
  /** Names the node; must not name the environment (the helper adds it when needed). */
  message: string;
  why: string;
  fixTitle?: string;
  /** Property values that fix it, on `fixNodeId` (default: the target). */
  set?: Properties;
  fixNodeId?: string;
  /** Further fix actions that do not depend on the environment. */
  actions?: FixAction[];
}

export type EnvironmentScope = 'all' | 'production' | 'non-production';

function environmentsIn(ctx: RuleContext, scope: EnvironmentScope): string[] {
  // A design always has an environment; one built in memory without any still gets its base values checked.
  if (scope === 'all') return ctx.environments.length > 0 ? [...ctx.environments] : [''];
  return ctx.environments.filter((e) => ctx.isProduction(e) === (scope === 'production'));
}

const NO_PROBLEMS: readonly never[] = [];

function asList<T>(result: T | T[] | undefined): readonly T[] {
  return result === undefined ? NO_PROBLEMS : Array.isArray(result) ? result : [result];
}

/**
 * Evaluates `evaluate` in each environment of the scope. With scope "all", a problem found alike
 * in every environment becomes one finding without `environment`, fixed on the node itself;
 * otherwise each environment gets its own finding, fixed with an override for that environment.
 */
export function acrossEnvironments(
  ctx: RuleContext,
  rule: Rule,
  scope: EnvironmentScope,
  evaluate: (env: string) => Problem | Problem[] | undefined,
): Finding[] {
  const envs = environmentsIn(ctx, scope);
  return groupIntoFindings(
    ctx,
    rule,
    scope,
    envs,
    envs.map((env) => asList(evaluate(env))),
  );
}

/** `problemsPerEnv[i]` holds the problems seen in `envs[i]`. */
function groupIntoFindings(
  ctx: RuleContext,
  rule: Rule,
  scope: EnvironmentScope,
  envs: readonly string[],
  problemsPerEnv: readonly (readonly Problem[])[],
): Finding[] {
  const groups = new Map<string, { env: string; problem: Problem }[]>();
  envs.forEach((env, i) => {
    for (const problem of problemsPerEnv[i]!) {
      const key = `${problem.target.kind}\u0000${problem.target.id}\u0000${problem.code ?? ''}`;
      const group = groups.get(key);
      if (group) group.push({ env, problem });
      else groups.set(key, [{ env, problem }]);
    }
  });
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const first = group[0]!.problem;
    const alike =
      scope === 'all' &&
      group.length === envs.length &&
      group.every((g) => g.problem.message === first.message);
    if (alike) {
      findings.push(makeFinding(rule, first.target, first.message, first.why, problemFix(ctx, first)));
      continue;
    }
    for (const { env, problem } of group)
      findings.push(
        makeFinding(
          rule,
          problem.target,
          `${problem.message} in ${env}`,
          problem.why,
          problemFix(ctx, problem, env),
          env,
        ),
      );
  }
  return findings;
}

function problemFix(ctx: RuleContext, problem: Problem, env?: string): SuggestedFix | undefined {
  if (problem.fixTitle === undefined) return undefined;
  const actions: FixAction[] = [];
  if (problem.set)
    actions.push(...setProperties(ctx, problem.fixNodeId ?? problem.target.id, problem.set, env));
  if (problem.actions) actions.push(...problem.actions);
  return { title: problem.fixTitle, actions };
}

/**
 * A sentence for database and table backup findings when a drawn backup plan backs the node up:
 * the plan does not make the finding go away (its snapshots restore to when they were taken, not
 * to any second), but the reader should know it is there.
 */
export function backupPlanNote(ctx: RuleContext, nodeId: string): string {
  const plan = (ctx.incoming.get(nodeId) ?? []).find(
    (c) => c.kind === 'back-up' && ctx.nodesById.get(c.from)?.type === 'backup-plan',
  );
  const name = plan ? (ctx.nodesById.get(plan.from)?.name ?? plan.from) : undefined;
  return name
    ? ` ${name} backs it up too, but its recovery points restore to when they were taken, not to any moment in between.`
    : '';
}

/** A problem on a node; the target defaults to that node. */
export type NodeProblem = Omit<Problem, 'target'> & { target?: Finding['target'] };

/**
 * A node check evaluated per environment on every node of the given types. `evaluate` must
 * depend only on the node's own properties (and the design's structure): a node whose
 * properties are the same in every environment is evaluated once.
 */
export function checkNodes(
  ctx: RuleContext,
  rule: Rule,
  types: readonly string[],
  scope: EnvironmentScope,
  evaluate: (node: DesignNode, props: Properties, env: string) => NodeProblem | NodeProblem[] | undefined,
): Finding[] {
  const nodes = nodesOfTypes(ctx, types);
  const envs = environmentsIn(ctx, scope);
  if (nodes.length === 0 || envs.length === 0) return [];
  const problemsPerEnv: Problem[][] = envs.map(() => []);
  const evaluateIn = (node: DesignNode, props: Properties, env: string): readonly Problem[] => {
    const problems = asList(evaluate(node, props, env));
    return problems.length === 0
      ? NO_PROBLEMS
      : problems.map((p) => ({ ...p, target: p.target ?? nodeTarget(node) }));
  };
  for (const node of nodes) {
    const base = ctx.props(node);
    // The context hands out the base object for environments without overrides for the node.
    if (envs.every((env) => ctx.props(node, env) === base)) {
      const problems = evaluateIn(node, base, envs[0]!);
      if (problems.length > 0) for (const list of problemsPerEnv) list.push(...problems);
    } else {
      envs.forEach((env, i) => problemsPerEnv[i]!.push(...evaluateIn(node, ctx.props(node, env), env)));
    }
  }
  return groupIntoFindings(ctx, rule, scope, envs, problemsPerEnv);
}

/** A fresh node for an add-node fix; `applyFix` makes the id unique. */
export function newNode(
  type: string,
  id: string,
  name: string,
  placement: DesignNode['placement'] = null,
  properties: Properties = {},
): DesignNode {
  return { id, type, name, properties, placement };
}

/** An id stem derived from another id, kept within the 64-character id limit. */
export function derivedId(prefix: string, fromId: string): string {
  return `${prefix}-${fromId}`.slice(0, 56);
}
