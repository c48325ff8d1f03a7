import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Plan } from '../model/plan-types';
import { cliOutput, dockerCommand, indexPlan, reasonText, sortReasons, stepLines } from './plan-text';

const img = (c: string) => `sha256:${c.repeat(64)}`;

test('records and errors print as the docker CLI prints them, errors last', () => {
  const steps = [
    { records: [{ Untagged: 'a:1' }, { Deleted: img('a') }], error: null },
    { records: [], error: { status: 409, message: 'conflict: unable to delete x' } },
    { records: [{ Untagged: 'b:1' }], error: null },
  ];
  assert.deepEqual(stepLines(steps[0]!), ['Untagged: a:1', `Deleted: ${img('a')}`]);
  assert.deepEqual(cliOutput(steps), {
    stdout: ['Untagged: a:1', `Deleted: ${img('a')}`, 'Untagged: b:1'],
    stderr: ['Error response from daemon: conflict: unable to delete x'],
  });
});

test('the CLI command carries the flags and quotes odd refs', () => {
  assert.equal(dockerCommand(['a:1', 'b'], { force: false, noPrune: false }), 'docker image rm a:1 b');
  assert.equal(dockerCommand(['a b'], { force: true, noPrune: true }), "docker image rm --force --no-prune 'a b'");
});

test('reasons name what holds the layer', () => {
  const nameOf = () => 'web:1';
  assert.match(reasonText({ kind: 'shared', imageId: img('b'), refs: ['app-web:1'] }, nameOf), /Shared with app-web:1 \(bbbbbbbbbbbb\)/);
  assert.match(reasonText({ kind: 'container', containerId: img('c'), name: 'svc', state: 'running', imageId: img('b') }, nameOf), /never removes running/);
  assert.match(reasonText({ kind: 'child', imageId: img('b'), childId: img('d'), childRefs: ['x:2'] }, nameOf), /web:1 has a child image, x:2/);
});

test('untagged sharers are named once, and sorted after tagged ones', () => {
  const untagged = { kind: 'shared' as const, imageId: img('e'), refs: ['eeeeeeeeeeee'] };
  const tagged = { kind: 'shared' as const, imageId: img('f'), refs: ['web:1'] };
  assert.equal(reasonText(untagged, () => ''), 'Shared with untagged image eeeeeeeeeeee, which is not being removed.');
  assert.deepEqual(sortReasons([untagged, tagged]), [tagged, untagged]);
});

test('the plan index tells freed, kept and only-untagged images apart', () => {
  const plan: Plan = {
    flags: { force: false, noPrune: false },
    steps: [
      { ref: 'a:1', records: [{ Untagged: 'a:1' }], error: null, imageId: img('a') },
      { ref: 'b:1', records: [{ Untagged: 'b:1' }, { Deleted: img('b') }], error: null, imageId: img('b') },
    ],
    freed: { images: [img('b')], layers: [img('9')], bytes: 5 },
    survivors: [{ chainId: img('8'), size: 1, of: [img('b')], sharedBy: 1, reasons: [] }],
    keptImages: [{ imageId: img('a'), reasons: [] }],
    notes: [],
  };
  const ix = indexPlan(plan);
  assert.ok(ix.freedImages.has(img('b')) && ix.untagged.has(img('a')) && !ix.untagged.has(img('b')));
  assert.ok(ix.freedLayers.has(img('9')) && ix.keptLayers.has(img('8')));
  assert.equal(indexPlan(null).targets.size, 0);
});
