import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineOverview } from './engine-overview';
import { SAMPLE_ENGINE } from './sample-snapshot';

test('the title names the engine and API versions', () => {
  assert.equal(engineOverview(SAMPLE_ENGINE).title, 'Docker Engine 20.10.24+dfsg1 (API 1.41)');
});

test('overlay2 says freed bytes return to the host', () => {
  const o = engineOverview(SAMPLE_ENGINE);
  assert.ok(o.returnsToHost);
  assert.ok(o.notes.some((n) => /overlay2: freed bytes return to the host/.test(n)));
});

test('devicemapper in loop-lvm mode: the note says the sparse file never shrinks', () => {
  const o = engineOverview({
    ...SAMPLE_ENGINE,
    driver: 'devicemapper',
    driverStatus: [
      ['Pool Name', 'docker-8:1-123-pool'],
      ['Data file', '/dev/loop0'],
      ['Data loop file', '/var/lib/docker/devicemapper/devicemapper/data'],
    ],
    warnings: ['WARNING: the devicemapper storage-driver is deprecated'],
  });
  assert.equal(o.returnsToHost, false);
  assert.ok(o.notes.some((n) => n.includes('loop-lvm') && n.includes('/var/lib/docker/devicemapper/devicemapper/data') && n.includes('never shrinks')));
  assert.deepEqual(o.driverStatus[2], ['Data loop file', '/var/lib/docker/devicemapper/devicemapper/data']);
  assert.equal(o.warnings.length, 1);
});

test('an engine inside Docker Desktop says the bytes go back to the VM', () => {
  const o = engineOverview({ ...SAMPLE_ENGINE, operatingSystem: 'Docker Desktop', name: 'docker-desktop' });
  assert.ok(o.notes.some((n) => /VM/.test(n)));
});
