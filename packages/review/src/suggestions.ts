/**
 * Cost suggestions: the cost tactics of DESIGN.md, each offered only where it applies, with the
 * saving computed by pricing the design again with the change (estimateCost with a scenario),
 * never a rule-of-thumb percentage. Property changes are meant as environment overrides.
 */
import { resolveProperties, type Design, type DesignNode, type Properties } from '@archgen/model';
import { isProduction } from '@archgen/rules';
import { estimateCost, priceNodes, type CostScenario, type NodeCost } from './cost.ts';
import { PRICES } from './prices/us-east-1.ts';

export type CostTactic =
  | 'savings-plan'
  | 'spot'
  | 'scale-to-zero'
  | 's3-lifecycle'
  | 's3-intelligent-tiering'
  | 'aurora-serverless-min-capacity'
  | 'single-nat-gateway';

export interface CostSuggestion {
  nodeId: string;
  environment: string;
  tactic: CostTactic;
  title: string;
  detail: string;
  /** USD a month, > 0. */
  monthlySaving: number;
  /** Property values to set for this environment; absent for a purchase (a Savings Plan). */
  properties?: Properties;
}

interface Candidate {
  tactic: CostTactic;
  title: string;
  detail: string;
  scenario: Omit<CostScenario, 'nodeId'>;
}

/** Nodes that serve requests (behind a load balancer, or invoked): an interrupted task drops live work. */
function requestServers(design: Design): Set<string> {
  return new Set(
    design.connections.filter((c) => c.kind === 'traffic' || c.kind === 'invoke').map((c) => c.to),
  );
}

function candidates(
  design: Design,
  node: DesignNode,
  env: string,
  servers: ReadonlySet<string>,
): Candidate[] {
  const props = resolveProperties(design, node, env);
  const production = isProduction(env);
  const out: Candidate[] = [];
  // Fault tolerant: anything outside production, or a worker nobody waits on.
  const faultTolerant = !production || !servers.has(node.id);
  const spotPercent = (discount: number) => `${Math.round(discount * 100)}%`;
  switch (node.type) {
    case 'ecs-fargate': {
      if (props.spot !== true) {
        if (production && props.minCount !== 0)
          out.push({
            tactic: 'savings-plan',
            title: 'Cover the steady tasks with a Compute Savings Plan',
            detail: `The minimum task count runs every hour of the month. A 1-year, no-upfront Compute Savings Plan prices that baseline about ${spotPercent(PRICES.fargate.savingsPlanDiscount.usd)} lower; tasks above it stay on demand. A commitment for the account, not a design change.`,
            scenario: { fargateSavingsPlan: true },
          });
        if (faultTolerant)
          out.push({
            tactic: 'spot',
            title: 'Run the tasks on Fargate Spot',
            detail: `Fargate Spot is up to ${spotPercent(PRICES.fargate.spotDiscount.usd)} cheaper; a task can be stopped with two minutes' notice, which ${production ? 'a worker that only consumes queued work tolerates' : 'a non-production environment tolerates'}.`,
            scenario: { properties: { spot: true } },
          });
      }
      if (!production && (props.scaling !== 'scheduled' || props.minCount !== 0))
        out.push({
          tactic: 'scale-to-zero',
          title: 'Scale to zero outside working hours',
          detail:
            'Scheduled scaling runs the full count on weekday working hours (07:00-20:00 UTC) and no tasks at night and on weekends.',
          scenario: { properties: { scaling: 'scheduled', minCount: 0 } },
        });
      break;
    }
    case 'ec2-asg':
    case 'eks': {
      const spotKey = node.type === 'ec2-asg' ? 'useSpot' : 'spot';
      if (props[spotKey] !== true && faultTolerant)
        out.push({
          tactic: 'spot',
          title: node.type === 'eks' ? 'Run the worker nodes on Spot' : 'Run the instances on Spot',
          detail: `Spot capacity typically costs about ${spotPercent(PRICES.ec2SpotDiscount.usd)} less than on demand and can be reclaimed with two minutes' notice; spread over several instance types to keep it available.`,
          scenario: { properties: { [spotKey]: true } },
        });
      break;
    }
    case 's3': {
      const hasLifecycle =
        props.intelligentTiering === true ||
        (typeof props.transitionToIaDays === 'number' && props.transitionToIaDays > 0) ||
        (typeof props.transitionToGlacierDays === 'number' && props.transitionToGlacierDays > 0) ||
        // Transitions by key prefix (bucket-wide ones would then overlap them).
        (Array.isArray(props.lifecycleRules) &&
          props.lifecycleRules.some(
            (r) =>
              r !== null &&
              typeof r === 'object' &&
              !Array.isArray(r) &&
              (r.intelligentTiering === true ||
                (typeof r.transitionToIaDays === 'number' && r.transitionToIaDays > 0) ||
                (typeof r.transitionToGlacierDays === 'number' && r.transitionToGlacierDays > 0)),
          ));
      if (!hasLifecycle) {
        out.push({
          tactic: 's3-lifecycle',
          title: 'Add lifecycle rules: Standard-IA after 30 days, Glacier after 90',
          detail:
            'Older objects move to cheaper storage classes. Standard-IA and Glacier Flexible Retrieval charge per GB retrieved and bill a minimum of 30 and 90 days, so this suits data that is rarely read once it is old.',
          scenario: { properties: { transitionToIaDays: 30, transitionToGlacierDays: 90 } },
        });
        out.push({
          tactic: 's3-intelligent-tiering',
          title: 'Store objects in S3 Intelligent-Tiering',
          detail:
            'Objects not read for 30 days move to a cheaper tier and come back on access, with no retrieval fee; a small monitoring fee applies per object. Best when access patterns are unknown.',
          scenario: { properties: { intelligentTiering: true } },
        });
      }
      break;
    }
    case 'aurora': {
      const serverless = props.capacity === 'serverless-v2';
      if (!production && (!serverless || props.minAcu !== 0))
        out.push({
          tactic: 'aurora-serverless-min-capacity',
          title: serverless
            ? 'Let Serverless v2 pause when idle (minimum 0 ACU)'
            : 'Use Aurora Serverless v2 with a minimum of 0 ACU',
          detail: `${serverless ? `The minimum is ${String(props.minAcu)} ACU, billed every idle hour.` : 'Provisioned instances bill every hour at full size.'} Serverless v2 with a 0 ACU minimum pauses an idle cluster (recent engine versions only; the first query after a pause waits for it to resume).`,
          scenario: { properties: { capacity: 'serverless-v2', minAcu: 0 } },
        });
      break;
    }
    case 'nat-gateway': {
      if (!production && props.mode !== 'single')
        out.push({
          tactic: 'single-nat-gateway',
          title: 'Share one NAT gateway outside production',
          detail:
            'One gateway instead of one per availability zone. If its AZ fails the other AZs lose outbound access, which is acceptable outside production.',
          scenario: { properties: { mode: 'single' } },
        });
      break;
    }
  }
  return out;
}

const cents = (usd: number): number => Math.round(usd * 100);
const sumCents = (costs: readonly NodeCost[]): number => costs.reduce((sum, c) => sum + cents(c.monthly), 0);

/** The nodes whose bill a change to `node` can move: a NAT node shares its VPC's gateways. */
function affectedNodes(design: Design, node: DesignNode): DesignNode[] {
  if (node.type !== 'nat-gateway' || !node.placement) return [node];
  const vpcId = node.placement.vpcId;
  return design.nodes.filter((n) => n.type === 'nat-gateway' && n.placement?.vpcId === vpcId);
}

/** Suggestions for one environment, largest saving first. */
export function costSuggestions(design: Design, env: string): CostSuggestion[] {
  const baseline = new Map(estimateCost(design, env).nodes.map((c) => [c.nodeId, c]));
  const servers = requestServers(design);
  const out: CostSuggestion[] = [];
  for (const node of design.nodes) {
    for (const candidate of candidates(design, node, env, servers)) {
      const affected = affectedNodes(design, node);
      const before = sumCents(affected.map((n) => baseline.get(n.id)!));
      const after = sumCents(priceNodes(design, env, affected, { nodeId: node.id, ...candidate.scenario }));
      const saving = before - after;
      if (saving <= 0) continue;
      out.push({
        nodeId: node.id,
        environment: env,
        tactic: candidate.tactic,
        title: candidate.title,
        detail: candidate.detail,
        monthlySaving: saving / 100,
        ...(candidate.scenario.properties ? { properties: candidate.scenario.properties } : {}),
      });
    }
  }
  return out.sort(
    (a, b) =>
      b.monthlySaving - a.monthlySaving ||
      (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0) ||
      (a.tactic < b.tactic ? -1 : a.tactic > b.tactic ? 1 : 0),
  );
}
