/**
 * Section 1d: automatic layout (`layoutDesign` from @archgen/layout) from scratch, positions
 * stripped: the dense 300-node design (one VPC, every service type) and 1,000 synthetic nodes in
 * one VPC and in four. In-process, warm JIT, medians.
 */
import type { Design } from '@archgen/model';
import { layoutDesignSync } from '@archgen/layout';
import { round, time } from './stats.ts';
import { denseDesign } from './dense.ts';
import { multiVpcDesign, syntheticDesign } from './synthetic.ts';
import { printTable } from './table.ts';

export interface LayoutRow {
  design: string;
  nodes: number;
  connections: number;
  vpcs: number;
  medianMs: number;
  p95Ms: number;
  cpuMedianMs: number;
  runs: number;
}

const unplaced = (design: Design): Design => ({
  ...design,
  vpcs: design.vpcs.map(({ position: _p, ...v }) => v),
  nodes: design.nodes.map(({ position: _p, ...n }) => n),
});

export function benchLayout(): LayoutRow[] {
  const designs: [string, Design][] = [
    ['dense 300', denseDesign(300)],
    ['synthetic 1,000', syntheticDesign(1000)],
    ['synthetic 1,000 in 4 VPCs', multiVpcDesign(1000, 4)],
  ];
  const rows = designs.map(([name, design]): LayoutRow => {
    const input = unplaced(design);
    const timing = time(() => layoutDesignSync(input), {
      warmupRuns: 3,
      minRuns: 10,
      maxRuns: 100,
      budgetMs: 1500,
    });
    return {
      design: name,
      nodes: design.nodes.length,
      connections: design.connections.length,
      vpcs: design.vpcs.length,
      medianMs: round(timing.medianMs),
      p95Ms: round(timing.p95Ms),
      cpuMedianMs: round(timing.cpuMedianMs),
      runs: timing.runs,
    };
  });
  printTable(
    '1d. Automatic layout from scratch (layoutDesign, positions stripped; ms)',
    ['design', 'nodes', 'conns', 'VPCs', 'median', 'p95', '(CPU)', 'runs'],
    rows.map((r) => [r.design, r.nodes, r.connections, r.vpcs, r.medianMs, r.p95Ms, r.cpuMedianMs, r.runs]),
  );
  return rows;
}
