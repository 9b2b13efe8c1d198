/** Design fixtures shared by the lowering tests, built with the model's DesignBuilder. */
import { design } from '@archgen/model';
import type { Design } from '@archgen/model';

/**
 * Users -> ALB (public, HTTPS + redirect) -> Fargate (private) -> Aurora and Redis (isolated),
 * a per-AZ NAT gateway overridden to a single one in dev.
 */
export function threeTierDesign(): Design {
  return design('Three tier web app')
    .environments('dev', 'prod')
    .vpc()
    .node('users', { id: 'users', name: 'Internet users', placement: null })
    .node('nat-gateway', { id: 'nat', name: 'NAT', tier: 'public' })
    .node('alb', {
      id: 'alb',
      name: 'Web ALB',
      tier: 'public',
      properties: {
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/example',
        httpRedirect: true,
      },
    })
    .node('ecs-fargate', { id: 'app', name: 'App service', tier: 'private' })
    .node('aurora', { id: 'db', name: 'Orders DB', tier: 'isolated' })
    .node('elasticache', { id: 'cache', name: 'Session cache', tier: 'isolated' })
    .connect('users', 'alb', 'traffic', { id: 'c-users-alb' })
    .connect('alb', 'app', 'traffic', { id: 'c-alb-app' })
    .connect('app', 'db', 'traffic', { id: 'c-app-db', label: 'SQL from the app' })
    .connect('app', 'cache', 'traffic', { id: 'c-app-cache' })
    .override('dev', 'nat', { mode: 'single' })
    .build();
}

/** Producer -> FIFO queue (DLQ on) -> worker -> table; an alarm on the worker notifying a topic. */
export function queueDesign(): Design {
  return design('Queue worker')
    .node('lambda', { id: 'producer', name: 'Producer' })
    .node('sqs', { id: 'orders', name: 'Orders queue', properties: { fifo: true } })
    .node('lambda', { id: 'worker', name: 'Worker' })
    .node('dynamodb', { id: 'table', name: 'Orders table' })
    .node('sns', { id: 'topic', name: 'Ops topic' })
    .node('cloudwatch-alarm', { id: 'errors', name: 'Worker errors' })
    .connect('producer', 'orders', 'publish', { id: 'c1' })
    .connect('orders', 'worker', 'event-source', { id: 'c2' })
    .connect('worker', 'table', 'read-write', { id: 'c3' })
    .connect('errors', 'worker', 'read', { id: 'c4' })
    .connect('errors', 'topic', 'publish', { id: 'c5' })
    .build();
}

/** A Fisher-Yates shuffle driven by a fixed seed, so "shuffled" tests are reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
