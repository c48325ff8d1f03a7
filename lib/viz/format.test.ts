import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatCount, formatCreated } from './format';

test('bytes print like docker image ls, base 1000', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(999), '999 B');
  assert.equal(formatBytes(153_600), '154 kB');
  assert.equal(formatBytes(2_392_000), '2.39 MB');
  assert.equal(formatBytes(-1), '?');
});

test('counts, times and IDs', () => {
  assert.equal(formatCount(1234567), '1,234,567');
  assert.equal(formatCreated('2024-05-01T12:34:56.789Z'), '2024-05-01 12:34 UTC');
});

