'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildLayerTree } from '@/lib/viz/layer-tree';
import { layoutDag, NODE_HEIGHT as H, NODE_WIDTH as W, type PositionedNode } from '@/lib/viz/layout-dag';
import { linkStatus, nodeMatches, nodeStatus } from '@/lib/viz/graph-status';
import type { PlanIndex } from '@/lib/viz/plan-text';
import type { StoreView } from '@/lib/viz/store-view';
import { centerOn, fitBox, intersects, toTransform, visibleRect, zoomAt } from '@/lib/viz/viewport';
import { DagNode } from './dag-node';
import { GraphToolbar } from './graph-toolbar';
import type { Inspected } from './use-workbench';
import { useViewport } from './use-viewport';

interface Props {
  view: StoreView;
  focus: ReadonlySet<string>;
  picked: ReadonlySet<string>;
  index: PlanIndex;
  active: string | null;
  inspected: Inspected;
  /** Draw intermediate images too (the table's `-a`). */
  intermediate: boolean;
  onToggleImage: (id: string) => void;
  onInspect: (layers: number[]) => void;
  onShowImage: (id: string) => void;
}

/**
 * The layer graph. D3 lays it out (lib/viz/layout-dag.ts, pure); React draws only the nodes and links
 * inside the viewport, so thousands of nodes stay responsive. Focus, collapsing and search keep big
 * stores readable; the zoom is a matrix in React state (use-viewport.ts).
 */
export function LayerGraph({ view, focus, picked, index, active, inspected, intermediate, onToggleImage, onInspect, onShowImage }: Props) {
  const { ref: canvasRef, matrix, setMatrix, size, handlers, wasDrag } = useViewport();
  const [collapse, setCollapse] = useState(true);
  const [useFocus, setUseFocus] = useState(true);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [query, setQuery] = useState('');
  const [matchAt, setMatchAt] = useState(0);
  const [fitFor, setFitFor] = useState<string | null>(null);
  const [centeredFor, setCenteredFor] = useState<string | null>(null);

  const focusKey = useFocus ? [...focus].sort().join('\n') : '';
  const layout = useMemo(() => {
    const f = new Set(focusKey.split('\n').filter(Boolean));
    return layoutDag(buildLayerTree(view, { collapse, focus: f, expanded, intermediate }));
  }, [view, collapse, focusKey, expanded, intermediate]);

  const matches = useMemo(() => (query.trim() ? layout.nodes.filter((n) => nodeMatches(n.node, view, query.trim().toLowerCase())) : []), [layout, view, query]);

  // Re-fit when what is shown changes in kind (focus, collapsing), and follow the active image when
  // it was chosen elsewhere; both adjust state during render rather than in an effect.
  const fitKey = `${focusKey}|${collapse}`;
  if (size && (fitFor !== fitKey || (active !== centeredFor && active && layout.byId.has(active)))) {
    let m = matrix;
    if (fitFor !== fitKey) m = fitBox({ x0: 0, y0: 0, x1: layout.width, y1: layout.height }, size);
    const target = active ? layout.byId.get(active) : undefined;
    if (active !== centeredFor && target) m = centerOn(m, target.x, target.y, size);
    setFitFor(fitKey);
    setCenteredFor(active);
    setMatrix(m);
  }

  const rect = size ? visibleRect(matrix, size, 150) : null;
  const nodes = rect ? layout.nodes.filter((n) => intersects(rect, n.x - W / 2, n.y - H / 2, n.x + W / 2, n.y + H / 2)) : [];
  const links = rect ? layout.links.filter((l) => intersects(rect, l.x0, l.y0, l.x1, l.y1)) : [];
  const drawn = nodes.length > 0;

  useEffect(() => {
    if (drawn) performance.mark('layerlens:dag-rendered');
  }, [layout, drawn]);

  const inspectedTop = inspected ? inspected.layers[inspected.layers.length - 1] : undefined;
  const matchIds = new Set(matches.map((m) => m.id));
  const activate = useCallback(
    (p: PositionedNode) => {
      if (wasDrag()) return;
      const n = p.node;
      if (n.kind === 'image') {
        setCenteredFor(n.id);
        onToggleImage(n.id);
      } else if (n.kind === 'layers') onInspect(n.layers);
      else if (n.kind === 'container') onShowImage(view.containers[n.container]!.imageId);
      else setExpanded((s) => new Set([...s, n.from]));
    },
    [wasDrag, onToggleImage, onInspect, onShowImage, view],
  );
  const goTo = (i: number) => {
    const m = matches[i];
    if (!m || !size) return;
    setMatchAt(i);
    setMatrix((cur) => centerOn({ ...cur, k: Math.max(cur.k, 0.9) }, m.x, m.y, size));
  };

  return (
    <section className="panel graph" aria-labelledby="graph-h">
      <h2 id="graph-h">Layer graph</h2>
      <GraphToolbar
        useFocus={useFocus}
        onUseFocus={setUseFocus}
        focusCount={focus.size}
        collapse={collapse}
        onCollapse={setCollapse}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setMatchAt(0);
        }}
        matches={matches.length}
        onNext={() => goTo(matches.length ? (matchAt + 1) % matches.length : 0)}
        onZoom={(f) => size && setMatrix((m) => zoomAt(m, f, size.width / 2, size.height / 2))}
        onFit={() => size && setMatrix(fitBox({ x0: 0, y0: 0, x1: layout.width, y1: layout.height }, size))}
        total={layout.nodes.length}
        drawnCount={nodes.length}
      />
      <div ref={canvasRef} className="dag-canvas" {...handlers}>
        {size && (
          <svg width={size.width} height={size.height} role="group" aria-label="Layers, images and containers">
            <g transform={toTransform(matrix)}>
              {links.map((l) => (
                <path key={l.id} d={l.d} className={`link ${linkStatus(layout.byId.get(l.target)?.node, index)}`} />
              ))}
              {nodes.map((p) => (
                <DagNode
                  key={p.id}
                  p={p}
                  view={view}
                  status={nodeStatus(p.node, view, index)}
                  picked={p.node.kind === 'image' && picked.has(p.id)}
                  current={(p.node.kind === 'image' && p.id === active) || (p.node.kind === 'layers' && p.node.layers[p.node.layers.length - 1] === inspectedTop)}
                  match={matchIds.has(p.id)}
                  detail={matrix.k >= 0.45}
                  onActivate={activate}
                />
              ))}
            </g>
          </svg>
        )}
        {layout.nodes.length === 0 && <p className="empty">No layers to show.</p>}
      </div>
    </section>
  );
}
