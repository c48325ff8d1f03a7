import type { RemovalFlags } from '../../lib/model/plan-types';
import type { Snapshot } from '../../lib/model/snapshot';
import type { Rng } from '../../lib/testbed/load-archive';

/**
 * Every way a user can name an image to `docker image rm`, drawn at random from a snapshot:
 * tags (typed familiar, fully qualified, or with the default tag left out), digests, `name:tag@digest`,
 * IDs in full, with `sha256:`, as prefixes of every length (including ambiguous ones and `s`/`sha`
 * prefixes of the algorithm), and malformed or unknown names.
 */
export function randomRef(snap: Snapshot, rng: Rng): string {
  const images = snap.images;
  const img = images.length > 0 ? rng.pick(images) : undefined;
  const hex = img ? img.id.slice('sha256:'.length) : 'f'.repeat(64);
  const tags = images.flatMap((i) => i.repoTags.filter((t) => !t.includes('@')));
  const digests = images.flatMap((i) => i.repoDigests);
  const kind = rng.int(0, 15);
  switch (kind) {
    case 0:
    case 1:
    case 2:
      return tags.length ? rng.pick(tags) : hex;
    case 3: {
      // The default tag left out, when it is `latest`.
      const t = tags.length ? rng.pick(tags) : 'x:latest';
      return t.endsWith(':latest') ? t.slice(0, -':latest'.length) : t;
    }
    case 4: {
      const t = tags.length ? rng.pick(tags) : 'busybox:latest';
      return t.includes('/') && t.split('/')[0]!.match(/[.:]|^localhost$/) ? t : `docker.io/${t.includes('/') ? t : `library/${t}`}`;
    }
    case 5:
      return digests.length ? rng.pick(digests) : `${hex.slice(0, 6)}@sha256:${hex}`;
    case 6: {
      // name:tag@digest resolves by digest and keeps the tag in its record.
      const d = digests.length ? rng.pick(digests) : `busybox@sha256:${hex}`;
      const [name, digest] = d.split('@');
      return `${name}:${rng.pick(['latest', 'v1', 'nope'])}@${digest}`;
    }
    case 7:
      return img ? img.id : hex;
    case 8:
      return hex;
    case 9:
    case 10:
      return hex.slice(0, rng.pick([1, 2, 3, 4, 5, 12]));
    case 11:
      return `sha256:${hex.slice(0, rng.pick([1, 3, 4, 12, 64]))}`;
    case 12:
      return rng.pick(['s', 'sha', 'sha256', 'sha256:', 'a', '0', 'latest', ':latest', '@sha256:' + hex]);
    case 13:
      return rng.pick(['Upper:1', 'bad@@x', ' ', '', 'no-such-image', 'no/such:tag', 'localhost:5000/none', `busybox@sha256:${'0'.repeat(64)}`, 'UPPER/x', 'a'.repeat(300)]);
    case 14:
      return rng.pick(['busybox', 'base', 'app', 'abc', 'cafe']);
    default:
      return tags.length ? rng.pick(tags).replace(/:[^:/]+$/, ':nope') : 'nope';
  }
}

export function randomFlags(rng: Rng): RemovalFlags {
  return { force: rng.chance(0.3), noPrune: rng.chance(0.25) };
}

export function randomBatch(snap: Snapshot, rng: Rng): string[] {
  const n = rng.int(1, 4);
  return Array.from({ length: n }, () => randomRef(snap, rng));
}

/**
 * One batch aimed at every conflict of the spec, so each seed reaches them all whatever the dice
 * say: a running container's image by ID, a stopped one's by ID, an image with several names by
 * ID, a tag whose image a container uses, a parent by ID, and blank, malformed and unknown names.
 * Each ref is taken only if the store has such an image.
 */
export function coverageBatch(snap: Snapshot): string[] {
  const parents = new Set(snap.images.map((i) => i.parent));
  // A child image's conflict is checked first, so only a childless image shows the container one.
  const byContainer = (running: boolean) =>
    snap.containers.find((c) => ['running', 'paused', 'restarting'].includes(c.state) === running && !parents.has(c.imageId) && snap.images.some((i) => i.id === c.imageId));
  const hex = (id: string) => id.slice('sha256:'.length, 'sha256:'.length + 12);
  const refs: string[] = [];
  const running = byContainer(true);
  if (running) refs.push(hex(running.imageId));
  const stopped = byContainer(false);
  if (stopped) refs.push(hex(stopped.imageId));
  const multi = snap.images.find((i) => i.repoTags.length >= 2 && !snap.containers.some((c) => c.imageId === i.id));
  if (multi) refs.push(hex(multi.id));
  const used = snap.images.find((i) => i.repoTags.length === 1 && snap.containers.some((c) => c.imageId === i.id));
  if (used) refs.push(used.repoTags[0]!);
  const parent = snap.images.find((i) => snap.images.some((c) => c.parent === i.id));
  if (parent) refs.push(hex(parent.id));
  refs.push(' ', 'Upper:1', 'no-such-image:1', 'sha256:0');
  return refs;
}
