/**
 * Shared cleanup views, the pure part: which references a saved view names on a snapshot, the
 * summary kept at save time, and what changed between that summary and the live plan.
 */
import { listImages } from './image-list';
import type { Plan, RemovalFlags } from './plan-types';
import { planRemoval } from './planner';
import { shortId, type Snapshot } from './snapshot';

/** What a view saves: `docker image ls [-a] --filter …` (parsed), explicit refs, and the flags. */
export interface ViewSpec {
  /** Parsed filter terms; null when the view has no filter (explicit refs only). */
  filters: Record<string, string[]> | null;
  all: boolean;
  refs: readonly string[];
  flags: RemovalFlags;
}

/** The plan a view stood for at save time: enough to say later what changed, nothing more. */
export interface ViewSummary {
  /** Images the filter matched or the refs resolved to, sorted. */
  images: string[];
  /** The references the view sent, in order. */
  refs: string[];
  /** Per step: did the engine (would it) answer with an error. */
  steps: Array<{ ref: string; error: boolean }>;
}

export type LiveView = { ok: true; refs: string[]; images: string[]; plan: Plan } | { ok: false; message: string };

/**
 * The view on `snapshot`: each image the filter lists contributes its listed tags (the reference
 * filter narrows RepoTags, as the engine's list does), else its digests, else its short ID, as
 * `docker image rm $(docker image ls -q …)` users expect; then the saved refs. Exact repeats are
 * dropped (the CLI would answer the second with "No such image"). A bad filter is the engine's 400.
 */
export function liveView(snapshot: Snapshot, spec: ViewSpec): LiveView {
  const fromFilter: string[] = [];
  const images = new Set<string>();
  if (spec.filters && Object.keys(spec.filters).length > 0) {
    const listed = listImages(snapshot, { all: spec.all, filters: spec.filters });
    if (!listed.ok) return { ok: false, message: `Error response from daemon: ${listed.message}` };
    for (const img of listed.images) {
      images.add(img.id);
      fromFilter.push(...(img.repoTags.length > 0 ? img.repoTags : img.repoDigests.length > 0 ? img.repoDigests : [shortId(img.id)]));
    }
  }
  const refs = [...new Set([...fromFilter, ...spec.refs])];
  const plan = planRemoval(snapshot, refs, spec.flags);
  for (const s of plan.steps) if (s.imageId) images.add(s.imageId);
  return { ok: true, refs, images: [...images].sort(), plan };
}

/** The summary stored with a view. */
export function summarize(live: Extract<LiveView, { ok: true }>): ViewSummary {
  return { images: [...live.images], refs: [...live.refs], steps: live.plan.steps.map((s) => ({ ref: s.ref, error: s.error !== null })) };
}

export interface ViewDiff {
  goneImages: string[];
  newImages: string[];
  goneRefs: string[];
  newRefs: string[];
  /** Refs whose step errors now and did not (or did not exist) at save time, with today's message. */
  newBlockers: Array<{ ref: string; message: string }>;
  /** Refs that errored at save time and no longer do. */
  clearedBlockers: string[];
}

/** What changed since the view was saved. Every list is in the order of the newer side. */
export function diffSummary(saved: ViewSummary, now: Extract<LiveView, { ok: true }>): ViewDiff {
  const had = new Set(saved.images);
  const has = new Set(now.images);
  const hadRefs = new Set(saved.refs);
  const hasRefs = new Set(now.refs);
  const erred = new Set(saved.steps.filter((s) => s.error).map((s) => s.ref));
  return {
    goneImages: saved.images.filter((id) => !has.has(id)),
    newImages: now.images.filter((id) => !had.has(id)),
    goneRefs: saved.refs.filter((r) => !hasRefs.has(r)),
    newRefs: now.refs.filter((r) => !hadRefs.has(r)),
    newBlockers: now.plan.steps.filter((s) => s.error && !erred.has(s.ref)).map((s) => ({ ref: s.ref, message: s.error!.message })),
    clearedBlockers: now.plan.steps.filter((s) => !s.error && erred.has(s.ref)).map((s) => s.ref),
  };
}

/** True when nothing in the diff is worth showing. */
export function isUnchanged(d: ViewDiff): boolean {
  return Object.values(d).every((list: unknown[]) => list.length === 0);
}
