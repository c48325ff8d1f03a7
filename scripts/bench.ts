/**
 * `npm run bench`: figures, not tests. On a private Docker 20.10 engine loaded with a generated
 * store (BENCH_IMAGES, default 1000), prints:
 * - cold and warm snapshot times beside `docker system df -v` on the same engine;
 * - the planner's time for a 100-image batch;
 * - with BENCH_UI=1 (default) the dashboard in Chromium: time to interactive, DAG render, re-highlight.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect } from '../lib/engine/connection';
import { SnapshotReader } from '../lib/engine/snapshot-reader';
import { planRemoval } from '../lib/model/planner';
import { docker } from '../lib/testbed/docker-cli';
import { startEngine } from '../lib/testbed/engine';
import { loadGeneratedStore, seededRandom } from '../lib/testbed/load-archive';
import { benchUi } from './bench-ui';

const root = path.resolve(__dirname, '..');
const images = Number(process.env.BENCH_IMAGES ?? 1000);

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

async function main(): Promise<void> {
  const engine = await startEngine({ kind: 'v20', dir: path.join(root, '.layerlens', 'bench', 'v20'), fresh: true });
  try {
    const store = await loadGeneratedStore(engine.host, { images, seed: 1 });
    console.log(`store: ${images} images generated and loaded in ${(store.loadMs / 1000).toFixed(1)} s (${store.archives} archives)`);

    const colds: number[] = [];
    const warms: number[] = [];
    let snap = await new SnapshotReader(connect({ host: engine.host }), engine.host).read();
    for (let i = 0; i < 3; i++) {
      const reader = new SnapshotReader(connect({ host: engine.host }), engine.host);
      const [s, cold] = await time(() => reader.read());
      colds.push(cold);
      for (let j = 0; j < 3; j++) warms.push((await time(() => reader.read()))[1]);
      snap = s;
    }
    const dfs: number[] = [];
    for (let i = 0; i < 3; i++) dfs.push((await time(() => docker(engine.host, ['system', 'df', '-v'])))[1]);
    console.log(`snapshot of ${snap.images.length} images, ${snap.images.reduce((n, i) => n + i.layers.length, 0)} image layers:`);
    console.log(`  cold read (list + inspect + history per image): median ${ms(median(colds))} of ${colds.map(ms).join(', ')}`);
    console.log(`  warm read (lists only, immutable part cached):  median ${ms(median(warms))} of ${warms.length} reads`);
    console.log(`  docker system df -v on the same engine:        median ${ms(median(dfs))} of ${dfs.map(ms).join(', ')}`);

    const rng = seededRandom(7);
    const tags = snap.images.flatMap((i) => i.repoTags);
    const batch = Array.from({ length: 100 }, () => rng.pick(tags));
    const plans: number[] = [];
    let plan = planRemoval(snap, batch, { force: false, noPrune: false });
    for (let i = 0; i < 7; i++) {
      const [p, t] = await time(() => planRemoval(snap, batch, { force: false, noPrune: false }));
      plans.push(t);
      plan = p;
    }
    console.log(`planner, 100-ref batch on ${snap.images.length} images: median ${ms(median(plans))} of 7 runs`);
    console.log(`  (${plan.steps.filter((s) => s.error).length} errors, frees ${plan.freed.images.length} images, ${plan.freed.layers.length} layers, ${plan.survivors.length} survivors)`);

    if (process.env.BENCH_UI !== '0') await benchUi(engine.host);
  } finally {
    await engine.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
