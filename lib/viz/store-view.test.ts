import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleSnapshot } from './sample-snapshot';
import { bytesByRepository, storeTotals } from './store-totals';
import { imageLabel, removalRefs, toStoreView } from './store-view';

const snap = sampleSnapshot(
  [
    { key: 'base', tags: ['base:1'], layers: [['b', 1000]] },
    { key: 'web1', tags: ['web:1'], layers: [['b', 1000], ['w', 200]] },
    { key: 'web2', tags: ['web:2', 'web:latest'], layers: [['b', 1000], ['w', 200], ['w2', 50]], parent: 'web1' },
    { key: 'job', tags: ['job:1'], layers: [['b', 1000], ['j', 30]] },
    { key: 'loose', layers: [['x', 7]] },
  ],
  [{ name: 'runner', image: 'job', state: 'exited' }],
);
const view = toStoreView(snap);

test('layers are stored once per chain ID and counted per holder', () => {
  assert.equal(view.layers.length, 5);
  const base = view.layers.find((l) => l.parent === -1 && l.size === 1000)!;
  assert.equal(base.holders, 4);
  view.layers.forEach((l, i) => assert.ok(l.parent < i));
});

test('unique and shared bytes come from chain IDs, not from the API', () => {
  const web2 = view.images.find((i) => i.tags[0] === 'web:2')!;
  assert.equal(web2.uniqueBytes, 50);
  assert.equal(web2.sharedBytes, 1200);
  const loose = view.images.find((i) => i.tags.length === 0)!;
  assert.equal(loose.uniqueBytes, 7);
  assert.equal(loose.dangling, true);
  assert.equal(view.images.find((i) => i.tags[0] === 'web:1')!.intermediate, false);
});

test('containers attach to their image', () => {
  const job = view.images.find((i) => i.tags[0] === 'job:1')!;
  assert.deepEqual(job.containers.map((c) => view.containers[c]!.name), ['runner']);
  assert.equal(view.containers[0]!.running, false);
});

test('labels and removal refs name an image as an operator would type it', () => {
  const web2 = view.images.find((i) => i.tags[0] === 'web:2')!;
  assert.equal(imageLabel(web2), 'web:2');
  assert.deepEqual(removalRefs(web2), ['web:2', 'web:latest']);
  const loose = view.images.find((i) => i.tags.length === 0)!;
  assert.deepEqual(removalRefs(loose), [loose.shortId]);
  assert.equal(loose.shortId.length, 12);
});

test('totals: bytes on disk count each layer once; reclaimable excludes what containers pin', () => {
  const t = storeTotals(view);
  assert.equal(t.images, 5);
  assert.equal(t.tags, 5);
  assert.equal(t.layers, 5);
  assert.equal(t.bytesOnDisk, 1000 + 200 + 50 + 30 + 7);
  assert.equal(t.bytesShared, 1000 + 200);
  assert.equal(t.bytesReclaimable, 200 + 50 + 7);
  assert.equal(t.unusedImages, 4);
});

test('bytes by repository split what a repository holds alone from what it shares', () => {
  const { rows, others } = bytesByRepository(view);
  const web = rows.find((r) => r.repository === 'web')!;
  assert.deepEqual([web.images, web.unique, web.shared], [2, 250, 1000]);
  assert.equal(rows[0]!.repository, 'web');
  assert.equal(others, null);
  const few = bytesByRepository(view, 2);
  assert.equal(few.rows.length, 2);
  // web and job lead; base and <none> are summed, each layer once.
  assert.deepEqual(few.rows.map((r) => r.repository), ['web', 'job']);
  assert.deepEqual(few.others, { repositories: 2, images: 2, bytes: 1000 + 7 });
});

test('sharing is counted among top-level images, as docker system df does', () => {
  const v = toStoreView(
    sampleSnapshot([
      { key: 'step', layers: [['b', 10], ['s', 5]] },
      { key: 'app', tags: ['app:1'], layers: [['b', 10], ['s', 5]], parent: 'step' },
    ]),
  );
  const app = v.images.find((i) => i.tags.length > 0)!;
  const step = v.images.find((i) => i.tags.length === 0)!;
  assert.deepEqual([app.uniqueBytes, app.sharedBytes], [15, 0]);
  assert.deepEqual([step.uniqueBytes, step.sharedBytes], [0, 15]);
  assert.deepEqual(bytesByRepository(v).rows.map((r) => r.repository), ['app']);
});

test('the repository column names the repository as the engine prints it', () => {
  const view = toStoreView(
    sampleSnapshot([
      { key: 'a', tags: ['localhost:5000/x/y:1'], layers: [['l1', 1]] },
      { key: 'b', tags: ['docker.io/library/busybox:1'], layers: [['l2', 1]] },
      { key: 'c', tags: [], layers: [['l3', 1]] },
    ]),
  );
  assert.deepEqual(view.images.map((i) => i.repository).sort(), ['<none>', 'busybox', 'localhost:5000/x/y']);
});
