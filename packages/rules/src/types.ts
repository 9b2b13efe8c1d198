/**
 * Rules check a design while it is drawn. Each rule is pure and lives in its own file under
 * `rules/`; `registry.ts` lists them all (and a test pins that list).
 */
import type { Design, DesignNode, Connection, Vpc, Properties, SubnetTier } from '@archgen/model';

export type Pillar =
  'security' | 'reliability' | 'performance' | 'cost' | 'operational-excellence' | 'sustainability';

export const PILLARS: readonly Pillar[] = [
  'security',
  'reliability',
  'performance',
  'cost',
  'operational-excellence',
  'sustainability',
];

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** A machine-applicable change to the design, applied by `applyFix` (fixes.ts). */
export type FixAction =
  | { kind: 'set-property'; nodeId: string; key: string; value: Properties[string] }
  | { kind: 'move-node'; nodeId: string; vpcId: string; tier: SubnetTier }
  /** Take a node out of any VPC (placement null): for regional-only services. */
  | { kind: 'clear-placement'; nodeId: string }
  | { kind: 'set-vpc'; vpcId: string; key: 'azCount' | 'flowLogs'; value: number | boolean }
  /** Gives a tier of a VPC explicit subnet CIDRs (one per AZ), or makes it automatic (null). */
  | { kind: 'set-subnet-cidrs'; vpcId: string; tier: SubnetTier; cidrs: string[] | null }
  /**
   * Adds `node` (its id is made unique if taken). `connectFrom` adds a connection from that node
   * to the new one, `connectTo` one from the new node to that node; `connectionKind` defaults to
   * the first kind the catalog allows between the two types.
   */
  | {
      kind: 'add-node';
      node: DesignNode;
      connectFrom?: string;
      connectTo?: string;
      connectionKind?: Connection['kind'];
    }
  | { kind: 'remove-connection'; connectionId: string }
  | { kind: 'set-connection'; connectionId: string; port?: number; protocol?: Connection['protocol'] }
  | { kind: 'set-env-override'; env: string; targetId: string; key: string; value: Properties[string] }
  /** Sets a design tag (adds it when missing). */
  | { kind: 'set-tag'; key: string; value: string }
  /** Moves a design tag's value to `newKey` (replacing what `newKey` held). */
  | { kind: 'rename-tag'; key: string; newKey: string }
  | { kind: 'set-design-text'; field: 'name' | 'description'; value: string }
  | { kind: 'rename-node'; nodeId: string; name: string }
  | { kind: 'rename-vpc'; vpcId: string; name: string };

export interface SuggestedFix {
  /** Button text, e.g. "Move to isolated subnet". */
  title: string;
  /** Empty when the fix needs a person (e.g. "request an ACM certificate"). */
  actions: FixAction[];
}

export interface Finding {
  ruleId: string;
  pillar: Pillar;
  severity: Severity;
  /** What the finding is about. */
  target: { kind: 'node' | 'connection' | 'vpc' | 'design'; id: string };
  /** Environment the finding applies to, when the rule is environment-dependent. */
  environment?: string;
  message: string;
  why: string;
  fix?: SuggestedFix;
  /** Set when the design accepts this risk (see acceptedRisks); the reason is kept. */
  accepted?: { reason: string };
}

/** Everything a rule may look at, precomputed once per validation run. */
export interface RuleContext {
  design: Design;
  nodesById: ReadonlyMap<string, DesignNode>;
  vpcsById: ReadonlyMap<string, Vpc>;
  /** Connections leaving / entering each node id. */
  outgoing: ReadonlyMap<string, readonly Connection[]>;
  incoming: ReadonlyMap<string, readonly Connection[]>;
  /** Catalog defaults + node properties + the environment's overrides. */
  props(node: DesignNode, env?: string): Properties;
  environments: readonly string[];
  /** Nodes of one service type, in design order. */
  nodesOfType(type: string): readonly DesignNode[];
  /** Nodes placed in a VPC (any tier), in design order. */
  nodesInVpc(vpcId: string): readonly DesignNode[];
  /**
   * True for a production environment: the design's `production` flag, or for an environment
   * without one a name like production ("prod", "production", "prd").
   */
  isProduction(env: string): boolean;
  /**
   * The day findings are judged on (ISO date, YYYY-MM-DD): what the caller injects (the app and the
   * CLI pass the current day), else the day the version tables were checked. Rules never read the
   * clock themselves, so the same design and day always give the same findings.
   */
  today: string;
}

export interface Rule {
  id: string;
  title: string;
  pillar: Pillar;
  severity: Severity;
  /** Ids of equivalent checks in cdk-nag, checkov, trivy, cfn-lint, cfn_nag. */
  equivalents: readonly string[];
  /**
   * Set when an open finding of this rule means the generated code fails its own toolchain
   * (synth, plan) or its deploy: `generate` and the Export dialog refuse the design unless
   * forced. Accepting the risk does not lift it, since AWS refuses the deploy all the same.
   */
  breaksGeneratedCode?: BreaksGeneratedCode;
  check(ctx: RuleContext): Finding[];
}

export interface BreaksGeneratedCode {
  /** One line: what fails, and where. */
  reason: string;
  /** When only some of the rule's findings break the code (NET-07: not an overlap). */
  applies?: (finding: Finding) => boolean;
}
