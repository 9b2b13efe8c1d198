/**
 * Synthetic designs for benchmarks: N nodes built from repeated, realistic cells (a web tier, a
 * serverless API, a queue worker, an event fan-out), with about 0.85 connections per node. Every
 * design starts with the internet users and the VPC's NAT gateway (the private tier's way out);
 * the users reach every load balancer.
 */
import { DESIGN_SCHEMA_VERSION, type Connection, type Design, type DesignNode } from '@archgen/model';

interface CellNode {
  type: string;
  tier?: 'public' | 'private' | 'isolated';
  props?: DesignNode['properties'];
}
interface Cell {
  nodes: CellNode[];
  /** [from index, to index, kind, port?] within the cell. */
  links: [number, number, Connection['kind'], number?][];
}

const CELLS: Cell[] = [
  {
    nodes: [
      {
        type: 'alb',
        tier: 'public',
        props: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/bench' },
      },
      { type: 'ecs-fargate', tier: 'private' },
      { type: 'aurora', tier: 'isolated' },
      { type: 'elasticache', tier: 'isolated' },
    ],
    links: [
      [0, 1, 'traffic', 8080],
      [1, 2, 'traffic', 5432],
      [1, 3, 'traffic', 6379],
    ],
  },
  {
    nodes: [
      { type: 'api-gateway', props: { authorizer: 'iam' } },
      { type: 'lambda' },
      { type: 'dynamodb' },
      { type: 's3' },
    ],
    links: [
      [0, 1, 'invoke'],
      [1, 2, 'read-write'],
      [1, 3, 'read'],
    ],
  },
  {
    nodes: [{ type: 'lambda' }, { type: 'sqs' }, { type: 'lambda' }, { type: 'sns' }],
    links: [
      [0, 1, 'publish'],
      [1, 2, 'event-source'],
      [2, 3, 'publish'],
    ],
  },
  {
    nodes: [
      { type: 'eventbridge-bus' },
      { type: 'eventbridge-rule' },
      { type: 'step-functions' },
      { type: 'lambda' },
    ],
    links: [
      [0, 1, 'route'],
      [1, 2, 'route'],
      [2, 3, 'invoke'],
    ],
  },
];

export function syntheticDesign(nodeCount: number): Design {
  const nodes: DesignNode[] = [];
  const connections: Connection[] = [];
  const shared: DesignNode[] = [
    {
      id: 'users',
      type: 'users',
      name: 'Users',
      properties: {},
      placement: null,
      position: { x: -240, y: 0 },
    },
    {
      id: 'nat',
      type: 'nat-gateway',
      name: 'NAT gateway',
      properties: {},
      placement: { vpcId: 'main', tier: 'public' },
      position: { x: -240, y: 160 },
    },
  ];
  nodes.push(...shared.slice(0, nodeCount));
  let cellIndex = 0;
  while (nodes.length < nodeCount) {
    const cell = CELLS[cellIndex % CELLS.length]!;
    const base = nodes.length;
    const take = Math.min(cell.nodes.length, nodeCount - nodes.length);
    cell.nodes.slice(0, take).forEach((n, i) => {
      const id = `n${base + i}`;
      nodes.push({
        id,
        type: n.type,
        name: `${n.type} ${cellIndex}-${i}`,
        properties: { ...(n.props ?? {}) },
        placement: n.tier ? { vpcId: 'main', tier: n.tier } : null,
        position: { x: (cellIndex % 20) * 220, y: Math.floor(cellIndex / 20) * 400 + i * 90 },
      });
    });
    for (const [from, to, kind, port] of cell.links) {
      if (from >= take || to >= take) continue;
      if (from === 0 && cell.nodes[0]!.type === 'alb' && nodes[0]?.type === 'users')
        connections.push({
          id: `c${connections.length}`,
          from: 'users',
          to: `n${base}`,
          kind: 'traffic',
          port: 443,
        });
      connections.push({
        id: `c${connections.length}`,
        from: `n${base + from}`,
        to: `n${base + to}`,
        kind,
        ...(port ? { port } : {}),
      });
    }
    cellIndex++;
  }
  // Cross-cell links keep the graph connected like a real system (~0.2 extra per node).
  for (let i = 4; i + 5 < nodes.length; i += 5) {
    const from = nodes[i + 1]!;
    const to = nodes.find((n, j) => j > i + 1 && n.type === 'sqs');
    if (from.type === 'lambda' && to)
      connections.push({ id: `c${connections.length}`, from: from.id, to: to.id, kind: 'publish' });
  }
  return {
    schemaVersion: DESIGN_SCHEMA_VERSION,
    name: `Synthetic ${nodeCount}`,
    description: 'Generated for benchmarks.',
    region: 'us-east-1',
    environments: [
      { name: 'dev', overrides: {} },
      { name: 'staging', overrides: {} },
      { name: 'prod', overrides: {} },
    ],
    tags: { Project: 'bench' },
    vpcs: [
      {
        id: 'main',
        name: 'main',
        cidr: '10.0.0.0/16',
        azCount: 2,
        tiers: ['public', 'private', 'isolated'],
        subnetPrefix: 24,
        flowLogs: true,
      },
    ],
    nodes,
    connections,
    acceptedRisks: [],
    notes: [],
    usage: {},
  };
}

/**
 * The synthetic design spread over `vpcCount` VPCs (each with its own NAT gateway in a copy of
 * the main VPC's tiers): whole cells go round-robin to the VPCs, so each VPC holds web tiers and
 * their databases. For layout benchmarks and tests, which need several containers.
 */
export function multiVpcDesign(nodeCount: number, vpcCount: number): Design {
  const base = syntheticDesign(nodeCount);
  const main = base.vpcs[0]!;
  const vpcs = Array.from({ length: vpcCount }, (_, i) =>
    i === 0 ? main : { ...main, id: `vpc${i}`, name: `vpc ${i}`, cidr: `10.${i}.0.0/16` },
  );
  const nodes = base.nodes.map((n) => {
    const cell = /^n(\d+)$/.exec(n.id);
    if (!cell || !n.placement) return n;
    // Only every fourth cell (the web tier) is placed: deal those out in turn.
    const webCell = Math.floor((Number(cell[1]) - 2) / 16);
    const vpc = vpcs[webCell % vpcCount]!;
    return { ...n, placement: { ...n.placement, vpcId: vpc.id } };
  });
  const nats: DesignNode[] = vpcs.slice(1).map((v) => ({
    id: `nat_${v.id}`,
    type: 'nat-gateway',
    name: `NAT gateway ${v.name}`,
    properties: {},
    placement: { vpcId: v.id, tier: 'public' },
  }));
  return { ...base, name: `Synthetic ${nodeCount} in ${vpcCount} VPCs`, vpcs, nodes: [...nodes, ...nats] };
}
