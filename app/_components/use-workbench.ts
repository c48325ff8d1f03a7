'use client';

import { useMemo, useState } from 'react';
import type { RemovalFlags } from '@/lib/model/plan-types';
import { parseRefsText } from '@/lib/viz/filter-text';
import { imageLabel, removalRefs, type ImageView, type StoreView } from '@/lib/viz/store-view';

export type SortKey = 'name' | 'created' | 'size' | 'unique' | 'shared' | 'containers';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}
/** An applied `--filter`: the IDs listImages returned for it, or its error. */
export interface AppliedFilter {
  text: string;
  ids: ReadonlySet<string> | null;
  error: string | null;
}
/** What the Layer details region shows: one layer, or a collapsed run (indices into view.layers). */
export type Inspected = { layers: number[] } | null;

const SORTERS: Record<SortKey, (a: ImageView, b: ImageView) => number> = {
  name: (a, b) => imageLabel(a).localeCompare(imageLabel(b)),
  created: (a, b) => a.created.localeCompare(b.created),
  size: (a, b) => a.size - b.size,
  unique: (a, b) => a.uniqueBytes - b.uniqueBytes,
  shared: (a, b) => a.sharedBytes - b.sharedBytes,
  containers: (a, b) => a.containers.length - b.containers.length,
};

/**
 * All client state of the dashboard in one place: the selection (images picked, in pick order, plus
 * refs typed as after `docker image rm`), removal flags, and how the table is narrowed and sorted.
 * Image IDs, not row positions, are kept, so a live refresh never shifts the selection.
 */
export function useWorkbench(view: StoreView) {
  const [picked, setPicked] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [flags, setFlags] = useState<RemovalFlags>({ force: false, noPrune: false });
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<AppliedFilter>({ text: '', ids: null, error: null });
  const [showAll, setShowAll] = useState(false);
  const [sort, setSort] = useState<Sort>({ key: 'created', dir: 'desc' });
  const [active, setActive] = useState<string | null>(null);
  const [inspected, setInspected] = useState<Inspected>(null);

  const byId = useMemo(() => new Map(view.images.map((img) => [img.id, img])), [view]);
  const pickedNow = useMemo(() => picked.filter((id) => byId.has(id)), [picked, byId]);
  const pickedSet = useMemo(() => new Set(pickedNow), [pickedNow]);

  // One ref list, as the CLI would get it: picked images' refs, then typed words; exact repeats
  // dropped (the CLI would answer the second with "No such image").
  const refs = useMemo(() => {
    const all = [...pickedNow.flatMap((id) => removalRefs(byId.get(id)!)), ...parseRefsText(typed)];
    return [...new Set(all)];
  }, [pickedNow, byId, typed]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const out = view.images.filter((img) => {
      if (filter.ids) {
        if (!filter.ids.has(img.id)) return false;
      } else if (!showAll && img.intermediate) return false;
      if (!q) return true;
      return [...img.tags, ...img.digests, img.id, imageLabel(img)].some((s) => s.toLowerCase().includes(q));
    });
    const cmp = SORTERS[sort.key];
    out.sort((a, b) => (sort.dir === 'asc' ? cmp(a, b) : cmp(b, a)) || a.id.localeCompare(b.id));
    return out;
  }, [view, search, filter, showAll, sort]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const selectAll = () => setPicked((p) => [...p, ...rows.map((r) => r.id).filter((id) => !p.includes(id))]);
  const clear = () => {
    setPicked([]);
    setTyped('');
  };

  return {
    picked: pickedNow,
    pickedSet,
    typed,
    setTyped,
    flags,
    setFlags,
    search,
    setSearch,
    filter,
    setFilter,
    showAll,
    setShowAll,
    sort,
    setSort,
    active,
    setActive,
    inspected,
    setInspected,
    byId,
    refs,
    rows,
    toggle,
    selectAll,
    clear,
  };
}

export type Workbench = ReturnType<typeof useWorkbench>;
