/**
 * The baseline for the canvas benchmark: React Flow with default nodes and edges only, the same
 * counts and grid as the synthetic design (?nodes=300&edges=255), uncontrolled (React Flow's own
 * store), no custom node types, no app state.
 */
import { createRoot } from 'react-dom/client';
// React Flow is a dependency of the app package only; import the app's copy so both pages run the
// same version (and tsc, which resolves from bench/, finds its types).
import { ReactFlow, type Edge, type Node } from '../../../app/node_modules/@xyflow/react';
import '../../../app/node_modules/@xyflow/react/dist/style.css';

const params = new URLSearchParams(location.search);
const nodeCount = Number(params.get('nodes') ?? 300);
const edgeCount = Number(params.get('edges') ?? 0);

// Cells of four stacked nodes, 20 cells per row, like bench/synthetic.ts lays them out.
const nodes: Node[] = Array.from({ length: nodeCount }, (_, i) => {
  const cell = Math.floor(i / 4);
  return {
    id: `n${i}`,
    position: { x: (cell % 20) * 220, y: Math.floor(cell / 20) * 400 + (i % 4) * 90 },
    data: { label: `Node ${i}` },
  };
});
// Chains inside each cell first, then links between neighbouring cells, up to edgeCount.
const edges: Edge[] = [];
for (let i = 0; i + 1 < nodeCount && edges.length < edgeCount; i++)
  if (i % 4 !== 3) edges.push({ id: `e${edges.length}`, source: `n${i}`, target: `n${i + 1}` });
for (let i = 3; i + 1 < nodeCount && edges.length < edgeCount; i += 4)
  edges.push({ id: `e${edges.length}`, source: `n${i}`, target: `n${i + 1}` });

createRoot(document.getElementById('root')!).render(
  <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView minZoom={0.15} maxZoom={2} />,
);
