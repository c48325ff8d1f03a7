import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Plan } from '../model/plan-types';
import { linkStatus, nodeMatches, nodeStatus } from './graph-status';
import { buildLayerTree, type TreeNode } from './layer-tree';
import { indexPlan } from './plan-text';
import { sampleSnapshot } from './sample-snapshot';
import { toStoreView } from './store-view';

const view = toStoreView(
  sampleSnapshot(
    [
      { key: 'a', tags: ['a:1'], layers: [['b', 10], ['a', 5]] },
      { key: 'c', tags: ['c:1'], layers: [['b', 10], ['c', 6]] },
    ],
    [{ name: 'worker', image: 'c', state: 'exited' }],
  ),
);
const nodes: Array<Exclude<TreeNode, { kind: 'root' }>> = [];
const walk = (n: TreeNode) => {
  if (n.kind !== 'root') nodes.push(n);
  n.children.forEach(walk);
};
walk(buildLayerTree(view, { collapse: false }));
const imgA = view.images[0]!;
const layerOf = (size: number) => nodes.find((n) => n.kind === 'layers' && view.layers[n.layers[0]!]!.size === size)!;

test('layer and image nodes take their fate from the plan', () => {
  const plan: Plan = {
    flags: { force: false, noPrune: false },
    steps: [{ ref: 'a:1', records: [{ Untagged: 'a:1' }, { Deleted: imgA.id }], error: null, imageId: imgA.id }],
    freed: { images: [imgA.id], layers: [view.layers[imgA.layers[1]!]!.chainId], bytes: 5 },
    survivors: [{ chainId: view.layers[imgA.layers[0]!]!.chainId, size: 10, of: [imgA.id], sharedBy: 1, reasons: [] }],
    keptImages: [],
    notes: [],
  };
  const ix = indexPlan(plan);
  assert.equal(nodeStatus(layerOf(5), view, ix), 'freed');
  assert.equal(nodeStatus(layerOf(10), view, ix), 'kept');
  assert.equal(nodeStatus(layerOf(6), view, ix), null);
  const imageNode = nodes.find((n) => n.kind === 'image' && n.id === imgA.id)!;
  assert.equal(nodeStatus(imageNode, view, ix), 'freed');
  assert.equal(linkStatus(imageNode, ix), 'freed');
  assert.equal(linkStatus(layerOf(10), ix), '');
});

test('search finds refs, chain ID fragments, commands and container names', () => {
  const found = (q: string) => nodes.filter((n) => nodeMatches(n, view, q)).map((n) => n.kind);
  assert.deepEqual(found('a:1'), ['image']);
  assert.deepEqual(found('make c'), ['layers']);
  assert.deepEqual(found('work'), ['container']);
  assert.deepEqual(found(view.layers[0]!.chainId.slice(7, 15)), ['layers']);
});
