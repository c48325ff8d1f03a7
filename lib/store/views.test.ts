import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAudit } from './audit';
import { tempDb } from './test-db';
import { createView, deleteView, getView, listViews, newViewId, recordViewRun, viewRuns, type NewView } from './views';

const ana = { name: 'ana', role: 'operator', ip: '10.0.0.1' };
const view: NewView = {
  name: 'old jobs',
  description: 'Nightly job images',
  filter: 'reference=job',
  all: false,
  refs: ['scratch:1'],
  flags: { force: false, noPrune: true },
  summary: { images: ['sha256:a'], refs: ['job:1', 'scratch:1'], steps: [{ ref: 'job:1', error: false }, { ref: 'scratch:1', error: true }] },
  engineId: null,
};

test('a view round-trips with an opaque id, and its creation is audited', () => {
  const { db } = tempDb();
  const id = createView(db, ana, view, 1000);
  assert.match(id, /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(newViewId(), newViewId());
  assert.deepEqual(getView(db, id), { ...view, id, author: 'ana', createdAt: 1000 });
  assert.equal(getView(db, 'nope'), undefined);
  const [row] = listAudit(db);
  assert.equal(row?.action, 'view-create');
  assert.equal(row?.actor, 'ana');
  assert.match(row?.detail ?? '', new RegExp(`view ${id} "old jobs"`));
});

test('the list is newest first with the last run; runs and deletes are audited', () => {
  const { db } = tempDb();
  const a = createView(db, ana, view, 1000, 'view-a');
  createView(db, ana, { ...view, name: 'second' }, 2000, 'view-b');
  recordViewRun(db, ana, getView(db, a)!, { refs: ['job:1'], outcome: 'refused', bytesFreed: null, detail: 'job:1 changed' }, 3000);
  recordViewRun(db, { name: 'bo', role: 'admin' }, getView(db, a)!, { refs: ['job:1'], outcome: 'applied', bytesFreed: 4096 }, 4000);
  const list = listViews(db);
  assert.deepEqual(list.map((v) => v.id), ['view-b', 'view-a']);
  assert.equal(list[0]?.lastRun, null);
  assert.deepEqual(list[1]?.lastRun, { at: 4000, actor: 'bo', outcome: 'applied', bytesFreed: 4096 });
  assert.deepEqual(viewRuns(db, a).map((r) => r.outcome), ['applied', 'refused']);

  assert.equal(deleteView(db, ana, a, 5000), true);
  assert.equal(deleteView(db, ana, a, 5001), false);
  assert.equal(getView(db, a), undefined);
  assert.deepEqual(viewRuns(db, a), []);
  assert.deepEqual(listAudit(db).map((r) => [r.action, r.outcome]), [
    ['view-delete', 'ok'],
    ['view-run', 'applied'],
    ['view-run', 'refused'],
    ['view-create', 'ok'],
    ['view-create', 'ok'],
  ]);
  assert.equal(listAudit(db)[1]?.bytesFreed, 4096);
});
