import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLayerTree } from './layer-tree';
import { layoutDag, NODE_HEIGHT, NODE_WIDTH } from './layout-dag';
import { largeSnapshot, sampleSnapshot } from './sample-snapshot';
import { toStoreView } from './store-view';

const view = toStoreView(
  sampleSnapshot([
    { key: 'a', tags: ['a:1'], layers: [['b', 10], ['a', 5]] },
    { key: 'c', tags: ['c:1'], layers: [['b', 10], ['c', 6]] },
    { key: 'x', tags: ['x:1'], layers: [['x', 3]] },
  ]),
);

test('roots in the first column, each level one column to the right; the virtual root is not drawn', () => {
  const l = layoutDag(buildLayerTree(view, { collapse: false }));
  assert.equal(l.nodes.length, 4 + 3);
  const cols = [...new Set(l.nodes.map((n) => n.x))].sort((a, b) => a - b);
  assert.equal(cols.length, 3);
  for (const n of l.nodes) assert.equal(n.x, cols[n.depth]);
  assert.equal(l.links.length, 5);
  assert.ok(l.links.every((k) => k.d.startsWith('M')));
});

test('no two nodes overlap and everything lies inside the reported size', () => {
  const l = layoutDag(buildLayerTree(view, { collapse: false }));
  for (const a of l.nodes) {
    assert.ok(a.x - NODE_WIDTH / 2 >= 0 && a.y - NODE_HEIGHT / 2 >= 0);
    assert.ok(a.x + NODE_WIDTH / 2 <= l.width && a.y + NODE_HEIGHT / 2 <= l.height);
    for (const b of l.nodes) {
      if (a !== b && a.x === b.x) assert.ok(Math.abs(a.y - b.y) >= NODE_HEIGHT, `${a.id} overlaps ${b.id}`);
    }
  }
});

test('an empty store lays out to nothing', () => {
  const l = layoutDag(buildLayerTree(toStoreView(sampleSnapshot([])), { collapse: true }));
  assert.deepEqual([l.nodes.length, l.width, l.height], [0, 0, 0]);
});

test('2,000 images lay out quickly enough to redo on every selection change', () => {
  const big = toStoreView(largeSnapshot(2000));
  const t0 = performance.now();
  const l = layoutDag(buildLayerTree(big, { collapse: true }));
  const ms = performance.now() - t0;
  assert.ok(l.nodes.length > 2000);
  assert.ok(ms < 1500, `layout took ${ms.toFixed(0)} ms`);
});
