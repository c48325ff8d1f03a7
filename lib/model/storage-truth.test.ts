import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planRemoval } from './planner';
import type { EngineInfo } from './snapshot';
import { storageTruth } from './storage-truth';
import { TestStore } from './test-store';

const engine = (over: Partial<EngineInfo> = {}, store: 'classic' | 'containerd' = 'classic'): EngineInfo =>
  new TestStore({ store, engine: over }).snapshot().engine;

test('overlay2: freed bytes return to the host', () => {
  const t = storageTruth(engine());
  assert.equal(t.returnsToHost, true);
  assert.equal(t.notes.length, 1);
  assert.match(t.notes[0]!, /^overlay2: freed bytes return to the host filesystem/);
});

test('devicemapper in loop-lvm mode: not returned, and the note names the data loop file', () => {
  const t = storageTruth(
    engine({
      driver: 'devicemapper',
      driverStatus: [
        ['Pool Name', 'docker-8:1-1234-pool'],
        ['Data loop file', '/var/lib/docker/devicemapper/devicemapper/data'],
        ['Metadata loop file', '/var/lib/docker/devicemapper/devicemapper/metadata'],
      ],
    }),
  );
  assert.equal(t.returnsToHost, false);
  assert.ok(t.notes.some((n) => n.includes('/var/lib/docker/devicemapper/devicemapper/data') && /loop-lvm/.test(n)), t.notes.join('\n'));
  assert.ok(!t.notes.some((n) => n.includes('/metadata')), 'the metadata file is not the one that keeps data');
});

test('devicemapper without a loop file (direct-lvm) still returns bytes, to the thin pool', () => {
  const t = storageTruth(engine({ driver: 'devicemapper', driverStatus: [['Pool Name', 'docker-thinpool']] }));
  assert.equal(t.returnsToHost, true);
  assert.ok(t.notes.some((n) => /direct-lvm/.test(n)));
  assert.ok(!t.notes.some((n) => /loop-lvm/.test(n)));
});

test('Docker Desktop: bytes go back to the VM disk image, by operating system or engine name', () => {
  for (const over of [{ operatingSystem: 'Docker Desktop' }, { name: 'docker-desktop' }]) {
    const t = storageTruth(engine(over));
    assert.equal(t.returnsToHost, false, JSON.stringify(over));
    assert.ok(t.notes.some((n) => /Docker Desktop's VM/.test(n)), JSON.stringify(over));
    assert.ok(!t.notes.some((n) => n.startsWith('overlay2:')), 'no claim that the host gets the bytes');
  }
});

test('containerd store: the note says the engine reports no layer records', () => {
  const t = storageTruth(engine({}, 'containerd'));
  assert.equal(t.returnsToHost, true);
  assert.equal(t.notes.length, 1);
  assert.match(t.notes[0]!, /^containerd image store: the engine reports no layer records/);
});

test('the planner carries the notes of its snapshot', () => {
  const s = new TestStore({ store: 'containerd' }).image('a', { tags: ['a:1'], layers: ['l'] });
  const plan = planRemoval(s.snapshot(), ['a:1'], { force: false, noPrune: false });
  assert.deepEqual(plan.notes, storageTruth(s.snapshot().engine).notes);
  assert.equal(plan.notes.length, 1);
});

test('build cache the engine reports: the note says its layers can outlive the removal', () => {
  const t = storageTruth(engine({ buildCache: { records: 3, bytes: 4096 } }));
  assert.ok(t.notes.some((n) => /3 build-cache record\(s\) \(4096 bytes\)/.test(n) && /outlive/.test(n)), t.notes.join('\n'));
  assert.ok(!storageTruth(engine({ buildCache: { records: 0, bytes: 0 } })).notes.some((n) => /build-cache/.test(n)));
});
