import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSession, deleteSession, SESSION_MS, sessionUser } from './sessions';
import { issueSetupToken, setupOpen, spendSetupToken } from './setup-token';
import { tempDb } from './test-db';
import { checkCredentials, createUser, insertUser, listUsers, setRole, UserError } from './users';

test('users sign in with their password; unknown names and wrong passwords do not', async () => {
  const { db } = tempDb();
  await createUser(db, 'ana', 'ana-password-1', 'operator');
  assert.equal((await checkCredentials(db, 'ana', 'ana-password-1'))?.role, 'operator');
  assert.equal((await checkCredentials(db, 'ANA', 'ana-password-1'))?.username, 'ana');
  assert.equal(await checkCredentials(db, 'ana', 'wrong-password'), undefined);
  assert.equal(await checkCredentials(db, 'bob', 'ana-password-1'), undefined);
  await assert.rejects(createUser(db, 'Ana', 'another-password', 'viewer'), UserError);
  await assert.rejects(createUser(db, 'bad name', 'another-password', 'viewer'), UserError);
  await assert.rejects(createUser(db, 'carl', 'short', 'viewer'), UserError);
});

test('a role change applies at once (sessions end) and the last admin keeps the role', async () => {
  const { db } = tempDb();
  const root = await createUser(db, 'root', 'root-password', 'admin');
  const v = await createUser(db, 'vic', 'vic-password', 'viewer');
  const s = createSession(db, v.id);
  assert.equal(sessionUser(db, s.token)?.role, 'viewer');
  assert.deepEqual(setRole(db, 'vic', 'operator'), { before: 'viewer' });
  assert.equal(sessionUser(db, s.token), undefined);
  assert.throws(() => setRole(db, 'root', 'viewer'), /last admin/);
  setRole(db, 'vic', 'admin');
  setRole(db, 'root', 'viewer');
  assert.deepEqual(listUsers(db).map((u) => [u.username, u.role]), [['root', 'viewer'], ['vic', 'admin']]);
  assert.equal(root.role, 'admin');
});

test('sessions: only the hash is stored, they expire, and sign-out ends them', async () => {
  const { db } = tempDb();
  const u = await createUser(db, 'ana', 'ana-password-1', 'viewer');
  const t0 = 1_000_000;
  const s = createSession(db, u.id, t0);
  const stored = db.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0], s.token);
  assert.equal(sessionUser(db, s.token, t0 + 1)?.username, 'ana');
  assert.equal(sessionUser(db, s.token, t0 + SESSION_MS), undefined);
  assert.equal(sessionUser(db, 'guess', t0 + 1), undefined);
  deleteSession(db, s.token);
  assert.equal(sessionUser(db, s.token, t0 + 1), undefined);
});

test('the setup token opens setup once, only while there is no admin', () => {
  const { db } = tempDb();
  const token = issueSetupToken(db);
  assert.ok(token);
  assert.equal(setupOpen(db), true);
  assert.equal(db.prepare('SELECT count(*) FROM setup_token WHERE token_hash = ?').pluck().get(token), 0);
  assert.equal(spendSetupToken(db, 'wrong', () => 'made'), undefined);
  assert.equal(spendSetupToken(db, token, () => insertUser(db, 'admin', 'x', 'admin').username), 'admin');
  assert.equal(spendSetupToken(db, token, () => 'again'), undefined);
  assert.equal(setupOpen(db), false);
  assert.equal(issueSetupToken(db), undefined);
});
