/**
 * SAM (Transform: AWS::Serverless-2016-10-31): Globals merged into each resource, and a
 * function's or state machine's Events turned into the connections (and the implicit API or
 * rule nodes) the SAM translator would have made resources for, with SAM's logical IDs.
 */
import type { ConnectionKind, Properties } from '@archgen/model';
import { referencesIn } from './intrinsics.ts';

export interface SamEdge {
  /** Logical IDs (a source resource, or an implicit one such as ServerlessRestApi). */
  from: string;
  to: string;
  kind: ConnectionKind;
  why: string;
  properties?: Properties;
  /** The edge needs a node SAM makes implicitly. */
  implicit?: { logicalId: string; service: string; properties: Properties };
}

interface SamResource {
  id: string;
  type: string;
  props: Record<string, unknown>;
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const GLOBAL_SECTIONS: Record<string, string> = {
  Function: 'AWS::Serverless::Function',
  Api: 'AWS::Serverless::Api',
  HttpApi: 'AWS::Serverless::HttpApi',
  SimpleTable: 'AWS::Serverless::SimpleTable',
  StateMachine: 'AWS::Serverless::StateMachine',
  LayerVersion: 'AWS::Serverless::LayerVersion',
};

/** Globals apply to every resource of their type; a resource's own value wins (maps merge). */
export function mergeGlobals(resources: SamResource[], globals: Record<string, unknown>): void {
  for (const [section, type] of Object.entries(GLOBAL_SECTIONS)) {
    const g = obj(globals[section]);
    if (Object.keys(g).length === 0) continue;
    for (const r of resources) {
      if (r.type !== type) continue;
      for (const [k, v] of Object.entries(g)) {
        const own = r.props[k];
        if (own === undefined) r.props[k] = v;
        else if (k === 'Environment') {
          r.props[k] = {
            ...obj(v),
            Variables: { ...obj(obj(v).Variables), ...obj(obj(own).Variables) },
          };
        } else if (k === 'Tags' && typeof own === 'object' && !Array.isArray(own))
          r.props[k] = { ...obj(v), ...obj(own) };
      }
    }
  }
}

const target = (v: unknown): string | undefined => referencesIn(v)[0]?.target;

/** The connections a function's or state machine's Events mean. */
export function expandSamEvents(
  r: SamResource,
  value: (v: unknown) => unknown,
  partial: (v: unknown) => unknown,
  byId: ReadonlyMap<string, SamResource>,
  warn: (message: string, sourceId?: string, severity?: 'error' | 'warning' | 'info') => void,
): SamEdge[] {
  const edges: SamEdge[] = [];
  const batching = (p: Record<string, unknown>): Properties | undefined => {
    const out: Properties = {};
    const batch = value(p.BatchSize);
    const windowSeconds = value(p.MaximumBatchingWindowInSeconds);
    if (typeof batch === 'number') out.batchSize = batch;
    if (typeof windowSeconds === 'number') out.maxBatchingWindowSeconds = windowSeconds;
    return Object.keys(out).length > 0 ? out : undefined;
  };
  for (const [name, def] of Object.entries(obj(r.props.Events))) {
    const e = obj(def);
    const type = String(e.Type ?? '');
    const p = obj(e.Properties);
    const why = `SAM event ${name} (${type})`;
    const implicitRule = (properties: Properties): SamEdge => ({
      from: `${r.id}${name}`,
      to: r.id,
      kind: 'route',
      why,
      implicit: { logicalId: `${r.id}${name}`, service: 'eventbridge-rule', properties },
    });
    switch (type) {
      case 'Api': {
        const api = target(p.RestApiId);
        if (api && byId.has(api)) edges.push({ from: api, to: r.id, kind: 'invoke', why });
        else
          edges.push({
            from: 'ServerlessRestApi',
            to: r.id,
            kind: 'invoke',
            why,
            implicit: {
              logicalId: 'ServerlessRestApi',
              service: 'api-gateway',
              properties: { apiType: 'rest', authorizer: 'none', accessLogs: false, tracing: false },
            },
          });
        break;
      }
      case 'HttpApi': {
        const api = target(p.ApiId);
        if (api && byId.has(api)) edges.push({ from: api, to: r.id, kind: 'invoke', why });
        else
          edges.push({
            from: 'ServerlessHttpApi',
            to: r.id,
            kind: 'invoke',
            why,
            implicit: {
              logicalId: 'ServerlessHttpApi',
              service: 'api-gateway',
              properties: { apiType: 'http', authorizer: 'none', accessLogs: false, tracing: false },
            },
          });
        break;
      }
      case 'SQS':
      case 'Kinesis':
      case 'DynamoDB': {
        const source = target(type === 'SQS' ? p.Queue : p.Stream);
        const props = batching(p);
        if (source)
          edges.push({
            from: source,
            to: r.id,
            kind: 'event-source',
            why,
            ...(props ? { properties: props } : {}),
          });
        else
          warn(
            `${r.id}: event ${name} reads from a ${type} source outside this template; not drawn`,
            r.id,
            'info',
          );
        break;
      }
      case 'SNS': {
        const topic = target(p.Topic);
        if (topic) edges.push({ from: topic, to: r.id, kind: 'subscribe', why });
        else
          warn(`${r.id}: event ${name} subscribes to a topic outside this template; not drawn`, r.id, 'info');
        break;
      }
      case 'S3': {
        const bucket = target(p.Bucket);
        if (bucket) edges.push({ from: bucket, to: r.id, kind: 'event-source', why });
        break;
      }
      case 'Schedule':
      case 'ScheduleV2': {
        const expression = value(p.Schedule ?? p.ScheduleExpression);
        edges.push(
          implicitRule({
            eventPattern: '',
            schedule: typeof expression === 'string' ? expression : '',
            targetDlq: p.DeadLetterConfig !== undefined,
          }),
        );
        if (type === 'ScheduleV2')
          warn(
            `${r.id}: event ${name} is an EventBridge Scheduler schedule; drawn as a scheduled rule`,
            r.id,
            'info',
          );
        break;
      }
      case 'EventBridgeRule':
      case 'CloudWatchEvent': {
        const pattern = p.Pattern === undefined ? undefined : partial(p.Pattern);
        const edge = implicitRule({
          eventPattern: pattern && typeof pattern === 'object' ? JSON.stringify(pattern) : '',
          targetDlq: p.DeadLetterConfig !== undefined,
        });
        edges.push(edge);
        const bus = target(p.EventBusName);
        if (bus) edges.push({ from: bus, to: edge.from, kind: 'route', why, implicit: edge.implicit! });
        break;
      }
      default:
        warn(
          `${r.id}: SAM event ${name} of type ${type || '(none)'} has no design connection; not drawn`,
          r.id,
          'info',
        );
    }
  }
  return edges;
}

/** The logical IDs SAM gives the resources it makes for a function (its role, mappings, ...). */
export function samLogicalIds(r: SamResource): Record<string, string> {
  const ids: Record<string, string> = {};
  if (r.type !== 'AWS::Serverless::Function' && r.type !== 'AWS::Serverless::StateMachine') return ids;
  if (r.props.Role === undefined) ids.role = `${r.id}Role`;
  let mapping = 0;
  let subscription = 0;
  let permission = 0;
  for (const [name, def] of Object.entries(obj(r.props.Events))) {
    const type = String(obj(def).Type ?? '');
    if (type === 'SQS' || type === 'Kinesis' || type === 'DynamoDB')
      ids[`eventSourceMapping:${mapping++}`] = `${r.id}${name}`;
    if (type === 'SNS') {
      ids[`subscription:${subscription++}`] = `${r.id}${name}`;
      ids[`permission:${permission++}`] = `${r.id}${name}Permission`;
    }
    if (type === 'S3' || type === 'Schedule' || type === 'EventBridgeRule' || type === 'CloudWatchEvent')
      ids[`permission:${permission++}`] = `${r.id}${name}Permission`;
    if (type === 'Api' || type === 'HttpApi')
      ids[`permission:${permission++}`] = `${r.id}${name}Permission${type === 'Api' ? 'Prod' : ''}`;
  }
  return ids;
}
