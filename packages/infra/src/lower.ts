/**
 * The lowering: design -> resolved infrastructure graph. Everything a connection implies (an
 * ingress rule, an IAM grant, an event source mapping, an environment variable) is decided here,
 * once, so the three generators describe the same infrastructure.
 *
 * Pure and deterministic: nodes, VPCs and connections are visited in id order, names are claimed
 * in that order (user-named things first, derived ones after), and nothing depends on time or
 * on the order of the design's arrays.
 */
import { getRule } from '@archgen/rules';
import { environmentRegion, requireService } from '@archgen/model';
import type { Design } from '@archgen/model';
import { LowerContext } from './context.ts';
import { breakReferenceCycles } from './cycles.ts';
import { lowerDecisions } from './decisions.ts';
import { lowerVpcEndpoints } from './endpoints.ts';
import { lowerFirehoses } from './firehose.ts';
import { lowerAudit } from './audit.ts';
import { lowerMskClusters } from './msk.ts';
import { lowerFileSystemMounts, lowerFileSystems } from './efs.ts';
import { lowerBastions } from './bastions.ts';
import { lowerEcrRepositories } from './ecr.ts';
import { lowerBackupPlans } from './backups.ts';
import { lowerDrawnKeys, lowerKeyGrants } from './keys.ts';
import { lowerWebAcls } from './web-acls.ts';
import { lowerHostedZones } from './dns.ts';
import { lowerCertificates } from './certificates.ts';
import { lowerEngineVersions } from './versions.ts';
import { lowerNodeDerivations } from './derived.ts';
import { lowerFrontDoors } from './front-doors.ts';
import { lowerProtection } from './protection.ts';
import { partitionStacks } from './stacks.ts';
import { finishRoleStatements, lowerConnectionGrants, lowerRoles } from './iam.ts';
import { lowerSecurityGroups, lowerVpcs, markHttpsEgress } from './network.ts';
import { networkOwner } from './kept-parts.ts';
import { KEPT_LOGICAL_ID_KEYS, MAX_SLUG_LENGTH, compareIds, toKebabCase } from './naming.ts';
import type { Acknowledgement, ResolvedGraph, ResolvedNames } from './types.ts';
import { lowerDesignTags, userText, withoutDynamicReferences } from './text.ts';
import { lowerStateMachines } from './state-machines.ts';
import { lowerPrefixLifecycleRules } from './lifecycle.ts';
import { lowerKeptResources, lowerKeptTemplate } from './kept.ts';
import {
  lowerAlarmNodes,
  lowerApiGatewayAccountRole,
  lowerEnvironmentVariables,
  lowerWiring,
} from './wiring.ts';

export interface LowerOptions {
  /** Environments to resolve, in this order; default: all of the design's, in design order. */
  environments?: string[];
}

/** Types that are diagram-only and emit no infrastructure. */
/** Catalog types drawn on the canvas that describe no infrastructure; the lowering drops them. */
export const DIAGRAM_ONLY_TYPES: ReadonlySet<string> = new Set(['users']);

export function lowerDesign(input: Design, options: LowerOptions = {}): ResolvedGraph {
  // No user text may reach a template as a CloudFormation dynamic reference (text.ts).
  const design = withoutDynamicReferences(input);
  const known = design.environments.map((e) => e.name);
  const envs = [...new Set(options.environments ?? known)];
  for (const env of envs)
    if (!known.includes(env))
      throw new Error(`Unknown environment "${env}": the design has ${known.join(', ')}`);
  if (envs.length === 0) throw new Error('At least one environment is needed');

  const ctx = new LowerContext(design, envs);

  // Logical ids kept from imported code come before every other name (naming.ts reserveKept).
  // VPCs first: an imported network's ids ('vpc', 'subnet:0', ...) are as old as its nodes'.
  ctx.names.reserveKept(ctx.vpcs.map((v) => ({ id: networkOwner(v.id), logicalIds: v.logicalIds })));
  ctx.names.reserveKept(ctx.nodes);
  // Names the user chose come first, so a derived "OrdersDlq" never takes a user's "Orders DLQ".
  const vpcNames = new Map<string, ResolvedNames>();
  for (const vpc of ctx.vpcs)
    vpcNames.set(
      vpc.id,
      ctx.names.name(vpc.name, `vpc ${vpc.id}`, ctx.names.keptLogicalId(networkOwner(vpc.id), 'vpc')),
    );
  for (const node of ctx.nodes) {
    if (DIAGRAM_ONLY_TYPES.has(node.type)) continue;
    requireService(node.type);
    ctx.addComponent(
      {
        id: node.id,
        type: node.type,
        names: ctx.names.name(node.name, `${node.type} ${node.id}`, ctx.names.keptLogicalId(node.id, 'self')),
        nodeId: node.id,
        props: ctx.envProps(node),
        placement: node.placement ? { vpcId: node.placement.vpcId, tier: node.placement.tier } : null,
        roleIds: [],
        environment: [],
        acknowledgements: [],
      },
      node.id,
    );
  }

  lowerVpcs(ctx, vpcNames);
  lowerNodeDerivations(ctx);
  // From the design as given: a kept resource's {{resolve:...}} was written by its authors (text.ts).
  lowerKeptResources(ctx, input.nodes);
  lowerCertificates(ctx);
  lowerSecurityGroups(ctx);
  lowerVpcEndpoints(ctx);
  lowerMskClusters(ctx);
  lowerBastions(ctx);
  lowerRoles(ctx);
  lowerConnectionGrants(ctx);
  lowerEcrRepositories(ctx);
  lowerFileSystems(ctx);
  lowerFileSystemMounts(ctx);
  lowerBackupPlans(ctx);
  lowerWiring(ctx);
  lowerFirehoses(ctx);
  lowerAudit(ctx);
  lowerApiGatewayAccountRole(ctx);
  lowerAlarmNodes(ctx);
  lowerStateMachines(ctx);
  lowerPrefixLifecycleRules(ctx);
  lowerEnvironmentVariables(ctx);
  lowerKeyGrants(ctx);
  finishRoleStatements(ctx);
  breakReferenceCycles(ctx.orderedComponents(), ctx.roles);
  markHttpsEgress(ctx);
  lowerDecisions(ctx);
  lowerWebAcls(ctx);
  lowerHostedZones(ctx);
  lowerDrawnKeys(ctx);
  lowerFrontDoors(ctx);
  lowerEngineVersions(ctx);
  lowerProtection(ctx);
  applyAcceptedRisks(ctx);

  const graph: ResolvedGraph = {
    design: {
      name: userText(design.name),
      description: userText(design.description),
      region: design.region,
      slug: toKebabCase(design.name).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '') || 'design',
    },
    environments: [...envs],
    layout: lowerLayout(ctx),
    regions: Object.fromEntries(envs.map((env) => [env, environmentRegion(design, env)])),
    accounts: Object.fromEntries(
      design.environments.flatMap((e) => (e.account && envs.includes(e.name) ? [[e.name, e.account]] : [])),
    ),
    // Decided once for all targets (text.ts): sorted, without aws: keys or keys ours override.
    tags: lowerDesignTags(design.tags),
    vpcs: ctx.resolvedVpcs,
    components: ctx.orderedComponents(),
    securityGroups: ctx.securityGroups,
    roles: ctx.roles,
    grants: ctx.grants,
    eventSources: ctx.eventSources,
    subscriptions: ctx.subscriptions,
    ruleTargets: ctx.ruleTargets,
    routes: ctx.routes,
    alarms: ctx.alarms,
    bucketNotifications: ctx.bucketNotifications,
    // The other kept ids go to the resources targets emit for those parts (kept-parts.ts).
    keptParts: [
      ...ctx.vpcs.flatMap((v) =>
        ctx.names.keptParts(networkOwner(v.id), ['vpc']).map((p) => ({ ownerId: networkOwner(v.id), ...p })),
      ),
      ...ctx.nodes.flatMap((n) =>
        ctx.names.keptParts(n.id, KEPT_LOGICAL_ID_KEYS).map((p) => {
          // What the part was in the imported code: its type and what it named.
          const source = n.logicalIdSources?.[p.key];
          return {
            ownerId: n.id,
            ...p,
            ...(source ? { type: source.type } : {}),
            ...(source?.refs ? { refs: source.refs } : {}),
          };
        }),
      ),
    ],
  };
  const keptTemplate = lowerKeptTemplate(
    input.keptTemplate, // as written, like kept resources (no dynamic-reference rewriting)
    new Set(graph.components.map((c) => c.names.logicalId)),
  );
  if (keptTemplate) graph.keptTemplate = keptTemplate;
  // Decided once for every target: which stack each VPC and component deploys in.
  graph.stacks = partitionStacks(design, graph);
  return graph;
}

const round2 = (value: number): number => Math.round(value * 100) / 100 + 0;

/** The drawn positions of nodes with a component and of VPCs, in id order (ResolvedGraph.layout). */
function lowerLayout(ctx: LowerContext): NonNullable<ResolvedGraph['layout']> {
  const at = (targetId: string, id: string, position: { x: number; y: number }) => ({
    targetId,
    id,
    x: round2(position.x),
    y: round2(position.y),
  });
  // Groups are drawn only; the metadata carries them so a re-import draws them again.
  const groups = (ctx.design.groups ?? []).flatMap((g) => {
    const members = ctx.nodes
      .filter((n) => n.group === g.id && ctx.component(n.id))
      .map((n) => n.id)
      .sort(compareIds);
    if (members.length === 0) return [];
    return [
      {
        id: g.id,
        name: g.name,
        kind: g.kind,
        ...(g.source !== undefined ? { source: g.source } : {}),
        members,
      },
    ];
  });
  return {
    nodes: ctx.nodes.flatMap((n) => (n.position && ctx.component(n.id) ? [at(n.id, n.id, n.position)] : [])),
    vpcs: ctx.vpcs.flatMap((v) => (v.position ? [at(v.id, v.id, v.position)] : [])),
    ...(groups.length > 0 ? { groups: groups.sort((a, b) => compareIds(a.id, b.id)) } : {}),
  };
}

/**
 * Accepted risks become acknowledgements on what they are about: a node's component, a VPC, or
 * for a connection its target (where the rule or grant it produced lives).
 */
function applyAcceptedRisks(ctx: LowerContext): void {
  const risks = [...ctx.design.acceptedRisks].sort(
    (a, b) => compareIds(a.targetId, b.targetId) || compareIds(a.ruleId, b.ruleId),
  );
  const connectionsById = new Map(ctx.connections.map((c) => [c.id, c]));
  for (const risk of risks) {
    const acknowledgement: Acknowledgement = {
      ruleId: risk.ruleId,
      reason: userText(risk.reason),
      equivalents: [...(getRule(risk.ruleId)?.equivalents ?? [])],
    };
    const vpc = ctx.resolvedVpcs.find((v) => v.id === risk.targetId);
    if (vpc) {
      vpc.acknowledgements ??= [];
      vpc.acknowledgements.push(acknowledgement);
      continue;
    }
    const componentId = connectionsById.get(risk.targetId)?.to ?? risk.targetId;
    ctx.component(componentId)?.acknowledgements.push(acknowledgement);
  }
}
