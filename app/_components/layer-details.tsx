'use client';

import { shortId } from '@/lib/model/snapshot';
import { formatBytes, formatCount } from '@/lib/viz/format';
import { reasonText, sortReasons, type NameOf, type PlanIndex } from '@/lib/viz/plan-text';
import { imageLabel, type StoreView } from '@/lib/viz/store-view';
import type { Inspected } from './use-workbench';

const MAX_HOLDERS = 12;
const MAX_REASONS = 6;

interface Props {
  view: StoreView;
  inspected: Inspected;
  index: PlanIndex;
  nameOf: NameOf;
  onShowImage: (id: string) => void;
}

/**
 * The layer inspector: what a layer is, who holds it, and what the current plan does to it, with
 * every reason it stays naming its holder. All layers of a collapsed run share holders and fate.
 */
export function LayerDetails({ view, inspected, index, nameOf, onShowImage }: Props) {
  const layers = inspected?.layers.map((i) => view.layers[i]).filter((l) => l !== undefined) ?? [];
  const top = layers[layers.length - 1];
  if (!top) {
    return (
      <section className="panel details" aria-label="Layer details">
        <h2>Layer details</h2>
        <p className="muted">Click a layer in the graph, or “why” beside a kept layer, to see who holds it and why it stays.</p>
      </section>
    );
  }
  const topIndex = inspected!.layers[inspected!.layers.length - 1]!;
  const holders = view.images.filter((img) => img.layers.includes(topIndex));
  const size = layers.reduce((n, l) => n + l.size, 0);
  const kept = index.keptLayers.get(top.chainId);
  const reasons = kept ? sortReasons(kept.reasons) : [];
  const freed = index.freedLayers.has(top.chainId);
  return (
    <section className="panel details" aria-label="Layer details">
      <h2>{layers.length === 1 ? `Layer ${shortId(top.chainId)}` : `${layers.length} layers, top ${shortId(top.chainId)}`}</h2>
      <div className={`fate ${freed ? 'freed' : kept ? 'kept' : ''}`}>
        {freed && <p><strong>Freed by this removal</strong> ({formatBytes(size)}).</p>}
        {kept && (
          <>
            <p>
              <strong>Kept by this removal.</strong> {kept.sharedBy > 0 ? `Held by ${formatCount(kept.sharedBy)} other image${kept.sharedBy === 1 ? '' : 's'}.` : ''}
            </p>
            <ul className="reasons" aria-label="Why it stays">
              {reasons.slice(0, MAX_REASONS).map((r, i) => (
                <li key={i}>{reasonText(r, nameOf)}</li>
              ))}
              {reasons.length > MAX_REASONS && <li className="muted">and {formatCount(reasons.length - MAX_REASONS)} more images that stay</li>}
            </ul>
          </>
        )}
        {!freed && !kept && <p className="muted">Not touched by the current selection.</p>}
      </div>
      <dl className="facts small">
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(size)}</dd>
        </div>
        <div>
          <dt>Held by</dt>
          <dd>{formatCount(holders.length)} image{holders.length === 1 ? '' : 's'}</dd>
        </div>
      </dl>
      <ul className="holders" aria-label="Images holding this layer">
        {holders.slice(0, MAX_HOLDERS).map((img) => (
          <li key={img.id}>
            <button type="button" className="link" onClick={() => onShowImage(img.id)}>
              {imageLabel(img)}
            </button>
          </li>
        ))}
        {holders.length > MAX_HOLDERS && <li className="muted">and {formatCount(holders.length - MAX_HOLDERS)} more</li>}
      </ul>
      <ol className="layer-list">
        {[...layers].reverse().slice(0, 20).map((l) => (
          <li key={l.chainId}>
            <code title={`chain ${l.chainId}\ndiff ${l.diffId}`}>{shortId(l.chainId)}</code> {formatBytes(l.size)}
            <div className="cmd-text">{l.createdBy || '(no history)'}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
