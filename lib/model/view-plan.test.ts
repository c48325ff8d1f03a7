import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestStore } from './test-store';
import { diffSummary, isUnchanged, liveView, summarize, type LiveView, type ViewSpec } from './view-plan';

const spec = (over: Partial<ViewSpec> = {}): ViewSpec => ({ filters: { reference: ['job'] }, all: false, refs: [], flags: { force: false, noPrune: false }, ...over });

function ok(v: LiveView): Extract<LiveView, { ok: true }> {
  assert.ok(v.ok, v.ok ? '' : v.message);
  return v;
}

const base = () =>
  new TestStore()
    .image('j1', { tags: ['job:1'], layers: ['a'] })
    .image('j2', { tags: ['job:2', 'keep:2'], layers: ['b'] })
    .image('o1', { tags: ['other:1'], layers: ['c'] });

test('a view lists the tags the reference filter keeps, then its own refs, without repeats', () => {
  const s = base();
  const v = ok(liveView(s.snapshot(), spec({ refs: ['other:1', 'job:1'] })));
  // keep:2 is a tag of a matching image but does not match: it is not sent, as `docker image ls` would not list it.
  assert.deepEqual([...v.refs].sort(), ['job:1', 'job:2', 'other:1']);
  assert.deepEqual(v.images, [s.id('j1'), s.id('j2'), s.id('o1')].sort());
  assert.equal(v.plan.steps.length, 3);
});

test('a view without a filter is its refs; a bad filter is the engine 400', () => {
  const s = base();
  assert.deepEqual(ok(liveView(s.snapshot(), spec({ filters: null, refs: ['other:1'] }))).refs, ['other:1']);
  const bad = liveView(s.snapshot(), spec({ filters: { colour: ['red'] } }));
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.message, /^Error response from daemon: invalid filter 'colour'/i);
});

test('nothing changed: an empty diff', () => {
  const s = base();
  const saved = summarize(ok(liveView(s.snapshot(), spec())));
  assert.equal(isUnchanged(diffSummary(saved, ok(liveView(s.snapshot(), spec())))), true);
});

test('the diff names images gone, new matching images and tags, and new and cleared blockers', () => {
  const before = new TestStore()
    .image('j1', { tags: ['job:1'], layers: ['a'] })
    .image('j2', { tags: ['job:2'], layers: ['b'] })
    .image('j4', { tags: ['job:4'], layers: ['d'] })
    .container('old', 'j4', 'exited');
  const saved = summarize(ok(liveView(before.snapshot(), spec())));
  assert.deepEqual(saved.steps.find((s) => s.ref === 'job:4'), { ref: 'job:4', error: true });

  // Since then: job:2 was removed, job:3 built, job:1 got a second matching tag and a container,
  // and the container on job:4 was removed.
  const after = new TestStore()
    .image('j1', { tags: ['job:1', 'job:latest'], layers: ['a'] })
    .image('j3', { tags: ['job:3'], layers: ['e'] })
    .image('j4', { tags: ['job:4'], layers: ['d'] })
    .container('new', 'j1', 'running');
  const d = diffSummary(saved, ok(liveView(after.snapshot(), spec())));
  assert.deepEqual(d.goneImages, [before.id('j2')]);
  assert.deepEqual(d.newImages, [after.id('j3')]);
  assert.deepEqual(d.goneRefs, ['job:2']);
  assert.deepEqual([...d.newRefs].sort(), ['job:3', 'job:latest']);
  assert.deepEqual(d.clearedBlockers, ['job:4']);
  // The running container blocks the last tag of j1 (whichever of its two tags goes second).
  assert.equal(d.newBlockers.length, 1);
  assert.match(d.newBlockers[0]!.message, /conflict: unable to (delete|remove)/);
  assert.equal(isUnchanged(d), false);
});
