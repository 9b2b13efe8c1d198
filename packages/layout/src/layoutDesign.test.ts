import { describe, expect, it } from 'vitest';
import { design, type Design } from '@archgen/model';
import { verificationDesigns } from '../../../test-support/designs.ts';
import { seededRandom } from '../../../test-support/random.ts';
import { denseDesign } from '../../../bench/dense.ts';
import { multiVpcDesign, syntheticDesign } from '../../../bench/synthetic.ts';
import { NODE_WIDTH, computeLayout, nodeRect } from './geometry.ts';
import { layoutDesign, layoutDesignSync, needsLayout } from './layoutDesign.ts';
import { pictureProblems } from './picture.ts';

function stripPositions(design: Design): Design {
  return {
    ...design,
    vpcs: design.vpcs.map(({ position: _p, ...v }) => v),
    nodes: design.nodes.map(({ position: _p, ...n }) => n),
  };
}

const positionsById = (design: Design) =>
  Object.fromEntries(
    [
      ...design.nodes.map((n) => [n.id, n.position]),
      ...design.vpcs.map((v) => [`vpc:${v.id}`, v.position]),
    ].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
  );

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same design with every array shuffled and every node's keys in reverse order. */
function scrambled(design: Design, seed: number): Design {
  const random = seededRandom(seed);
  const reverseKeys = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
  return {
    ...design,
    vpcs: shuffled(design.vpcs, random).map(reverseKeys),
    nodes: shuffled(design.nodes, random).map((n) =>
      reverseKeys({ ...n, properties: reverseKeys(n.properties) }),
    ),
    connections: shuffled(design.connections, random).map(reverseKeys),
  };
}

const designs = verificationDesigns();

describe('layoutDesign from scratch', () => {
  it.each(designs.map((d) => [d.name, d.design] as const))(
    '%s: every node in its band, none overlapping, regional ones outside every VPC',
    async (_name, design) => {
      const laid = await layoutDesign(stripPositions(design));
      expect(laid.nodes.every((n) => n.position)).toBe(true);
      expect(pictureProblems(laid)).toEqual([]);
    },
  );

  it.each(designs.map((d) => [d.name, d.design] as const))(
    '%s: the same picture every time, whatever the order of arrays and keys',
    (_name, design) => {
      const input = stripPositions(design);
      const first = positionsById(layoutDesignSync(input));
      expect(positionsById(layoutDesignSync(input))).toEqual(first);
      const reversed = {
        ...input,
        vpcs: [...input.vpcs].reverse(),
        nodes: [...input.nodes].reverse(),
        connections: [...input.connections].reverse(),
      };
      expect(positionsById(layoutDesignSync(reversed))).toEqual(first);
      for (const seed of [1, 2, 3])
        expect(positionsById(layoutDesignSync(scrambled(input, seed)))).toEqual(first);
    },
  );

  it('ignores positions already stored (the picture depends on the graph only)', () => {
    const design = designs.find((d) => d.name === 'three-tier-web-app')!.design;
    expect(positionsById(layoutDesignSync(design))).toEqual(
      positionsById(layoutDesignSync(stripPositions(design))),
    );
  });

  it('draws the three-tier web app as a person would: users left, ALB over service over database, the rest right', () => {
    const laid = layoutDesignSync(
      stripPositions(designs.find((d) => d.name === 'three-tier-web-app')!.design),
    );
    const at = new Map(laid.nodes.map((n) => [n.id, n.position!]));
    const drawn = computeLayout(laid);
    const vpc = drawn.vpcById.get('main')!;
    // Connected across tiers: one column, read top to bottom.
    expect(at.get('alb')!.x).toBe(at.get('web')!.x);
    expect(at.get('alb')!.y).toBeLessThan(at.get('web')!.y);
    // The entry point in line with what it reaches, left of the VPC; what the service uses, right.
    expect(at.get('users')!.x + NODE_WIDTH).toBeLessThan(vpc.x);
    expect(at.get('users')!.y).toBe(at.get('alb')!.y);
    for (const id of ['apiKey', 'logs', 'alerts']) expect(at.get(id)!.x).toBeGreaterThan(vpc.x + vpc.width);
  });

  it('lays out a design without VPCs left to right along its connections', () => {
    const laid = layoutDesignSync(stripPositions(designs.find((d) => d.name === 'serverless-api')!.design));
    const at = new Map(laid.nodes.map((n) => [n.id, n.position!]));
    for (const c of laid.connections) {
      if (c.from === c.to) continue;
      // Along an edge x never decreases, except on an edge that closes a cycle (none here).
      expect(at.get(c.to)!.x, `${c.from} -> ${c.to}`).toBeGreaterThan(at.get(c.from)!.x);
    }
  });

  it.each([
    ['dense 300 (the bench design)', () => denseDesign(300)],
    ['synthetic 1,000 in one VPC', () => syntheticDesign(1000)],
    ['synthetic 1,000 in 4 VPCs', () => multiVpcDesign(1000, 4)],
  ])('%s: no overlap, every node in its band, quickly', (_name, make) => {
    const design = stripPositions(make());
    const started = performance.now();
    const laid = layoutDesignSync(design);
    const millis = performance.now() - started;
    expect(pictureProblems(laid)).toEqual([]);
    // A loose bound (a busy 2-core machine): the bench reports the real figure.
    expect(millis).toBeLessThan(2000);
  });

  it.each([
    ['dense 300', () => denseDesign(300)],
    ['synthetic 1,000', () => syntheticDesign(1000)],
    ['synthetic 1,000 in 4 VPCs', () => multiVpcDesign(1000, 4)],
  ])(
    '%s: crowded bands wrap into rows, long columns into several: a picture about as wide as a screen',
    (_name, make) => {
      const laid = layoutDesignSync(stripPositions(make()));
      const drawn = computeLayout(laid);
      for (const vpc of drawn.vpcs) {
        const ys = laid.nodes.filter((n) => n.placement?.vpcId === vpc.id).map((n) => n.position!.y);
        expect(new Set(ys).size, `rows in ${vpc.id}`).toBeGreaterThan(3);
      }
      const rects = [...laid.nodes.map((n) => nodeRect(n.position!)), ...drawn.vpcs];
      const width = Math.max(...rects.map((r) => r.x + r.width)) - Math.min(...rects.map((r) => r.x));
      const height = Math.max(...rects.map((r) => r.y + r.height)) - Math.min(...rects.map((r) => r.y));
      // Neither a strip (one row per band, one column per layer) nor a tower.
      expect(width / height).toBeGreaterThan(1);
      expect(width / height).toBeLessThan(3);
    },
  );
});

describe('layoutDesign with keepExisting', () => {
  it.each(designs.filter((d) => d.design.nodes.length > 1).map((d) => [d.name, d.design] as const))(
    '%s: positioned nodes stay exactly, the others are placed on no node and in their band',
    async (_name, original) => {
      // Start from a settled picture (what the canvas shows), then forget every other position.
      const settled = layoutDesignSync(stripPositions(original));
      const ids = settled.nodes.map((n) => n.id).sort();
      const forget = new Set(ids.filter((_, i) => i % 2 === 1));
      const partial = {
        ...settled,
        nodes: settled.nodes.map((n) => (forget.has(n.id) ? { ...n, position: undefined } : n)),
      };
      const laid = await layoutDesign(partial, { keepExisting: true });
      for (const n of settled.nodes)
        if (!forget.has(n.id))
          expect(laid.nodes.find((m) => m.id === n.id)!.position, n.id).toEqual(n.position);
      expect(laid.vpcs.map((v) => v.position)).toEqual(settled.vpcs.map((v) => v.position));
      expect(laid.nodes.every((n) => n.position)).toBe(true);
      expect(pictureProblems(laid)).toEqual([]);
      // And independent of order.
      expect(positionsById(await layoutDesign(scrambled(partial, 7), { keepExisting: true }))).toEqual(
        positionsById(laid),
      );
    },
  );

  it.each(designs.filter((d) => d.design.nodes.length > 1).map((d) => [d.name, d.design] as const))(
    "%s: the file's own hand-made positions stay where the canvas draws them when a third are missing",
    (_name, original) => {
      const ids = original.nodes.map((n) => n.id).sort();
      const forget = new Set(ids.filter((_, i) => i % 3 === 1));
      const partial = {
        ...original,
        nodes: original.nodes.map((n) => (forget.has(n.id) ? { ...n, position: undefined } : n)),
      };
      const laid = layoutDesignSync(partial, { keepExisting: true });
      for (const n of original.nodes)
        if (!forget.has(n.id))
          expect(laid.nodes.find((m) => m.id === n.id)!.position, n.id).toEqual(n.position);
      // Drawn exactly there too: no band had to grow under a kept service.
      expect(pictureProblems(laid)).toEqual([]);
    },
  );

  it('keeps a hand-made layout as it is when everything has a position', async () => {
    const design = designs.find((d) => d.name === 'three-tier-web-app')!.design;
    expect(needsLayout(design)).toBe(false);
    expect(await layoutDesign(design, { keepExisting: true })).toEqual(design);
  });

  it('places a new VPC and its services below what is kept, and new regional services outside every VPC', () => {
    const design = multiVpcDesign(40, 2);
    const settled = layoutDesignSync(stripPositions(design));
    const partial: Design = {
      ...settled,
      vpcs: settled.vpcs.map((v) => (v.id === 'vpc1' ? { ...v, position: undefined } : v)),
      nodes: settled.nodes.map((n) =>
        n.placement?.vpcId === 'vpc1' || n.type === 'sqs' ? { ...n, position: undefined } : n,
      ),
    };
    expect(needsLayout(partial)).toBe(true);
    const laid = layoutDesignSync(partial, { keepExisting: true });
    for (const n of partial.nodes)
      if (n.position) expect(laid.nodes.find((m) => m.id === n.id)!.position).toEqual(n.position);
    const drawn = computeLayout(laid);
    const main = drawn.vpcById.get('main')!;
    const vpc1 = drawn.vpcById.get('vpc1')!;
    expect(vpc1.y).toBeGreaterThan(main.y + main.height);
    expect(pictureProblems(laid)).toEqual([]);
    // The new VPC's services arranged as a fresh layout arranges them (bands with rows, not one strip).
    const freshVpc = settled.vpcs.find((v) => v.id === 'vpc1')!.position!;
    for (const n of settled.nodes.filter((m) => m.placement?.vpcId === 'vpc1')) {
      const at = laid.nodes.find((m) => m.id === n.id)!.position!;
      expect({ x: at.x - vpc1.x, y: at.y - vpc1.y }, n.id).toEqual({
        x: n.position!.x - freshVpc.x,
        y: n.position!.y - freshVpc.y,
      });
    }
  });

  it.each(designs.map((d) => [d.name, d.design] as const))(
    '%s: with nothing positioned, keepExisting is the fresh layout',
    (_name, design) => {
      const input = stripPositions(design);
      expect(positionsById(layoutDesignSync(input, { keepExisting: true }))).toEqual(
        positionsById(layoutDesignSync(input)),
      );
    },
  );

  it('a VPC without a position whose services all lack one is laid out whole, as from scratch', () => {
    const settled = layoutDesignSync(stripPositions(syntheticDesign(300)));
    // The file keeps only its regional services' positions (say, a tool that knows no VPCs).
    const partial: Design = {
      ...settled,
      vpcs: settled.vpcs.map(({ position: _p, ...v }) => v),
      nodes: settled.nodes.map((n) => (n.placement ? { ...n, position: undefined } : n)),
    };
    const laid = layoutDesignSync(partial, { keepExisting: true });
    expect(pictureProblems(laid)).toEqual([]);
    const drawn = computeLayout(laid).vpcs[0]!;
    const fresh = computeLayout(settled).vpcs[0]!;
    expect([drawn.width, drawn.height]).toEqual([fresh.width, fresh.height]);
  });
});

describe('layoutDesign: groups', () => {
  /** Node ids of each row of a band (or of a regional column), left to right (top to bottom). */
  const readingOrder = (laid: Design, ids: readonly string[]) =>
    laid.nodes
      .filter((n) => ids.includes(n.id))
      .sort((a, b) => a.position!.y - b.position!.y || a.position!.x - b.position!.x)
      .map((n) => n.id);

  /** Whether the members come one after another in `order` (nothing else between them). */
  const consecutive = (order: readonly string[], members: readonly string[]) => {
    const at = order.map((id, i) => (members.includes(id) ? i : -1)).filter((i) => i >= 0);
    return at.length === members.length && at[at.length - 1]! - at[0]! === members.length - 1;
  };

  // Six unconnected services in one band and six regional queues: by id they would interleave.
  const grouped = (): Design => {
    const builder = design('Grouped').vpc();
    for (const n of [1, 2, 3, 4, 5, 6]) builder.node('ecs-fargate', { id: `svc${n}`, tier: 'private' });
    for (const n of [1, 2, 3, 4, 5, 6]) builder.node('sqs', { id: `queue${n}` });
    for (const n of [1, 2, 3, 4, 5, 6]) builder.connect(`svc${n}`, `queue${n}`, 'write');
    return builder
      .group('module-a', 'module.a', ['svc1', 'svc3', 'svc5'], { kind: 'terraform-module' })
      .group('module-b', 'module.b', ['queue2', 'queue4', 'queue6'], { kind: 'terraform-module' })
      .build();
  };
  const services = ['svc1', 'svc2', 'svc3', 'svc4', 'svc5', 'svc6'];
  const queues = ['queue1', 'queue2', 'queue3', 'queue4', 'queue5', 'queue6'];

  it('draws the members of a group next to each other in their band and column, invariants kept', () => {
    const input = stripPositions(grouped());
    const ungrouped = layoutDesignSync({ ...input, nodes: input.nodes.map(({ group: _g, ...n }) => n) });
    // Without the groups the members are apart (so the test can fail).
    expect(consecutive(readingOrder(ungrouped, services), ['svc1', 'svc3', 'svc5'])).toBe(false);
    const laid = layoutDesignSync(input);
    expect(pictureProblems(laid)).toEqual([]);
    expect(consecutive(readingOrder(laid, services), ['svc1', 'svc3', 'svc5'])).toBe(true);
    expect(consecutive(readingOrder(laid, queues), ['queue2', 'queue4', 'queue6'])).toBe(true);
    // Same band, same rows: the group takes the band's own slots, so the VPC keeps its size.
    const slots = (d: Design) =>
      d.nodes
        .map((n) => `${n.position!.x},${n.position!.y}`)
        .sort()
        .join(' ');
    expect(slots(laid)).toBe(slots(ungrouped));
  });

  it('is deterministic whatever the order of arrays and keys', () => {
    const input = stripPositions(grouped());
    const first = positionsById(layoutDesignSync(input));
    for (const seed of [1, 2, 3])
      expect(positionsById(layoutDesignSync(scrambled(input, seed)))).toEqual(first);
  });
});
