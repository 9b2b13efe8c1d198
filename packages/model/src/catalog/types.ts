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
export type PropertyDefinition =
  StringProperty | NumberProperty | BooleanProperty | EnumProperty | ListProperty;

/** A problem with a property value; `path` is relative to the node's properties. */
export interface PropertyIssue {
  path: string;
  message: string;
}

/** A connection this service accepts as its target. */
export interface AcceptedConnection {
  kind: ConnectionKind;
  /** Service types allowed as the source. */
  from: readonly string[];
  /** What the connection means, shown on the edge and in the docs, e.g. "sends messages". */
  meaning: string;
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
}
