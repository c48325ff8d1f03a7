import 'server-only';
import type Database from 'better-sqlite3';

/**
 * The schema, as an ordered list of steps. Step i brings `PRAGMA user_version` from i to i+1; a
 * step is never edited once released, a change is a new step at the end. Each runs in its own
 * transaction with the version bump, so a crash leaves the database at a whole version.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX login_failures_key ON login_failures(key, at);
  CREATE TABLE setup_token (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    token_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    role TEXT,
    ip TEXT,
    engine TEXT,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL,
    refs TEXT,
    flags TEXT,
    planned TEXT,
    actual TEXT,
    bytes_freed INTEGER,
    detail TEXT
  );
  CREATE INDEX audit_actor ON audit(actor, id);
  CREATE INDEX audit_outcome ON audit(outcome, id);
  -- The audit log is append-only: the database itself refuses to change or drop a row.
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `,
  // 2: shared cleanup views and their runs. Not append-only (a view can be deleted); the audit log
  // keeps the record of every create, delete and run.
  `
  CREATE TABLE views (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    filter TEXT NOT NULL,
    all_images INTEGER NOT NULL,
    refs TEXT NOT NULL,
    force INTEGER NOT NULL,
    no_prune INTEGER NOT NULL,
    author TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    summary TEXT NOT NULL
  );
  CREATE INDEX views_created ON views(created_at);
  CREATE TABLE view_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    view_id TEXT NOT NULL REFERENCES views(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    outcome TEXT NOT NULL,
    bytes_freed INTEGER,
    audit_id INTEGER
  );
  CREATE INDEX view_runs_view ON view_runs(view_id, id);
  `,
  // 3: registered engines. Exactly one row is the default: the engine the server was started with
  // (DOCKER_HOST), registered on first use. A view belongs to the engine it was saved on; views from
  // before this step have no engine and belong to the default one.
  `
  CREATE TABLE engines (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    host TEXT NOT NULL,
    cert_path TEXT,
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX engines_one_default ON engines(is_default) WHERE is_default = 1;
  ALTER TABLE views ADD COLUMN engine_id INTEGER REFERENCES engines(id);
  CREATE INDEX views_engine ON views(engine_id, created_at);
  `,
];

/** Applies the steps the database has not seen yet; running it again changes nothing. */
export function migrate(db: Database.Database, steps: readonly string[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > steps.length) {
    throw new Error(`The database is at schema version ${current}, newer than this layerlens (${steps.length}); refusing to use it.`);
  }
  for (let v = current; v < steps.length; v++) {
    db.transaction(() => {
      db.exec(steps[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return steps.length;
}
