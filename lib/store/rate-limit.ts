import 'server-only';
import type { Db } from './db';

export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Sign-in attempts are limited per key in a sliding 15-minute window. The caller checks two keys:
 * username+IP (5 failures), and the username alone (a higher limit), because the IP comes from
 * X-Forwarded-For, which a client can vary when no proxy overwrites it.
 */
export function isLimited(db: Db, key: string, max: number, now = Date.now()): boolean {
  const r = db.prepare('SELECT count(*) AS n FROM login_failures WHERE key = ? AND at > ?').get(key, now - WINDOW_MS) as { n: number };
  return r.n >= max;
}

export function recordFailure(db: Db, keys: readonly string[], now = Date.now()): void {
  const ins = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM login_failures WHERE at <= ?').run(now - WINDOW_MS);
    for (const k of keys) ins.run(k, now);
  })();
}

/** After a successful sign-in the username+IP slate is clean again. */
export function clearFailures(db: Db, key: string): void {
  db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
}
