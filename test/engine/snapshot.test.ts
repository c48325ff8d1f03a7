/**
 * The snapshot against what each real engine reports through the docker CLI (a second client),
 * and chain IDs against the classic store's layer database on disk.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { connect } from '../../lib/engine/connection';
import { SnapshotReader } from '../../lib/engine/snapshot-reader';
import type { Snapshot } from '../../lib/model/snapshot';
import { dockerOut } from '../../lib/testbed/docker-cli';
import { buildFixtureStore } from '../../lib/testbed/fixtures';
import { registryAddr, testKinds, useEngine } from '../support/engines';

interface InspectedImage {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Size: number;
  RootFS: { Layers?: string[] };
}

for (const kind of testKinds) {
  describe(`snapshot on ${kind}`, () => {
    const engine = useEngine(kind, 'snapshot');
    let snap: Snapshot;
    let inspected: Map<string, InspectedImage>;

    test('reads a fixture store', async () => {
      const host = engine.current.host;
      await buildFixtureStore(host, { seed: 11, registry: registryAddr });
      snap = await new SnapshotReader(connect({ host }), host).read();
      const ids = [...new Set((await dockerOut(host, ['image', 'ls', '-aq', '--no-trunc'])).split('\n').filter(Boolean))];
      const json = await dockerOut(host, ['image', 'inspect', ...ids]);
      inspected = new Map((JSON.parse(json) as InspectedImage[]).map((i) => [i.Id, i]));
      assert.ok(snap.images.length >= 10, `fixture store has ${snap.images.length} images`);
      assert.deepEqual(snap.images.map((i) => i.id).sort(), [...inspected.keys()].sort());
    });

    test('engine info names the store and the API version', async () => {
      const info = JSON.parse(await dockerOut(engine.current.host, ['version', '--format', '{{json .Server}}'])) as { ApiVersion: string };
      assert.equal(snap.engine.apiVersion, info.ApiVersion);
      assert.equal(snap.engine.imageStore, kind === 'v28-c8d' ? 'containerd' : 'classic');
      // Build cache is asked only where the engine can answer cheaply (API 1.42+).
      assert.equal(snap.engine.buildCache !== undefined, kind !== 'v20');
    });

    test('tags, digests, parents and diff IDs equal `docker image inspect`', () => {
      for (const img of snap.images) {
        const i = inspected.get(img.id)!;
        assert.deepEqual([...img.repoTags].sort(), [...(i.RepoTags ?? [])].sort(), `tags of ${img.id}`);
        if (kind !== 'v28-c8d') assert.deepEqual([...img.repoDigests].sort(), [...(i.RepoDigests ?? [])].sort(), `digests of ${img.id}`);
        assert.equal(img.parent, i.Parent ?? '', `parent of ${img.id}`);
        assert.deepEqual(img.layers.map((l) => l.diffId), i.RootFS.Layers ?? [], `diff IDs of ${img.id}`);
      }
    });

    test('layer sizes add up to the image size (classic store)', { skip: kind === 'v28-c8d' && 'the containerd store counts content blobs too' }, () => {
      for (const img of snap.images) {
        const sum = img.layers.reduce((n, l) => n + l.size, 0);
        assert.equal(sum, img.size, `layers of ${img.id} (${img.repoTags.join(',')})`);
        assert.equal(img.size, inspected.get(img.id)!.Size);
      }
    });

    test('chain IDs name the layers in the engine layer database', { skip: kind === 'v28-c8d' && 'no layerdb in the containerd store' }, () => {
      const layerdb = path.join(engine.current.dataRoot, 'image', 'overlay2', 'layerdb', 'sha256');
      let checked = 0;
      for (const img of snap.images) {
        img.layers.forEach((l, k) => {
          const dir = path.join(layerdb, l.chainId.slice('sha256:'.length));
          assert.equal(fs.readFileSync(path.join(dir, 'diff'), 'utf8'), l.diffId);
          const parent = k === 0 ? undefined : img.layers[k - 1]!.chainId;
          if (parent) assert.equal(fs.readFileSync(path.join(dir, 'parent'), 'utf8'), parent);
          checked++;
        });
      }
      assert.ok(checked > 0);
    });

    test('containers equal `docker ps -a`', async () => {
      const host = engine.current.host;
      const rows = (await dockerOut(host, ['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.State}}']))
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' '));
      assert.ok(rows.length >= 3, 'fixture store has containers');
      assert.deepEqual(snap.containers.map((c) => c.id).sort(), rows.map((r) => r[0]).sort());
      for (const [id, names, state] of rows) {
        const c = snap.containers.find((x) => x.id === id)!;
        assert.equal(c.names.join(','), names);
        assert.equal(c.state, state);
        const imageId = (await dockerOut(host, ['container', 'inspect', '--format', '{{.Image}}', id!])).trim();
        assert.equal(c.imageId, imageId);
      }
    });

    test('a warm read reuses the immutable part and sees a new tag', async () => {
      const host = engine.current.host;
      const reader = new SnapshotReader(connect({ host }), host);
      await reader.read();
      const some = snap.images.find((i) => i.repoTags.length > 0)!;
      await dockerOut(host, ['tag', some.id, 'warm-read-check:1']);
      const warm = await reader.read();
      assert.ok(warm.images.find((i) => i.id === some.id)!.repoTags.includes('warm-read-check:1'));
      await dockerOut(host, ['rmi', 'warm-read-check:1']);
    });
  });
}
