import 'server-only';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './db';
import { tokenHash } from './sessions';
import { countAdmins } from './users';

/**
 * The one-time token that lets the first person set the admin password. Issued at server start
 * while no admin exists; only its hash is kept, the token itself goes to the server console and
 * nowhere else. A new start replaces it, so an old console line stops working.
 */
export function issueSetupToken(db: Db, now = Date.now()): string | undefined {
  if (countAdmins(db) > 0) return undefined;
  const token = randomBytes(24).toString('base64url');
  db.prepare('INSERT OR REPLACE INTO setup_token (id, token_hash, created_at) VALUES (1, ?, ?)').run(tokenHash(token), now);
  return token;
}

/** Whether setup is still open (no admin yet and a token issued). */
export function setupOpen(db: Db): boolean {
  return countAdmins(db) === 0 && db.prepare('SELECT 1 FROM setup_token WHERE id = 1').get() !== undefined;
}

/** Checks and spends the token inside `then` (which creates the admin), all in one transaction. */
export function spendSetupToken<T>(db: Db, token: string, then: () => T): T | undefined {
  return db.transaction(() => {
    const r = db.prepare('SELECT token_hash FROM setup_token WHERE id = 1').get() as { token_hash: string } | undefined;
    if (!r || countAdmins(db) > 0) return undefined;
    const a = Buffer.from(r.token_hash, 'hex');
    const b = Buffer.from(tokenHash(token), 'hex');
    if (!timingSafeEqual(a, b)) return undefined;
    db.prepare('DELETE FROM setup_token WHERE id = 1').run();
    return then();
  })();
}
