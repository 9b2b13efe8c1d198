/**
 * What exists and what it is called, for resources whose shape the generators used to work out
 * themselves: an ALB's listeners per environment, its target groups' names, the ElastiCache
 * resource kind, the rules carrying bucket notifications and the EKS cluster's name. Decided
 * here once, so CDK, Terraform and CloudFormation print the same thing in every environment.
 */
import type { LowerContext } from './context.ts';
import { eksClusterName, targetGroupNames } from './naming.ts';
import type { ResolvedAlbListeners, ResolvedComponent, ResolvedTargetGroupSettings } from './types.ts';

/** TLS policy of every HTTPS listener: TLS 1.3 and 1.2 only (ALB-01). */
export const ALB_TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/**
 * An ALB's listeners in each environment: HTTPS on 443 where the environment has a certificate,
 * with port 80 redirecting to it when httpRedirect is on; plain HTTP on 80 forwarding to the
 * targets where the environment has no certificate.
 */
export function albListenersOf(ctx: LowerContext, alb: ResolvedComponent): ResolvedAlbListeners {
  // A drawn certificate serves every environment; else the environment's certificateArn.
  const drawn = alb.certificateId;
  const certificate = (env: string) => {
    const v = alb.props.certificateArn?.byEnv[env];
    return !drawn && typeof v === 'string' ? v.trim() : '';
  };
  const https = ctx.envs.map((env) => drawn !== undefined || certificate(env) !== '');
  return {
    ...(drawn ? { certificateId: drawn } : {}),
    https: ctx.envValue(https),
    certificateArn: ctx.envValue(ctx.envs.map(certificate)),
    httpRedirect: ctx.envValue(
      ctx.envs.map((env, i) => https[i]! && alb.props.httpRedirect?.byEnv[env] === true),
    ),
    httpForward: ctx.envValue(https.map((on) => !on)),
    tlsPolicy: ALB_TLS_POLICY,
  };
}

/**
 * Redis is a replication group (failover, encryption at rest); Memcached a cache cluster. A
 * resource cannot change kind between environments: the engine without overrides decides, as it
 * does for the AUTH token secret and the alarm dimension.
 */
export function cacheResourceOf(
  ctx: LowerContext,
  cache: ResolvedComponent,
): 'replication-group' | 'cache-cluster' {
  const node = ctx.nodesById.get(cache.nodeId ?? cache.id);
  const engine = node ? ctx.props(node).engine : cache.props.engine?.byEnv[ctx.envs[0]!];
  return engine === 'memcached' ? 'cache-cluster' : 'replication-group';
}

/**
 * How an ALB target group reaches an instance or IP target (Lambda targets have none of this):
 * TLS when the target listens on 443, a health check on `/` that accepts redirects, and a short
 * deregistration delay for quick deploys. One decision, so no target probes `/healthz` while
 * another probes `/`.
 */
export function targetGroupSettings(port: number): ResolvedTargetGroupSettings {
  return {
    protocol: port === 443 ? 'HTTPS' : 'HTTP',
    healthCheck: {
      path: '/',
      matcher: '200-399',
      intervalSeconds: 30,
      healthyThreshold: 2,
      unhealthyThreshold: 3,
    },
    deregistrationDelaySeconds: 30,
  };
}

export function lowerFrontDoors(ctx: LowerContext): void {
  for (const component of ctx.orderedComponents()) {
    if (component.type === 'alb') component.listeners = albListenersOf(ctx, component);
    if (component.type === 'elasticache') component.cacheResource = cacheResourceOf(ctx, component);
    if (component.type === 'eks') component.clusterName = eksClusterName(component.names);
  }
  for (const route of ctx.routes) {
    if (route.kind !== 'alb-target') continue;
    const alb = ctx.component(route.frontDoorId);
    const target = ctx.component(route.targetId);
    if (alb && target) route.targetGroup = targetGroupNames(alb.names, target.names);
    if (target && target.type !== 'lambda' && route.port !== undefined)
      route.targetSettings = targetGroupSettings(route.port);
  }
}
