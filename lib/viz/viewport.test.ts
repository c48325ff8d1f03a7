import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerOn, fitBox, IDENTITY, intersects, MAX_ZOOM, MIN_ZOOM, panBy, toTransform, visibleRect, zoomAt } from './viewport';

test('zooming about a point keeps that point still and respects the limits', () => {
  const m = zoomAt(IDENTITY, 2, 100, 50);
  assert.deepEqual(m, { k: 2, x: -100, y: -50 });
  assert.equal(zoomAt(IDENTITY, 100, 0, 0).k, MAX_ZOOM);
  assert.equal(zoomAt(IDENTITY, 0.001, 0, 0).k, MIN_ZOOM);
  assert.equal(toTransform(panBy(IDENTITY, 5, 6)), 'matrix(1 0 0 1 5 6)');
});

test('fit never magnifies past 1 and centres a small box', () => {
  const m = fitBox({ x0: 0, y0: 0, x1: 100, y1: 50 }, { width: 400, height: 200 });
  assert.deepEqual(m, { k: 1, x: 150, y: 75 });
  const big = fitBox({ x0: 0, y0: 0, x1: 100_000, y1: 100 }, { width: 400, height: 200 });
  assert.equal(big.k, MIN_ZOOM);
});

test('the visible rectangle inverts the matrix; culling keeps what touches it', () => {
  const r = visibleRect({ k: 2, x: -100, y: 0 }, { width: 200, height: 100 }, 0);
  assert.deepEqual([r.x0, r.y0 + 0, r.x1, r.y1], [50, 0, 150, 50]);
  assert.ok(intersects(r, 140, 40, 160, 60));
  assert.ok(!intersects(r, 151, 0, 160, 10));
  const c = centerOn(IDENTITY, 10, 10, { width: 100, height: 100 });
  assert.deepEqual(c, { k: 1, x: 40, y: 40 });
});
