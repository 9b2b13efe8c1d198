import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStoreApi,
  type Connection as FlowConnection,
  type EdgeChange,
  type NodeChange,
  type NodePositionChange,
  type OnConnectEnd,
  type OnNodeDrag,
} from '@xyflow/react';
import type { ConnectionKind, Design, Placement } from '@archgen/model';
import { useApp, useAppStore } from '../store/context.tsx';
import { addServiceAt, connect, moveNodes, moveVpc, planConnection } from '../commands/designCommands.ts';
import type { CanvasApi } from '../commands/types.ts';
import {
  computeLayout,
  nextVpcOrigin,
  nodeCenter,
  placementAt,
  settlePositions,
  NODE_HEIGHT,
  NODE_WIDTH,
  type CanvasLayout,
  type XY,
} from '@archgen/layout';
import type { NodeMove } from '../store/designOps.ts';
import { deriveEdges, deriveNodes, revealedPart, reuseUnchanged, routeEdges } from './deriveFlow.ts';
import {
  PALETTE_MIME,
  tierFlowId,
  vpcIdOfFlowId,
  type ConnectionFlowEdge,
  type FlowNode,
} from './flowTypes.ts';
import { ServiceNode, prepareServiceFonts } from './ServiceNode.tsx';
import { GroupFrameNode } from './GroupFrameNode.tsx';
import { VpcNode } from './VpcNode.tsx';
import { TierNode } from './TierNode.tsx';
import { ConnectionEdge } from './ConnectionEdge.tsx';
import { ConnectMenu } from './ConnectMenu.tsx';
import { ContextMenu } from './ContextMenu.tsx';
import { CheckedDesignProvider } from './checkedDesign.tsx';
import { nudgeAcrossBands } from './nudge.ts';
import { ConnectToDialog } from './ConnectToDialog.tsx';
import { ConfirmDialog } from '../panels/ConfirmDialog.tsx';
import { layoutInWorker } from '../workers/layoutClient.ts';
import { afterNextPaint } from '../afterPaint.ts';

const nodeTypes = { service: ServiceNode, vpc: VpcNode, tier: TierNode, groupFrame: GroupFrameNode };
const edgeTypes = { connection: ConnectionEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
const fitViewOptions = { padding: 0.05, maxZoom: 1.1 };
/** Above this many services only what is in view is drawn (painting hundreds of nodes is the cost). */
const LARGE_DESIGN_NODES = 150;
/**
 * Services handed to React Flow per frame after a design is opened or imported. Mounting a whole
 * imported system in one task (each service with its handles, text measuring, layout and paint)
 * kept the page busy past the 50 ms of a long task; a batch a frame keeps each task short (two
 * services: ~8 ms of CPU on the 2-core machine, where four took ~15).
 */
const REVEAL_BATCH = 2;
/** A large design is drawn in about this many frames at most (React Flow then mounts only what is in view). */
const REVEAL_MAX_FRAMES = 30;
const DROP_TARGET_CLASS = 'is-drop-target';
// Props of <ReactFlow> and <MiniMap> that never change, created once: a new function or object on
// every render would be copied into React Flow's store and re-run every node's and edge's selectors.
const isValidConnection = (c: FlowConnection | ConnectionFlowEdge) => c.source !== c.target;
const proOptions = { hideAttribution: true };
const miniMapStyle = { width: 168, height: 112 };
const miniMapNodeClassName = (n: FlowNode) => `minimap-node minimap-node--${n.type ?? 'service'}`;

/** `nodes` with the drop highlight on the tier band `bandId` only; untouched nodes keep their identity. */
function markDropBand(nodes: FlowNode[], bandId: string | null): FlowNode[] {
  return nodes.map((n) => {
    const marked = n.className === DROP_TARGET_CLASS;
    if (marked === (n.id === bandId)) return n;
    const { className: _unmarked, ...rest } = n;
    return marked ? (rest as FlowNode) : { ...n, className: DROP_TARGET_CLASS };
  });
}

/** Gives a node's element focus back (a closed menu must not leave focus on the page body). */
function focusNode(id: string): void {
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus();
}

/** Where a moved service lands: its absolute position and the tier band under its centre. */
function serviceMove(node: FlowNode, layout: CanvasLayout): NodeMove {
  const parent = node.parentId ? layout.vpcById.get(vpcIdOfFlowId(node.parentId) ?? '') : undefined;
  const absolute = parent ? { x: node.position.x + parent.x, y: node.position.y + parent.y } : node.position;
  return { id: node.id, position: absolute, placement: placementAt(layout, nodeCenter(absolute)) };
}

interface PendingConnection {
  from: string;
  to: string;
  kinds: ConnectionKind[];
  at: XY;
}

/**
 * The controlled canvas: nodes and edges are derived from the design (memoized); React Flow's
 * change events become design commands. Only a drag in progress lives here, as an overlay.
 */
export function Canvas({ onReady }: { onReady(api: CanvasApi | null): void }) {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const selection = useApp((s) => s.selection);
  const theme = useApp((s) => s.theme);
  const showMiniMap = useApp((s) => s.showMiniMap);
  const focusRequest = useApp((s) => s.focusRequest);
  const loadCount = useApp((s) => s.loadCount);
  const readOnly = useApp((s) => s.readOnly);
  const flow = useReactFlow<FlowNode, ConnectionFlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);

  const layout = useMemo(() => computeLayout(design), [design]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const previousNodes = useRef<FlowNode[]>([]);
  const baseNodes = useMemo(() => {
    const next = reuseUnchanged(previousNodes.current, deriveNodes(design, layout, selection));
    previousNodes.current = next;
    return next;
  }, [design, layout, selection]);
  const edgeRoutes = useMemo(() => routeEdges(design, layout), [design, layout]);
  const previousEdges = useRef<ConnectionFlowEdge[]>([]);
  const edges = useMemo(() => {
    const next = reuseUnchanged(previousEdges.current, deriveEdges(design, layout, selection, edgeRoutes));
    previousEdges.current = next;
    return next;
  }, [design, layout, selection, edgeRoutes]);

  // After a load the services are drawn a batch per frame (containers and connections between
  // drawn services come along); `limit` is Infinity once everything is drawn, so later edits
  // (a service added) are drawn at once. Reset while rendering, as React's derived-state pattern.
  const [reveal, setReveal] = useState({ loadCount, limit: Infinity });
  let revealLimit = reveal.limit;
  if (reveal.loadCount !== loadCount) {
    // The load's own task (the previous design taken down, the new one's containers) draws no
    // service yet.
    revealLimit = 0;
    setReveal({ loadCount, limit: revealLimit });
  }
  const revealing = revealLimit < design.nodes.length;
  useEffect(() => {
    if (!revealing) return;
    const count = design.nodes.length;
    const batch = Math.max(REVEAL_BATCH, Math.ceil(count / REVEAL_MAX_FRAMES));
    return afterNextPaint(() =>
      setReveal((r) => ({ ...r, limit: r.limit + batch >= count ? Infinity : r.limit + batch })),
    );
  }, [revealing, revealLimit, design.nodes.length]);
  // Callers waiting for a loaded design to be drawn and fitted into view (the import report opens
  // after it). `settling` is true from a load until its fit into view has ended.
  const drawnWaiters = useRef<Array<() => void>>([]);
  const settling = useRef(false);
  if (reveal.loadCount !== loadCount) settling.current = true;
  const settled = useCallback(() => {
    settling.current = false;
    for (const resolve of drawnWaiters.current.splice(0)) resolve();
  }, []);
  // Nobody waits for a canvas that is gone.
  useEffect(() => settled, [settled]);
  const drawn = useMemo(
    () => revealedPart(baseNodes, edges, revealing ? revealLimit : Infinity),
    [baseNodes, edges, revealing, revealLimit],
  );

  // A node drag lives in React Flow's own store until the drop, as in an uncontrolled React Flow:
  // each frame re-renders only the moved nodes and their edges, never this component.
  const flowStore = useStoreApi<FlowNode, ConnectionFlowEdge>();
  const dragActive = useRef(false);
  const dragBand = useRef<string | null>(null);
  const baseNodesRef = useRef(baseNodes);
  baseNodesRef.current = baseNodes;
  // The tier band a palette item would land in, highlighted while it is dragged over the canvas.
  const [dropBand, setDropBand] = useState<string | null>(null);
  const nodes = useMemo(
    () => (dropBand ? markDropBand(drawn.nodes, dropBand) : drawn.nodes),
    [drawn.nodes, dropBand],
  );
  const showDropBand = useCallback((placement: Placement | null) => {
    const id = placement ? tierFlowId(placement.vpcId, placement.tier) : null;
    setDropBand((current) => (current === id ? current : id));
  }, []);
  // Counts drops, so the effect below runs after each one.
  const [drops, setDrops] = useState(0);
  useEffect(() => {
    // React Flow adopts a changed `nodes` prop by itself; a drop that left the drawn nodes as they
    // were (nothing committed) must take the dragged positions out of its store here.
    const flowState = flowStore.getState();
    if (flowState.nodes !== nodes) flowState.setNodes(nodes);
  }, [flowStore, nodes, drops]);

  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(prepareServiceFonts, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);

  useEffect(() => {
    // A palette drag that ends anywhere (dropped elsewhere, cancelled) clears the highlight.
    const clear = () => setDropBand(null);
    document.addEventListener('dragend', clear);
    return () => document.removeEventListener('dragend', clear);
  }, []);

  const [pending, setPending] = useState<PendingConnection | null>(null);
  // `invoker` gets focus back when the menu closes (the node Shift+F10 was pressed on).
  const [menu, setMenu] = useState<{ x: number; y: number; invoker: HTMLElement | null } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const dragged: NodePositionChange[] = [];
      const keyboardMoves: NodeMove[] = [];
      let selectionChanged = false;
      const state = store.getState();
      const nodeIds = new Set(state.selection.nodeIds);
      const vpcIds = new Set(state.selection.vpcIds);
      for (const change of changes) {
        if (change.type === 'position' && change.dragging && change.position) {
          dragged.push(change);
        } else if (change.type === 'position' && change.position && !dragActive.current) {
          // Arrow keys on a focused node: a move without a drag.
          const node = baseNodesRef.current.find((n) => n.id === change.id);
          if (node?.type === 'service') {
            const move = serviceMove({ ...node, position: change.position }, layoutRef.current);
            const from = layoutRef.current.nodePositions.get(node.id);
            const placement = state.design.nodes.find((n) => n.id === node.id)?.placement;
            const across = from && nudgeAcrossBands(layoutRef.current, placement, from, move.position);
            keyboardMoves.push(across ? { id: node.id, ...across } : move);
          }
        } else if (change.type === 'select') {
          selectionChanged = true;
          const vpcId = vpcIdOfFlowId(change.id);
          const set = vpcId ? vpcIds : nodeIds;
          const id = vpcId ?? change.id;
          if (change.selected) set.add(id);
          else set.delete(id);
        }
      }
      if (dragged.length) {
        dragActive.current = true;
        const flowState = flowStore.getState();
        let next = applyNodeChanges(dragged, flowState.nodes);
        const lead = next.find((n) => n.id === dragged[0]!.id);
        const placement =
          lead?.type === 'service' ? serviceMove(lead, layoutRef.current).placement : undefined;
        const band = placement ? tierFlowId(placement.vpcId, placement.tier) : null;
        if (band !== dragBand.current) {
          dragBand.current = band;
          next = markDropBand(next, band);
        }
        flowState.setNodes(next);
      }
      if (keyboardMoves.length)
        moveNodes(store, keyboardMoves, `nudge:${keyboardMoves.map((m) => m.id).join()}`);
      if (selectionChanged)
        state.select({
          nodeIds: [...nodeIds],
          vpcIds: [...vpcIds],
          connectionIds: state.selection.connectionIds,
        });
    },
    [store, flowStore],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionFlowEdge>[]) => {
      const state = store.getState();
      const ids = new Set(state.selection.connectionIds);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        changed = true;
        if (change.selected) ids.add(change.id);
        else ids.delete(change.id);
      }
      if (changed) state.select({ ...state.selection, connectionIds: [...ids] });
    },
    [store],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_event, _node, dragged) => {
      const current = layoutRef.current;
      const moves = [];
      for (const n of dragged) {
        if (n.type === 'vpc') {
          const box = current.vpcById.get(n.data.vpcId);
          if (box) moveVpc(store, n.data.vpcId, { x: box.x, y: box.y }, n.position, current.nodePositions);
          continue;
        }
        if (n.type === 'service') moves.push(serviceMove(n, current));
      }
      moveNodes(store, moves);
      dragActive.current = false;
      dragBand.current = null;
      setDrops((n) => n + 1);
    },
    [store],
  );

  const onConnect = useCallback(
    (params: FlowConnection) => {
      const { design: current, toast } = store.getState();
      const plan = planConnection(current, params.source, params.target);
      if (plan.outcome === 'refuse') toast('error', plan.reason);
      else if (plan.outcome === 'connect') connect(store, params.source, params.target, plan.kind);
      else {
        const target = flow.getInternalNode(params.target);
        const box = wrapper.current?.getBoundingClientRect();
        const anchor = target
          ? flow.flowToScreenPosition({
              x: target.internals.positionAbsolute.x,
              y: target.internals.positionAbsolute.y + NODE_HEIGHT + 6,
            })
          : { x: (box?.left ?? 0) + 200, y: (box?.top ?? 0) + 200 };
        setPending({
          from: params.source,
          to: params.target,
          kinds: plan.kinds,
          at: { x: anchor.x - (box?.left ?? 0), y: anchor.y - (box?.top ?? 0) },
        });
      }
    },
    [store, flow],
  );

  // A drag let go on a node's body rather than its handle still connects to that node.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const under = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest<HTMLElement>('.react-flow__node-service');
      const other = under?.dataset.id;
      if (!other || other === state.fromNode.id) return;
      const fromSource = state.fromHandle.type === 'source';
      onConnect({
        source: fromSource ? state.fromNode.id : other,
        target: fromSource ? other : state.fromNode.id,
        sourceHandle: null,
        targetHandle: null,
      });
    },
    [onConnect],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      showDropBand(
        placementAt(layoutRef.current, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })),
      );
    },
    [flow, showDropBand],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      setDropBand(null);
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      event.stopPropagation();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const topLeft = { x: point.x - NODE_WIDTH / 2, y: point.y - NODE_HEIGHT / 2 };
      addServiceAt(store, type, topLeft, placementAt(layoutRef.current, point));
    },
    [flow, store],
  );

  const fitView = useCallback(() => void flow.fitView({ ...fitViewOptions, duration: 250 }), [flow]);

  useEffect(() => {
    const api: CanvasApi = {
      fitView,
      viewportCenter: () => {
        const box = wrapper.current?.getBoundingClientRect();
        if (!box) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      },
      autoLayout: async () => {
        const { design: current } = store.getState();
        let laid: Design;
        try {
          laid = await layoutInWorker(current);
        } catch (error) {
          store
            .getState()
            .toast('error', `Auto layout failed: ${error instanceof Error ? error.message : error}`);
          return;
        }
        // The design may have changed while the worker ran: lay out only what it was asked about.
        if (store.getState().design !== current) return;
        // Settled anyway: the canvas draws what the file says (a no-op for a fresh layout).
        store.getState().commit(settlePositions(laid), 'Auto layout');
        requestAnimationFrame(() => fitView());
      },
      drawnPositions: () => layoutRef.current.nodePositions,
      nextVpcOrigin: () => nextVpcOrigin(layoutRef.current),
      whenDrawn: () =>
        settling.current
          ? new Promise<void>((resolve) => drawnWaiters.current.push(resolve))
          : Promise.resolve(),
    };
    onReady(api);
    return () => onReady(null);
  }, [flow, fitView, onReady, store]);

  // A newly opened design (or template) is fitted into view once all of it has been drawn.
  useEffect(() => {
    if (loadCount === 0 || revealing) return;
    let current = true;
    // Give React Flow a moment to adopt the new nodes before measuring the bounds.
    const timer = setTimeout(
      () =>
        void flow.fitView({ ...fitViewOptions, duration: 250 }).then(() => {
          if (current) settled();
        }),
      80,
    );
    // Waiters are never left hanging on a fit that did not end (a hidden tab runs no animation).
    const fallback = setTimeout(settled, 1500);
    return () => {
      current = false;
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [loadCount, revealing, flow, settled]);

  useEffect(() => {
    if (!focusRequest) return;
    void flow.fitView({ nodes: [{ id: focusRequest.id }], duration: 300, maxZoom: 1.25, padding: 0.8 });
  }, [focusRequest, flow]);

  const onContextMenu = useCallback((event: ReactMouseEvent | MouseEvent) => {
    event.preventDefault();
    const box = wrapper.current?.getBoundingClientRect();
    const target = event.target instanceof Element ? event.target : null;
    const invoker =
      target?.closest<HTMLElement>('.react-flow__node') ??
      (document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : wrapper.current);
    // Shift+F10 reports no pointer position: open the menu at the focused node instead.
    const at =
      event.clientX === 0 && event.clientY === 0 && invoker
        ? invoker.getBoundingClientRect()
        : { left: event.clientX, top: event.clientY };
    setMenu({ x: at.left - (box?.left ?? 0) + 12, y: at.top - (box?.top ?? 0) + 12, invoker });
  }, []);

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: FlowNode) => {
      if (node.type === 'service' && !store.getState().selection.nodeIds.includes(node.id))
        store.getState().select({ nodeIds: [node.id] });
      onContextMenu(event);
    },
    [store, onContextMenu],
  );

  return (
    // Focusable from script only: where focus lands when what held it is gone (a removed VPC).
    <div className="canvas" ref={wrapper} tabIndex={-1} onDragOver={onDragOver} onDrop={onDrop}>
      <CheckedDesignProvider>
        <ReactFlow<FlowNode, ConnectionFlowEdge>
          nodes={nodes}
          edges={drawn.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          isValidConnection={isValidConnection}
          onPaneContextMenu={onContextMenu}
          onNodeContextMenu={onNodeContextMenu}
          onPaneClick={closeMenu}
          colorMode={theme}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.15}
          maxZoom={2}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={multiSelectKeys}
          selectNodesOnDrag={false}
          elevateNodesOnSelect={false}
          zIndexMode="manual"
          onlyRenderVisibleElements={design.nodes.length > LARGE_DESIGN_NODES}
          proOptions={proOptions}
          aria-label="Architecture canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
          <Controls showInteractive={false} showFitView={false} position="bottom-left" />
          {showMiniMap && (
            <MiniMap
              pannable
              zoomable
              position="bottom-right"
              ariaLabel="Minimap"
              style={miniMapStyle}
              nodeClassName={miniMapNodeClassName}
            />
          )}
        </ReactFlow>
      </CheckedDesignProvider>
      {pending && (
        <ConnectMenu
          {...pending}
          onChoose={(kind) => {
            connect(store, pending.from, pending.to, kind);
            setPending(null);
            focusNode(pending.from);
          }}
          onCancel={() => {
            setPending(null);
            focusNode(pending.from);
          }}
        />
      )}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          onClose={(returnFocus) => {
            if (returnFocus) menu.invoker?.focus();
            setMenu(null);
          }}
        />
      )}
      <ConnectToDialog />
      <ConfirmDialog />
    </div>
  );
}
