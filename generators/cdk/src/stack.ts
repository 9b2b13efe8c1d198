/**
 * Builds the stack module: decides the order (VPCs, security groups, roles, components in
 * dependency order, then what connections imply), runs the emitters and wraps the statements
 * in the stack class.
 */
import type { ResolvedComponent, ResolvedGraph } from '@archgen/infra';
import { cloudFormationLayout, compareIds, DIAGRAM_ONLY_TYPES } from '@archgen/infra';
import { StackContext, MODULES } from './context.ts';
import type { Expr, Stmt } from './ts/ast.ts';
import {
  assign,
  blank,
  call,
  comment,
  json,
  constDecl,
  exprStmt,
  id,
  importNamed,
  importNamespace,
  lit,
  member,
  newExpr,
  obj,
  ref,
  thisExpr,
  typeRef,
} from './ts/ast.ts';
import type { AppNames } from './naming.ts';
import { emitterFor } from './emitters/index.ts';
import { emitVpc } from './emitters/network.ts';
import { emitSecurityGroup, emitSecurityGroupRules } from './emitters/security-groups.ts';
import { emitRole, emitRoleStatements } from './emitters/iam.ts';
import {
  emitAlarm,
  emitBucketNotification,
  emitEnvironment,
  emitEventSource,
  emitGrant,
  emitRoute,
  emitRuleTarget,
  emitSubscription,
} from './emitters/relations.ts';
import { camelCase, plainText } from './naming.ts';
import { SUBNET_CIDRS_CLASS, SUBNET_CIDRS_MODULE } from './files/subnet-cidrs.ts';
import { KEEP_LOGICAL_ID, LOGICAL_IDS_MODULE } from './files/logical-ids.ts';
import { emitKeptSections } from './kept-sections.ts';

/** Types that describe no infrastructure (a diagram's traffic source). */

function dependenciesOf(component: ResolvedComponent, graph: ResolvedGraph): string[] {
  // A secret the database manages comes after the database, which registers it.
  const ownSecret = component.secretId && graph.components.find((c) => c.id === component.secretId);
  const secretFirst =
    ownSecret && ownSecret.managedByDatabase !== component.id ? component.secretId : undefined;
  const deps = [
    component.deadLetterQueueId,
    component.logGroupId,
    secretFirst,
    component.encryption?.keyId,
    component.webAcl?.drawnId,
    component.certificateId,
  ].filter((d): d is string => typeof d === 'string');
  deps.push(...(emitterFor(component.type).dependencies?.(component, graph) ?? []));
  return deps.filter((d) => d !== component.id);
}

/** Components in dependency order; ties keep the graph's order, so the output is stable. */
export function orderComponents(graph: ResolvedGraph): ResolvedComponent[] {
  const components = graph.components.filter((c) => !DIAGRAM_ONLY_TYPES.has(c.type));
  const position = new Map(components.map((c, i) => [c.id, i]));
  // Per component: how many of its (known, distinct) dependencies are not placed yet, and
  // who waits for it. The next one placed is always the first ready one in graph order.
  const knownDeps = components.map((c) =>
    [...new Set(dependenciesOf(c, graph))].filter((d) => position.has(d)),
  );
  const waiting = knownDeps.map((deps) => deps.length);
  const dependents: number[][] = components.map(() => []);
  knownDeps.forEach((deps, i) => {
    for (const dep of deps) dependents[position.get(dep) as number]?.push(i);
  });
  const done = new Uint8Array(components.length);
  const ordered: ResolvedComponent[] = [];
  let scanFrom = 0;
  while (ordered.length < components.length) {
    let next = scanFrom;
    while (next < components.length && (done[next] || waiting[next] !== 0)) next++;
    if (next === components.length) {
      const stuck = components.filter((_, i) => !done[i]).map((c) => c.id);
      throw new Error(`Components depend on each other in a cycle: ${stuck.join(', ')}`);
    }
    done[next] = 1;
    ordered.push(components[next] as ResolvedComponent);
    scanFrom = next + 1;
    for (const dependent of dependents[next] ?? []) {
      const left = (waiting[dependent] ?? 0) - 1;
      waiting[dependent] = left;
      if (left === 0 && dependent < scanFrom) scanFrom = dependent;
    }
  }
  return ordered;
}

export interface StackModule {
  statements: Stmt[];
  context: StackContext;
}

export function buildStack(graph: ResolvedGraph, names: AppNames): StackModule {
  const ctx = new StackContext(graph);
  const ordered = orderComponents(graph);
  const flowLogGroups = new Set(
    graph.vpcs.map((v) => v.flowLogs.logGroupId).filter((g): g is string => Boolean(g)),
  );

  const stacks = graph.stacks ?? [];
  if (stacks.length > 1) {
    ctx.section(
      `Nested stacks, in deployment order: the design makes more resources than one stack may hold (500). A stack uses what earlier ones make; CDK passes the values between them.`,
    );
    for (const stack of stacks)
      ctx.nestedStacks.push(
        ctx.declare(
          `${camelCase(stack.name)}Stack`,
          newExpr(
            ctx.core('NestedStack'),
            thisExpr,
            lit(stack.name),
            obj({
              description: lit(plainText(`${graph.design.name}: ${stack.name} (${stack.description})`, 1000)),
            }),
          ),
        ),
      );
  }

  for (const component of ordered.filter((c) => flowLogGroups.has(c.id))) {
    ctx.useScopeOf(component.id);
    emitterFor(component.type).emit(component, ctx);
  }
  if (graph.roles.length)
    ctx.section('IAM roles, one trusted service principal each; permissions are added below.');
  for (const role of graph.roles) {
    ctx.useScopeOf(role.id);
    emitRole(ctx, role);
  }
  for (const vpc of graph.vpcs) {
    ctx.useScopeOf(vpc.id);
    emitVpc(ctx, vpc);
  }
  const groups = graph.securityGroups;
  if (groups.length) ctx.section('Security groups: rules are added below, once every group exists.');
  for (const group of groups) {
    ctx.useScopeOf(group.id);
    emitSecurityGroup(ctx, group);
  }

  for (const component of ordered) {
    if (flowLogGroups.has(component.id)) continue;
    ctx.useScopeOf(component.id);
    emitterFor(component.type).emit(component, ctx);
  }
  for (const component of ordered) {
    const emitter = emitterFor(component.type);
    if (!emitter.emitAfterComponents) continue;
    ctx.useScopeOf(component.id);
    emitter.emitAfterComponents(component, ctx);
  }

  if (groups.length) ctx.section('Security group rules, derived from connections.');
  for (const group of groups) {
    ctx.useScopeOf(group.id);
    emitSecurityGroupRules(ctx, group);
  }
  if (graph.grants.length)
    ctx.section('Least-privilege grants, one per connection (CDK grant methods where one exists).');
  /** Statement sids per role that a grant method covers. */
  const granted = new Map<string | undefined, Set<string>>();
  for (const grant of graph.grants) {
    ctx.useScopeOf(grant.roleId, grant.granteeId, grant.targetId);
    if (!emitGrant(ctx, grant)) continue;
    let sids = granted.get(grant.roleId);
    if (!sids) granted.set(grant.roleId, (sids = new Set()));
    for (const s of grant.statements) sids.add(s.sid);
  }
  if (graph.roles.some((r) => r.statements.length))
    ctx.section('Role permissions no grant method covers (own logs, X-Ray, ...).');
  for (const role of graph.roles) {
    ctx.useScopeOf(role.id);
    const sids = granted.get(role.id);
    emitRoleStatements(ctx, role, (sid) => sids?.has(sid) ?? false);
  }
  const notifications = graph.bucketNotifications ?? [];
  if (notifications.length)
    ctx.section('S3 event notifications, forwarded by EventBridge rules (one per target).');
  for (const notification of notifications) {
    ctx.useScopeOf(notification.bucketId, notification.targetId);
    emitBucketNotification(ctx, notification);
  }
  if (ctx.usesBucketNotifications)
    ctx.acknowledge(
      thisExpr,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's BucketNotificationsHandler custom resource (S3 notifications) uses this AWS managed policy; no generated role does.",
    );
  if (graph.eventSources.length) ctx.section('Event source mappings.');
  for (const source of graph.eventSources) {
    ctx.useScopeOf(source.functionId, source.sourceId);
    emitEventSource(ctx, source);
  }
  if (graph.subscriptions.length) ctx.section('Topic subscriptions (with dead-letter queues).');
  for (const subscription of graph.subscriptions) {
    ctx.useScopeOf(subscription.subscriberId, subscription.topicId, subscription.deadLetterQueueId);
    emitSubscription(ctx, subscription);
  }
  if (graph.ruleTargets.length) ctx.section('EventBridge rule targets (with dead-letter queues).');
  for (const target of graph.ruleTargets) {
    ctx.useScopeOf(target.ruleId, target.targetId, target.deadLetterQueueId);
    emitRuleTarget(ctx, target);
  }
  const routes = graph.routes.filter((r) => r.kind !== 'cloudfront-origin');
  if (routes.length) ctx.section('Load balancer targets and API integrations.');
  routes.forEach((route, index) => {
    ctx.useScopeOf(route.frontDoorId, route.targetId);
    emitRoute(ctx, route, (index + 1) * 10);
  });
  if (graph.alarms.length) ctx.section('Alarms, notifying their SNS topic.');
  for (const alarm of graph.alarms) {
    ctx.useScopeOf(alarm.id, alarm.targetId, alarm.topicId, alarm.dimension.ref.componentId);
    emitAlarm(ctx, alarm);
  }
  const withEnvironment = ordered.filter((c) => c.environment.length > 0);
  if (withEnvironment.length)
    ctx.section('Environment variables: the names of what each component is connected to.');
  for (const component of withEnvironment) {
    ctx.useScopeOf(component.id);
    emitEnvironment(ctx, component.id);
  }
  // Logical ids kept from imported code (the lowering's naming): pinned, or CDK would hash them.
  // A kept resource pins its own id; a construct the stack does not hold (a split design's) is skipped.
  const kept: [Expr, string][] = [];
  for (const component of ordered)
    if (component.names.kept && component.type !== 'other-resource' && ctx.handles.has(component.id))
      kept.push([ctx.handle(component.id).construct, component.names.logicalId]);
  for (const role of graph.roles) {
    const construct = ctx.roles.get(role.id);
    if (role.names.kept && construct) kept.push([construct, role.names.logicalId]);
  }
  for (const group of groups) {
    const construct = ctx.securityGroups.get(group.id);
    if (group.names.kept && construct) kept.push([construct, group.names.logicalId]);
  }
  // An imported VPC keeps its own id (its subnets and gateways are ec2.Vpc's children: CFN only).
  for (const vpc of graph.vpcs) {
    const construct = ctx.vpcs.get(vpc.id);
    if (vpc.names.kept && construct) kept.push([construct, vpc.names.logicalId]);
  }
  if (kept.length)
    ctx.section('Logical ids kept from the imported stack, so deploying over it replaces nothing.');
  for (const [construct, logicalId] of kept) ctx.expr(call(id(KEEP_LOGICAL_ID), construct, lit(logicalId)));
  ctx.usesKeptLogicalIds = kept.length > 0;
  ctx.scope = thisExpr;

  const outputs = ordered.filter((c) => ['alb', 'cloudfront', 'api-gateway'].includes(c.type));
  emitKeptSections(graph, ctx, new Set(outputs.map((c) => `${c.names.logicalId}Endpoint`)));
  if (outputs.length) ctx.section('Entry points.');
  for (const component of outputs) {
    const handle = ctx.handle(component.id);
    const value = handle.attributes.url ?? handle.attributes.domainName;
    if (!value) continue;
    ctx.expr(
      newExpr(
        ctx.core('CfnOutput'),
        thisExpr,
        lit(`${component.names.logicalId}Endpoint`),
        obj({ value, description: lit(plainText(component.names.display, 1000)) }),
      ),
    );
  }

  ctx.section(
    'cdk-nag: acknowledge only the wildcards CDK grant methods scope to one resource (see nag.ts).',
  );
  ctx.expr(call(member(call(ref('Aspects.of'), thisExpr), 'add'), newExpr(id('AcknowledgeScopedWildcards'))));

  const body: Stmt[] = [];
  body.push(exprStmt(call(id('super'), id('scope'), id('id'), id('props'))));
  const layout = cloudFormationLayout(graph);
  if (layout)
    body.push(
      comment(
        'Where each node and VPC was drawn, by construct id: importing the template restores the picture.',
      ),
      assign(member(member(thisExpr, 'templateOptions'), 'metadata'), json({ 'Archgen::Layout': layout })),
    );
  if (ctx.configEntries.length) body.push(constDecl('config', member(id('props'), 'config')));
  body.push(...ctx.body);

  const statements: Stmt[] = [
    importNamed(
      ['Aspects', ...ctx.coreImports.filter((n) => n !== 'Stack'), 'Stack'].sort((a, b) => compareIds(a, b)),
      'aws-cdk-lib',
    ),
    importNamed(['StackProps'], 'aws-cdk-lib', true),
    ...ctx.modulesUsed.map((alias) => importNamespace(alias, MODULES[alias])),
    importNamed(['Construct'], 'constructs', true),
    importNamed(['StackConfig'], './config', true),
    importNamed(['AcknowledgeScopedWildcards'], './nag'),
    ...(ctx.usesExplicitSubnetCidrs ? [importNamed([SUBNET_CIDRS_CLASS], SUBNET_CIDRS_MODULE)] : []),
    ...(ctx.usesKeptLogicalIds ? [importNamed([KEEP_LOGICAL_ID], LOGICAL_IDS_MODULE)] : []),
    blank,
    {
      kind: 'interface',
      name: `${names.stackClass}Props`,
      exported: true,
      extends: ['StackProps'],
      members: [
        {
          name: 'config',
          type: typeRef('StackConfig'),
          doc: 'The values of the environment this stack deploys (lib/config.ts).',
        },
      ],
    },
    blank,
    {
      kind: 'class',
      name: names.stackClass,
      extends: 'Stack',
      exported: true,
      doc: `${graph.design.name}\n\nGenerated by archgen from the design; one instance per environment (bin/app.ts).`,
      constructorParams: [
        { name: 'scope', type: typeRef('Construct') },
        { name: 'id', type: typeRef('string') },
        { name: 'props', type: typeRef(`${names.stackClass}Props`) },
      ],
      body,
    },
  ];
  return { statements, context: ctx };
}
