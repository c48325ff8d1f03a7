/**
 * The dashboard sandbox's demo store: a few dozen images that show what layerlens is about.
 * - a runnable busybox family built with the classic builder (`demo/…`: base, runtimes, app
 *   versions sharing cached step images, no-cache twins sharing identical layers, a dangling
 *   rebuild, an import and a commit) with created, exited and running containers; `demo-exited`
 *   is a stopped container on the single-tag `demo/twin:b`, so `docker image rm demo/twin:b` is
 *   refused until forced (engine-semantics.md sec. 3 row 6 / sec. 7 step 5);
 * - with a registry: pushed, pulled-by-tag and digest-only images (digest refs, sec. 1.5);
 * - a generated "real world" slice loaded from archives: `base/…`, `runtime/…` and team apps with
 *   many tags, shared layers and a few dangling rebuilds.
 * Both parts come from the fixture and archive builders; the seeds are fixed so every sandbox
 * shows the same names and contents.
 */
import { buildFixtureStore, type FixtureManifest } from './fixtures';
import { loadGeneratedStore } from './load-archive';

export interface DemoStore {
  fixtures: FixtureManifest;
  generatedImages: number;
  elapsedMs: number;
}

/** Builds the demo store on `host`; `registry` (`127.0.0.1:PORT`) adds the digest examples. */
export async function buildDemoStore(host: string, registry?: string): Promise<DemoStore> {
  const started = Date.now();
  // No global edge-case names here: hex-named repos belong to the tests, not to a first look.
  const fixtures = await buildFixtureStore(host, { seed: 7, namespace: 'demo', registry, edgeNames: false });
  const generated = await loadGeneratedStore(host, { images: 30, seed: 42 });
  return { fixtures, generatedImages: generated.plan.images.length, elapsedMs: Date.now() - started };
}
