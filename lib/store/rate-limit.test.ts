import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearFailures, isLimited, recordFailure, WINDOW_MS } from './rate-limit';
import { tempDb } from './test-db';

test('five failures in 15 minutes lock the key until the oldest leaves the window', () => {
  const { db } = tempDb();
  const key = 'ana|10.0.0.1';
  const t0 = 10_000_000;
  for (let i = 0; i < 4; i++) recordFailure(db, [key], t0 + i);
  assert.equal(isLimited(db, key, 5, t0 + 10), false);
  recordFailure(db, [key], t0 + 4);
  assert.equal(isLimited(db, key, 5, t0 + 10), true);
  assert.equal(isLimited(db, 'ana|10.0.0.2', 5, t0 + 10), false);
  assert.equal(isLimited(db, key, 5, t0 + WINDOW_MS - 1), true);
  assert.equal(isLimited(db, key, 5, t0 + WINDOW_MS), false);
});

test('a success clears its key only', () => {
  const { db } = tempDb();
  for (let i = 0; i < 5; i++) recordFailure(db, ['ana|ip', 'ana'], 100 + i);
  clearFailures(db, 'ana|ip');
  assert.equal(isLimited(db, 'ana|ip', 5, 200), false);
  assert.equal(isLimited(db, 'ana', 5, 200), true);
});
