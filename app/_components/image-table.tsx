'use client';

import { useState } from 'react';
import { formatBytes, formatCount, formatCreated } from '@/lib/viz/format';
import type { PlanIndex } from '@/lib/viz/plan-text';
import { imageLabel, type ImageView, type StoreView } from '@/lib/viz/store-view';
import type { SortKey, Workbench } from './use-workbench';

const PAGE = 200;
const COLUMNS: Array<[SortKey, string]> = [
  ['name', 'Image'],
  ['created', 'Created'],
  ['size', 'Size'],
  ['unique', 'Unique'],
  ['shared', 'Shared'],
  ['containers', 'Containers'],
];

/** One row per image; checkboxes pick images for removal, "Show in graph" points the graph at one. */
export function ImageTable({ view, wb, index }: { view: StoreView; wb: Workbench; index: PlanIndex }) {
  const [limit, setLimit] = useState(PAGE);
  const inspectedLayers = new Set(wb.inspected?.layers ?? []);
  // An image picked in the graph must be visible here even past the first page.
  const activeAt = wb.active ? wb.rows.findIndex((r) => r.id === wb.active) : -1;
  const shown = wb.rows.slice(0, Math.max(limit, activeAt + 1));

  return (
    <div className="table-wrap">
      <table className="images-table">
        <thead>
          <tr>
            <th scope="col" className="sel">
              <span className="sr-only">Selected</span>
            </th>
            {COLUMNS.map(([key, label]) => {
              const on = wb.sort.key === key;
              return (
                <th key={key} scope="col" aria-sort={on ? (wb.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button
                    type="button"
                    className="sort"
                    onClick={() => wb.setSort({ key, dir: on && wb.sort.dir === 'desc' ? 'asc' : 'desc' })}
                  >
                    {label}
                    <span aria-hidden="true">{on ? (wb.sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              );
            })}
            <th scope="col">Plan</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((img) => (
            <Row
              key={img.id}
              img={img}
              view={view}
              picked={wb.pickedSet.has(img.id)}
              active={wb.active === img.id}
              holdsInspected={img.layers.some((l) => inspectedLayers.has(l))}
              plan={planWord(img, index)}
              onToggle={() => wb.toggle(img.id)}
              onShow={() => wb.setActive(img.id)}
            />
          ))}
        </tbody>
      </table>
      {shown.length < wb.rows.length && (
        <button type="button" className="more-rows" onClick={() => setLimit((l) => l + PAGE * 5)}>
          Show more rows ({formatCount(wb.rows.length - shown.length)} not shown)
        </button>
      )}
    </div>
  );
}

function planWord(img: ImageView, ix: PlanIndex): { text: string; cls: string } | null {
  if (ix.freedImages.has(img.id)) return { text: 'deleted', cls: 'freed' };
  if (ix.untagged.has(img.id)) return { text: 'untagged only', cls: 'kept' };
  if (ix.keptImages.has(img.id)) return { text: 'kept', cls: 'kept' };
  if (ix.targets.has(img.id)) return { text: 'fails', cls: 'kept' };
  return null;
}

interface RowProps {
  img: ImageView;
  view: StoreView;
  picked: boolean;
  active: boolean;
  holdsInspected: boolean;
  plan: { text: string; cls: string } | null;
  onToggle: () => void;
  onShow: () => void;
}

function Row({ img, view, picked, active, holdsInspected, plan, onToggle, onShow }: RowProps) {
  const label = imageLabel(img);
  const cls = [picked && 'picked', active && 'active', holdsInspected && 'holds'].filter(Boolean).join(' ');
  return (
    <tr className={cls}>
      <td className="sel">
        <input type="checkbox" checked={picked} onChange={onToggle} aria-label={`Select ${label}`} />
      </td>
      <td className="name">
        <div className="tags">
          {img.tags.length === 0 ? <span className="none">{img.intermediate ? '<intermediate>' : '<none>'}</span> : img.tags.map((t) => <span key={t} className="tag">{t}</span>)}
        </div>
        <div className="sub">
          <code title={img.id}>{img.shortId}</code>
          {img.digests.length > 0 && (
            <span className="digests" title={img.digests.join('\n')}>
              {' '}· {img.digests.length === 1 ? img.digests[0]!.replace(/@sha256:(.{12}).*/, '@sha256:$1…') : `${img.digests.length} digests`}
            </span>
          )}
          <button type="button" className="link graph-link" onClick={onShow} aria-label={`Show ${label} in graph`}>
            graph
          </button>
        </div>
      </td>
      <td className="num" title={img.created}>{formatCreated(img.created)}</td>
      <td className="num">{formatBytes(img.size)}</td>
      <td className="num">{formatBytes(img.uniqueBytes)}</td>
      <td className="num">{formatBytes(img.sharedBytes)}</td>
      <td>
        {img.containers.map((c) => {
          const ctr = view.containers[c]!;
          return (
            <span key={ctr.id} className={`ctr ${ctr.running ? 'running' : 'stopped'}`}>
              {ctr.name} ({ctr.state})
            </span>
          );
        })}
      </td>
      <td>{plan && <span className={`badge ${plan.cls}`}>{plan.text}</span>}</td>
    </tr>
  );
}
