/**
 * A dense design like the ones architecture reviews bring: copies of the every-connection fixture
 * (every service type, every connection kind), thinned to about 1.3 connections per node, with the
 * every-service fixture's per-environment overrides applied to every node of the same type (three
 * environments that really differ). Node-only: it reads the fixtures.
 */
import { readFileSync } from 'node:fs';
import { parseDesign, type Connection, type Design, type DesignNode, type Properties } from '@archgen/model';

const FIXTURES = new URL('../fixtures/adversarial/', import.meta.url);
export const DENSE_CONNECTIONS_PER_NODE = 1.3;

function loadFixture(name: string): Design {
  const result = parseDesign(readFileSync(new URL(name, FIXTURES), 'utf8'));
  if (!result.ok)
    throw new Error(`${name}: ${result.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return result.design;
}

export function denseDesign(nodeCount: number): Design {
  const base = loadFixture('every-connection.json');
  const withOverrides = loadFixture('every-service.json');
  const typeOf = new Map(withOverrides.nodes.map((n) => [n.id, n.type]));

  const nodes: DesignNode[] = [];
  const connections: Connection[] = [];
  const wanted = Math.round(nodeCount * DENSE_CONNECTIONS_PER_NODE);
  for (let copy = 0; nodes.length < nodeCount; copy++) {
    const idOf = (id: string) => `${id}_${copy}`;
    const taken = new Set<string>();
    for (const node of base.nodes.slice(0, nodeCount - nodes.length)) {
      taken.add(node.id);
      nodes.push({
        ...node,
        id: idOf(node.id),
        name: `${node.name} ${copy + 1}`,
        properties: { ...node.properties },
        position: {
          x: (node.position?.x ?? 0) + (copy % 4) * 2400,
          y: (node.position?.y ?? 0) + Math.floor(copy / 4) * 1600,
        },
      });
    }
    // Keep an even spread of the fixture's connections (every kind shows up in each copy).
    // A whole copy brings all its nodes: it takes its share of the wanted connections.
    const perCopy = (wanted * base.nodes.length) / nodeCount;
    base.connections.forEach((connection, i) => {
      if (!taken.has(connection.from) || !taken.has(connection.to)) return;
      if (
        Math.floor(((i + 1) * perCopy) / base.connections.length) ===
        Math.floor((i * perCopy) / base.connections.length)
      )
        return;
      connections.push({
        ...connection,
        id: idOf(connection.id),
        from: idOf(connection.from),
        to: idOf(connection.to),
      });
    });
  }

  // Every node of a type gets the overrides every-service gives its node of that type.
  const environments = withOverrides.environments.map((env) => {
    const byType = new Map<string, Properties>();
    for (const [id, values] of Object.entries(env.overrides)) {
      const type = typeOf.get(id);
      if (type) byType.set(type, values);
    }
    const overrides: Record<string, Properties> = {};
    for (const node of nodes) {
      const values = byType.get(node.type);
      if (values) overrides[node.id] = { ...values };
    }
    return { ...env, overrides };
  });

  return {
    ...base,
    name: `Dense ${nodeCount}`,
    description:
      'Generated for benchmarks: every service type, about 1.3 connections per node, three environments with overrides.',
    environments,
    nodes,
    connections,
    acceptedRisks: [],
    notes: [],
  };
}
