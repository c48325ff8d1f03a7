import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import tar from 'tar-stream';
import { chunkPlan, configOf, planStore, seededBytes, seededRandom, tarBytes, toArchiveImage, writeArchive, type PlannedImage } from './load-archive';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Reads a tar with tar-stream (an independent reader) into name -> {type, data, linkname}. */
async function untar(bytes: Buffer) {
  const out = new Map<string, { type: string; data: Buffer; linkname?: string | null }>();
  const ex = tar.extract();
  const done = (async () => {
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      out.set(entry.header.name, { type: entry.header.type ?? 'file', data: Buffer.concat(chunks), linkname: entry.header.linkname });
    }
  })();
  ex.end(bytes);
  await done;
  return out;
}

async function archiveBytes(images: PlannedImage[], seed: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeArchive(images.map((i) => toArchiveImage(seed, i)), out);
  out.end();
  return Buffer.concat(chunks);
}

test('seededRandom is deterministic and stays in range', () => {
  const a = seededRandom(5);
  const b = seededRandom(5);
  const xs = Array.from({ length: 200 }, () => a.int(3, 7));
  assert.deepEqual(xs, Array.from({ length: 200 }, () => b.int(3, 7)));
  assert.ok(xs.every((x) => x >= 3 && x <= 7) && new Set(xs).size === 5);
  assert.notDeepEqual(xs.slice(0, 20), Array.from({ length: 20 }, () => seededRandom(6).int(3, 7)));
  assert.deepEqual(seededBytes('k', 64), seededBytes('k', 64));
  assert.notDeepEqual(seededBytes('k', 64), seededBytes('j', 64));
});

test('tarBytes writes ustar that another reader accepts: files, dirs, symlinks, modes', async () => {
  const bytes = tarBytes([
    { name: 'bin', type: 'dir' },
    { name: 'bin/busybox', data: Buffer.from('#!fake'), mode: 0o755 },
    { name: 'bin/sh', type: 'symlink', linkname: 'busybox' },
    { name: 'empty.txt', data: Buffer.alloc(0) },
  ]);
  assert.equal(bytes.length % 512, 0);
  const got = await untar(bytes);
  assert.deepEqual([...got.keys()], ['bin/', 'bin/busybox', 'bin/sh', 'empty.txt']);
  assert.equal(got.get('bin/')?.type, 'directory');
  assert.equal(got.get('bin/busybox')?.data.toString(), '#!fake');
  assert.equal(got.get('bin/sh')?.linkname, 'busybox');
  assert.equal(got.get('empty.txt')?.data.length, 0);
});

test('planStore: deterministic, about the asked size, unique tags, real sharing', () => {
  const plan = planStore({ images: 400, seed: 3 });
  assert.equal(JSON.stringify(plan), JSON.stringify(planStore({ images: 400, seed: 3 })));
  assert.notEqual(JSON.stringify(plan), JSON.stringify(planStore({ images: 400, seed: 4 })));
  assert.ok(plan.images.length >= 400 && plan.images.length <= 408, `${plan.images.length} images`);
  const tags = plan.images.flatMap((i) => i.tags);
  assert.equal(new Set(tags).size, tags.length, 'a tag appears once');
  assert.equal(new Set(plan.images.map((i) => i.key)).size, plan.images.length);
  const roles = new Set(plan.images.map((i) => i.role));
  for (const r of ['base', 'runtime', 'app', 'intermediate', 'dangling']) assert.ok(roles.has(r as PlannedImage['role']), r);
  const users = new Map<string, number>();
  for (const img of plan.images) for (const s of img.steps) if (s.layer) users.set(s.layer.key, (users.get(s.layer.key) ?? 0) + 1);
  assert.ok([...users.values()].filter((n) => n > 1).length > 20, 'many layers are shared');
  assert.ok(plan.images.some((i) => i.tags.length > 2), 'some images have several tags');
});

test('parents: earlier in the plan, same group, history one entry longer (moby checkValidParent)', () => {
  const plan = planStore({ images: 300, seed: 8 });
  const index = new Map(plan.images.map((img, k) => [img.key, k]));
  let parents = 0;
  for (const [k, img] of plan.images.entries()) {
    if (!img.parentKey) continue;
    parents++;
    const p = plan.images[index.get(img.parentKey) ?? -1];
    assert.ok(p && (index.get(p.key) ?? k) < k, `${img.key}: parent first`);
    assert.equal(p.group, img.group);
    const [ch, ph] = [configOf(img.steps).history as unknown[], configOf(p.steps).history as unknown[]];
    assert.equal(ch.length, ph.length + 1);
    assert.deepEqual(ch.slice(0, ph.length), ph);
  }
  assert.ok(parents > 10, `${parents} parent links`);
  const chunks = chunkPlan(plan, 40);
  assert.ok(chunks[0]?.every((i) => i.role === 'base'), 'bases load first, alone');
  assert.equal(chunks.flat().length, plan.images.length, 'every image in exactly one archive');
  for (const chunk of chunks) {
    const keys = new Set(chunk.map((i) => i.key));
    for (const img of chunk) if (img.parentKey) assert.ok(keys.has(img.parentKey), `${img.key}: parent in the same archive`);
  }
});

test('writeArchive: docker-save layout, content-addressed names, byte-identical reruns', async () => {
  const plan = planStore({ images: 60, seed: 2 });
  const bytes = await archiveBytes(plan.images, 2);
  assert.equal(sha(bytes), sha(await archiveBytes(plan.images, 2)));
  const files = await untar(bytes);
  const manifest = JSON.parse(files.get('manifest.json')?.data.toString() ?? '[]') as Array<{ Config: string; RepoTags: string[] | null; Layers: string[]; Parent?: string }>;
  assert.equal(manifest.length, plan.images.length);
  const configs = new Set<string>();
  for (const [k, m] of manifest.entries()) {
    const cfg = files.get(m.Config)?.data;
    assert.ok(cfg);
    assert.equal(`${sha(cfg)}.json`, m.Config, 'config file named by its digest (= image ID)');
    configs.add(`sha256:${sha(cfg)}`);
    const config = JSON.parse(cfg.toString()) as { rootfs: { diff_ids: string[] }; history: Array<{ empty_layer?: boolean }> };
    assert.equal(config.rootfs.diff_ids.length, m.Layers.length);
    assert.equal(config.history.filter((h) => !h.empty_layer).length, m.Layers.length, 'one non-empty history entry per layer');
    m.Layers.forEach((path, i) => {
      const layer = files.get(path)?.data;
      assert.ok(layer);
      assert.equal(`sha256:${sha(layer)}`, config.rootfs.diff_ids[i], 'diff ID = sha256 of the layer tar');
    });
    assert.deepEqual(m.RepoTags ?? [], plan.images[k]?.tags);
    if (m.Parent) assert.ok(configs.has(m.Parent), 'Parent names an image earlier in the archive');
  }
  assert.ok(files.has('repositories'));
});
