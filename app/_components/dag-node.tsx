'use client';

import { memo, type KeyboardEvent } from 'react';
import { shortId } from '@/lib/model/snapshot';
import { formatBytes } from '@/lib/viz/format';
import { NODE_HEIGHT as H, NODE_WIDTH as W, type PositionedNode } from '@/lib/viz/layout-dag';
import type { NodeStatus } from '@/lib/viz/graph-status';
import { imageLabel, type StoreView } from '@/lib/viz/store-view';


interface Props {
  p: PositionedNode;
  view: StoreView;
  status: NodeStatus;
  picked: boolean;
  current: boolean;
  match: boolean;
  /** Draw text (skipped when zoomed far out: unreadable, and the costliest part). */
  detail: boolean;
  onActivate: (p: PositionedNode) => void;
}

const STATUS_WORD: Record<Exclude<NodeStatus, null>, string> = { freed: 'freed by this removal', kept: 'kept', untag: 'only untagged' };
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The accessible name and the two lines of text of a node. */
function describe(p: PositionedNode, view: StoreView): { name: string; line1: string; line2: string; badge?: number } {
  const n = p.node;
  switch (n.kind) {
    case 'layers': {
      const ls = n.layers.map((i) => view.layers[i]!);
      const top = ls[ls.length - 1]!;
      const size = ls.reduce((s, l) => s + l.size, 0);
      const held = top.holders > 1 ? `, shared by ${top.holders} images` : '';
      const what = ls.length === 1 ? `Layer ${shortId(top.chainId)}` : `${ls.length} layers ${shortId(ls[0]!.chainId)} to ${shortId(top.chainId)}`;
      return { name: `${what}, ${formatBytes(size)}${held}`, line1: ls.length === 1 ? shortId(top.chainId) : `${ls.length} layers · ${shortId(top.chainId).slice(0, 8)}`, line2: formatBytes(size), badge: top.holders > 1 ? top.holders : undefined };
    }
    case 'image': {
      const img = view.images[n.image]!;
      const label = imageLabel(img);
      return { name: `Image ${label} (${img.shortId})`, line1: clip(img.tags.length ? label : img.intermediate ? '<intermediate>' : '<none>', 22), line2: img.shortId };
    }
    case 'container': {
      const c = view.containers[n.container]!;
      return { name: `Container ${c.name}, ${c.state}`, line1: clip(c.name, 22), line2: c.state };
    }
    case 'more':
      return { name: `Show ${n.images} more images branching from layer ${shortId(view.layers[n.from]!.chainId)}`, line1: `+${n.images} images`, line2: 'share this layer' };
  }
}

/** One node of the layer graph: a focusable button in SVG, its state shown by shape, text and colour. */
export const DagNode = memo(function DagNode({ p, view, status, picked, current, match, detail, onActivate }: Props) {
  const d = describe(p, view);
  const kind = p.node.kind;
  const cls = ['node', kind, status ?? '', picked ? 'picked' : '', current ? 'current' : '', match ? 'match' : ''].join(' ');
  const name = `${d.name}${picked ? ', selected' : ''}${status ? `, ${STATUS_WORD[status]}` : ''}`;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(p);
    }
  };
  const small = kind === 'container' || kind === 'more';
  const w = small ? W - 30 : W;
  return (
    <g
      className={cls}
      transform={`translate(${p.x - W / 2},${p.y - H / 2})`}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={kind === 'image' ? picked : undefined}
      onClick={() => onActivate(p)}
      onKeyDown={onKey}
    >
      <title>{name}</title>
      <rect className="shape" width={w} height={H} rx={kind === 'image' ? H / 2 : 4} />
      {detail && (
        <>
          <text x={kind === 'image' ? 14 : 8} y={12} className="l1">
            {d.line1}
          </text>
          <text x={kind === 'image' ? 14 : 8} y={24} className="l2">
            {d.line2}
            {status === 'freed' ? ' · frees' : status === 'kept' ? ' · kept ?' : status === 'untag' ? ' · untag' : ''}
          </text>
        </>
      )}
      {d.badge !== undefined && (
        <g className="shared-badge" transform={`translate(${w - 4},0)`}>
          <circle r={10} />
          <text textAnchor="middle" dy="0.35em">
            ×{d.badge > 99 ? '99+' : d.badge}
          </text>
        </g>
      )}
    </g>
  );
});
