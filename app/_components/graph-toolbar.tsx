'use client';

import { formatCount } from '@/lib/viz/format';

interface Props {
  useFocus: boolean;
  onUseFocus: (v: boolean) => void;
  focusCount: number;
  collapse: boolean;
  onCollapse: (v: boolean) => void;
  query: string;
  onQuery: (q: string) => void;
  matches: number;
  onNext: () => void;
  onZoom: (factor: number) => void;
  onFit: () => void;
  total: number;
  drawnCount: number;
}

/** Controls and legend of the layer graph. */
export function GraphToolbar(p: Props) {
  return (
    <>
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={p.useFocus} onChange={(e) => p.onUseFocus(e.target.checked)} />
          Focus on selection{p.focusCount > 0 ? ` (${formatCount(p.focusCount)})` : ''}
        </label>
        <label className="check">
          <input type="checkbox" checked={p.collapse} onChange={(e) => p.onCollapse(e.target.checked)} />
          Collapse single-child runs
        </label>
        <form
          className="field"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            p.onNext();
          }}
        >
          <input type="search" value={p.query} onChange={(e) => p.onQuery(e.target.value)} placeholder="tag, chain ID, command" aria-label="Find in graph" />
          <button type="submit" disabled={p.matches === 0}>
            Next match
          </button>
          <span className="muted small" aria-live="polite">
            {p.query ? `${formatCount(p.matches)} found` : ''}
          </span>
        </form>
        <span className="zoom">
          <button type="button" onClick={() => p.onZoom(1.25)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => p.onZoom(0.8)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={p.onFit}>
            Fit graph
          </button>
        </span>
      </div>
      <p className="legend small">
        <span className="key layer" /> layer <span className="key shared">×3</span> shared by 3 images <span className="key image" /> image{' '}
        <span className="key picked" /> selected <span className="key freed" /> freed by the removal <span className="key kept" /> kept (click for why)
        <span className="muted">
          {' '}
          · {formatCount(p.drawnCount)} of {formatCount(p.total)} nodes drawn · drag to pan, Ctrl+wheel to zoom
        </span>
      </p>
    </>
  );
}
