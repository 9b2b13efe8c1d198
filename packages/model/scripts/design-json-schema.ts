/**
 * The JSON Schema of the design file, generated from the zod schema (the only place the shape
 * is written). Editors use it for completion and validation of design files; it describes the
 * input form, so fields with defaults are optional. Semantic rules (unique ids, references,
 * catalog types and property ranges) are checked by parseDesign, not by this schema.
 */
import { z } from 'zod';
import {
  AcceptedRiskSchema,
  ConnectionSchema,
  DESIGN_SCHEMA_VERSION,
  DesignSchema,
  EnvironmentSchema,
  NodeSchema,
  NoteSchema,
  PropertyValueSchema,
  SubnetCidrListSchema,
  SubnetCidrsSchema,
  VpcSchema,
} from '../src/design/schema.ts';

export const DESIGN_JSON_SCHEMA_ID = `urn:archgen:schema:design:v${DESIGN_SCHEMA_VERSION}`;

/** Named definitions ($defs) instead of zod's generated __schemaN names. */
function definitions() {
  const registry = z.registry<{ id: string; description: string }>();
  registry.add(PropertyValueSchema, {
    id: 'PropertyValue',
    description: 'A property value: text, number, boolean, null, a list or a record.',
  });
  registry.add(VpcSchema, {
    id: 'Vpc',
    description: 'A VPC; subnets are planned per tier and AZ from its CIDR.',
  });
  registry.add(SubnetCidrsSchema, {
    id: 'SubnetCidrs',
    description: 'Explicit subnet CIDRs per tier; a tier left out is carved automatically around them.',
  });
  registry.add(SubnetCidrListSchema, {
    id: 'SubnetCidrList',
    description: "One tier's subnet CIDRs, one per AZ in the VPC's AZ order.",
  });
  registry.add(NodeSchema, {
    id: 'Node',
    description: 'A service from the catalog, with its properties and placement.',
  });
  registry.add(ConnectionSchema, { id: 'Connection', description: 'A typed connection between two nodes.' });
  registry.add(EnvironmentSchema, {
    id: 'Environment',
    description: 'An environment with per-node/VPC overrides.',
  });
  registry.add(NoteSchema, { id: 'Note', description: 'A note pinned to a node, connection or VPC.' });
  registry.add(AcceptedRiskSchema, {
    id: 'AcceptedRisk',
    description: 'A finding the team accepts, with the reason.',
  });
  return registry;
}

export function designJsonSchemaText(): string {
  const generated = z.toJSONSchema(DesignSchema, {
    io: 'input',
    target: 'draft-2020-12',
    metadata: definitions(),
  });
  const schema = {
    $schema: generated.$schema,
    $id: DESIGN_JSON_SCHEMA_ID,
    title: 'archgen design document',
    description:
      'A visual AWS architecture design: VPCs, service nodes, typed connections and per-environment overrides. ' +
      'Generated from packages/model/src/design/schema.ts by `npx -y pnpm@10.34.9 --filter @archgen/model gen:schema`; do not edit.',
    ...generated,
  };
  return JSON.stringify(schema, null, 2) + '\n';
}
