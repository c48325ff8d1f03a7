import 'server-only';
import { randomBytes } from 'node:crypto';
import type { RemovalFlags } from '../model/plan-types';
import type { ViewSummary } from '../model/view-plan';
import { writeAudit } from './audit';
import type { Db } from './db';

/** Who saves, deletes or runs a view (the Actor of lib/engine/remove, without importing the engine). */
export interface ViewActor {
  name: string;
  role: string | null;
  ip?: string | null;
}

export interface NewView {
  name: string;
  description: string;
  /** The filter box text, as `docker image ls` takes it after `--filter`; '' for none. */
  filter: string;
  all: boolean;
  refs: string[];
  flags: RemovalFlags;
  summary: ViewSummary;
  /** The registered engine it was saved on; null for views from before engines were registered (the default's). */
  engineId: number | null;
}

export interface SavedView extends NewView {
  id: string;
  author: string;
  createdAt: number;
}

export interface ViewRun {
  at: number;
  actor: string;
  outcome: string;
  bytesFreed: number | null;
}

export type ViewListItem = SavedView & { lastRun: ViewRun | null };

type Row = { id: string; name: string; description: string; filter: string; all_images: number; refs: string; force: number; no_prune: number; author: string; created_at: number; summary: string; engine_id: number | null };
type RunRow = { at: number; actor: string; outcome: string; bytes_freed: number | null };

const toView = (r: Row): SavedView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  filter: r.filter,
  all: r.all_images === 1,
  refs: JSON.parse(r.refs) as string[],
  flags: { force: r.force === 1, noPrune: r.no_prune === 1 },
  author: r.author,
  createdAt: r.created_at,
  summary: JSON.parse(r.summary) as ViewSummary,
  engineId: r.engine_id,
});
const toRun = (r: RunRow): ViewRun => ({ at: r.at, actor: r.actor, outcome: r.outcome, bytesFreed: r.bytes_freed });

/** The address of the engine a view belongs to, for its audit rows (null: the default engine's). */
function engineHost(db: Db, engineId: number | null): string | null {
  const r = (engineId === null ? db.prepare('SELECT host FROM engines WHERE is_default = 1').get() : db.prepare('SELECT host FROM engines WHERE id = ?').get(engineId)) as { host: string } | undefined;
  return r?.host ?? null;
}

/** An opaque, unguessable id for the view's URL (128 random bits, URL-safe). */
export const newViewId = () => randomBytes(16).toString('base64url');

/** Saves a view and its audit row in one transaction; returns the new id. */
export function createView(db: Db, actor: ViewActor, v: NewView, now = Date.now(), id = newViewId()): string {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO views (id, name, description, filter, all_images, refs, force, no_prune, author, created_at, summary, engine_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, v.name, v.description, v.filter, v.all ? 1 : 0, JSON.stringify(v.refs), v.flags.force ? 1 : 0, v.flags.noPrune ? 1 : 0, actor.name, now, JSON.stringify(v.summary), v.engineId);
    writeAudit(db, { actor: actor.name, role: actor.role, ip: actor.ip, engine: engineHost(db, v.engineId), action: 'view-create', outcome: 'ok', refs: v.refs, flags: v.flags, detail: `view ${id} "${v.name}" filter: ${v.filter || '(none)'}` }, now);
  })();
  return id;
}

export function getView(db: Db, id: string): SavedView | undefined {
  const r = db.prepare('SELECT * FROM views WHERE id = ?').get(id) as Row | undefined;
  return r && toView(r);
}

/**
 * Views newest first, each with its latest run; with `engine`, only the views saved on it (views
 * without an engine belong to the default engine).
 */
export function listViews(db: Db, engine?: { id: number; isDefault: boolean }): ViewListItem[] {
  const rows = (
    engine
      ? db.prepare('SELECT * FROM views WHERE engine_id = ? OR (engine_id IS NULL AND ? = 1) ORDER BY created_at DESC, id').all(engine.id, engine.isDefault ? 1 : 0)
      : db.prepare('SELECT * FROM views ORDER BY created_at DESC, id').all()
  ) as Row[];
  const last = db.prepare('SELECT at, actor, outcome, bytes_freed FROM view_runs WHERE view_id = ? ORDER BY id DESC LIMIT 1');
  return rows.map((r) => {
    const run = last.get(r.id) as RunRow | undefined;
    return { ...toView(r), lastRun: run ? toRun(run) : null };
  });
}

/** Deletes a view (its runs go with it; the audit log keeps them). False if there was none. */
export function deleteView(db: Db, actor: ViewActor, id: string, now = Date.now()): boolean {
  return db.transaction(() => {
    const v = getView(db, id);
    if (!v) return false;
    db.prepare('DELETE FROM views WHERE id = ?').run(id);
    writeAudit(db, { actor: actor.name, role: actor.role, ip: actor.ip, engine: engineHost(db, v.engineId), action: 'view-delete', outcome: 'ok', refs: v.refs, detail: `view ${id} "${v.name}"` }, now);
    return true;
  })();
}

/**
 * Records a run of a view: a `view_runs` row for the list, and an audit row naming the view beside
 * the `image-rm` row removeImages wrote (whose id is `imageRmAudit`, when one was written).
 */
export function recordViewRun(
  db: Db,
  actor: ViewActor,
  view: Pick<SavedView, 'id' | 'name' | 'flags' | 'engineId'>,
  run: { refs: readonly string[]; outcome: string; bytesFreed: number | null; detail?: string | null; imageRmAudit?: number | null },
  now = Date.now(),
): void {
  db.transaction(() => {
    const auditId = writeAudit(
      db,
      {
        actor: actor.name,
        role: actor.role,
        ip: actor.ip,
        engine: engineHost(db, view.engineId),
        action: 'view-run',
        outcome: run.outcome,
        refs: run.refs,
        flags: view.flags,
        bytesFreed: run.bytesFreed,
        detail: [`view ${view.id} "${view.name}"`, run.detail].filter(Boolean).join('\n'),
      },
      now,
    );
    db.prepare('INSERT INTO view_runs (view_id, at, actor, outcome, bytes_freed, audit_id) VALUES (?, ?, ?, ?, ?, ?)').run(view.id, now, actor.name, run.outcome, run.bytesFreed, auditId);
  })();
}

/** The runs of a view, newest first. */
export function viewRuns(db: Db, id: string, limit = 20): ViewRun[] {
  return (db.prepare('SELECT at, actor, outcome, bytes_freed FROM view_runs WHERE view_id = ? ORDER BY id DESC LIMIT ?').all(id, limit) as RunRow[]).map(toRun);
}
