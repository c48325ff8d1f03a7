import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

/** Where the database lives: LAYERLENS_DB, else LAYERLENS_DATA/layerlens.db (default `.layerlens/`). */
export function dbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAYERLENS_DB ?? path.join(/*turbopackIgnore: true*/ env.LAYERLENS_DATA ?? '.layerlens', 'layerlens.db');
}

/**
 * Opens (creating if needed) and migrates a database. WAL lets the CLI and the server use one file
 * at once; busy_timeout makes a writer wait for the other instead of failing.
 */
export function openDb(file: string): Db {
  // The ignore comments keep Turbopack from tracing the whole project for a path only known at run time.
  mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

// One connection per file for the whole process (Next.js may load this module more than once).
const open = ((globalThis as { __layerlensDbs?: Map<string, Db> }).__layerlensDbs ??= new Map());

/** The process-wide connection to the configured database. */
export function getDb(): Db {
  const file = path.resolve(/*turbopackIgnore: true*/ dbPath());
  let db = open.get(file);
  if (!db) open.set(file, (db = openDb(file)));
  return db;
}
