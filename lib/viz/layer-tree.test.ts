import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLayerTree, type TreeNode } from './layer-tree';
import { fakeId, sampleSnapshot } from './sample-snapshot';
import { toStoreView } from './store-view';

const view = toStoreView(
  sampleSnapshot(
    [
      { key: 'a', tags: ['a:1'], layers: [['b', 10], ['t1', 1], ['t2', 1], ['a', 5]] },
      { key: 'c', tags: ['c:1'], layers: [['b', 10], ['t1', 1], ['t2', 1], ['c', 6]] },
      { key: 'd', tags: ['d:1'], layers: [['b', 10], ['d', 7]] },
      { key: 'e', tags: ['e:1'], layers: [['b', 10], ['d', 7]] },
    ],
    [{ name: 'run-d', image: 'd', state: 'running' }],
  ),
);

const kinds = (n: TreeNode): string => (n.children.length ? `${n.kind}(${n.children.map(kinds).join(',')})` : n.kind);
const find = (n: TreeNode, pred: (x: TreeNode) => boolean): TreeNode | undefined =>
  pred(n) ? n : n.children.map((c) => find(c, pred)).find(Boolean);

test('bottom layers hang off the root, images off their top layer, containers off their image', () => {
  const t = buildLayerTree(view, { collapse: false });
  assert.equal(kinds(t), 'root(layers(layers(layers(layers(image),layers(image))),layers(image(container),image)))');
});

test('collapsing merges single-child runs without an image, keeping branch points and image ends', () => {
  const t = buildLayerTree(view, { collapse: true });
  assert.equal(kinds(t), 'root(layers(layers(layers(image),layers(image)),layers(image(container),image)))');
  const run = find(t, (n) => n.kind === 'layers' && n.layers.length === 2);
  assert.ok(run && run.kind === 'layers');
  assert.deepEqual(run.layers.map((i) => view.layers[i]!.size), [1, 1]);
});

test('focus keeps the focused images and their layers; other branches become counted stubs', () => {
  const t = buildLayerTree(view, { collapse: true, focus: new Set([fakeId('img:a')]) });
  assert.equal(kinds(t), 'root(layers(layers(layers(image),more),more))');
  const stubs: number[] = [];
  const walk = (n: TreeNode) => {
    if (n.kind === 'more') stubs.push(n.images);
    n.children.forEach(walk);
  };
  walk(t);
  assert.deepEqual(stubs.sort(), [1, 2]);
});

test('an opened stub shows its branch', () => {
  const base = view.layers.findIndex((l) => l.parent === -1);
  const t = buildLayerTree(view, { collapse: true, focus: new Set([fakeId('img:a')]), expanded: new Set([base]) });
  assert.equal(kinds(t), 'root(layers(layers(layers(image),more),layers(image(container),image)))');
});

test('intermediate images are hidden unless asked for, but still break runs', () => {
  const v = toStoreView(
    sampleSnapshot([
      { key: 'step', layers: [['b', 10], ['s', 1]] },
      { key: 'app', tags: ['app:1'], layers: [['b', 10], ['s', 1], ['t', 2]], parent: 'step' },
    ]),
  );
  assert.equal(v.images.find((i) => i.tags.length === 0)!.intermediate, true);
  assert.equal(kinds(buildLayerTree(v, { collapse: true })), 'root(layers(layers(image)))');
  assert.equal(kinds(buildLayerTree(v, { collapse: true, intermediate: true })), 'root(layers(layers(image),image))');
});
