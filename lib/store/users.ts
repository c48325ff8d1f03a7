import 'server-only';
import type { Role } from '../auth/roles';
import type { Db } from './db';
import { hashPassword, MIN_PASSWORD, verifyPassword } from './password';

export interface User {
  id: number;
  username: string;
  role: Role;
  createdAt: number;
}

type Row = { id: number; username: string; role: Role; created_at: number; password_hash: string };
const toUser = (r: Row): User => ({ id: r.id, username: r.username, role: r.role, createdAt: r.created_at });

/** 1–64 letters, digits, `.`, `_`, `-`, `@`: shown in the audit log and CSV as is. */
export const USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;

export class UserError extends Error {}

/** Adds a user; throws UserError for a taken or malformed name or a short password. */
export async function createUser(db: Db, username: string, password: string, role: Role, now = Date.now()): Promise<User> {
  if (password.length < MIN_PASSWORD) throw new UserError(`A password has at least ${MIN_PASSWORD} characters`);
  return insertUser(db, username, await hashPassword(password), role, now);
}

/** The synchronous half of createUser, for use inside a transaction with an already hashed password. */
export function insertUser(db: Db, username: string, passwordHash: string, role: Role, now = Date.now()): User {
  if (!USERNAME.test(username)) throw new UserError('A username is 1–64 letters, digits, ".", "_", "-" or "@"');
  if (getUser(db, username)) throw new UserError(`The user ${username} exists already`);
  const id = db.prepare('INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)').run(username, passwordHash, role, now).lastInsertRowid;
  return { id: Number(id), username, role, createdAt: now };
}

export function getUser(db: Db, username: string): User | undefined {
  const r = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined;
  return r && toUser(r);
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as Row[]).map(toUser);
}

export function countAdmins(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin'").get() as { n: number }).n;
}

// Verifying against a real hash also for unknown users keeps the reply time from telling which names exist.
let dummyHash: Promise<string> | undefined;

/** The user whose password this is, or undefined. */
export async function checkCredentials(db: Db, username: string, password: string): Promise<User | undefined> {
  const r = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined;
  const ok = await verifyPassword(password, r?.password_hash ?? (await (dummyHash ??= hashPassword('not a password'))));
  return r && ok ? toUser(r) : undefined;
}

/**
 * Changes a role. The last admin cannot be demoted (nobody could manage users any more); a demoted
 * user's sessions end, so the new role applies at once and not at the next sign-in.
 */
export function setRole(db: Db, username: string, role: Role): { before: Role } {
  return db.transaction(() => {
    const u = getUser(db, username);
    if (!u) throw new UserError(`No user ${username}`);
    if (u.role === 'admin' && role !== 'admin' && countAdmins(db) <= 1) throw new UserError('The last admin cannot lose the role');
    db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, u.id);
    if (role !== u.role) db.prepare('DELETE FROM sessions WHERE user_id = ?').run(u.id);
    return { before: u.role };
  })();
}

/** Sets a new password (admin reset or CLI recovery); ends the user's sessions. */
export async function setPassword(db: Db, username: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD) throw new UserError(`A password has at least ${MIN_PASSWORD} characters`);
  const u = getUser(db, username);
  if (!u) throw new UserError(`No user ${username}`);
  const hash = await hashPassword(password);
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, u.id);
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(u.id);
  })();
}
