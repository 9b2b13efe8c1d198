/**
 * Shapes the generators used to work out each in its own way, now decided once (issue 10): an
 * ALB's listeners per environment, target group and bucket-notification rule names, the ElastiCache
 * resource kind and the EKS cluster name.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { targetGroupSettings } from './front-doors.ts';
import { lowerDesign } from './lower.ts';
import { threeTierDesign } from './test-support/fixtures.ts';
import type { ResolvedGraph } from './types.ts';

const component = (graph: ResolvedGraph, id: string) => {
  const c = graph.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/example';
const PROD_CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/prod';

/** Three environments: dev without a certificate, staging with one, prod with another and no redirect. */
function albDesign() {
  return design('Front doors')
    .environments('dev', 'staging', 'prod')
    .vpc()
    .node('alb', { id: 'alb', name: 'Web ALB', tier: 'public', properties: { certificateArn: CERT } })
    .node('ecs-fargate', { id: 'app', name: 'App service', tier: 'private' })
    .node('ec2-asg', { id: 'fn', name: 'Report fleet', tier: 'private' })
    .connect('alb', 'app', 'traffic', { id: 'c-alb-app' })
    .connect('alb', 'fn', 'traffic', { id: 'c-alb-fn' })
    .override('dev', 'alb', { certificateArn: '' })
    .override('prod', 'alb', { certificateArn: PROD_CERT, httpRedirect: false })
    .build();
}

describe('ALB listeners', () => {
  const alb = component(lowerDesign(albDesign()), 'alb');

  it('HTTPS on 443 exactly where the environment has a certificate, with that certificate', () => {
    expect(alb.listeners!.https).toEqual({ byEnv: { dev: false, staging: true, prod: true }, varies: true });
    expect(alb.listeners!.certificateArn.byEnv).toEqual({ dev: '', staging: CERT, prod: PROD_CERT });
    expect(alb.listeners!.tlsPolicy).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
  });

  it('port 80 forwards where there is no certificate and redirects where httpRedirect is on', () => {
    expect(alb.listeners!.httpForward.byEnv).toEqual({ dev: true, staging: false, prod: false });
    // dev has httpRedirect on (the default) but no HTTPS to redirect to; prod turns it off.
    expect(alb.listeners!.httpRedirect.byEnv).toEqual({ dev: false, staging: true, prod: false });
  });

  it('the same in every environment when the certificate is', () => {
    const same = component(lowerDesign(threeTierDesign()), 'alb').listeners!;
    expect(same.https).toEqual({ byEnv: { dev: true, prod: true }, varies: false });
    expect(same.httpRedirect).toEqual({ byEnv: { dev: true, prod: true }, varies: false });
    expect(same.httpForward).toEqual({ byEnv: { dev: false, prod: false }, varies: false });
  });

  it('a blank certificate is no certificate', () => {
    const d = albDesign();
    d.nodes.find((n) => n.id === 'alb')!.properties.certificateArn = '   ';
    d.environments.find((e) => e.name === 'staging')!.overrides = {};
    const listeners = component(lowerDesign(d), 'alb').listeners!;
    expect(listeners.https.byEnv.staging).toBe(false);
    expect(listeners.httpForward.byEnv.staging).toBe(true);
  });

  it('only ALBs have listeners', () => {
    expect(component(lowerDesign(albDesign()), 'app').listeners).toBeUndefined();
  });

  it('names every target group once: "<Alb>To<Target>", "<alb>_<target>", the target slug (<= 32)', () => {
    const routes = lowerDesign(albDesign()).routes.filter((r) => r.kind === 'alb-target');
    expect(routes.map((r) => r.targetGroup)).toEqual([
      { logicalId: 'WebALBToAppService', tfName: 'web_alb_app_service', stem: 'app-service', maxLength: 32 },
      {
        logicalId: 'WebALBToReportFleet',
        tfName: 'web_alb_report_fleet',
        stem: 'report-fleet',
        maxLength: 32,
      },
    ]);
  });
});

describe('ElastiCache resource kind', () => {
  const cacheDesign = (engine: string, overrideEngine?: string) => {
    const b = design('Caches')
      .environments('dev', 'prod')
      .vpc()
      .node('elasticache', { id: 'cache', name: 'Cache', tier: 'isolated', properties: { engine } });
    if (overrideEngine) b.override('dev', 'cache', { engine: overrideEngine });
    return lowerDesign(b.build());
  };

  it('Redis is a replication group, Memcached a cache cluster', () => {
    expect(component(cacheDesign('redis'), 'cache').cacheResource).toBe('replication-group');
    expect(component(cacheDesign('memcached'), 'cache').cacheResource).toBe('cache-cluster');
  });

  it('one kind in every environment: the engine without overrides decides', () => {
    expect(component(cacheDesign('redis', 'memcached'), 'cache').cacheResource).toBe('replication-group');
  });
});

describe('names of notification rules and EKS clusters', () => {
  const graph = lowerDesign(
    design('Names')
      .vpc()
      .node('s3', { id: 'raw', name: 'Raw data' })
      .node('sqs', { id: 'jobs', name: 'Jobs' })
      .node('lambda', { id: 'curate', name: 'Curate' })
      .node('eks', { id: 'k8s', name: 'Platform cluster', tier: 'private' })
      .connect('raw', 'jobs', 'publish', { id: 'c-raw-jobs' })
      .connect('raw', 'curate', 'event-source', { id: 'c-raw-curate' })
      .build(),
  );

  it('bucket notifications, to queues and functions alike, name their EventBridge rule "<Bucket>To<Target>Events"', () => {
    expect(graph.bucketNotifications!.map((n) => [n.targetKind, n.rule])).toEqual([
      ['lambda', { logicalId: 'RawDataToCurateEvents', tfName: 'raw_data_to_curate_events' }],
      ['sqs', { logicalId: 'RawDataToJobsEvents', tfName: 'raw_data_to_jobs_events' }],
    ]);
  });

  it('a bucket notifying a function is not an event source mapping: EventBridge delivers, retrying as rule targets do', () => {
    expect(graph.eventSources).toEqual([]);
    for (const n of graph.bucketNotifications!) {
      expect(n.detailTypes).toEqual(['Object Created']);
      expect(n.retry).toEqual({ maximumRetryAttempts: 185, maximumEventAgeSeconds: 86400 });
    }
  });

  it('a bucket that notifies turns its EventBridge notifications on in every environment', () => {
    expect(Object.values(component(graph, 'raw').props.eventNotifications!.byEnv)).toEqual(
      graph.environments.map(() => true),
    );
  });

  it('the EKS cluster is named from its slug, at most 100 characters with its prefix', () => {
    expect(component(graph, 'k8s').clusterName).toEqual({ stem: 'platform-cluster', maxLength: 100 });
  });
});

describe('ALB target group settings', () => {
  it('speak TLS to a target on 443 and plain HTTP elsewhere, with one health check for every target', () => {
    expect(targetGroupSettings(443).protocol).toBe('HTTPS');
    expect(targetGroupSettings(8080).protocol).toBe('HTTP');
    expect(targetGroupSettings(443).healthCheck).toEqual(targetGroupSettings(8080).healthCheck);
  });
});
