/**
 * Large-store generator: writes deterministic `docker load` archives (see lib/testbed/load-archive.ts).
 *
 *   node scripts/run-ts.mjs scripts/gen-store.ts --images 1000 --seed 1 | docker load
 *   node scripts/run-ts.mjs scripts/gen-store.ts --images 1000 --seed 1 --out DIR [--per-archive 150]
 *   node scripts/run-ts.mjs scripts/gen-store.ts --images 1000 --seed 1 --host unix:///path/d.sock
 *
 * stdout gets one archive with every image; --out writes DIR/store-NNN.tar (load them in name
 * order: store-000 holds the bases) plus DIR/plan.json; --host loads directly, --parallel loads at
 * a time after the first archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chunkPlan, loadGeneratedStore, planStore, toArchiveImage, writeArchive } from '../lib/testbed/load-archive';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    host: { type: 'string' },
    'per-archive': { type: 'string', default: '150' },
    parallel: { type: 'string', default: '2' },
  },
});
const images = Number(values.images);
const seed = Number(values.seed);
const perArchive = Number(values['per-archive']);
if (!Number.isInteger(images) || images < 1 || !Number.isInteger(seed) || !Number.isInteger(perArchive) || perArchive < 1) {
  console.error('usage: gen-store.ts --images N --seed S [--out DIR | --host DOCKER_HOST] [--per-archive K]');
  process.exit(2);
}

const started = Date.now();
const log = (msg: string) => console.error(`[gen-store ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

async function main(): Promise<void> {
  if (values.host) {
    const r = await loadGeneratedStore(values.host, { images, seed, perArchive, parallel: Number(values.parallel), onArchive: (d, n) => log(`loaded archive ${d}/${n}`) });
    log(`loaded ${r.plan.images.length} images in ${r.archives} archives, ${(r.loadMs / 1000).toFixed(1)} s`);
  } else {
    const plan = planStore({ images, seed });
    const chunks = values.out ? chunkPlan(plan, perArchive) : [plan.images];
    const known = new Map<string, string>();
    const diffIds = new Map<string, string>();
    if (values.out) fs.mkdirSync(values.out, { recursive: true });
    for (const [i, chunk] of chunks.entries()) {
      const file = values.out ? fs.createWriteStream(path.join(values.out, `store-${String(i).padStart(3, '0')}.tar`)) : undefined;
      await writeArchive(chunk.map((img) => toArchiveImage(seed, img)), file ?? process.stdout, known, diffIds);
      if (file) await new Promise<void>((resolve, reject) => file.end(() => resolve()).on('error', reject));
    }
    if (values.out) {
      const summary = plan.images.map((img) => ({ key: img.key, role: img.role, tags: img.tags, id: known.get(img.key), parent: img.parentKey ? known.get(img.parentKey) : undefined }));
      fs.writeFileSync(path.join(values.out, 'plan.json'), JSON.stringify({ seed, images: summary }, null, 1));
    }
    log(`wrote ${plan.images.length} images, ${diffIds.size} layers, ${chunks.length} archive(s)`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
