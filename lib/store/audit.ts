import 'server-only';
import type { Db } from './db';

/**
 * What the audit log records. Outcomes: `applied` / `refused` / `diverged` / `failed` for removals
 * (the engine's own words for what happened), `forbidden` / `unauthenticated` for requests the
 * role check turned away, `ok` / `denied` / `limited` for sign-ins and user management.
 */
export interface AuditEntry {
  actor: string;
  role?: string | null;
  ip?: string | null;
  engine?: string | null;
  action: string;
  outcome: string;
  refs?: readonly string[] | null;
  flags?: object | null;
  /** The records the user reviewed, per ref. */
  planned?: unknown;
  /** The records the engine answered, per ref. */
  actual?: unknown;
  bytesFreed?: number | null;
  detail?: string | null;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: number;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends one row. The table's triggers refuse UPDATE and DELETE, so rows written stay as written. */
export function writeAudit(db: Db, e: AuditEntry, now = Date.now()): number {
  const r = db
    .prepare(
      `INSERT INTO audit (at, actor, role, ip, engine, action, outcome, refs, flags, planned, actual, bytes_freed, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(now, e.actor, e.role ?? null, e.ip ?? null, e.engine ?? null, e.action, e.outcome, json(e.refs), json(e.flags), json(e.planned), json(e.actual), e.bytesFreed ?? null, e.detail ?? null);
  return Number(r.lastInsertRowid);
}

export interface AuditFilter {
  actor?: string;
  outcome?: string;
  limit?: number;
}

type Row = { id: number; at: number; actor: string; role: string | null; ip: string | null; engine: string | null; action: string; outcome: string; refs: string | null; flags: string | null; planned: string | null; actual: string | null; bytes_freed: number | null; detail: string | null };
const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));

/** Rows newest first, optionally of one actor and/or one outcome. */
export function listAudit(db: Db, f: AuditFilter = {}): AuditRow[] {
  const where: string[] = [];
  const args: Array<string | number> = [];
  if (f.actor) {
    where.push('actor = ?');
    args.push(f.actor);
  }
  if (f.outcome) {
    where.push('outcome = ?');
    args.push(f.outcome);
  }
  const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...args, f.limit ?? 1000) as Row[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    role: r.role,
    ip: r.ip,
    engine: r.engine,
    action: r.action,
    outcome: r.outcome,
    refs: parse(r.refs) as string[] | null,
    flags: parse(r.flags) as object | null,
    planned: parse(r.planned),
    actual: parse(r.actual),
    bytesFreed: r.bytes_freed,
    detail: r.detail,
  }));
}

/** The distinct actors and outcomes, for the audit page's filters. */
export function auditFacets(db: Db): { actors: string[]; outcomes: string[] } {
  const col = (c: 'actor' | 'outcome') => (db.prepare(`SELECT DISTINCT ${c} AS v FROM audit ORDER BY v`).all() as Array<{ v: string }>).map((r) => r.v);
  return { actors: col('actor'), outcomes: col('outcome') };
}
