import { hierarchy, linkHorizontal, tree } from 'd3';
import type { TreeNode } from './layer-tree';

/** A drawable node: its tree node without children, placed in layout coordinates (px at zoom 1). */
export interface PositionedNode {
  id: string;
  node: Exclude<TreeNode, { kind: 'root' }>;
  /** Centre of the node. */
  x: number;
  y: number;
  depth: number;
}

export interface PositionedLink {
  id: string;
  source: string;
  target: string;
  /** SVG path from the parent's right edge to the child's left edge. */
  d: string;
  /** Bounding box of the link, for culling. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface DagLayout {
  nodes: PositionedNode[];
  links: PositionedLink[];
  byId: Map<string, PositionedNode>;
  width: number;
  height: number;
}

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 30;
const COLUMN = 200;
const ROW = 40;
const MARGIN = 20;

/**
 * Positions the layer tree left to right: bottom layers in the first column, each layer one column
 * right of the layer beneath it, images right of their top layer and containers right of their image.
 * D3's tidy tree computes the rows; nothing here touches the DOM. Invariants: nodes never overlap
 * (same-depth nodes are at least ROW apart), every coordinate is >= MARGIN, and the order of
 * `nodes` is parent before child.
 */
export function layoutDag(root: TreeNode): DagLayout {
  const h = hierarchy<TreeNode>(root, (n) => n.children);
  // Big sibling groups first would spread the picture; keep layers above images, then by size.
  h.sort((a, b) => rank(a.data) - rank(b.data) || (b.descendants().length - a.descendants().length));
  const laid = tree<TreeNode>()
    .nodeSize([ROW, COLUMN])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(h);

  let minRow = Infinity;
  let maxRow = -Infinity;
  let maxDepth = 0;
  laid.each((n) => {
    if (n.depth === 0) return;
    minRow = Math.min(minRow, n.x);
    maxRow = Math.max(maxRow, n.x);
    maxDepth = Math.max(maxDepth, n.depth);
  });
  if (!Number.isFinite(minRow)) return { nodes: [], links: [], byId: new Map(), width: 0, height: 0 };

  const place = (n: { x: number; depth: number }) => ({
    x: MARGIN + NODE_WIDTH / 2 + (n.depth - 1) * COLUMN,
    y: MARGIN + NODE_HEIGHT / 2 + (n.x - minRow),
  });
  const nodes: PositionedNode[] = [];
  const byId = new Map<string, PositionedNode>();
  laid.each((n) => {
    if (n.data.kind === 'root') return;
    const p: PositionedNode = { id: n.data.id, node: n.data, ...place(n), depth: n.depth - 1 };
    nodes.push(p);
    byId.set(p.id, p);
  });

  const path = linkHorizontal<{ s: [number, number]; t: [number, number] }, [number, number]>()
    .source((l) => l.s)
    .target((l) => l.t);
  const links: PositionedLink[] = [];
  laid.each((n) => {
    if (!n.parent || n.parent.data.kind === 'root') return;
    const s = byId.get(n.parent.data.id)!;
    const t = byId.get(n.data.id)!;
    const from: [number, number] = [s.x + NODE_WIDTH / 2, s.y];
    const to: [number, number] = [t.x - NODE_WIDTH / 2, t.y];
    links.push({
      id: `${s.id}>${t.id}`,
      source: s.id,
      target: t.id,
      d: path({ s: from, t: to }) ?? '',
      x0: from[0],
      x1: to[0],
      y0: Math.min(from[1], to[1]),
      y1: Math.max(from[1], to[1]),
    });
  });
  return {
    nodes,
    links,
    byId,
    width: 2 * MARGIN + NODE_WIDTH + (maxDepth - 1) * COLUMN,
    height: 2 * MARGIN + NODE_HEIGHT + (maxRow - minRow),
  };
}

function rank(n: TreeNode): number {
  return n.kind === 'layers' ? 0 : n.kind === 'image' ? 1 : n.kind === 'container' ? 2 : 3;
}
