/**
 * The design document: the single source of truth the app, the CLI and the generators share.
 *
 * The zod schemas below are the only place its shape is written: the TypeScript types are
 * inferred from them and `schema/design.schema.json` is generated from them
 * (`pnpm --filter @archgen/model gen:schema`; a test fails when the committed file is stale).
 */
import { z } from 'zod';

export const DESIGN_SCHEMA_VERSION = 4;

/** Ids are stable, human-readable and safe in every target language once escaped. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and use only letters, digits, "-" and "_"');

export const SubnetTierSchema = z.enum(['public', 'private', 'isolated']);
export type SubnetTier = z.infer<typeof SubnetTierSchema>;
export const SUBNET_TIERS: readonly SubnetTier[] = SubnetTierSchema.options;

/**
 * An AWS region code. The model keeps no list of regions (new ones open every year), so this is
 * the shape of a code: "us-east-1", "eu-central-2", "us-gov-west-1", "ap-southeast-7".
 */
export const RegionSchema = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region like us-east-1');

export const EnvironmentNameSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and "-", starting with a letter');

/** A property value a user can set on a node: scalars, lists and small records (e.g. a GSI). */
export const PropertyValueSchema: z.ZodType<PropertyValue> = z.lazy(() =>
  z.union([
    z.string().max(4096),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(PropertyValueSchema).max(100),
    z.record(z.string().max(128), PropertyValueSchema),
  ]),
);
export type PropertyValue =
  string | number | boolean | null | PropertyValue[] | { [key: string]: PropertyValue };

export const PropertiesSchema = z.record(z.string().min(1).max(128), PropertyValueSchema);
export type Properties = z.infer<typeof PropertiesSchema>;

export const TagsSchema = z.record(z.string().min(1).max(128), z.string().max(256));

const CIDR_TEXT = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/** One tier's subnet CIDRs, indexed by AZ (the first for the VPC's first AZ, ...). */
export const SubnetCidrListSchema = z
  .array(z.string().regex(CIDR_TEXT, 'must be an IPv4 CIDR like 10.0.1.0/24'))
  .min(1)
  .max(3);

/**
 * Subnet CIDRs a VPC gives explicitly, per tier: a tier listed here uses exactly these (one per
 * AZ); a tier left out is carved automatically around them (see cidr.ts planSubnets).
 */
export const SubnetCidrsSchema = z.object({
  public: SubnetCidrListSchema.optional(),
  private: SubnetCidrListSchema.optional(),
  isolated: SubnetCidrListSchema.optional(),
});
export type SubnetCidrs = z.infer<typeof SubnetCidrsSchema>;

export const VpcSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(128),
  cidr: z.string().regex(CIDR_TEXT, 'must be an IPv4 CIDR like 10.0.0.0/16'),
  azCount: z.number().int().min(2).max(3),
  /** Which tiers exist; subnets are computed per tier and AZ (see cidr.ts). */
  tiers: z.array(SubnetTierSchema).min(1).max(3),
  /** Prefix length of every automatic subnet; computed plans must fit in the VPC CIDR. */
  subnetPrefix: z.number().int().min(16).max(28).default(24),
  /** Explicit subnet CIDRs for some tiers (absent: every tier is carved automatically). */
  subnetCidrs: SubnetCidrsSchema.optional(),
  flowLogs: z.boolean().default(true),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  /**
   * CloudFormation logical ids of the network kept from imported code, so a re-export replaces
   * no subnet or gateway: 'vpc', and 'subnet:<n>', 'routeTable:<n>', 'route:<n>',
   * 'routeTableAssociation:<n>', 'internetGateway', 'gatewayAttachment', 'natGateway:<n>',
   * 'natAddress:<n>', 'flowLog' (n from 0 in the order the network is built: tier, then AZ).
   * Optional: designs without it (every drawn one, every file before it) are unchanged.
   */
  logicalIds: z.record(z.string().min(1).max(64), z.string().regex(/^[A-Za-z0-9]{1,255}$/)).optional(),
});
export type Vpc = z.infer<typeof VpcSchema>;

export const PlacementSchema = z.object({ vpcId: IdSchema, tier: SubnetTierSchema });
export type Placement = z.infer<typeof PlacementSchema>;

export const NodeSchema = z.object({
  id: IdSchema,
  /** A service type from the catalog, e.g. "lambda", "sqs". */
  type: z.string().min(1).max(64),
  /** The user's name; free text, escaped by every generator. */
  name: z.string().min(1).max(128),
  properties: PropertiesSchema.default({}),
  /** A VPC tier, or null for regional services (S3, SQS, DynamoDB, ...). */
  placement: PlacementSchema.nullable().default(null),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  /**
   * CloudFormation logical ids kept from imported code, so a re-export replaces nothing. Key
   * 'self' is the node's primary resource; other keys name its parts: 'role', 'policy',
   * 'securityGroup', 'logGroup', 'alarm:<n>', 'permission:<n>', 'eventSourceMapping:<n>',
   * 'subscription:<n>', 'queuePolicy', 'topicPolicy', 'targetGroup', 'listener' (n from 0 in
   * source order). Every id is reserved; the lowering gives each to the resource the node makes
   * for that part (infra kept-parts.ts); a part made no more keeps nothing.
   */
  logicalIds: z.record(z.string().min(1).max(64), z.string().regex(/^[A-Za-z0-9]{1,255}$/)).optional(),
  /**
   * The id of the design group this node belongs to (see GroupSchema). Design-only: the
   * generators write the node as if it had none. Absent: the node is in no group.
   */
  group: IdSchema.optional(),
  /**
   * What each kept part id (key as in `logicalIds`) was in the imported code: its CloudFormation
   * type, so the id goes only to a resource of that type (a type cannot change in place), and
   * the logical ids it named, so parts of one role (several ingress rules, subscriptions) go to
   * the resources that name the same things rather than by order. Optional: without it, any
   * resource of the part's role takes the id, in order.
   */
  logicalIdSources: z
    .record(
      z.string().min(1).max(64),
      z.object({
        type: z.string().regex(/^[A-Za-z0-9]{1,64}::[A-Za-z0-9]{1,64}::[A-Za-z0-9]{1,64}$/),
        refs: z
          .array(z.string().regex(/^[A-Za-z0-9]{1,255}$/))
          .max(50)
          .optional(),
      }),
    )
    .optional(),
});
export type DesignNode = z.infer<typeof NodeSchema>;

/**
 * Where a group comes from: a Terraform module call or a CDK construct the importer read, or one
 * a person drew. The kind only labels the frame; every kind behaves the same.
 */
export const GroupKindSchema = z.enum(['terraform-module', 'cdk-construct', 'drawn']);
export type GroupKind = z.infer<typeof GroupKindSchema>;

/**
 * A named set of nodes drawn as one frame around them (a Terraform module call, a CDK construct).
 * Design-only: the generators write the members flat; membership is each node's `group`.
 */
export const GroupSchema = z.object({
  id: IdSchema,
  /** Shown on the frame, e.g. "module.network" or "ApiStack/Orders". */
  name: z.string().max(256).regex(/\S/, 'must not be empty or blank'),
  kind: GroupKindSchema,
  /** Where the group came from: a module's source path, a construct path. */
  source: z.string().max(1024).optional(),
});
export type DesignGroup = z.infer<typeof GroupSchema>;

export const ConnectionKindSchema = z.enum([
  'traffic',
  'invoke',
  'event-source',
  'read',
  'write',
  'read-write',
  'publish',
  'subscribe',
  'route',
  /** sqs -> sqs: the target is the source's redrive dead-letter queue (instead of a derived one). */
  'dead-letter',
  /**
   * sqs, sns, eventbridge-rule -> sns: the alarms the lowering makes for the source's dead-letter
   * queue notify this topic instead of the generated alarm topic.
   */
  'notify',
  /**
   * s3, sqs, sns, log-group -> kms-key: the source encrypts its data at rest with the drawn
   * customer managed key (instead of a key of its own or the service's), in every environment.
   */
  'encrypt-with',
  /**
   * waf-web-acl -> cloudfront, alb, api-gateway (REST): the drawn web ACL filters the target's
   * requests, replacing the ACL its own `waf` switch would make.
   */
  'protect',
  /**
   * route53-zone -> cloudfront, alb: an alias record in the zone names the target; the record
   * name is the connection's `recordName` property (empty: the zone apex).
   */
  'alias',
  /**
   * backup-plan -> rds, aurora, neptune, dynamodb, s3, efs: the plan's selection backs the target up
   * into its vault on the plan's schedule.
   */
  'back-up',
  /**
   * acm-certificate -> route53-zone: the certificate is validated by DNS records in the (public)
   * zone, which ACM renews by itself.
   */
  'validate-in',
  /**
   * acm-certificate -> alb, cloudfront: the load balancer's HTTPS listener or the distribution's
   * viewer certificate uses the drawn certificate instead of its certificateArn property.
   */
  'certificate',
]);
export type ConnectionKind = z.infer<typeof ConnectionKindSchema>;
export const CONNECTION_KINDS: readonly ConnectionKind[] = ConnectionKindSchema.options;

export const ProtocolSchema = z.enum(['tcp', 'http', 'https']);
export type Protocol = z.infer<typeof ProtocolSchema>;

export const ConnectionSchema = z.object({
  id: IdSchema,
  from: IdSchema,
  to: IdSchema,
  kind: ConnectionKindSchema,
  /** For traffic: the port the target listens on; defaults from the target's catalog entry. */
  port: z.number().int().min(1).max(65535).optional(),
  protocol: ProtocolSchema.optional(),
  label: z.string().max(256).optional(),
  /**
   * Settings of this connection the catalog defines for its (source, kind, target), e.g. an
   * event source's batch size; absent keys take the catalog defaults. Not per environment.
   */
  properties: PropertiesSchema.optional(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const EnvironmentSchema = z.object({
  name: EnvironmentNameSchema,
  /** Per-environment values keyed by node or VPC id, then property name. */
  overrides: z.record(IdSchema, PropertiesSchema).default({}),
  /** AWS account id for this environment, if known (used in generated config only). */
  account: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /**
   * The region this environment deploys into; absent: the design's `region`. Every target pins
   * the environment to it (CDK stack env, Terraform provider region, a CloudFormation Rules
   * assertion on AWS::Region).
   */
  region: RegionSchema.optional(),
  /**
   * Whether this environment is production: its stateful resources are protected from deletion
   * by default and production-only rules apply. Absent (older files): named like production
   * ("prod", "production", "prd-eu", ...), see `isProductionEnvironment`.
   */
  production: z.boolean().optional(),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

const PRODUCTION_NAME = /^(prod|production|prd)/;

/** True for an environment named like production ("prod", "production", "prd-eu", ...). */
export function isProductionName(name: string): boolean {
  return PRODUCTION_NAME.test(name);
}

/** The environment's `production` flag, or for files without one, its name (isProductionName). */
export function isProductionEnvironment(env: Pick<Environment, 'name' | 'production'>): boolean {
  return env.production ?? isProductionName(env.name);
}

/** A finding the team deliberately accepts, with the reason carried into the generated code. */
export const AcceptedRiskSchema = z.object({
  ruleId: z.string().min(1).max(64),
  /** The node, connection or VPC id the finding is about. */
  targetId: IdSchema,
  reason: z.string().min(1).max(1024),
  acceptedBy: z.string().max(128).optional(),
  acceptedAt: z.string().max(64).optional(),
});
export type AcceptedRisk = z.infer<typeof AcceptedRiskSchema>;

export const NoteSchema = z.object({
  id: IdSchema,
  /** The node, connection or VPC this note is pinned to. */
  targetId: IdSchema,
  text: z.string().min(1).max(4096),
  author: z.string().max(128).optional(),
});
export type Note = z.infer<typeof NoteSchema>;

/** Usage assumptions for the cost estimate, keyed by node id then usage metric. */
export const UsageSchema = z.record(IdSchema, z.record(z.string().max(64), z.number().min(0)));

/** A CloudFormation logical name (parameter, mapping, condition, output). */
const TemplateNameSchema = z.string().regex(/^[A-Za-z0-9]{1,255}$/, 'must be letters and digits');

/**
 * Template sections kept from imported CloudFormation, as written: the CloudFormation and CDK
 * exports print them back, so kept resources' Refs to parameters, FindInMap and Conditions
 * resolve and the stack's outputs (and exports other stacks import) remain.
 */
export const KeptTemplateSchema = z.object({
  parameters: z.record(TemplateNameSchema, PropertyValueSchema).optional(),
  mappings: z.record(TemplateNameSchema, PropertyValueSchema).optional(),
  conditions: z.record(TemplateNameSchema, PropertyValueSchema).optional(),
  outputs: z.record(TemplateNameSchema, PropertyValueSchema).optional(),
});
export type KeptTemplate = z.infer<typeof KeptTemplateSchema>;

export const DesignSchema = z.object({
  schemaVersion: z.literal(DESIGN_SCHEMA_VERSION),
  name: z.string().min(1).max(128),
  description: z.string().max(8192).default(''),
  /** The default region of every environment (an environment may name its own). */
  region: RegionSchema,
  environments: z.array(EnvironmentSchema).min(1).max(10),
  tags: TagsSchema.default({}),
  vpcs: z.array(VpcSchema).max(5).default([]),
  nodes: z.array(NodeSchema).default([]),
  connections: z.array(ConnectionSchema).default([]),
  acceptedRisks: z.array(AcceptedRiskSchema).default([]),
  notes: z.array(NoteSchema).default([]),
  usage: UsageSchema.default({}),
  keptTemplate: KeptTemplateSchema.optional(),
  /** Groups of nodes (imported modules and constructs); absent in designs without any. */
  groups: z.array(GroupSchema).max(500).optional(),
});
export type Design = z.infer<typeof DesignSchema>;
/** What a hand-written or older-but-migrated file may omit: defaults fill the rest. */
export type DesignInput = z.input<typeof DesignSchema>;

export const DEFAULT_ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

/** The region an environment deploys into: its own, else the design's. */
export function environmentRegion(design: Pick<Design, 'region' | 'environments'>, env: string): string {
  return design.environments.find((e) => e.name === env)?.region ?? design.region;
}

/** Every region the design deploys into: the design's first, then environments' own, unique. */
export function designRegions(design: Pick<Design, 'region' | 'environments'>): string[] {
  return [...new Set([design.region, ...design.environments.map((e) => e.region ?? design.region)])];
}
