/**
 * The service catalog: what each service is, what can be set on it, where it may live and
 * which connections it accepts. One file per service under `services/`.
 */
import type { ConnectionKind, PropertyValue, Properties, SubnetTier } from '../design/schema.ts';

export type ServiceCategory =
  | 'Networking'
  | 'Compute'
  | 'Containers'
  | 'Storage'
  | 'Database'
  | 'Integration'
  | 'Analytics'
  | 'Security'
  | 'Management';

export const SERVICE_CATEGORIES: readonly ServiceCategory[] = [
  'Networking',
  'Compute',
  'Containers',
  'Storage',
  'Database',
  'Integration',
  'Analytics',
  'Security',
  'Management',
];

/** A VPC tier, or "regional" for services that live outside any VPC. */
export type PlacementKind = SubnetTier | 'regional';

interface PropertyBase {
  key: string;
  label: string;
  help?: string;
  /** Properties that only make sense for some values of another property. */
  visibleWhen?: { key: string; equals: PropertyValue | PropertyValue[] };
  /**
   * The value is one for every environment (e.g. a state machine definition's retries): an
   * environment may not override it, and the inspector offers it on the node only.
   */
  sameInEveryEnvironment?: true;
}
export interface StringProperty extends PropertyBase {
  kind: 'string';
  default: string;
  pattern?: string;
  patternHint?: string;
  maxLength?: number;
}
export interface NumberProperty extends PropertyBase {
  kind: 'number';
  default: number;
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  /** A fixed set of allowed numbers (e.g. log retention days), shown as a dropdown. */
  allowedValues?: readonly number[];
}
export interface BooleanProperty extends PropertyBase {
  kind: 'boolean';
  default: boolean;
}
export interface EnumProperty extends PropertyBase {
  kind: 'enum';
  default: string;
  options: readonly { value: string; label: string }[];
}
/** A list of records, e.g. DynamoDB GSIs or S3 lifecycle rules; each item has `fields`. */
export interface ListProperty extends PropertyBase {
  kind: 'list';
  default: PropertyValue[];
  maxItems?: number;
  item: readonly PropertyDefinition[];
}
/**
 * A JSON value kept as it is (a kept resource's verbatim CloudFormation properties, its
 * Terraform arguments, its DependsOn list): shown read-only, checked only for its shape.
 */
export interface JsonProperty extends PropertyBase {
  kind: 'json';
  /** 'record': a JSON object; 'string-list': a list of strings. */
  shape: 'record' | 'string-list';
  default: PropertyValue;
}
export type PropertyDefinition =
  StringProperty | NumberProperty | BooleanProperty | EnumProperty | ListProperty | JsonProperty;

/** A problem with a property value; `path` is relative to the node's properties. */
export interface PropertyIssue {
  path: string;
  message: string;
}

/**
 * Resources the lowering makes once per stack however many nodes need them: the alarm topic
 * (KMS key, SNS topic, topic policy) that dead-letter-queue and design alarms notify.
 */
export type SharedStackResource = 'alarm-topic';

/** CloudFormation resources in each shared resource. */
export const SHARED_STACK_RESOURCES: Readonly<Record<SharedStackResource, number>> = {
  'alarm-topic': 3,
};

/**
 * About how many CloudFormation resources a node or a connection adds to its stack, for the
 * stack-quota rule (LIM-01): what generators/cloudformation emits for it, including what the
 * lowering derives (roles, log groups, security groups and their rules, DLQs and their alarms).
 */
export interface StackResources {
  count: number;
  /** Shared resources it needs, counted once per stack. */
  shared?: readonly SharedStackResource[];
}

/** What a node's estimate may depend on, in one environment. */
export interface StackEstimateInput {
  /** Catalog defaults, node values and the environment's overrides. */
  props: Properties;
  /** Placed in a VPC subnet: services that can have one then get a security group. */
  inVpc: boolean;
  /** The connections leaving the node (a rule's targets share one DLQ, for example). */
  outgoing: readonly { kind: ConnectionKind; toType: string }[];
  /** The connections entering the node. */
  incoming: readonly { kind: ConnectionKind; fromType: string }[];
}

/** A connection this service accepts as its target. */
export interface AcceptedConnection {
  kind: ConnectionKind;
  /** Service types allowed as the source. */
  from: readonly string[];
  /** What the connection means, shown on the edge and in the docs, e.g. "sends messages". */
  meaning: string;
  /**
   * Settings of the connection itself (an event source's batch size and batching window), with
   * defaults, edited in the connection's inspector and stored in `Connection.properties`.
   */
  properties?: readonly PropertyDefinition[];
  /** Cross-field checks of those settings. */
  validate?: (props: Properties) => PropertyIssue[];
  /**
   * CloudFormation resources the connection adds (security group rules, target groups,
   * permissions, event source mappings, subscriptions and their DLQs); none when absent.
   */
  stackResources?: StackResources;
}

export interface ServiceDefinition {
  type: string;
  displayName: string;
  /** The display name is plural ("Internet users"): sentences say "are", with no article. */
  plural?: boolean;
  /**
   * Short forms people type for this service ("alb", "elb"; "k8s"; "sfn"). The palette ranks an
   * exact abbreviation just below the service's own name (search.ts).
   */
  abbreviations?: readonly string[];
  /**
   * Synonyms: other names and the generic terms people search by ("load balancer"; "bucket";
   * "kubernetes"; "cron"). Ranked below names and abbreviations. A term of a service that is not
   * in the catalog yet belongs in `not-yet.ts`, not here.
   */
  keywords?: readonly string[];
  category: ServiceCategory;
  /** Icon id resolved by the app to a bundled AWS architecture icon. */
  icon: string;
  description: string;
  /**
   * Not offered in the palette nor found by its search: nodes of this service come only from
   * importing existing infrastructure code (the kept "other resource").
   */
  importOnly?: true;
  /**
   * What the canvas shows under a node's name, from its own properties, instead of the display
   * name (a kept resource shows its resource type, "AWS::IAM::ManagedPolicy").
   */
  subtitle?: (props: Properties) => string | undefined;
  /** Where the node may be placed; the first entry is the recommended placement. */
  placements: readonly PlacementKind[];
  properties: readonly PropertyDefinition[];
  /** Cross-field checks beyond per-property ranges (e.g. valid Fargate CPU/memory pairs). */
  validate?: (props: Properties) => PropertyIssue[];
  accepts: readonly AcceptedConnection[];
  /**
   * Said after "X cannot connect to Y: " when a connection into this service is refused: what
   * the person can do instead (NAT egress comes from the subnet route, not from an edge).
   */
  refusalHint?: string;
  /** For traffic connections into this service: default port and protocol. */
  listener?: { port: number; protocol: 'tcp' | 'http' | 'https' };
  /**
   * About how many CloudFormation resources one node of this service becomes in an environment:
   * its own and what the lowering derives for it alone. Connections add theirs
   * (`AcceptedConnection.stackResources`); VPCs and NAT gateways are counted by LIM-01.
   * `stack-resources.test.ts` in packages/rules compares it with the generated template.
   */
  stackResources(input: StackEstimateInput): StackResources;
}
