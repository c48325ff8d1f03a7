'use client';

import { useState, useTransition } from 'react';
import { formatCount } from '@/lib/viz/format';
import type { PlanIndex } from '@/lib/viz/plan-text';
import type { StoreView } from '@/lib/viz/store-view';
import { filterAction } from '../actions';
import { useEngineId } from './engine-scope';
import { ImageTable } from './image-table';
import type { Workbench } from './use-workbench';

/** Search, `--filter`, refs box and batch selection above the images table. */
export function ImagesPanel({ view, wb, index }: { view: StoreView; wb: Workbench; index: PlanIndex }) {
  const engineId = useEngineId();
  const [filterText, setFilterText] = useState(wb.filter.text);
  const [filtering, startFilter] = useTransition();
  const hidden = view.images.filter((i) => i.intermediate).length;

  const applyFilter = (text: string, all: boolean) => {
    if (!text.trim()) {
      wb.setFilter({ text: '', ids: null, error: null });
      return;
    }
    startFilter(async () => {
      const r = await filterAction(engineId, { text, all });
      wb.setFilter(r.ok ? { text, ids: new Set(r.ids), error: null } : { text, ids: null, error: r.message });
    });
  };

  return (
    <section className="panel images" aria-labelledby="images-h">
      <h2 id="images-h">Images</h2>
      <div className="toolbar">
        <label className="field">
          <span>Search</span>
          <input type="search" value={wb.search} onChange={(e) => wb.setSearch(e.target.value)} placeholder="tag, digest or ID" aria-label="Search images" />
        </label>
        <form
          className="field grow"
          onSubmit={(e) => {
            e.preventDefault();
            applyFilter(filterText, wb.showAll);
          }}
        >
          <span>Filter</span>
          <input
            value={filterText}
            onChange={(e) => setFilterText(e.target.value)}
            placeholder="reference=redis  dangling=true  label=tier=cache  before=app:1"
            aria-label="Filter (docker image ls --filter)"
            aria-invalid={wb.filter.error ? true : undefined}
            aria-describedby="filter-msg"
            spellCheck={false}
          />
          <button type="submit" disabled={filtering}>
            Apply filter
          </button>
          {wb.filter.text && (
            <button
              type="button"
              onClick={() => {
                setFilterText('');
                applyFilter('', wb.showAll);
              }}
            >
              Clear filter
            </button>
          )}
        </form>
      </div>
      <div className="toolbar">
        <label className="check">
          <input
            type="checkbox"
            checked={wb.showAll}
            onChange={(e) => {
              wb.setShowAll(e.target.checked);
              if (wb.filter.text) applyFilter(wb.filter.text, e.target.checked);
            }}
          />
          Show intermediate images (-a){hidden > 0 ? `, ${hidden} hidden` : ''}
        </label>
      </div>
      <p id="filter-msg" className={wb.filter.error ? 'error' : 'muted small'} role={wb.filter.error ? 'alert' : undefined}>
        {wb.filter.error ?? (wb.filter.text ? `docker image ls --filter ${wb.filter.text}: ${formatCount(wb.rows.length)} shown` : `${formatCount(wb.rows.length)} of ${formatCount(view.images.length)} images shown`)}
      </p>
      <div className="toolbar">
        <button type="button" onClick={wb.selectAll} disabled={wb.rows.length === 0}>
          Select all matching ({formatCount(wb.rows.length)})
        </button>
        <button type="button" onClick={wb.clear} disabled={wb.picked.length === 0 && !wb.typed}>
          Clear selection
        </button>
        <span className="muted small">{formatCount(wb.picked.length)} selected</span>
      </div>
      <label className="field refs">
        <span>References, as typed after docker image rm</span>
        <textarea
          value={wb.typed}
          onChange={(e) => wb.setTyped(e.target.value)}
          rows={2}
          placeholder="busybox:latest  3f2a1b4c5d6e  repo@sha256:…"
          aria-label="References to remove"
          spellCheck={false}
        />
      </label>
      <ImageTable view={view} wb={wb} index={index} />
    </section>
  );
}
