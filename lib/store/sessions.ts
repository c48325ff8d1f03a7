import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../auth/roles';
import type { Db } from './db';
import type { User } from './users';

/** Sessions last 12 hours: a working day, then sign in again. */
export const SESSION_MS = 12 * 60 * 60 * 1000;

/** Tokens are stored as SHA-256: a copy of the database does not hold usable sessions. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A fresh session for the user; the token goes to the cookie, only its hash to the database. */
export function createSession(db: Db, userId: number, now = Date.now()): { token: string; expiresAt: number } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_MS;
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(tokenHash(token), userId, now, expiresAt);
  return { token, expiresAt };
}

/** The signed-in user for a token, with the role as it is now in the database; undefined if unknown or expired. */
export function sessionUser(db: Db, token: string, now = Date.now()): User | undefined {
  const r = db
    .prepare('SELECT u.id, u.username, u.role, u.created_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?')
    .get(tokenHash(token), now) as { id: number; username: string; role: Role; created_at: number } | undefined;
  return r && { id: r.id, username: r.username, role: r.role, createdAt: r.created_at };
}

export function deleteSession(db: Db, token: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
}
