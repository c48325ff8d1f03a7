import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  childrenOf,
  compareTime,
  createdSince,
  formatImageLs,
  humanSize,
  listImages,
  parseGoDuration,
  parseRfc3339,
  parseUntil,
  type ListOptions,
  type ListResult,
} from './image-list';
import type { Image, ImageStore, Snapshot } from './snapshot';

const id = (c: string): string => `sha256:${c.repeat(64)}`;
const D = `sha256:${'d'.repeat(64)}`;

function img(c: string, over: Partial<Image>): Image {
  return { id: id(c), repoTags: [], repoDigests: [], parent: '', created: '', size: 1982256, labels: {}, layers: [], ...over };
}

/** base <- mid (intermediate) <- app ; dangling ; digest-only ; other tagged. */
function snap(apiVersion = '1.41', imageStore: ImageStore = 'classic'): Snapshot {
  return {
    engine: { serverVersion: '', apiVersion, driver: 'overlay2', driverStatus: [], warnings: [], dataRoot: '', imageStore, operatingSystem: '', name: '' },
    images: [
      img('1', { repoTags: ['bb:1', 'bb:2', 'localhost:5000/app:z'], repoDigests: [`bb@${D}`], created: '2024-01-01T00:00:00.000000001Z' }),
      img('2', { parent: id('1'), created: '2024-01-01T00:00:00.5Z', labels: { team: 'core' } }),
      img('3', { parent: id('2'), repoTags: ['app:latest', 'quay.io/team/app:1.0'], created: '2024-01-01T00:00:00.7Z', labels: { team: 'core', tier: 'web' } }),
      img('4', { created: '2024-01-02T00:00:00Z', labels: { team: 'edge' } }),
      img('5', { repoDigests: [`digonly@${D}`], created: '2024-01-03T00:00:00+01:00' }),
      img('6', { repoTags: ['other/app:v1'], created: '2024-01-01T00:00:00Z' }),
    ],
    containers: [{ id: 'c'.repeat(64), names: ['c1'], imageId: id('1'), image: 'bb:1', state: 'exited' }],
    readAt: Date.parse('2024-02-01T00:00:00Z'),
  };
}

function ids(r: ListResult): string[] {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.images.map((i) => i.id[7] as string);
}
const list = (o: Partial<ListOptions> & { s?: Snapshot }): ListResult => listImages(o.s ?? snap(), { all: o.all ?? false, filters: o.filters ?? {}, now: o.now });

describe('listImages (GD, sec. 5)', () => {
  it('default hides intermediate, shows dangling and digest-only; sorted by created desc', () => {
    assert.deepEqual(ids(list({})), ['5', '4', '3', '1', '6']);
    assert.deepEqual(ids(list({ all: true })), ['5', '4', '3', '2', '1', '6']);
  });
  it('summary fields', () => {
    const r = list({});
    assert.ok(r.ok);
    const bb = r.images.find((i) => i.id === id('1'));
    assert.deepEqual(bb?.repoTags, ['bb:1', 'bb:2', 'localhost:5000/app:z']);
    assert.deepEqual(bb?.repoDigests, [`bb@${D}`]);
    assert.equal(bb?.containers, 1);
    assert.equal(bb?.created, 1704067200);
    assert.equal(r.images.find((i) => i.id === id('5'))?.created, 1704236400);
  });
  it('dangling: digest-only image matches true and false; v20.10 value rules', () => {
    assert.deepEqual(ids(list({ filters: { dangling: ['true'] } })), ['5', '4']);
    assert.deepEqual(ids(list({ filters: { dangling: ['false'] } })), ['5', '3', '1', '6']);
    assert.deepEqual(ids(list({ filters: { dangling: ['true', 'false'] } })), ['5', '4']);
    assert.deepEqual(list({ filters: { dangling: ['True'] } }), { ok: false, status: 400, message: "Invalid filter 'dangling=[True]'" });
    assert.deepEqual(list({ filters: { dangling: ['1'] } }), { ok: false, status: 400, message: "Invalid filter 'dangling=[1]'" });
  });
  it('dangling from API 1.43: 1/0 accepted, conflicts refused, lower-case text', () => {
    assert.deepEqual(ids(list({ s: snap('1.43'), filters: { dangling: ['1'] } })), ['5', '4']);
    assert.deepEqual(list({ s: snap('1.43'), filters: { dangling: ['1', 'false'] } }), { ok: false, status: 400, message: "invalid filter 'dangling=[1 false]'" });
    assert.deepEqual(list({ s: snap('1.43'), filters: { dangling: [] } }), { ok: false, status: 400, message: "invalid filter 'dangling'" });
  });
  it('unknown keys; until only from API 1.44', () => {
    assert.deepEqual(list({ filters: { 'label!': ['a'] } }), { ok: false, status: 400, message: "Invalid filter 'label!'" });
    assert.deepEqual(list({ filters: { until: ['1h'] } }), { ok: false, status: 400, message: "Invalid filter 'until'" });
    assert.deepEqual(list({ s: snap('1.44'), filters: { bogus: [] } }), { ok: false, status: 400, message: "invalid filter 'bogus'" });
  });
  it('labels: AND of key / key=value terms', () => {
    assert.deepEqual(ids(list({ all: true, filters: { label: ['team'] } })), ['4', '3', '2']);
    assert.deepEqual(ids(list({ all: true, filters: { label: ['team=core', 'tier'] } })), ['3']);
    assert.deepEqual(ids(list({ all: true, filters: { label: ['team='] } })), []);
  });
  it('before/since use full precision and GetImage errors', () => {
    assert.deepEqual(ids(list({ all: true, filters: { before: ['app'] } })), ['2', '1', '6']);
    assert.deepEqual(ids(list({ all: true, filters: { since: ['bb:1'] } })), ['5', '4', '3', '2']);
    assert.deepEqual(ids(list({ all: true, filters: { before: ['bb:1'] } })), ['6']);
    assert.deepEqual(list({ filters: { before: ['nope'] } }), { ok: false, status: 404, message: 'No such image: nope:latest' });
    assert.deepEqual(list({ filters: { since: ['Upper'] } }), { ok: false, status: 400, message: 'invalid reference format: repository name must be lowercase' });
    assert.deepEqual(ids(list({ filters: { before: ['2222'] } })), ['1', '6']);
  });
  it('several before values: oldest wins from API 1.43, note before', () => {
    assert.deepEqual(ids(list({ s: snap('1.43'), filters: { before: ['digonly@' + D, 'app'] } })), ['1', '6']);
    const old = list({ filters: { before: ['app', 'bb:1'] } });
    assert.ok(old.ok && old.notes.length === 1);
  });
  it('until (API >= 1.44): durations, timestamps; invalid value', () => {
    const s = snap('1.44');
    assert.deepEqual(ids(list({ s, filters: { until: ['2024-01-02T00:00:00Z'] } })), ['3', '1', '6']);
    assert.deepEqual(ids(list({ s, filters: { until: ['1704153600.000000001'] } })), ['4', '3', '1', '6']);
    assert.deepEqual(ids(list({ s, filters: { until: ['720h'] }, now: Date.parse('2024-02-01T00:00:00Z') })), ['3', '1', '6']);
    const bad = list({ s, filters: { until: ['x'] } });
    assert.ok(!bad.ok && bad.status === 400 && bad.message.startsWith("invalid value for 'until' filter: "));
  });
  it('reference: familiar string or name, only matching refs reported', () => {
    const r = list({ filters: { reference: ['bb'] } });
    assert.ok(r.ok);
    assert.deepEqual(r.images.map((i) => [i.repoTags, i.repoDigests]), [[['bb:1', 'bb:2'], [`bb@${D}`]]]);
    // `*` never crosses `/`: `app:latest` has no `/`, `quay.io/team/app:1.0` has two.
    assert.deepEqual(ids(list({ filters: { reference: ['*/app*'] } })), ['1', '6']);
    assert.deepEqual(ids(list({ filters: { reference: ['docker.io/library/bb'] } })), []);
    assert.deepEqual(ids(list({ s: snap('1.54'), filters: { reference: ['docker.io/library/bb'] } })), ['1']);
    assert.deepEqual(list({ filters: { reference: ['zz*['] } }), { ok: false, status: 500, message: 'syntax error in pattern' });
  });
  it('childrenOf', () => {
    assert.deepEqual(childrenOf(snap().images).get(id('1')), [id('2')]);
  });
});

describe('listImages (C8D, sec. 7)', () => {
  it('bad glob just fails to match; label! accepted', () => {
    const s = snap('1.44', 'containerd');
    assert.deepEqual(ids(listImages(s, { all: false, filters: { reference: ['['] } })), []);
    assert.deepEqual(ids(listImages(s, { all: true, filters: { 'label!': ['team'] } })), ['5', '1', '6']);
    assert.deepEqual(ids(listImages(s, { all: false, filters: { dangling: ['true'] } })), ['5', '4']);
  });
});

describe('Go time', () => {
  it('parses RFC 3339 to the nanosecond', () => {
    assert.deepEqual(parseRfc3339('2024-01-01T00:00:00.000000001Z'), { sec: 1704067200, nsec: 1 });
    assert.deepEqual(parseRfc3339('2024-01-01T01:00:00+01:00'), { sec: 1704067200, nsec: 0 });
    assert.deepEqual(parseRfc3339('0001-01-01T00:00:00Z'), { sec: -62135596800, nsec: 0, zero: true });
    assert.equal(parseRfc3339('2024-01-01'), null);
    assert.ok(compareTime(parseRfc3339('2024-01-01T00:00:00.1Z')!, parseRfc3339('2024-01-01T00:00:00.09Z')!) > 0);
  });
  it('durations and until values', () => {
    assert.equal(parseGoDuration('1h30m'), 5.4e12);
    assert.equal(parseGoDuration('1.5h'), 5.4e12);
    assert.equal(parseGoDuration('10'), null);
    assert.deepEqual(parseUntil('10m', 600_500), { sec: 0, nsec: 0 });
    assert.deepEqual(parseUntil('2024-01-01', 0), { sec: 1704067200, nsec: 0 });
    assert.deepEqual(parseUntil('1704067200.5', 0), { sec: 1704067200, nsec: 500000000 });
  });
});

describe('docker image ls rendering (verified against CLI 20.10 and 28.2)', () => {
  it('sizes and ages like go-units', () => {
    assert.equal(humanSize(1982256), '1.98MB');
    assert.equal(humanSize(0), '0B');
    assert.equal(humanSize(999), '999B');
    assert.equal(humanSize(1000), '1kB');
    assert.equal(humanSize(999.5), '1e+03B');
    assert.equal(humanSize(5_120_000), '5.12MB');
    assert.equal(createdSince(100, 100_400), 'Less than a second ago');
    assert.equal(createdSince(100, 101_000), '1 second ago');
    assert.equal(createdSince(0, 90_000), 'About a minute ago');
    assert.equal(createdSince(0, 5400_000), '2 hours ago');
    assert.equal(createdSince(0, 86400_000 * 20), '2 weeks ago');
    assert.equal(createdSince(-62135596800, 0), '');
  });
  it('table rows: one per tag, <none> rows, digest-only repo', () => {
    const r = list({ all: false });
    const out = formatImageLs(r, { now: Date.parse('2024-01-03T00:00:00Z') });
    assert.equal(
      out.text,
      [
        'REPOSITORY           TAG       IMAGE ID       CREATED             SIZE',
        'digonly              <none>    555555555555   About an hour ago   1.98MB',
        '<none>               <none>    444444444444   24 hours ago        1.98MB',
        'app                  latest    333333333333   2 days ago          1.98MB',
        'quay.io/team/app     1.0       333333333333   2 days ago          1.98MB',
        'bb                   1         111111111111   2 days ago          1.98MB',
        'bb                   2         111111111111   2 days ago          1.98MB',
        'localhost:5000/app   z         111111111111   2 days ago          1.98MB',
        'other/app            v1        666666666666   2 days ago          1.98MB',
        '',
      ].join('\n'),
    );
  });
  it('-q prints one ID per row, without de-duplication; --no-trunc full IDs', () => {
    const r = list({});
    assert.equal(formatImageLs(r, { quiet: true }).text.split('\n').filter(Boolean).length, 8);
    assert.equal(formatImageLs(r, { quiet: true, noTrunc: true }).text.split('\n')[0], id('5'));
  });
  it('--digests shows digests per tag and digest-only rows', () => {
    const rows = formatImageLs(list({}), { digests: true }).rows;
    assert.deepEqual(rows.filter((x) => x.repository === 'bb').map((x) => [x.tag, x.digest]), [['1', D], ['2', D]]);
    assert.deepEqual(rows.find((x) => x.repository === 'digonly')?.digest, D);
  });
  it('errors as the CLI prints them', () => {
    const out = formatImageLs(list({ filters: { before: ['nope'] } }));
    assert.deepEqual([out.stderr, out.exitCode], ['Error response from daemon: No such image: nope:latest\n', 1]);
  });
});
