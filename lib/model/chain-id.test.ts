import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chainIds } from './chain-id';

const d = (c: string) => `sha256:${c.repeat(64)}`;

test('a single layer: the chain ID is the diff ID', () => {
  assert.deepEqual(chainIds([d('a')]), [d('a')]);
});

test('no layers: no chain', () => {
  assert.deepEqual(chainIds([]), []);
});

test('each chain ID hashes the chain below, a space and the diff ID (prefixes included)', () => {
  const [c0, c1, c2] = chainIds([d('a'), d('b'), d('c')]);
  const h = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
  assert.equal(c0, d('a'));
  assert.equal(c1, h(`${d('a')} ${d('b')}`));
  assert.equal(c2, h(`${c1} ${d('c')}`));
});

test('a known vector: the chain of the same diff ID twice', () => {
  // The same layer content stacked twice must not collapse to one ID.
  const [c0, c1] = chainIds([d('0'), d('0')]);
  assert.notEqual(c0, c1);
  assert.match(c1!, /^sha256:[0-9a-f]{64}$/);
});
