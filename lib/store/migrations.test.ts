import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from './db';
import { migrate, MIGRATIONS } from './migrations';
import { tempDb } from './test-db';
import { createUser, getUser } from './users';

test('migrations run once: reopening and re-running keeps the data and the version', async () => {
  const { db, file } = tempDb();
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  await createUser(db, 'ana', 'ana-password-1', 'viewer');
  assert.equal(migrate(db), MIGRATIONS.length);
  const again = openDb(file);
  try {
    assert.equal(again.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.equal(getUser(again, 'ana')?.role, 'viewer');
  } finally {
    again.close();
  }
});

test('a new step runs after the released ones, and a newer database is refused', () => {
  const { db } = tempDb();
  migrate(db, [...MIGRATIONS, 'CREATE TABLE extra (x INTEGER)']);
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length + 1);
  assert.throws(() => migrate(db), /newer than this layerlens/);
});
