import 'server-only';
import type { Snapshot } from '@/lib/model/snapshot';
import { liveView, type LiveView } from '@/lib/model/view-plan';
import type { SavedView } from '@/lib/store/views';
import { parseFilterText } from '@/lib/viz/filter-text';

/** A saved (or about to be saved) view on `snapshot`: its filter parsed as the filter box does. */
export function liveViewOf(v: Pick<SavedView, 'filter' | 'all' | 'refs' | 'flags'>, snapshot: Snapshot): LiveView {
  const terms = v.filter.trim() ? parseFilterText(v.filter) : { ok: true as const, filters: null };
  if (!terms.ok) return terms;
  return liveView(snapshot, { filters: terms.filters, all: v.all, refs: v.refs, flags: v.flags });
}
