/**
 * One parsed CloudFormation template (plain, SAM, or synthesized by the CDK) to design pieces:
 * nodes with their parts, VPCs, connections and one report entry per source resource.
 *
 * The order of work: classify every resource (service, part, network, kept, skipped); find the
 * node each part serves; rebuild the VPCs; place nodes in the tier of the subnets they use;
 * infer connections from references; read properties per environment.
 */
import {
  DEFAULT_ENVIRONMENTS,
  EnvironmentNameSchema,
  GroupKindSchema,
  findAcceptedConnection,
  getService,
  isProductionName,
  validateProperties,
  type Connection,
  type ConnectionKind,
  type DesignGroup,
  type DesignNode,
  type Environment,
  type KeptTemplate,
  type Properties,
  type PropertyValue,
  type SubnetTier,
  type Vpc,
} from '@archgen/model';
import type { ImportProblem, ReportEntry, ResourceOutcome } from '../report.ts';
import {
  UNRESOLVED,
  evaluate,
  evaluateCondition,
  evaluatePartially,
  referencesIn,
  type Scope,
} from './intrinsics.ts';
import {
  CLUSTER_MEMBER,
  NETWORK_ROLES,
  PART_TYPES,
  PART_UNLESS_SHARED,
  SAM_POLICY_TEMPLATES,
  iamKind,
  referenceKind,
  type PartRule,
} from './kinds.ts';
import { nameTag, rebuildNetwork } from './network.ts';
import { SERVICE_TYPES, type ReadContext } from './services.ts';
import { endpointService, endpointType } from './readers/vpc-endpoint.ts';
import { recordName, zoneName } from './readers/route53-zone.ts';
import { managedRule } from './readers/config-recorder.ts';
import { firehoseDestination, unsupportedFirehose } from './readers/firehose.ts';
import { expandSamEvents, mergeGlobals, samLogicalIds, type SamEdge } from './sam.ts';
import { keptSections } from './kept-sections.ts';
import { isSessionManagerHost } from './readers/bastion.ts';
import { environmentPins } from './environment-rules.ts';
import { notRemade, remadeRoles } from './remade.ts';

export interface TemplateImportOptions {
  parameters?: Record<string, string>;
  environment?: string;
  /** Per environment parameter values (parameters/<env>.json beside the template). */
  parameterFiles?: Record<string, Record<string, string>>;
  /** CDK: construct path per logical ID (from `aws:cdk:path` metadata). */
  constructPaths?: Map<string, string>;
  region?: string;
}

export interface TemplatePieces {
  nodes: DesignNode[];
  vpcs: Vpc[];
  connections: Connection[];
  environments: Environment[];
  resources: ReportEntry[];
  problems: ImportProblem[];
  description?: string;
  /** Node ids and positions from `Metadata["Archgen::Layout"]`. */
  /** Parameters, Mappings, Conditions and Outputs kept as written (kept-sections.ts). */
  keptTemplate?: KeptTemplate;
  /** Groups from `Metadata["Archgen::Layout"].groups` (a template archgen wrote), members set. */
  groups?: DesignGroup[];
}

interface Res {
  id: string;
  type: string;
  props: Record<string, unknown>;
  raw: Record<string, unknown>;
}

type Class =
  | { kind: 'service'; service: string }
  | { kind: 'part'; rule: PartRule }
  | { kind: 'network'; role: string }
  | { kind: 'kept'; reason: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'connector' };

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export function transformsOf(template: Record<string, unknown>): string[] {
  const t = template.Transform;
  const list = Array.isArray(t) ? t : t === undefined ? [] : [t];
  return list.map((x) => (typeof x === 'string' ? x : String(obj(x).Name ?? 'AWS::Include')));
}
export const isSam = (template: Record<string, unknown>) => transformsOf(template).includes(SAM_TRANSFORM);

const ENV_PARAMETER =
  /^(env|environment|environmentname|envname|environmenttype|envtype|stage|stagename|deploymentstage|deployenv)$/i;

/** Ids taken across a whole import (several CDK stacks share one design). */
export class IdPool {
  readonly taken = new Set<string>();
  claim(wanted: string): string {
    let id = wanted.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60);
    if (!/^[A-Za-z]/.test(id)) id = `n${id}`;
    let candidate = id;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${id.slice(0, 58)}-${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}

export function importTemplate(
  file: string,
  template: Record<string, unknown>,
  options: TemplateImportOptions,
  ids: IdPool,
): TemplatePieces {
  const problems: ImportProblem[] = [];
  const warn = (message: string, sourceId?: string, severity: ImportProblem['severity'] = 'warning') =>
    problems.push({ severity, message, file, ...(sourceId ? { sourceId } : {}) });
  const sam = isSam(template);
  const region = options.region ?? 'us-east-1';

  // ---- Transforms, parameters, environments --------------------------------------------------
  for (const t of transformsOf(template))
    if (t !== SAM_TRANSFORM)
      warn(
        `Transform ${t} is not run by the importer: resources it would add or change are not seen`,
        undefined,
        'warning',
      );
  const parameters = obj(template.Parameters);
  const mappings = obj(template.Mappings);
  const conditions = obj(template.Conditions);
  const layout = obj(obj(template.Metadata)['Archgen::Layout']);
  const layoutNodes = obj(layout.nodes);
  const layoutVpcs = obj(layout.vpcs);

  const envParam = Object.keys(parameters).find((name) => {
    if (!ENV_PARAMETER.test(name)) return false;
    const p = obj(parameters[name]);
    const values = Array.isArray(p.AllowedValues)
      ? p.AllowedValues
      : p.Default !== undefined
        ? [p.Default]
        : [];
    return (
      values.length > 0 &&
      values.every((v) => EnvironmentNameSchema.safeParse(String(v).toLowerCase()).success)
    );
  });
  let envNames: string[];
  if (envParam) {
    const p = obj(parameters[envParam]);
    const allowed = Array.isArray(p.AllowedValues) ? p.AllowedValues.map(String) : [String(p.Default)];
    envNames = [...new Set(allowed)].slice(0, 10);
    warn(
      `parameter ${envParam} selects the environment: imported as the design's environments ${envNames.join(', ')}`,
      undefined,
      'info',
    );
  } else if (options.environment) envNames = [options.environment];
  else envNames = [...DEFAULT_ENVIRONMENTS];
  const designEnvName = (value: string) => value.toLowerCase();

  const resourceIds = new Set(Object.keys(obj(template.Resources)));
  // The account and region each environment's Rules pin it to (archgen's, or a team's own guard).
  const pins = environmentPins(template.Rules, envParam);
  const scopeFor = (env: string): Scope => {
    const values = new Map<string, unknown>();
    for (const [name, def] of Object.entries(parameters)) {
      const d = obj(def);
      const given = options.parameterFiles?.[designEnvName(env)]?.[name] ?? options.parameters?.[name];
      const raw = given ?? d.Default;
      if (raw === undefined) continue;
      const type = String(d.Type ?? 'String');
      values.set(
        name,
        type.startsWith('List<') || type === 'CommaDelimitedList'
          ? String(raw)
              .split(',')
              .map((s) => s.trim())
          : type === 'Number' && typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw))
            ? Number(raw)
            : raw,
      );
    }
    if (envParam) values.set(envParam, env);
    return {
      parameters: values,
      mappings,
      conditions,
      region: pins.get(env)?.region ?? region,
      resources: resourceIds,
    };
  };
  const scopes = envNames.map((env) => ({ env: designEnvName(env), scope: scopeFor(env) }));
  const baseScope = scopes[0]!.scope;
  const value = (v: unknown, scope: Scope = baseScope): unknown => {
    const e = evaluate(v, scope);
    return e === UNRESOLVED ? undefined : e;
  };
  const partial = (v: unknown, scope: Scope, sourceId: string): unknown => {
    const result = evaluatePartially(v, scope);
    if (result.placeholders.length > 0 && scope === baseScope)
      warn(
        `${sourceId}: ${result.placeholders.join(', ')} in a value the design holds as text could not be worked out and ${result.placeholders.length > 1 ? 'are' : 'is'} written as a placeholder: replace it before deploying`,
        sourceId,
      );
    return result.value;
  };
  const unresolvedParams = Object.keys(parameters).filter(
    (name) => name !== envParam && !baseScope.parameters.has(name),
  );
  if (unresolvedParams.length > 0)
    warn(
      `parameters without a default or a given value: ${unresolvedParams.join(', ')}; values that use them are read as unknown (give them with --parameters)`,
    );
  if (Object.keys(mappings).length > 0)
    warn(
      `Mappings ${Object.keys(mappings).join(', ')} were used to work out the services' values`,
      undefined,
      'info',
    );
  if (Object.keys(conditions).length > 0)
    warn(
      `Conditions ${Object.keys(conditions).join(', ')} were evaluated with the parameters; service nodes keep their outcome`,
      undefined,
      'info',
    );

  // ---- Resources ------------------------------------------------------------------------------
  const resources: Res[] = [];
  for (const [id, def] of Object.entries(obj(template.Resources))) {
    if (id.startsWith('Fn::ForEach::')) {
      warn(
        `${id}: Fn::ForEach (AWS::LanguageExtensions) is not expanded; the resources it makes are not imported`,
        id,
      );
      continue;
    }
    const raw = obj(def);
    resources.push({ id, type: String(raw.Type ?? ''), props: obj(raw.Properties), raw });
  }
  if (sam) mergeGlobals(resources, obj(template.Globals));
  const byId = new Map(resources.map((r) => [r.id, r]));

  // References between resources, both ways.
  const refsOut = new Map<string, string[]>();
  const refsIn = new Map<string, string[]>();
  for (const r of resources) {
    const targets = [...new Set(referencesIn(r.props).map((x) => x.target))].filter(
      (t) => byId.has(t) && t !== r.id,
    );
    refsOut.set(r.id, targets);
    for (const t of targets) refsIn.set(t, [...(refsIn.get(t) ?? []), r.id]);
  }
  const refsAt = (r: Res, paths: readonly string[] | undefined) =>
    paths
      ? paths.flatMap((p) => referencesIn(r.props[p]).map((x) => x.target)).filter((t) => byId.has(t))
      : (refsOut.get(r.id) ?? []);

  // ---- Classify ---------------------------------------------------------------------------------
  const cls = new Map<string, Class>();
  for (const r of resources) cls.set(r.id, classify(r, value, byId));

  // ---- Owners of parts (a fixed point: a policy's role may itself be owned later) ---------------
  const ownerOf = new Map<string, string>(); // part id -> service resource id
  const isService = (id: string) => cls.get(id)?.kind === 'service';
  const ownerVia = (id: string): string | undefined => (isService(id) ? id : ownerOf.get(id));
  const partsPending = () => resources.filter((r) => cls.get(r.id)?.kind === 'part' && !ownerOf.has(r.id));
  // A REST API that invokes no function of the template (AWS service, HTTP or mock integrations:
  // an S3 or SQS proxy) has no route the design can draw (its APIs route to functions), so as a
  // node it would re-export as nothing and delete the API: it is kept, with what names it
  // (methods, resources, deployments, stages).
  const isFunction = (id: string) => /^AWS::(Lambda|Serverless)::Function$/.test(byId.get(id)?.type ?? '');
  for (const api of resources) {
    if (!/^AWS::(ApiGateway::RestApi|Serverless::Api)$/.test(api.type) || cls.get(api.id)?.kind !== 'service')
      continue;
    const members = resources.filter((r) => refsAt(r, ['RestApiId']).includes(api.id));
    const invokes =
      members.some(
        (m) =>
          m.type === 'AWS::ApiGateway::Method' &&
          referencesIn(obj(m.props.Integration).Uri).some((x) => isFunction(x.target)),
      ) ||
      referencesIn(api.props.DefinitionBody).some((x) => isFunction(x.target)) ||
      // SAM: a function's Api event on this API.
      resources.some(
        (f) =>
          isFunction(f.id) &&
          Object.values(obj(f.props.Events)).some((e) =>
            referencesIn(obj(obj(e).Properties).RestApiId).some((x) => x.target === api.id),
          ),
      );
    const described =
      members.length > 0 || api.props.DefinitionBody !== undefined || api.props.DefinitionUri !== undefined;
    if (invokes || !described) continue;
    const reason =
      'a REST API that invokes no function of the template (the design routes APIs to functions)';
    cls.set(api.id, { kind: 'kept', reason });
    for (const m of members) cls.set(m.id, { kind: 'kept', reason: `part of the kept REST API ${api.id}` });
  }
  // A permission naming no source resource of the template (any API of the account, a WebSocket
  // route, IoT) draws no connection, so the function's node would not make it again: kept. An
  // ALB's names none either (its target group cannot be named before it exists): a target group
  // of the template forwarding to the function is its source.
  const albTargetsFunction = (r: Res) => {
    if (value(r.props.Principal) !== 'elasticloadbalancing.amazonaws.com') return false;
    const functions = new Set(referencesIn(r.props.FunctionName).map((x) => x.target));
    return resources.some(
      (g) =>
        g.type === 'AWS::ElasticLoadBalancingV2::TargetGroup' &&
        value(g.props.TargetType) === 'lambda' &&
        referencesIn(g.props.Targets).some((x) => functions.has(x.target)),
    );
  };
  for (const r of resources)
    if (
      r.type === 'AWS::Lambda::Permission' &&
      cls.get(r.id)?.kind === 'part' &&
      !referencesIn(r.props.SourceArn).some((x) => byId.has(x.target)) &&
      !albTargetsFunction(r)
    )
      cls.set(r.id, { kind: 'kept', reason: 'a permission for a source the design does not hold' });
  // What the template's own layout metadata places was drawn as a node (archgen wrote it): a
  // drawn log group or dead-letter queue stays a node, though it looks like a derived one.
  const drawn = (id: string) => Object.hasOwn(layoutNodes, id);
  // Log groups and alarms are parts when they serve a node, nodes of their own otherwise.
  for (const r of resources)
    if (r.type === 'AWS::Logs::LogGroup' || r.type === 'AWS::CloudWatch::Alarm')
      cls.set(
        r.id,
        !drawn(r.id)
          ? { kind: 'part', rule: PART_TYPES[r.type]! }
          : { kind: 'service', service: r.type === 'AWS::Logs::LogGroup' ? 'log-group' : 'cloudwatch-alarm' },
      );
  // A key or web ACL drawn in the template's layout, or used by several services (a key several
  // stores encrypt with, a web ACL in front of several doors), is a node of its own.
  for (const r of resources) {
    if (!PART_UNLESS_SHARED.has(r.type) || cls.get(r.id)?.kind !== 'part') continue;
    const users = new Set(
      (refsIn.get(r.id) ?? []).flatMap((x) => {
        const user = byId.get(x)!;
        if (isService(x)) return [x];
        // An association names the ACL and the door it protects.
        if (user.type === 'AWS::WAFv2::WebACLAssociation') return refsAt(user, ['ResourceArn']);
        return [];
      }),
    );
    if (drawn(r.id) || users.size > 1)
      cls.set(r.id, { kind: 'service', service: SERVICE_TYPES[r.type]!.service });
  }
  // What an architect draws as one thing: a dead-letter queue with the queue (or rule target,
  // function, subscription) it serves; a log bucket with what logs into it; an S3-to-EventBridge
  // rule as the bucket's event source. Each becomes a part of the node it serves (ownerHint).
  const ownerHint = new Map<string, string>();
  const s3Rules = new Map<string, { bucket: string; targets: string[] }>();
  const referrersOf = (id: string) => (refsIn.get(id) ?? []).map((x) => byId.get(x)!);
  // What the lowering derived for the whole design (the alarm topic): part of the node whose
  // alarm notifies it, so the re-export makes it again under its id rather than a second one.
  const derivedGraphWide = obj(layout.derived);
  for (const r of resources) {
    if (derivedGraphWide[r.id] !== 'graph.alarm-topic' || r.type !== 'AWS::SNS::Topic') continue;
    const alarm = referrersOf(r.id).find((x) => x.type === 'AWS::CloudWatch::Alarm');
    if (!alarm) continue;
    cls.set(r.id, { kind: 'part', rule: { role: 'alarmTopic', via: 'in' } });
    ownerHint.set(r.id, alarm.id);
  }
  // The account-wide role API Gateway logs REST stages with (nothing names it but an
  // AWS::ApiGateway::Account): the lowering makes it for the first REST API that logs.
  const loggingRestApi = resources.find(
    (r) =>
      r.type === 'AWS::ApiGateway::RestApi' &&
      referrersOf(r.id).some(
        (x) => x.type === 'AWS::ApiGateway::Stage' && x.props.AccessLogSetting !== undefined,
      ),
  );
  for (const r of resources) {
    if (!loggingRestApi || r.type !== 'AWS::IAM::Role' || cls.get(r.id)?.kind !== 'part') continue;
    const policies = JSON.stringify(r.props.ManagedPolicyArns ?? []);
    const trusts = JSON.stringify(r.props.AssumeRolePolicyDocument ?? {});
    if (
      !policies.includes('AmazonAPIGatewayPushToCloudWatchLogs') ||
      !trusts.includes('apigateway.amazonaws.com')
    )
      continue;
    if (referrersOf(r.id).some((x) => x.type !== 'AWS::ApiGateway::Account')) continue;
    cls.set(r.id, { kind: 'part', rule: { role: 'cloudWatchRole', via: 'in' } });
    ownerHint.set(r.id, loggingRestApi.id);
  }
  /** The service that waits for a resource (names it in DependsOn). */
  const waiterOf = (id: string) =>
    resources.find((x) => {
      const d = x.raw.DependsOn;
      return isService(x.id) && (d === id || (Array.isArray(d) && d.includes(id)));
    });
  // archgen's gate for a dependency that exists in some environments only (a WaitConditionHandle
  // whose metadata depends on it): part of the service that waits for the gate.
  for (const r of resources) {
    if (r.type !== 'AWS::CloudFormation::WaitConditionHandle' || obj(r.raw.Metadata).DependsOn === undefined)
      continue;
    const waiter = waiterOf(r.id);
    if (!waiter) continue;
    cls.set(r.id, { kind: 'part', rule: { role: 'dependencyGate', via: 'in' } });
    ownerHint.set(r.id, waiter.id);
  }
  // A log group nothing names but a service waits for (DependsOn) is the one the service writes
  // to by a fixed name: an EKS cluster's control plane logs.
  for (const r of resources) {
    if (r.type !== 'AWS::Logs::LogGroup' || cls.get(r.id)?.kind !== 'part' || referrersOf(r.id).length > 0)
      continue;
    const waiter = waiterOf(r.id);
    if (waiter) ownerHint.set(r.id, waiter.id);
  }
  // In a template archgen wrote, what is not drawn the lowering made for a node: a bucket or log
  // group it made for a service the importer keeps (a trail's, a configuration recorder's) is
  // kept with that service, not read as a node of its own whose export would differ (a bucket
  // policy without the trail's grants).
  const writtenByArchgen = Object.keys(layoutNodes).length > 0;
  const forKeptService = (r: Res) => {
    const users = referrersOf(r.id).filter((x) => x.type !== 'AWS::S3::BucketPolicy');
    return (
      writtenByArchgen &&
      !drawn(r.id) &&
      users.some((x) => cls.get(x.id)?.kind === 'kept') &&
      users.every(
        (x) => cls.get(x.id)?.kind === 'kept' || /^AWS::IAM::(Role|Policy|ManagedPolicy)$/.test(x.type),
      )
    );
  };
  const keptFor = (r: Res) =>
    `made for ${referrersOf(r.id)
      .filter((x) => cls.get(x.id)?.kind === 'kept')
      .map((x) => x.id)
      .join(', ')}, which the importer keeps`;
  // A delivery channel and the AWS managed rules the catalog lists name no recorder: with one
  // recorder in the template, they are its parts.
  const recorders = resources.filter(
    (r) => r.type === 'AWS::Config::ConfigurationRecorder' && isService(r.id),
  );
  if (recorders.length === 1) {
    const channel = resources.find((r) => r.type === 'AWS::Config::DeliveryChannel');
    if (channel) ownerHint.set(channel.id, recorders[0]!.id);
    for (const r of resources)
      if (r.type === 'AWS::Config::ConfigRule' && managedRule({ value }, r.props))
        ownerHint.set(r.id, recorders[0]!.id);
  }
  for (const r of resources) {
    if (drawn(r.id)) continue;
    // In a template archgen wrote, a bucket not drawn that only a trail or a recorder's channel
    // writes to is the log bucket the lowering made for it: its part.
    if (r.type === 'AWS::S3::Bucket' && isService(r.id) && writtenByArchgen) {
      const users = referrersOf(r.id).filter(
        (x) => x.type !== 'AWS::S3::BucketPolicy' && !/^AWS::IAM::/.test(x.type),
      );
      const writers = users.filter(
        (x) =>
          (x.type === 'AWS::CloudTrail::Trail' && isService(x.id)) ||
          (x.type === 'AWS::Config::DeliveryChannel' && ownerHint.has(x.id)) ||
          // A Firehose stream's destination, or its OpenSearch destination's backup.
          (x.type === 'AWS::KinesisFirehose::DeliveryStream' && isService(x.id)),
      );
      if (writers.length === 1 && users.length === 1) {
        cls.set(r.id, { kind: 'part', rule: { role: 'logBucket', via: 'in' } });
        ownerHint.set(r.id, writers[0]!.id);
        continue;
      }
    }
    if (r.type === 'AWS::S3::Bucket' && isService(r.id) && forKeptService(r)) {
      cls.set(r.id, { kind: 'kept', reason: keptFor(r) });
      continue;
    }
    if (r.type === 'AWS::SQS::Queue' && isService(r.id)) {
      const users = referrersOf(r.id).filter(
        (x) => x.type !== 'AWS::SQS::QueuePolicy' && x.type !== 'AWS::CloudWatch::Alarm',
      );
      const dlqUsers = users.filter((x) => refsUnderKeys(x.props, DLQ_KEY).includes(r.id));
      // The delivery DLQ the lowering makes for a topic, which its subscriptions share: the topic's.
      const topics = new Set(
        dlqUsers.map((x) =>
          x.type === 'AWS::SNS::Subscription' ? referencesIn(x.props.TopicArn)[0]?.target : undefined,
        ),
      );
      const topic = topics.size === 1 ? [...topics][0] : undefined;
      const owner =
        users.length !== dlqUsers.length || dlqUsers.length === 0
          ? undefined
          : topic !== undefined && isService(topic)
            ? topic
            : dlqUsers.length === 1
              ? dlqUsers[0]!.id
              : undefined;
      if (owner !== undefined) {
        cls.set(r.id, { kind: 'part', rule: { role: 'deadLetterQueue', via: 'in' } });
        ownerHint.set(r.id, owner);
      }
    }
    if (r.type === 'AWS::S3::Bucket' && isService(r.id)) {
      const users = referrersOf(r.id).filter((x) => x.type !== 'AWS::S3::BucketPolicy');
      if (users.length > 0 && users.every((x) => refsUnderKeys(x.props, LOG_KEY).includes(r.id))) {
        cls.set(r.id, { kind: 'part', rule: { role: 'logBucket', via: 'in' } });
        ownerHint.set(r.id, users[0]!.id);
      }
    }
    if (r.type === 'AWS::SecretsManager::Secret' && isService(r.id)) {
      // A database's master password or a cache's auth token: part of the database or cache.
      const db = referrersOf(r.id).find(
        (x) =>
          /^AWS::((RDS|Neptune|DocDB)::DB(Cluster|Instance)|ElastiCache::ReplicationGroup)$/.test(x.type) &&
          refsUnderKeys(x.props, /^(masteruser|authtoken)/i).includes(r.id),
      );
      // Its consumers (grants, container secrets) read it; it stays the database's unless
      // another database uses it too.
      const others = referrersOf(r.id).filter((x) => x !== db && x.type === db?.type);
      if (db && others.length === 0) {
        // 'secret': the role the export's auth token takes (infra kept-parts.ts).
        const role = db.type.startsWith('AWS::ElastiCache') ? 'secret' : 'masterSecret';
        cls.set(r.id, { kind: 'part', rule: { role, via: 'in' } });
        ownerHint.set(r.id, db.id);
      }
      // An MSK cluster's SASL/SCRAM credentials, handed to that one cluster alone.
      const clusters = referrersOf(r.id)
        .filter((x) => x.type === 'AWS::MSK::BatchScramSecret')
        .flatMap((x) => referencesIn(x.props.ClusterArn).map((ref) => ref.target))
        .filter((t) => byId.get(t)?.type === 'AWS::MSK::Cluster' && isService(t));
      if (!db && clusters.length === 1) {
        cls.set(r.id, { kind: 'part', rule: { role: 'secret', via: 'in' } });
        ownerHint.set(r.id, clusters[0]!);
        // The key only this secret is encrypted with (roles may decrypt with it) goes with it.
        const key = referencesIn(r.props.KmsKeyId)
          .map((x) => x.target)
          .find((t) => byId.get(t)?.type === 'AWS::KMS::Key');
        const keyUsers = key ? referrersOf(key).filter((x) => x.type !== 'AWS::KMS::Alias') : [];
        if (key && !drawn(key) && keyUsers.every((x) => x.id === r.id || /^AWS::IAM::/.test(x.type)))
          ownerHint.set(key, clusters[0]!);
      }
    }
    if (r.type === 'AWS::Events::Rule') {
      const pattern = obj(r.props.EventPattern);
      const sources = Array.isArray(pattern.source) ? pattern.source : [pattern.source];
      const bucket = referencesIn(pattern.detail)
        .map((x) => x.target)
        .find((t) => byId.get(t)?.type === 'AWS::S3::Bucket');
      const targets = (Array.isArray(r.props.Targets) ? r.props.Targets : [])
        .flatMap((t) => referencesIn(obj(t).Arn).map((x) => x.target))
        .filter((t) => isService(t));
      if (sources.includes('aws.s3') && bucket && targets.length > 0 && r.props.EventBusName === undefined) {
        cls.set(r.id, { kind: 'part', rule: { role: 'eventRule', via: 'in', indexed: true } });
        ownerHint.set(r.id, targets[0]!);
        s3Rules.set(r.id, { bucket, targets });
      }
    }
  }
  // An alarm on a node that notifies a topic in the design is drawn (alarm -> topic); others,
  // and alarms on parts (a dead-letter queue's), are parts of what they watch.
  for (const r of resources) {
    if (r.type !== 'AWS::CloudWatch::Alarm') continue;
    // In a template archgen wrote, an alarm not drawn is one the lowering derived (a DLQ's).
    if (Object.keys(layoutNodes).length > 0 && !drawn(r.id)) continue;
    const watched = [...referencesIn(r.props.Dimensions), ...referencesIn(r.props.Metrics)].map(
      (x) => x.target,
    );
    const actions = referencesIn([r.props.AlarmActions, r.props.OKActions]).map((x) => x.target);
    if (
      watched.some((t) => isService(t)) &&
      actions.some((t) => isService(t) && byId.get(t)?.type === 'AWS::SNS::Topic')
    )
      cls.set(r.id, { kind: 'service', service: 'cloudwatch-alarm' });
  }
  const watchesNothing = (r: Res) =>
    [...referencesIn(r.props.Dimensions), ...referencesIn(r.props.Metrics)].every((x) => !byId.has(x.target));
  const tryOwn = (r: Res, via: 'in' | 'out', rule: PartRule): string | undefined => {
    const hint = ownerHint.get(r.id);
    if (hint) return ownerVia(hint);
    if (via === 'out') {
      for (const t of refsAt(r, rule.paths)) {
        const o = ownerVia(t);
        if (o) return o;
      }
      return undefined;
    }
    const referrers = refsIn.get(r.id) ?? [];
    // An alarm only watches what it names (a cluster in its dimensions): the owner is the
    // service that uses the part, an alarm only when nothing else does.
    const services = referrers.filter(isService);
    const user = services.find((t) => (cls.get(t) as { service: string }).service !== 'cloudwatch-alarm');
    if (user ?? services[0]) return user ?? services[0];
    // Through parts that hold this one (an instance profile in a launch template), not through
    // parts that merely name it (an ingress rule naming its source group).
    for (const t of referrers) {
      const c = cls.get(t);
      const o = ownerOf.get(t);
      if (o && c?.kind === 'part' && (c.rule.via === 'in' || c.rule.holds || rule.anyReferrer)) return o;
    }
    return undefined;
  };
  /** An 'out' part that names a kept resource besides its owner: no node's lowering makes it. */
  const namesKept = (id: string, rule: PartRule) =>
    rule.via === 'out' && (refsOut.get(id) ?? []).some((t) => cls.get(t)?.kind === 'kept');
  // Kept, or a part with no owner yet that belongs to a kept resource (a WebSocket API's
  // integration, kept with its API at the end) or names one (an HTTPS listener serving a kept
  // certificate: the target groups it forwards to stay with it rather than go to their targets).
  const keptish = (id: string): boolean => {
    const c = cls.get(id);
    if (c?.kind === 'kept') return true;
    if (c?.kind !== 'part' || ownerOf.has(id) || c.rule.via !== 'out') return false;
    return (
      namesKept(id, c.rule) || refsAt(byId.get(id)!, c.rule.paths).some((t) => cls.get(t)?.kind === 'kept')
    );
  };
  const settleOwners = () => {
    for (let round = 0; round < 2; round++) {
      for (let changed = true, guard = 0; changed && guard < 12; guard++) {
        changed = false;
        for (const r of partsPending()) {
          const rule = (cls.get(r.id) as { rule: PartRule }).rule;
          // Second round: the other direction too (a log group named after its function), unless
          // a kept resource uses the part (a pipe's role naming the queue it reads): it stays with
          // that resource, kept, since the node it names would not make it again on re-export.
          const usedByKept = (refsIn.get(r.id) ?? []).some(keptish);
          // Likewise a part that names a kept resource besides its owner (a permission letting a
          // kept WebSocket API invoke the function): the node's lowering has no such connection.
          if (namesKept(r.id, rule)) continue;
          const o =
            tryOwn(r, rule.via, rule) ??
            (round === 1 && !(rule.via === 'in' && usedByKept)
              ? tryOwn(r, rule.via === 'in' ? 'out' : 'in', { ...rule, paths: undefined })
              : undefined);
          if (o) {
            ownerOf.set(r.id, o);
            changed = true;
          }
        }
      }
    }
  };
  settleOwners();
  // A key used by a node that encrypts with a drawn key but makes none of its own (a database, a
  // backup vault): a node it encrypts with, rather than a part its export would not make again.
  // The owners are settled again: the key's alias is the key's now.
  let keysFreed = false;
  for (const r of resources) {
    const owner = ownerOf.get(r.id);
    if (r.type !== 'AWS::KMS::Key' || !owner) continue;
    const ownerType = (cls.get(owner) as { service: string }).service;
    if (remadeRoles(ownerType).kmsKey || !findAcceptedConnection(ownerType, 'kms-key', 'encrypt-with'))
      continue;
    cls.set(r.id, { kind: 'service', service: 'kms-key' });
    keysFreed = true;
  }
  if (keysFreed) {
    ownerOf.clear();
    settleOwners();
  }
  for (const r of partsPending()) {
    // A flow log's role, log group or bucket: part of the network.
    if (referrersOf(r.id).some((x) => cls.get(x.id)?.kind === 'network')) {
      cls.set(r.id, { kind: 'network', role: `flowLog${r.type.split('::').pop()}` });
      continue;
    }
    if (PART_UNLESS_SHARED.has(r.type) && !referrersOf(r.id).some((x) => cls.get(x.id)?.kind === 'kept'))
      cls.set(r.id, { kind: 'service', service: SERVICE_TYPES[r.type]!.service });
    else if (r.type === 'AWS::Logs::LogGroup' && forKeptService(r))
      cls.set(r.id, { kind: 'kept', reason: keptFor(r) });
    else if (r.type === 'AWS::Logs::LogGroup') cls.set(r.id, { kind: 'service', service: 'log-group' });
    else if (r.type === 'AWS::CloudWatch::Alarm' && !watchesNothing(r))
      cls.set(r.id, { kind: 'service', service: 'cloudwatch-alarm' });
    else if (r.type === 'AWS::CloudWatch::Alarm')
      // An alarm node watches something drawn; one on a metric no resource here makes (its
      // dimensions are literals) would regenerate as nothing.
      cls.set(r.id, { kind: 'kept', reason: 'an alarm on a metric of no resource in this template' });
    else cls.set(r.id, { kind: 'kept', reason: `no service node in the design uses this ${r.type}` });
  }

  // ---- Network ----------------------------------------------------------------------------------
  const netResources = resources.filter((r) => cls.get(r.id)?.kind === 'network');
  const net = rebuildNetwork(
    netResources,
    (v) => value(v),
    (logicalId) =>
      typeof obj(layoutVpcs[logicalId]).id === 'string' ? String(obj(layoutVpcs[logicalId]).id) : undefined,
    ids.taken,
  );
  for (const p of net.problems) warn(p);
  const vpcs: Vpc[] = [];
  for (const [logicalId, v] of net.vpcs) {
    const pos = obj(layoutVpcs[logicalId]);
    vpcs.push(
      typeof pos.x === 'number' && typeof pos.y === 'number'
        ? { ...v.vpc, position: { x: pos.x, y: pos.y } }
        : v.vpc,
    );
  }
  const netOutcome = new Map<string, ResourceOutcome>();
  for (const r of netResources) {
    const vpcLogical = net.owner.get(r.id);
    const v = vpcLogical ? net.vpcs.get(vpcLogical) : undefined;
    if (v)
      netOutcome.set(r.id, { kind: 'network', vpcId: v.vpc.id, role: NETWORK_ROLES[r.type] ?? 'network' });
    else cls.set(r.id, { kind: 'kept', reason: `a ${r.type} outside any VPC in this template` });
  }

  // ---- Nodes ------------------------------------------------------------------------------------
  /** Whether a resource exists in an environment: its Condition holds there (or cannot be worked out). */
  const existsIn = (r: Res, scope: Scope): boolean =>
    typeof r.raw.Condition !== 'string' || evaluateCondition(r.raw.Condition, scope) !== false;
  const nodes: DesignNode[] = [];
  const nodeOf = new Map<string, DesignNode>(); // service resource id -> node
  const environments: Environment[] = scopes.map(({ env }) => ({
    name: env,
    ...(pins.get(env)?.account ? { account: pins.get(env)!.account } : {}),
    ...(pins.get(env)?.region ? { region: pins.get(env)!.region } : {}),
    overrides: {},
  }));
  const samEdges: SamEdge[] = [];
  const layoutFor = (logicalId: string) => {
    const l = obj(layoutNodes[logicalId]);
    return {
      id: typeof l.id === 'string' ? l.id : undefined,
      position: typeof l.x === 'number' && typeof l.y === 'number' ? { x: l.x, y: l.y } : undefined,
    };
  };
  const nameOf = (r: Res) =>
    (options.constructPaths?.get(r.id) ?? nameTag(r.props.Tags, (v) => value(v)) ?? r.id).slice(0, 128);

  /** A kept resource: an "other resource" node that passes through into the export unchanged. */
  const keptNode = (r: Res, id: string): DesignNode => {
    const node: DesignNode = {
      id,
      type: 'other-resource',
      name: nameOf(r),
      properties: {
        cloudFormationType: r.type,
        cloudFormationProperties: asPropertyValue(r.raw.Properties ?? {}),
        ...(r.raw.DependsOn !== undefined
          ? {
              dependsOn: (Array.isArray(r.raw.DependsOn) ? r.raw.DependsOn : [r.raw.DependsOn]).map(String),
            }
          : {}),
        ...(KEPT_ATTRIBUTES.some((k) => r.raw[k] !== undefined)
          ? {
              cloudFormationAttributes: asPropertyValue(
                Object.fromEntries(
                  KEPT_ATTRIBUTES.filter((k) => r.raw[k] !== undefined).map((k) => [k, r.raw[k]]),
                ),
              ),
            }
          : {}),
      },
      placement: null,
      logicalIds: { self: r.id },
    };
    const tooLarge = beyondPropertyLimits(node.properties.cloudFormationProperties!);
    if (tooLarge)
      warn(
        `kept resource ${r.id}: ${tooLarge} is larger than a design property holds (4096 characters, 100 items): the design will not load until it is shortened`,
        r.id,
        'error',
      );
    return node;
  };

  for (const r of resources) {
    const c = cls.get(r.id)!;
    if (c.kind !== 'service' && c.kind !== 'kept') continue;
    const l = layoutFor(r.id);
    const id = ids.claim(l.id ?? r.id);
    let node: DesignNode;
    if (c.kind === 'kept') {
      node = keptNode(r, id);
    } else {
      const service = getService(c.service)!;
      const read =
        SERVICE_TYPES[r.type]?.read ??
        SERVICE_TYPES[c.service === 'log-group' ? 'AWS::Logs::LogGroup' : 'AWS::CloudWatch::Alarm']!.read;
      const perEnv = scopes.map(({ env, scope }) => {
        const ctx: ReadContext = {
          id: r.id,
          value: (v) => value(v, scope),
          partial: (v) => partial(v, scope, r.id),
          resource: (v) => {
            const target = referencesIn(v)[0]?.target;
            const t = target ? byId.get(target) : undefined;
            return t ? { id: t.id, type: t.type, props: t.props } : undefined;
          },
          isNode: (v) => {
            const target = referencesIn(v)[0]?.target;
            return target !== undefined && cls.get(target)?.kind === 'service';
          },
          ofType: (type) =>
            resources
              .filter((x) => x.type === type && existsIn(x, scope))
              .map((x) => ({ id: x.id, type: x.type, props: x.props })),
          referrers: (target, type) =>
            (refsIn.get(target) ?? [])
              .map((x) => byId.get(x)!)
              .filter((x) => x.type === type && existsIn(x, scope))
              .map((x) => ({ id: x.id, type: x.type, props: x.props })),
          ...(typeof r.raw.DeletionPolicy === 'string' ? { deletionPolicy: r.raw.DeletionPolicy } : {}),
          ...(writtenByArchgen
            ? {
                archgen: {
                  production: isProductionName(env),
                  anyProduction: scopes.some((s) => isProductionName(s.env)),
                },
              }
            : {}),
        };
        return { env, props: acceptable(service, read(r.props, ctx), (m) => warn(`${r.id}: ${m}`, r.id)) };
      });
      const base = perEnv[0]!.props;
      // What a resource is (keys, engine, an event pattern) is one value for every environment:
      // where one environment's source leaves it out (a rule scheduled there), the base stands.
      const same = new Set(service.properties.filter((p) => p.sameInEveryEnvironment).map((p) => p.key));
      for (const { env, props } of perEnv.slice(1)) {
        const diff: Properties = {};
        for (const [k, v] of Object.entries(props))
          if (!same.has(k) && JSON.stringify(v) !== JSON.stringify(base[k])) diff[k] = v;
        if (Object.keys(diff).length > 0) environments.find((e) => e.name === env)!.overrides[id] = diff;
      }
      node = {
        id,
        type: c.service,
        name: nameOf(r),
        properties: base,
        placement: null,
        logicalIds: { ...(sam ? samLogicalIds(r) : {}), self: r.id },
      };
      if (sam && (r.type === 'AWS::Serverless::Function' || r.type === 'AWS::Serverless::StateMachine'))
        samEdges.push(
          ...expandSamEvents(
            r,
            (v) => value(v),
            (v) => partial(v, baseScope, r.id),
            byId,
            warn,
          ),
        );
    }
    if (l.position) node.position = l.position;
    nodes.push(node);
    nodeOf.set(r.id, node);
  }

  // NAT gateways: one nat-gateway node per VPC in its public tier; each gateway resource -> it.
  const natNodeOf = new Map<string, DesignNode>();
  // archgen keys a NAT node's layout by the node's own logical id, which names no resource (the
  // VPC's network makes the gateways): the layout entries no resource claims, those that say NAT
  // first (a node that makes nothing, an alarm on a metric-less service, leaves one too).
  const natLayoutKeys = Object.keys(layoutNodes)
    .filter((key) => !byId.has(key))
    .sort((a, b) => Number(/nat/i.test(b)) - Number(/nat/i.test(a)));
  for (const [, v] of net.vpcs) {
    if (v.natIds.length === 0) continue;
    let l = layoutFor(v.natIds[0]!);
    if (l.id === undefined && natLayoutKeys.length > 0) l = layoutFor(natLayoutKeys.shift()!);
    // Per environment: a gateway per AZ may exist only where a Condition holds.
    const modes = scopes.map(({ scope }) =>
      v.natIds.filter((id) => existsIn(byId.get(id)!, scope)).length >= v.vpc.azCount ? 'per-az' : 'single',
    );
    const id = ids.claim(l.id ?? v.natIds[0]!);
    scopes.forEach(({ env }, i) => {
      if (i > 0 && modes[i] !== modes[0])
        environments.find((e) => e.name === env)!.overrides[id] = { mode: modes[i]! };
    });
    const node: DesignNode = {
      id,
      type: 'nat-gateway',
      name: 'NAT gateway',
      properties: { mode: modes[0]! },
      // The gateways' ids are the VPC's (Vpc.logicalIds): the VPC's network makes them.
      placement: v.vpc.tiers.includes('public') ? { vpcId: v.vpc.id, tier: 'public' } : null,
    };
    if (l.position) node.position = l.position;
    nodes.push(node);
    for (const natId of v.natIds) natNodeOf.set(natId, node);
  }

  // ---- Placement: the tier of the subnets a node (or one of its parts) uses ---------------------
  const subnetsOfTable = new Map<string, string[]>();
  for (const r of resources)
    if (r.type === 'AWS::EC2::SubnetRouteTableAssociation') {
      const table = referencesIn(r.props.RouteTableId)[0]?.target;
      const subnet = referencesIn(r.props.SubnetId)[0]?.target;
      if (table && subnet) subnetsOfTable.set(table, [...(subnetsOfTable.get(table) ?? []), subnet]);
    }
  const partsOf = new Map<string, string[]>();
  for (const [part, owner] of ownerOf) partsOf.set(owner, [...(partsOf.get(owner) ?? []), part]);
  let externalVpc: Vpc | undefined;
  for (const [resId, node] of nodeOf) {
    if (node.type === 'other-resource') continue;
    // A Firehose stream naming subnets delivers into its domain's VPC; the stream is regional.
    if (node.type === 'firehose') continue;
    const service = getService(node.type)!;
    const related = [resId, ...(partsOf.get(resId) ?? [])];
    // A gateway endpoint names route tables: the subnets they serve.
    const subnetRefs = related
      .flatMap((id) => referencesIn(byId.get(id)!.props).map((x) => x.target))
      .flatMap((ref) => subnetsOfTable.get(ref) ?? [ref]);
    const tiers = new Map<string, { vpc: string; tier: SubnetTier; n: number }>();
    let usesParameterSubnets = false;
    const parameterSubnets = new Set<string>();
    for (const ref of subnetRefs) {
      const s = net.subnets.get(ref);
      if (s?.vpc && net.vpcs.has(s.vpc)) {
        const key = `${s.vpc}/${s.tier}`;
        const entry = tiers.get(key) ?? { vpc: s.vpc, tier: s.tier, n: 0 };
        entry.n++;
        tiers.set(key, entry);
      } else if (/subnet/i.test(ref) && parameters[ref] !== undefined) {
        usesParameterSubnets = true;
        parameterSubnets.add(ref);
      }
    }
    const best = [...tiers.values()].sort((a, b) => b.n - a.n)[0];
    if (best) {
      node.placement = { vpcId: net.vpcs.get(best.vpc)!.vpc.id, tier: best.tier };
      if (!service.placements.includes(best.tier))
        warn(
          `${resId} is in ${best.tier} subnets, where a ${service.displayName} does not belong; kept there for the review`,
          resId,
          'info',
        );
    } else if (usesParameterSubnets || !service.placements.includes('regional')) {
      const tier = service.placements.find((p): p is SubnetTier => p !== 'regional') ?? 'private';
      if (!externalVpc) {
        externalVpc = {
          id: ids.claim('vpc'),
          name: 'VPC from parameters',
          cidr: '10.0.0.0/16',
          azCount: 2,
          tiers: ['public', 'private', 'isolated'],
          subnetPrefix: 24,
          flowLogs: false,
        };
        vpcs.push(externalVpc);
        warn(
          'the template places services in a VPC it does not create (subnets given as parameters): they are drawn in a stand-in VPC "VPC from parameters" with automatic CIDRs',
        );
      }
      // One subnet per AZ: a node in three subnets given as parameters (a file system's mount
      // targets) is in a VPC of three AZs.
      externalVpc.azCount = Math.max(externalVpc.azCount, Math.min(3, parameterSubnets.size));
      node.placement = { vpcId: externalVpc.id, tier };
    }
  }

  // ---- Connections --------------------------------------------------------------------------------
  const edges: {
    from: string;
    to: string;
    kind: ConnectionKind;
    port?: number;
    properties?: Properties;
    why: string;
    /** From a reference alone (an environment variable): dropped where IAM or events say more. */
    weak?: boolean;
  }[] = [];
  const node = (resId: string | undefined) =>
    resId ? (nodeOf.get(ownerVia(resId) ?? '') ?? natNodeOf.get(resId)) : undefined;
  // A service's name as its template writes it (an MSK cluster's ClusterName): alarms name what
  // they watch by it in a metric dimension, without a Ref.
  const serviceByName = new Map<string, string>();
  for (const [resId] of nodeOf)
    for (const [key, v] of Object.entries(byId.get(resId)?.props ?? {}))
      if (key.endsWith('Name') && v !== undefined) serviceByName.set(JSON.stringify(v), resId);
  const targetsIn = (v: unknown) =>
    [...new Set(referencesIn(v).map((x) => x.target))].filter((t) => byId.has(t));
  const add = (
    fromRes: string | undefined,
    toRes: string | undefined,
    kind: ConnectionKind | undefined,
    why: string,
    extra: { port?: number; properties?: Properties; weak?: boolean } = {},
  ) => {
    const from = node(fromRes);
    const to = node(toRes);
    if (!from || !to || !kind || from === to) return;
    edges.push({ from: from.id, to: to.id, kind, why, ...extra });
  };
  // The load balancer in front of a target group: the listener (rule) forwarding to it. The group
  // itself may be the part of the service it names, which would make the edge a self-loop.
  const frontOf = (targetGroup: string | undefined) =>
    (targetGroup &&
      (refsIn.get(targetGroup) ?? []).find((x) =>
        /^AWS::ElasticLoadBalancingV2::Listener(Rule)?$/.test(byId.get(x)?.type ?? ''),
      )) ||
    targetGroup;
  const statements = (doc: unknown): Record<string, unknown>[] => {
    const s = obj(doc).Statement;
    return (Array.isArray(s) ? s : s ? [s] : []).map(obj);
  };
  const asList = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);

  for (const r of resources) {
    const c = cls.get(r.id)!;
    const owner = ownerVia(r.id);
    const ownerNode = owner ? nodeOf.get(owner) : undefined;
    // IAM statements of a node's role and policies.
    const docs: unknown[] = [];
    if (r.type === 'AWS::IAM::Role')
      for (const p of Array.isArray(r.props.Policies) ? r.props.Policies : [])
        docs.push(obj(p).PolicyDocument);
    if (
      r.type === 'AWS::IAM::Policy' ||
      r.type === 'AWS::IAM::ManagedPolicy' ||
      r.type === 'AWS::IAM::RolePolicy'
    )
      docs.push(r.props.PolicyDocument);
    if (r.type === 'AWS::Serverless::Function' || r.type === 'AWS::Serverless::StateMachine') {
      const policies = r.props.Policies;
      for (const p of Array.isArray(policies) ? policies : policies ? [policies] : []) {
        const entry = obj(p);
        if ('Statement' in entry) docs.push(entry);
        for (const [name, kind] of Object.entries(SAM_POLICY_TEMPLATES))
          if (name in entry)
            for (const t of targetsIn(entry[name]))
              add(r.id, t, kindFor(kind, nodeOf.get(ownerVia(t) ?? '')?.type), `SAM policy ${name}`);
      }
    }
    if (c.kind === 'part' || c.kind === 'service')
      for (const doc of docs)
        for (const st of statements(doc)) {
          if (st.Effect === 'Deny') continue;
          const actions = asList(st.Action);
          for (const t of targetsIn(st.Resource)) {
            const target = nodeOf.get(ownerVia(t) ?? '');
            if (target) add(owner ?? r.id, t, iamKind(actions, target.type), `IAM statement in ${r.id}`);
          }
        }
    if (r.type === 'AWS::Serverless::Connector') {
      const source = targetsIn(obj(r.props.Source).Id)[0] ?? String(obj(r.props.Source).Id ?? '');
      const dests = Array.isArray(r.props.Destination) ? r.props.Destination : [r.props.Destination];
      const perms = asList(r.props.Permissions);
      for (const d of dests) {
        const dest = targetsIn(obj(d).Id)[0] ?? String(obj(d).Id ?? '');
        const targetType = node(dest)?.type ?? '';
        const kind: ConnectionKind | undefined = ['lambda', 'step-functions'].includes(targetType)
          ? 'invoke'
          : ['sqs', 'sns', 'eventbridge-bus'].includes(targetType)
            ? 'publish'
            : perms.includes('Read') && perms.includes('Write')
              ? 'read-write'
              : perms.includes('Write')
                ? 'write'
                : 'read';
        add(source, dest, kind, `connector ${r.id}`);
      }
      continue;
    }
    if (!ownerNode) continue;
    switch (r.type) {
      case 'AWS::Lambda::EventSourceMapping': {
        const batch = value(r.props.BatchSize);
        const windowSeconds = value(r.props.MaximumBatchingWindowInSeconds);
        const properties: Properties = {};
        if (typeof batch === 'number') properties.batchSize = batch;
        if (typeof windowSeconds === 'number') properties.maxBatchingWindowSeconds = windowSeconds;
        add(
          targetsIn(r.props.EventSourceArn)[0],
          owner,
          'event-source',
          `event source mapping ${r.id}`,
          Object.keys(properties).length ? { properties } : {},
        );
        break;
      }
      case 'AWS::SNS::Subscription':
        add(
          targetsIn(r.props.TopicArn)[0],
          targetsIn(r.props.Endpoint)[0],
          'subscribe',
          `subscription ${r.id}`,
        );
        break;
      case 'AWS::SNS::Topic':
        for (const s of Array.isArray(r.props.Subscription) ? r.props.Subscription : [])
          add(r.id, targetsIn(obj(s).Endpoint)[0], 'subscribe', `subscription in ${r.id}`);
        break;
      case 'AWS::Events::Rule': {
        const s3Rule = s3Rules.get(r.id);
        if (s3Rule) {
          for (const t of s3Rule.targets) {
            const type = node(t)?.type;
            add(
              s3Rule.bucket,
              t,
              type === 'lambda' ? 'event-source' : 'publish',
              `S3 events through rule ${r.id}`,
            );
          }
          break;
        }
        for (const t of Array.isArray(r.props.Targets) ? r.props.Targets : [])
          add(r.id, targetsIn(obj(t).Arn)[0], 'route', `target of rule ${r.id}`);
        add(targetsIn(r.props.EventBusName)[0], r.id, 'route', `rule ${r.id} on its bus`);
        break;
      }
      case 'AWS::S3::Bucket': {
        const n = obj(r.props.NotificationConfiguration);
        for (const q of Array.isArray(n.QueueConfigurations) ? n.QueueConfigurations : [])
          add(r.id, targetsIn(obj(q).Queue)[0], 'publish', 'bucket notification');
        for (const q of Array.isArray(n.TopicConfigurations) ? n.TopicConfigurations : [])
          add(r.id, targetsIn(obj(q).Topic)[0], 'publish', 'bucket notification');
        for (const q of Array.isArray(n.LambdaConfigurations) ? n.LambdaConfigurations : [])
          add(r.id, targetsIn(obj(q).Function)[0], 'event-source', 'bucket notification');
        break;
      }
      case 'AWS::SQS::Queue': {
        const dlq = targetsIn(obj(r.props.RedrivePolicy).deadLetterTargetArn)[0];
        add(r.id, dlq, 'dead-letter', 'redrive policy');
        break;
      }
      case 'AWS::ApiGatewayV2::Integration':
        for (const t of targetsIn(r.props.IntegrationUri)) add(owner, t, 'invoke', `integration ${r.id}`);
        break;
      case 'AWS::ApiGateway::Method':
        for (const t of targetsIn(obj(r.props.Integration).Uri)) add(owner, t, 'invoke', `method ${r.id}`);
        break;
      case 'AWS::ApiGatewayV2::Authorizer':
      case 'AWS::ApiGateway::Authorizer':
        for (const t of targetsIn([r.props.JwtConfiguration, r.props.ProviderARNs]))
          add(owner, t, 'read', `authorizer ${r.id}`);
        break;
      case 'AWS::Lambda::Permission': {
        const source = targetsIn(r.props.SourceArn)[0];
        const sourceType = node(source)?.type;
        if (sourceType === 's3') add(source, owner, 'event-source', `permission ${r.id}`);
        else if (sourceType === 'api-gateway' || sourceType === 'alb')
          add(source, owner, 'invoke', `permission ${r.id}`);
        else if (sourceType === 'sns') add(source, owner, 'subscribe', `permission ${r.id}`);
        else if (sourceType === 'eventbridge-rule') add(source, owner, 'route', `permission ${r.id}`);
        break;
      }
      case 'AWS::ECS::Service':
        for (const lb of Array.isArray(r.props.LoadBalancers) ? r.props.LoadBalancers : []) {
          const port = value(obj(lb).ContainerPort);
          add(
            frontOf(targetsIn(obj(lb).TargetGroupArn)[0]),
            r.id,
            'traffic',
            'load balancer target group',
            typeof port === 'number' ? { port } : {},
          );
        }
        break;
      case 'AWS::AutoScaling::AutoScalingGroup':
        for (const t of targetsIn(r.props.TargetGroupARNs)) add(frontOf(t), r.id, 'traffic', 'target group');
        break;
      case 'AWS::ElasticLoadBalancingV2::TargetGroup':
        if (value(r.props.TargetType) === 'lambda')
          for (const t of targetsIn(r.props.Targets)) add(owner, t, 'invoke', `target group ${r.id}`);
        break;
      case 'AWS::Athena::WorkGroup':
        for (const t of targetsIn(
          obj(obj(r.props.WorkGroupConfiguration).ResultConfiguration).OutputLocation,
        ))
          add(r.id, t, 'read-write', 'query results location');
        break;
      case 'AWS::CloudFront::Distribution': {
        const config = obj(r.props.DistributionConfig);
        for (const o of Array.isArray(config.Origins) ? (config.Origins as unknown[]) : [])
          for (const t of targetsIn(obj(o).DomainName)) add(r.id, t, 'route', 'origin');
        for (const t of targetsIn(obj(config.ViewerCertificate).AcmCertificateArn))
          if (node(t)?.type === 'acm-certificate') add(t, r.id, 'certificate', 'viewer certificate');
        for (const t of targetsIn(config.WebACLId))
          if (node(t)?.type === 'waf-web-acl') add(t, r.id, 'protect', 'web ACL');
        break;
      }
      case 'AWS::CloudWatch::Alarm':
        for (const t of targetsIn(r.props.AlarmActions)) {
          if (ownerNode.type === 'cloudwatch-alarm') add(r.id, t, 'publish', 'alarm action');
          // A folded alarm topic is no node to notify (its owner is the alarm's, or another's).
          else if (cls.get(t)?.kind === 'service') add(owner, t, 'notify', `alarm ${r.id} notifies`);
        }
        if (ownerNode.type === 'cloudwatch-alarm') {
          for (const t of targetsIn([r.props.Dimensions, r.props.Metrics]))
            add(r.id, t, 'read', 'alarm dimension');
          for (const d of Array.isArray(r.props.Dimensions) ? r.props.Dimensions : [])
            add(r.id, serviceByName.get(JSON.stringify(obj(d).Value)), 'read', 'alarm dimension (by name)');
        }
        break;
      case 'AWS::Route53::RecordSet': {
        // An alias record in a zone of the design: zone -> the distribution or load balancer.
        if (ownerNode.type !== 'route53-zone') break;
        const target = targetsIn(obj(r.props.AliasTarget).DNSName)[0];
        const name = recordName(
          value(r.props.Name) as string | undefined,
          zoneName({ value }, byId.get(owner!)?.props.Name),
        );
        add(owner, target, 'alias', `alias record ${r.id}`, {
          ...(name !== undefined ? { properties: { recordName: name } } : {}),
        });
        break;
      }
      case 'AWS::CertificateManager::Certificate':
        for (const o of Array.isArray(r.props.DomainValidationOptions) ? r.props.DomainValidationOptions : [])
          add(r.id, targetsIn(obj(o).HostedZoneId)[0], 'validate-in', 'DNS validation');
        break;
      case 'AWS::ElasticLoadBalancingV2::Listener':
      case 'AWS::ElasticLoadBalancingV2::ListenerCertificate':
        for (const c of Array.isArray(r.props.Certificates) ? r.props.Certificates : [])
          for (const t of targetsIn(obj(c).CertificateArn))
            if (node(t)?.type === 'acm-certificate') add(t, owner, 'certificate', `certificate of ${r.id}`);
        break;
      case 'AWS::WAFv2::WebACLAssociation': {
        const acl = targetsIn(r.props.WebACLArn)[0];
        if (node(acl)?.type === 'waf-web-acl')
          add(acl, targetsIn(r.props.ResourceArn)[0], 'protect', `web ACL association ${r.id}`);
        break;
      }
      case 'AWS::CloudTrail::Trail':
        add(r.id, targetsIn(r.props.S3BucketName)[0], 'write', 'trail bucket');
        add(r.id, targetsIn(r.props.CloudWatchLogsLogGroupArn)[0], 'write', 'trail log group');
        break;
      case 'AWS::KinesisFirehose::DeliveryStream': {
        // Its source stream feeds it; it writes to its bucket (with OpenSearch, the backup) and domain.
        const destination = firehoseDestination(r.props);
        add(
          targetsIn(obj(r.props.KinesisStreamSourceConfiguration).KinesisStreamARN)[0],
          r.id,
          'event-source',
          'delivery stream source',
        );
        add(r.id, targetsIn(destination.bucket.BucketARN)[0], 'write', 'delivery stream bucket');
        if (destination.kind === 'opensearch')
          add(r.id, targetsIn(destination.config.DomainARN)[0], 'write', 'delivery stream domain');
        break;
      }
      case 'AWS::Config::DeliveryChannel':
        add(owner, targetsIn(r.props.S3BucketName)[0], 'write', `delivery channel ${r.id}`);
        break;
      case 'AWS::Backup::BackupSelection':
        for (const t of targetsIn(obj(r.props.BackupSelection).Resources))
          add(owner, t, 'back-up', `backup selection ${r.id}`);
        break;
      case 'AWS::ECS::TaskDefinition': {
        const containers = (
          Array.isArray(r.props.ContainerDefinitions) ? r.props.ContainerDefinitions : []
        ).map(obj);
        // The image its containers run from a repository of the design, with the tag.
        for (const cd of containers)
          for (const t of targetsIn(cd.Image))
            if (node(t)?.type === 'ecr-repository') {
              const tag = imageTag(cd.Image);
              add(owner, t, 'read', 'container image', tag ? { properties: { tag } } : {});
            }
        // EFS volumes mounted into a container: read-only or read-write, where.
        for (const v of (Array.isArray(r.props.Volumes) ? r.props.Volumes : []).map(obj)) {
          const efs = obj(v.EFSVolumeConfiguration);
          const fs = targetsIn(efs.FilesystemId)[0];
          if (!fs) continue;
          const mount = containers
            .flatMap((cd) => (Array.isArray(cd.MountPoints) ? cd.MountPoints : []).map(obj))
            .find((m) => m.SourceVolume === v.Name);
          const readOnly = mount?.ReadOnly === true || mount?.ReadOnly === 'true';
          const path = mount ? value(mount.ContainerPath) : undefined;
          add(
            owner,
            fs,
            readOnly ? 'read' : 'read-write',
            `EFS volume ${String(v.Name)}`,
            typeof path === 'string' ? { properties: { mountPath: path } } : {},
          );
        }
        break;
      }
      case 'AWS::Lambda::Function':
      case 'AWS::Serverless::Function': {
        // An image function running an image of a repository of the design (SAM: ImageUri on
        // the function), with the tag: the lowering makes its package type and the repository
        // policy again from the connection.
        const imageUri = r.props.ImageUri ?? obj(r.props.Code).ImageUri;
        if (value(r.props.PackageType) === 'Image') {
          const repository = targetsIn(imageUri).find((t) => node(t)?.type === 'ecr-repository');
          const tag = imageTag(imageUri);
          if (repository)
            add(r.id, repository, 'read', 'container image', tag ? { properties: { tag } } : {});
        }
        // A file system mounted through an access point (a part of the file system's node):
        // read, and read-write where its role may write (elasticfilesystem:ClientWrite).
        for (const c of (Array.isArray(r.props.FileSystemConfigs) ? r.props.FileSystemConfigs : []).map(
          obj,
        )) {
          const path = value(c.LocalMountPath);
          add(
            r.id,
            targetsIn(c.Arn)[0],
            'read',
            'file system config',
            typeof path === 'string' ? { properties: { mountPath: path } } : {},
          );
        }
        break;
      }
      case 'AWS::StepFunctions::StateMachine':
      case 'AWS::Serverless::StateMachine':
        for (const t of targetsIn([
          r.props.Definition,
          r.props.DefinitionString,
          r.props.DefinitionSubstitutions,
        ]))
          add(r.id, t, referenceKind(node(t)?.type ?? ''), 'state machine definition');
        break;
    }
    // A drawn key the resource encrypts its data with (KmsKeyId, KMSMasterKeyID, ...).
    for (const t of targetsIn(keyProperties(r.props)))
      if (node(t)?.type === 'kms-key' && ownerNode.type !== 'kms-key')
        add(owner, t, 'encrypt-with', 'encryption key');
    // Environment variables holding a resource's name or ARN.
    const envVars = [obj(obj(r.props.Environment).Variables)];
    if (r.type === 'AWS::ECS::TaskDefinition')
      for (const cd of Array.isArray(r.props.ContainerDefinitions) ? r.props.ContainerDefinitions : [])
        envVars.push(obj({ v: obj(cd).Environment, s: obj(cd).Secrets }));
    for (const vars of envVars)
      for (const t of targetsIn(vars)) {
        const targetType = node(t)?.type;
        if (!targetType) continue;
        add(owner, t, referenceKind(targetType), 'environment variable', { weak: true });
      }
  }
  // Security group rules between groups: traffic from the users of one to the users of the other.
  const sgUsers = new Map<string, string[]>();
  for (const r of resources)
    if (r.type === 'AWS::EC2::SecurityGroup')
      sgUsers.set(r.id, [
        ...new Set(
          (refsIn.get(r.id) ?? [])
            // Rules name groups as sources and destinations: they do not make their owner a member.
            .filter((x) => !/^AWS::EC2::SecurityGroup(Ingress|Egress)$/.test(byId.get(x)?.type ?? ''))
            .map((x) => ownerVia(x))
            .filter((x): x is string => !!x && nodeOf.has(x)),
        ),
      ]);
  const ingress = (groupId: string | undefined, rule: Record<string, unknown>, why: string) => {
    const source = targetsIn(rule.SourceSecurityGroupId)[0];
    if (!groupId || !source) return;
    const port = value(rule.FromPort);
    for (const a of sgUsers.get(source) ?? [])
      for (const b of sgUsers.get(groupId) ?? [])
        add(a, b, 'traffic', why, typeof port === 'number' && port > 0 ? { port } : {});
  };
  for (const r of resources) {
    if (r.type === 'AWS::EC2::SecurityGroup')
      for (const rule of Array.isArray(r.props.SecurityGroupIngress) ? r.props.SecurityGroupIngress : [])
        ingress(r.id, obj(rule), `ingress rule of ${r.id}`);
    if (r.type === 'AWS::EC2::SecurityGroupIngress')
      ingress(targetsIn(r.props.GroupId)[0], r.props, `ingress ${r.id}`);
  }
  for (const e of samEdges)
    add(e.from, e.to, e.kind, e.why, e.properties ? { properties: e.properties } : {});

  // SAM implicit resources (an API made from Api events, a rule made from a Schedule event).
  for (const implicit of samImplicitNodes(samEdges)) {
    if (nodeOf.has(implicit.logicalId)) continue;
    const n: DesignNode = {
      id: ids.claim(layoutFor(implicit.logicalId).id ?? implicit.logicalId),
      type: implicit.service,
      name: implicit.logicalId,
      properties: implicit.properties,
      placement: null,
      logicalIds: { self: implicit.logicalId },
    };
    nodes.push(n);
    nodeOf.set(implicit.logicalId, n);
    byId.set(implicit.logicalId, { id: implicit.logicalId, type: 'sam-implicit', props: {}, raw: {} });
    cls.set(implicit.logicalId, { kind: 'service', service: implicit.service });
  }
  for (const e of samEdges)
    if (e.implicit) add(e.from, e.to, e.kind, e.why, e.properties ? { properties: e.properties } : {});

  // Internet users in front of what the internet reaches directly.
  const behindCdn = new Set(
    edges.filter((e) => nodes.find((n) => n.id === e.from)?.type === 'cloudfront').map((e) => e.to),
  );
  const entries = nodes.filter(
    (n) =>
      !behindCdn.has(n.id) &&
      (n.type === 'cloudfront' ||
        n.type === 'api-gateway' ||
        (n.type === 'alb' && n.properties.scheme !== 'internal')),
  );
  if (entries.length > 0) {
    const users: DesignNode = {
      id: ids.claim('users'),
      type: 'users',
      name: 'Internet users',
      properties: {},
      placement: null,
    };
    nodes.push(users);
    for (const e of entries)
      edges.push({ from: users.id, to: e.id, kind: 'traffic', why: 'a public entry point' });
    warn(
      `added "Internet users" in front of ${entries.map((e) => e.id).join(', ')} (no resource: the people calling it)`,
      undefined,
      'info',
    );
  }
  const strong = new Set(edges.filter((e) => !e.weak).map((e) => `${e.from}\u0000${e.to}`));
  // A function an MSK cluster feeds reads its topics with its role (the poller's grant): that is
  // the event source, not a client connection, which would admit the function to the brokers.
  const fedBy = new Set(
    edges
      .filter((e) => e.kind === 'event-source' && nodes.find((n) => n.id === e.from)?.type === 'msk-cluster')
      .map((e) => `${e.to}\u0000${e.from}`),
  );
  const connections = mergeEdges(
    edges.filter(
      (e) =>
        (!e.weak || !strong.has(`${e.from}\u0000${e.to}`)) &&
        !(e.kind === 'read' && e.why.startsWith('IAM statement') && fedBy.has(`${e.from}\u0000${e.to}`)),
    ),
    nodes,
    (m) => warn(m, undefined, 'info'),
  );

  // ---- Parts: the owner's logicalIds, by role -----------------------------------------------------
  // Only parts the export makes again (remade.ts): the others are kept as written, so nothing
  // claimed is dropped on re-export. Decided after connections, which say what the lowering
  // makes (a target group only behind an ALB); their connections stay with the node they serve.
  const nodeTypes = new Map(nodes.map((n) => [n.id, n.type]));
  // An ECS service's task role is its 'role' (the one grants attach to, named by the lowering);
  // the execution role comes after it, whatever the source order.
  const executionRoles = new Set(
    resources
      .filter((r) => r.type === 'AWS::ECS::TaskDefinition')
      .flatMap((r) => referencesIn(r.props.ExecutionRoleArn).map((x) => x.target)),
  );
  const inPartOrder = [...resources].sort(
    (a, b) => Number(executionRoles.has(a.id)) - Number(executionRoles.has(b.id)),
  );
  for (const r of inPartOrder) {
    const owner = ownerOf.get(r.id);
    const c = cls.get(r.id)!;
    if (!owner || c.kind !== 'part') continue;
    const served = nodeOf.get(owner)!;
    const keys = (served.logicalIds ??= {});
    const role = c.rule.role;
    const ordinal = Object.keys(keys).filter((k) => k === role || k.startsWith(`${role}:`)).length;
    const why = notRemade(role, {
      node: served,
      vpcAzCount: vpcs.find((v) => v.id === served.placement?.vpcId)?.azCount,
      connections,
      nodeType: (id) => nodeTypes.get(id),
      type: r.type,
      props: r.props,
      names: [
        ...new Set(
          referencesIn(r.props)
            .map((x) => node(x.target)?.id)
            .filter((id): id is string => id !== undefined),
        ),
      ],
      ordinal,
      environmentProperties:
        environments.length > 0
          ? environments.map((e) => ({ ...served.properties, ...e.overrides[served.id] }))
          : [served.properties],
    });
    if (why) {
      const kept = keptNode(r, ids.claim(layoutFor(r.id).id ?? r.id));
      nodes.push(kept);
      nodeOf.set(r.id, kept);
      ownerOf.delete(r.id);
      cls.set(r.id, { kind: 'kept', reason: `the export would not make it again: ${why}` });
      continue;
    }
    let key = c.rule.indexed ? `${role}:0` : role;
    for (let n = 1; key in keys; n++) key = `${role}:${n}`;
    keys[key] = r.id;
    // Its type and what it names: the export gives the id only to a resource of that type, and
    // tells apart parts of one role by what they name (infra kept-parts.ts).
    const named = (refsOut.get(r.id) ?? []).filter((id) => /^[A-Za-z0-9]{1,255}$/.test(id)).slice(0, 50);
    (served.logicalIdSources ??= {})[key] = { type: r.type, ...(named.length > 0 ? { refs: named } : {}) };
  }

  // A function or task mounting what the importer keeps (an access point the file system's node
  // would not make again): the design draws no such mount, so the export would not make it.
  // Said, not silently lost.
  for (const r of resources) {
    const mounts =
      r.type === 'AWS::Lambda::Function' || r.type === 'AWS::Serverless::Function'
        ? r.props.FileSystemConfigs
        : r.type === 'AWS::ECS::TaskDefinition'
          ? (Array.isArray(r.props.Volumes) ? r.props.Volumes : []).map((v) => obj(v).EFSVolumeConfiguration)
          : undefined;
    const kept = [...new Set(referencesIn(mounts).map((x) => x.target))].filter(
      (t) => cls.get(t)?.kind === 'kept',
    );
    const user = nodeOf.get(ownerVia(r.id) ?? '');
    if (kept.length > 0 && user && user.type !== 'other-resource')
      warn(
        `${user.id} mounts ${kept.join(', ')}, kept as written: the design draws no mount, so the export would not mount the file system`,
        r.id,
      );
  }

  // ---- Report ---------------------------------------------------------------------------------------
  const reportEntries: ReportEntry[] = resources.map((r) => {
    const c = cls.get(r.id)!;
    const outcome: ResourceOutcome =
      c.kind === 'service'
        ? { kind: 'node', nodeId: nodeOf.get(r.id)!.id }
        : c.kind === 'kept'
          ? { kind: 'kept', nodeId: nodeOf.get(r.id)!.id, reason: c.reason }
          : c.kind === 'skipped'
            ? { kind: 'skipped', reason: c.reason }
            : c.kind === 'network'
              ? netOutcome.get(r.id)!
              : c.kind === 'connector'
                ? connectorOutcome(r, nodeOf, ownerVia)
                : {
                    kind: 'part-of',
                    nodeId: nodeOf.get(ownerOf.get(r.id)!)!.id,
                    role: partRole(nodeOf.get(ownerOf.get(r.id)!)!, r.id),
                  };
    return { sourceId: r.id, sourceType: r.type, file, outcome };
  });

  // Service nodes: say which source properties the design does not carry.
  for (const r of resources) {
    const n = nodeOf.get(r.id);
    if (!n || n.type === 'other-resource') continue;
    if (r.raw.Condition !== undefined)
      warn(`${r.id} has Condition ${String(r.raw.Condition)}: imported as if it were true`, r.id);
  }

  // Parameters, Mappings, Conditions and Outputs the export needs to print back as written.
  const keptIds = new Set<string>();
  const keptValues: PropertyValue[] = [];
  for (const n of nodes) {
    if (n.logicalIds?.self) keptIds.add(n.logicalIds.self);
    if (n.type !== 'other-resource') continue;
    keptValues.push(
      n.properties.cloudFormationProperties ?? null,
      n.properties.cloudFormationAttributes ?? null,
    );
  }
  const sections = keptSections({
    parameters,
    mappings,
    conditions,
    outputs: sourceOutputs(template),
    keptValues,
    keptIds,
    given: baseScope.parameters,
  });
  const keptTemplate = sections.kept;
  const keptNames = (section: Record<string, unknown> | undefined) => Object.keys(section ?? {});
  if (keptTemplate) {
    const summary = (
      [
        ['Parameters', keptNames(keptTemplate.parameters)],
        ['Mappings', keptNames(keptTemplate.mappings)],
        ['Conditions', keptNames(keptTemplate.conditions)],
        ['Outputs', keptNames(keptTemplate.outputs)],
      ] as const
    )
      .filter(([, names]) => names.length > 0)
      .map(([section, names]) => `${section} ${names.join(', ')}`);
    warn(`kept as written, for the export: ${summary.join('; ')}`, undefined, 'info');
  }
  for (const { name, missing } of sections.droppedOutputs)
    warn(
      `Output ${name} is not kept: it names ${missing.join(', ')}, which the export does not keep under the same logical id`,
      undefined,
      'info',
    );

  // The same words about the same resource once (values are read once per environment).
  const seen = new Set<string>();
  const uniqueProblems = problems.filter((p) => {
    const key = `${p.severity}\u0000${p.sourceId ?? ''}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const description = typeof template.Description === 'string' ? template.Description : undefined;
  const groups = layoutGroups(obj(layout.groups), nodes, ids);
  return {
    ...(groups.length > 0 ? { groups } : {}),
    nodes,
    vpcs,
    connections,
    environments,
    resources: reportEntries,
    problems: uniqueProblems,
    ...(description ? { description } : {}),
    ...(keptTemplate ? { keptTemplate } : {}),
  };
}

/**
 * The template's outputs, less those archgen's export wrote itself: a template it wrote names
 * the outputs it kept from imported code in Metadata.archgen.keptOutputs; the rest are its own.
 */
function sourceOutputs(template: Record<string, unknown>): Record<string, unknown> {
  const outputs = obj(template.Outputs);
  const written = obj(obj(template.Metadata).archgen);
  if (typeof written.design !== 'string') return outputs;
  const kept = new Set(Array.isArray(written.keptOutputs) ? written.keptOutputs.map(String) : []);
  return Object.fromEntries(Object.entries(outputs).filter(([name]) => kept.has(name)));
}

/** Resource attributes a kept resource carries as written (the lowering prints them back). */
const KEPT_ATTRIBUTES = [
  'Condition',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
  'Metadata',
] as const;

const DLQ_KEY = /deadletter|redrivepolicy|onfailure/i;
const LOG_KEY = /logging|loadbalancerattributes|logdestination|destinationbucketname|accesslog/i;

/** A policy document that allows everything to everyone (an endpoint's default policy). */
function allowsAll(doc: unknown): boolean {
  const statements = obj(doc).Statement;
  const list = (Array.isArray(statements) ? statements : [statements]).map(obj);
  const any = (v: unknown) => v === '*' || (Array.isArray(v) && v.includes('*'));
  return (
    list.length > 0 &&
    list.every(
      (s) =>
        s.Effect === 'Allow' &&
        any(s.Action) &&
        any(s.Resource) &&
        (any(s.Principal) || any(obj(s.Principal).AWS)) &&
        s.Condition === undefined,
    )
  );
}

/** The tag at the end of an image written as text, a Join or a Sub ("<repository uri>:v1" -> "v1"). */
function imageTag(image: unknown): string | undefined {
  const join = obj(image)['Fn::Join'];
  const sub = obj(image)['Fn::Sub'];
  const items = Array.isArray(join) && Array.isArray(join[1]) ? (join[1] as unknown[]) : [];
  const tail = typeof image === 'string' ? image : typeof sub === 'string' ? sub : items[items.length - 1];
  return typeof tail === 'string' ? /:([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$/.exec(tail)?.[1] : undefined;
}

/** Targets referred to under a key matching `key` (at any depth). */
function refsUnderKeys(value: unknown, key: RegExp): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (key.test(k)) out.push(...referencesIn(x).map((r) => r.target));
        else walk(x);
      }
  };
  walk(value);
  return out;
}

function partRole(node: DesignNode, logicalId: string): string {
  return Object.entries(node.logicalIds ?? {}).find(([, v]) => v === logicalId)?.[0] ?? 'part';
}

function connectorOutcome(
  r: Res,
  nodeOf: Map<string, DesignNode>,
  ownerVia: (id: string) => string | undefined,
): ResourceOutcome {
  const source = referencesIn(obj(r.props.Source).Id)[0]?.target ?? String(obj(r.props.Source).Id ?? '');
  const n = nodeOf.get(ownerVia(source) ?? '');
  return n
    ? { kind: 'part-of', nodeId: n.id, role: 'connector' }
    : {
        kind: 'skipped',
        reason: 'a SAM connector between resources the design does not hold; its permissions are not carried',
      };
}

function kindFor(kind: ConnectionKind, targetType: string | undefined): ConnectionKind {
  // Kinesis "publish" is writing records; read-write templates on queues mean sending.
  if (targetType === 'kinesis-stream' && kind === 'write') return 'publish';
  return kind;
}

function classify(r: Res, value: (v: unknown) => unknown, byId: Map<string, Res>): Class {
  const t = r.type;
  if (t === 'AWS::CDK::Metadata')
    return { kind: 'skipped', reason: "the CDK's version-reporting resource; a CDK app adds it again" };
  if (t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource')
    return {
      kind: 'kept',
      reason: 'a custom resource: what it does is in its provider code, which the design cannot read',
    };
  if (t === '') return { kind: 'kept', reason: 'the resource has no Type' };
  if (!/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(t))
    return {
      kind: 'kept',
      reason: `"${t}" is not a CloudFormation type (a preprocessor module?); passed through as written`,
    };
  if (t === 'AWS::Serverless::Connector') return { kind: 'connector' };
  if (t === 'AWS::Serverless::Application' || t === 'AWS::CloudFormation::Stack')
    return { kind: 'kept', reason: 'a nested stack or application: its resources are in another template' };
  if (NETWORK_ROLES[t]) {
    // An EIP not used by a NAT gateway is not VPC plumbing.
    if (t === 'AWS::EC2::EIP') {
      const usedByNat = [...byId.values()].some(
        (x) =>
          x.type === 'AWS::EC2::NatGateway' &&
          referencesIn(x.props.AllocationId).some((ref) => ref.target === r.id),
      );
      if (!usedByNat) return { kind: 'kept', reason: 'an Elastic IP not used by a NAT gateway' };
    }
    return { kind: 'network', role: NETWORK_ROLES[t]! };
  }
  if (t === 'AWS::RDS::DBInstance' && r.props.DBClusterIdentifier !== undefined)
    return { kind: 'part', rule: CLUSTER_MEMBER };
  const mapping = SERVICE_TYPES[t];
  if (
    mapping &&
    t !== 'AWS::Logs::LogGroup' &&
    t !== 'AWS::CloudWatch::Alarm' &&
    !PART_UNLESS_SHARED.has(t)
  ) {
    if (t === 'AWS::EC2::VPCEndpoint') {
      const ctx = { value };
      if (!endpointType(ctx, r.props.VpcEndpointType))
        return {
          kind: 'kept',
          reason: `a ${String(value(r.props.VpcEndpointType))} endpoint: the catalog has gateway and interface endpoints`,
        };
      if (r.props.PolicyDocument !== undefined && !allowsAll(value(r.props.PolicyDocument)))
        return {
          kind: 'kept',
          reason: "an endpoint policy that limits access: the catalog's endpoints allow what IAM allows",
        };
      if (!endpointService(ctx, r.props.ServiceName))
        return {
          kind: 'kept',
          reason:
            'an endpoint to a service that is not an AWS service of the region (PrivateLink to another account)',
        };
    }
    if (
      t === 'AWS::CloudTrail::Trail' &&
      (r.props.AdvancedEventSelectors !== undefined || value(r.props.IsOrganizationTrail) === true)
    )
      return {
        kind: 'kept',
        reason: 'an organization trail or one with advanced event selectors: the catalog holds neither',
      };
    if (
      t === 'AWS::EC2::Instance' &&
      !isSessionManagerHost(r.props, (v) => byId.get(referencesIn(v)[0]?.target ?? ''))
    )
      return {
        kind: 'kept',
        reason:
          'an EC2 instance that is not a Session Manager bastion (its role lacks AmazonSSMManagedInstanceCore): the catalog has no general-purpose instance',
      };
    if (t === 'AWS::KinesisFirehose::DeliveryStream') {
      const reason = unsupportedFirehose(r.props, {
        value,
        resource: (v) => {
          const x = byId.get(referencesIn(v)[0]?.target ?? '');
          return x ? { id: x.id, type: x.type, props: x.props } : undefined;
        },
      });
      if (reason) return { kind: 'kept', reason };
    }
    if (t === 'AWS::Config::ConfigurationRecorder') {
      const group = obj(r.props.RecordingGroup);
      if (
        (Array.isArray(group.ResourceTypes) && group.ResourceTypes.length > 0) ||
        group.ExclusionByResourceTypes !== undefined ||
        r.props.RecordingMode !== undefined
      )
        return {
          kind: 'kept',
          reason: 'a recorder of chosen resource types or recording mode: the catalog records all or nothing',
        };
    }
    if (t === 'AWS::Backup::BackupPlan') {
      const rules = obj(r.props.BackupPlan).BackupPlanRule;
      if (!Array.isArray(rules) || rules.length !== 1)
        return { kind: 'kept', reason: 'a backup plan with other than one rule: the design holds one rule' };
    }
    if (t === 'AWS::ApiGatewayV2::Api' && value(r.props.ProtocolType) === 'WEBSOCKET')
      return { kind: 'kept', reason: 'a WebSocket API: the catalog has REST and HTTP APIs only' };
    if (
      t === 'AWS::ElasticLoadBalancingV2::LoadBalancer' &&
      (value(r.props.Type) ?? 'application') !== 'application'
    )
      return {
        kind: 'kept',
        reason: `a ${String(value(r.props.Type))} load balancer: the catalog has Application Load Balancers only`,
      };
    if (t === 'AWS::RDS::DBInstance') {
      const engine = String(value(r.props.Engine) ?? '');
      if (engine !== 'postgres' && engine !== 'mysql')
        return {
          kind: 'kept',
          reason: `RDS engine "${engine || 'unknown'}": the catalog has PostgreSQL and MySQL`,
        };
    }
    if (t === 'AWS::RDS::DBCluster' && !/^aurora/.test(String(value(r.props.Engine) ?? '')))
      return {
        kind: 'kept',
        reason: `a DB cluster with engine "${String(value(r.props.Engine))}": the catalog has Aurora clusters only`,
      };
    if (t === 'AWS::ECS::Service') {
      const launch = value(r.props.LaunchType);
      if (launch === 'EC2' || launch === 'EXTERNAL')
        return {
          kind: 'kept',
          reason: `an ECS service on the ${String(launch)} launch type: the catalog has Fargate services`,
        };
    }
    return { kind: 'service', service: mapping.service };
  }
  const part = PART_TYPES[t];
  if (part) return { kind: 'part', rule: part };
  return { kind: 'kept', reason: `no catalog service for ${t}` };
}

/** Keeps the values the catalog accepts; says which it did not. */
function acceptable(
  service: NonNullable<ReturnType<typeof getService>>,
  props: Properties,
  warn: (message: string) => void,
): Properties {
  const known = new Set(service.properties.map((p) => p.key));
  const out: Properties = {};
  for (const [k, v] of Object.entries(props)) if (known.has(k)) out[k] = v;
  const issues = validateProperties(service, out);
  for (const issue of issues) {
    const key = issue.path.split(/[.[]/)[0]!;
    if (key in out) {
      warn(
        `${key} ${JSON.stringify(out[key])} is not a value the catalog's ${service.displayName} takes (${issue.message}); the default is used`,
      );
      delete out[key];
    }
  }
  return out;
}

/** The first path in a kept resource's properties the design schema would refuse, if any. */
function beyondPropertyLimits(v: PropertyValue, path = 'Properties'): string | undefined {
  if (typeof v === 'string') return v.length > 4096 ? path : undefined;
  if (Array.isArray(v)) {
    if (v.length > 100) return path;
    for (let i = 0; i < v.length; i++) {
      const inner = beyondPropertyLimits(v[i]!, `${path}[${i}]`);
      if (inner) return inner;
    }
    return undefined;
  }
  if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k.length > 128) return `${path}.${k.slice(0, 20)}...`;
      const inner = beyondPropertyLimits(x, `${path}.${k}`);
      if (inner) return inner;
    }
  return undefined;
}

/** JSON-safe copy (Dates and other non-JSON values become strings). */
function asPropertyValue(v: unknown): PropertyValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v)) return v.map(asPropertyValue);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const out: Record<string, PropertyValue> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>))
      if (x !== undefined) out[k] = asPropertyValue(x);
    return out;
  }
  return String(v);
}

function samImplicitNodes(edges: readonly SamEdge[]) {
  const seen = new Map<string, { logicalId: string; service: string; properties: Properties }>();
  for (const e of edges)
    if (e.implicit && !seen.has(e.implicit.logicalId)) seen.set(e.implicit.logicalId, e.implicit);
  return [...seen.values()];
}

/** One connection per (from, to, kind); read and write together are read-write; refused kinds are said. */
function mergeEdges(
  edges: readonly {
    from: string;
    to: string;
    kind: ConnectionKind;
    port?: number;
    properties?: Properties;
    why: string;
  }[],
  nodes: readonly DesignNode[],
  info: (message: string) => void,
): Connection[] {
  const typeOf = new Map(nodes.map((n) => [n.id, n.type]));
  const pairs = new Map<
    string,
    Map<ConnectionKind, { port?: number; properties?: Properties; why: string }>
  >();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    const kinds = pairs.get(key) ?? new Map();
    // The first reason wins, unless a later one carries the connection's settings (a mount path).
    if (!kinds.has(e.kind) || (e.properties && !kinds.get(e.kind)!.properties))
      kinds.set(e.kind, {
        ...(e.port ? { port: e.port } : {}),
        ...(e.properties ? { properties: e.properties } : {}),
        why: e.why,
      });
    pairs.set(key, kinds);
  }
  const out: Connection[] = [];
  const taken = new Set<string>();
  for (const [key, kinds] of pairs) {
    const [from, to] = key.split('\u0000') as [string, string];
    // Read and write are read-write, keeping the settings either carried (a mount's path).
    const settings = (['read-write', 'read', 'write'] as const)
      .map((k) => kinds.get(k)?.properties)
      .find((p) => p !== undefined);
    if (kinds.has('read') && kinds.has('write')) {
      kinds.delete('read');
      kinds.delete('write');
      kinds.set('read-write', { why: 'read and write access' });
    }
    if (kinds.has('read-write')) {
      kinds.delete('read');
      kinds.delete('write');
      const merged = kinds.get('read-write')!;
      if (settings && !merged.properties) kinds.set('read-write', { ...merged, properties: settings });
    }
    // A subscription or event source already says the target consumes it.
    const fromType = typeOf.get(from) ?? '';
    const toType = typeOf.get(to) ?? '';
    for (const [kind, extra] of kinds) {
      let accepted: ConnectionKind | undefined = findAcceptedConnection(fromType, toType, kind)
        ? kind
        : undefined;
      if (!accepted && kind === 'read-write')
        accepted = (['read', 'write', 'publish'] as const).find((k) =>
          findAcceptedConnection(fromType, toType, k),
        );
      if (!accepted && kind === 'publish' && findAcceptedConnection(fromType, toType, 'write'))
        accepted = 'write';
      if (!accepted) {
        info(
          `${from} -> ${to} (${kind}, from ${extra.why}): the catalog has no such connection between a ${fromType} and a ${toType}; not drawn`,
        );
        continue;
      }
      if (accepted !== kind && kinds.has(accepted)) continue;
      let id = `${from}-${accepted}-${to}`.slice(0, 60);
      for (let n = 2; taken.has(id); n++) id = `${from}-${accepted}-${to}`.slice(0, 56) + `-${n}`;
      taken.add(id);
      out.push({
        id,
        from,
        to,
        kind: accepted,
        ...(extra.port && accepted === 'traffic' ? { port: extra.port } : {}),
        ...(extra.properties ? { properties: extra.properties } : {}),
      });
    }
  }
  return out;
}

/**
 * The groups a template archgen exported records (an imported module or construct): each gets
 * the nodes whose primary resource it names; one whose members are all gone is left out.
 */
function layoutGroups(entries: Record<string, unknown>, nodes: DesignNode[], ids: IdPool): DesignGroup[] {
  const bySelf = new Map(nodes.flatMap((n) => (n.logicalIds?.self ? [[n.logicalIds.self, n]] : [])));
  const groups: DesignGroup[] = [];
  for (const [key, raw] of Object.entries(entries)) {
    const entry = obj(raw);
    const kind = GroupKindSchema.safeParse(entry.kind);
    const name = typeof entry.name === 'string' ? entry.name.slice(0, 256) : '';
    const members = (Array.isArray(entry.members) ? entry.members : [])
      .map((m) => (typeof m === 'string' ? bySelf.get(m) : undefined))
      .filter((n): n is DesignNode => n !== undefined && n.group === undefined);
    if (!kind.success || !/\S/.test(name) || members.length === 0) continue;
    const group: DesignGroup = {
      id: ids.claim(key),
      name,
      kind: kind.data,
      ...(typeof entry.source === 'string' ? { source: entry.source.slice(0, 1024) } : {}),
    };
    for (const node of members) node.group = group.id;
    groups.push(group);
  }
  return groups;
}

/** The values of a resource's key properties, at any depth (S3 nests its KMSMasterKeyID; a trail has KMSKeyId). */
function keyProperties(value: unknown, depth = 0): unknown[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => keyProperties(v, depth + 1));
  return Object.entries(value).flatMap(([k, v]) =>
    /^(KmsKeyId|KMSKeyId|KmsMasterKeyId|KMSMasterKeyID|KmsKeyArn|EncryptionKeyArn)$/.test(k)
      ? [v]
      : k.startsWith('Fn::') || k === 'Ref'
        ? []
        : keyProperties(v, depth + 1),
  );
}
