/**
 * `GET /images/json` (`docker image ls`) computed from a Snapshot: engine-semantics.md sec. 5 for
 * the classic store, sec. 7 "List" for the containerd store, version gates from sec. 9.
 * Below the list: Go time handling for the time filters, and the CLI's rendering of the result.
 */
import { pathMatch } from './glob';
import {
  apiAtLeast,
  buildRefIndex,
  c8dRecords,
  compareRefs,
  familiarName,
  familiarString,
  fullName,
  fullString,
  getImageC8D,
  getImageGD,
  isTagRef,
  parseFamiliar,
  type NamedRef,
  type ResolveResult,
} from './reference';
import type { Image, Snapshot } from './snapshot';

/** One entry of the list, the engine's `ImageSummary` in app form (familiar ref strings). */
export interface ImageSummary {
  id: string;
  /** `""` when none. */
  parentId: string;
  repoTags: string[];
  repoDigests: string[];
  /** Unix seconds as the engine sends them (Go `Time.Unix()`; absent: 0 on API >= 1.44, else year 1). */
  created: number;
  size: number;
  labels: Record<string, string>;
  /** Containers (any state) created from this image; the engine only sends it on API >= 1.51. */
  containers: number;
}

/** The list, or the engine's error reply. `notes` flag outcomes the engine leaves to chance. */
export type ListResult =
  | { ok: true; images: ImageSummary[]; notes: string[] }
  | { ok: false; status: 400 | 404 | 500; message: string };

export interface ListOptions {
  all: boolean;
  /** Filter name -> values, as decoded from the `filters` query parameter. */
  filters: Record<string, string[]>;
  /** ms since epoch, the daemon's "now" for `until` durations; default `snapshot.readAt`. */
  now?: number;
}

/** `children(I)`: image ID -> IDs of images whose stored parent is I (sec. 2, definitions). */
export function childrenOf(images: readonly Pick<Image, 'id' | 'parent'>[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const img of images) {
    if (img.parent === '') continue;
    const list = m.get(img.parent);
    if (list) list.push(img.id);
    else m.set(img.parent, [img.id]);
  }
  return m;
}

type Fail = Extract<ListResult, { ok: false }>;

/** The `invalidFilter` text; API < 1.42 (v20.10) capitalised it (verified on 20.10.24). */
function invalidFilter(apiVersion: string, key: string, values?: string[]): Fail {
  const head = apiAtLeast(apiVersion, '1.42') ? 'invalid filter' : 'Invalid filter';
  return { ok: false, status: 400, message: `${head} '${key}${values ? `=[${values.join(' ')}]` : ''}'` };
}

/** Decodes `dangling` (sec. 5 step 2): null = absent, else "dangling only"; or the 400. */
function danglingOnly(filters: Record<string, string[]>, store: string, v: string): boolean | null | Fail {
  const vals = filters.dangling;
  if (vals === undefined) return null;
  const set = new Set(vals);
  if (store === 'classic' && !apiAtLeast(v, '1.43')) {
    // v20.10: ExactMatch semantics; an empty set or any `true` means dangling-only.
    if (set.size === 0 || set.has('true')) return true;
    return set.has('false') ? false : invalidFilter(v, 'dangling', [...set]);
  }
  if (set.size === 0) return invalidFilter(v, 'dangling');
  const isFalse = set.has('0') || set.has('false');
  const isTrue = set.has('1') || set.has('true');
  return isFalse === isTrue ? invalidFilter(v, 'dangling', [...set]) : isTrue;
}

/** `MatchKVList`: every `key` / `key=value` term must hold (AND); no labels -> false. */
function labelsMatch(terms: readonly string[], labels: Record<string, string>): boolean {
  if (terms.length === 0) return true;
  if (Object.keys(labels).length === 0) return false;
  return terms.every((t) => {
    const i = t.indexOf('=');
    const k = i < 0 ? t : t.slice(0, i);
    if (!Object.hasOwn(labels, k)) return false;
    return i < 0 || labels[k] === t.slice(i + 1);
  });
}

/** The strings a `reference` pattern is matched against (sec. 5 step 7; full forms from API 1.54). */
function refCandidates(ref: NamedRef, v: string): string[] {
  const out = [familiarString(ref, v), familiarName(ref, v)];
  if (apiAtLeast(v, '1.54')) out.push(fullString(ref), fullName(ref));
  return out;
}

/** GD: first pattern's error is fatal (500); C8D: a bad pattern just does not match. */
function refMatches(patterns: readonly string[], ref: NamedRef, v: string, strict: boolean): boolean | Fail {
  for (const p of patterns) {
    const [first, ...rest] = refCandidates(ref, v);
    const r = pathMatch(p, first as string);
    if (r.error && strict) return { ok: false, status: 500, message: r.error };
    if (r.matched || rest.some((c) => pathMatch(p, c).matched)) return true;
  }
  return false;
}

interface Cutoffs {
  before?: GoTime;
  since?: GoTime;
  until?: GoTime;
}

function createdOf(img: Image): GoTime | null {
  return img.created === '' ? null : parseRfc3339(img.created);
}

/** Resolves before/since (sec. 5 step 3); errors are GetImage's. */
function resolveCutoffs(snapshot: Snapshot, opts: ListOptions, notes: string[]): Cutoffs | Fail {
  const v = snapshot.engine.apiVersion;
  const c8d = snapshot.engine.imageStore === 'containerd';
  const index = c8d ? null : buildRefIndex(snapshot.images, v);
  const records = c8d ? c8dRecords(snapshot.images, v) : [];
  const byId = new Map(snapshot.images.map((i) => [i.id, i]));
  const resolve = (n: string): ResolveResult => (index ? getImageGD(index, n) : getImageC8D(records, n, v));
  const multi = apiAtLeast(v, '1.43');
  const out: Cutoffs = {};
  for (const key of ['before', 'since'] as const) {
    const vals = [...new Set(opts.filters[key] ?? [])];
    if (vals.length > 1 && !multi) notes.push(`${key}: engine < v24 uses one of several values at random; used the last`);
    for (const val of vals) {
      const r = resolve(val);
      if (!r.ok) return { ok: false, status: r.status, message: r.message };
      const img = byId.get(r.id);
      const t = (img && createdOf(img)) ?? goZeroTime();
      const cur = out[key];
      if (!multi || cur === undefined) out[key] = t;
      else if (key === 'before' ? compareTime(t, cur) < 0 || cur.zero : compareTime(t, cur) > 0) out[key] = t;
    }
    // v24+ treats a zero cutoff as "no filter" (time.Time.IsZero).
    if (multi && out[key]?.zero) delete out[key];
  }
  return out;
}

function keptByTime(img: Image, c: Cutoffs, v: string): boolean {
  if (!c.before && !c.since && !c.until) return true;
  const t = createdOf(img);
  if (t === null && apiAtLeast(v, '1.44')) return false;
  const ct = t ?? goZeroTime();
  if (c.before && compareTime(ct, c.before) >= 0) return false;
  if (c.until && compareTime(ct, c.until) >= 0) return false;
  return !(c.since && compareTime(ct, c.since) <= 0);
}

/**
 * C8D label checks (sec. 7): `label=k` must exist, `label=k=v` must equal, `label!=k` must not
 * exist, `label!=k=v` must exist with another value; a `!` at the end of the key flips the sense.
 */
function c8dLabelsMatch(pos: readonly string[], neg: readonly string[], labels: Record<string, string>): boolean {
  const checks = [...pos.map((t) => [t, false] as const), ...neg.map((t) => [t, true] as const)];
  return checks.every(([t, negated]) => {
    const i = t.indexOf('=');
    let k = i < 0 ? t : t.slice(0, i);
    let negate = negated;
    if (k.endsWith('!')) {
      k = k.slice(0, -1);
      negate = !negate;
    }
    const exists = Object.hasOwn(labels, k);
    if (i < 0) return negate ? !exists : exists;
    return exists && (labels[k] === t.slice(i + 1)) !== negate;
  });
}

const GD_KEYS = ['dangling', 'label', 'before', 'since', 'reference'];
const C8D_KEYS = [...GD_KEYS, 'label!', 'until'];

/**
 * `GET /images/json?all=&filters=` on `snapshot` (sec. 5, sec. 7 "List"). Sorted by `created`
 * descending; the engine leaves ties to chance, here they fall back to full-precision time, then ID.
 */
export function listImages(snapshot: Snapshot, opts: ListOptions): ListResult {
  const v = snapshot.engine.apiVersion;
  const store = snapshot.engine.imageStore;
  const c8d = store === 'containerd';
  const accepted = new Set(c8d ? C8D_KEYS : apiAtLeast(v, '1.44') ? [...GD_KEYS, 'until'] : GD_KEYS);
  const bad = Object.keys(opts.filters).find((k) => !accepted.has(k));
  if (bad !== undefined) return invalidFilter(v, bad);
  const dOnly = danglingOnly(opts.filters, store, v);
  if (typeof dOnly === 'object' && dOnly !== null) return dOnly;
  const notes: string[] = [];
  const cut = resolveCutoffs(snapshot, opts, notes);
  if ('ok' in cut) return cut;
  for (const u of opts.filters.until ?? []) {
    const t = parseUntil(u, opts.now ?? snapshot.readAt);
    if (typeof t === 'string') return { ok: false, status: 400, message: `invalid value for 'until' filter: ${t}` };
    if (!cut.until || compareTime(t, cut.until) < 0) cut.until = t;
  }
  const children = childrenOf(snapshot.images);
  const patterns = opts.filters.reference;
  const labelTerms = opts.filters.label ?? [];
  const negLabels = opts.filters['label!'] ?? [];
  const out: ImageSummary[] = [];
  for (const img of snapshot.images) {
    const isHead = !children.has(img.id);
    if (dOnly === true && !isHead && !c8d) continue;
    if (!keptByTime(img, cut, v)) continue;
    if (c8d ? !c8dLabelsMatch(labelTerms, negLabels, img.labels) : opts.filters.label !== undefined && !labelsMatch(labelTerms, img.labels)) continue;
    // C8D: RepoTags are the record names; its RepoDigests are synthesized, not refs (sec. 7).
    const refs = (c8d ? img.repoTags : [...img.repoTags, ...img.repoDigests])
      .map((s) => parseFamiliar(s, v))
      .filter((r): r is NamedRef => r !== null)
      .sort(compareRefs);
    const repoTags: string[] = [];
    const repoDigests: string[] = [];
    for (const r of refs) {
      if (patterns !== undefined) {
        const m = refMatches(patterns, r, v, !c8d);
        if (typeof m === 'object') return m;
        if (!m) continue;
      }
      // GD: tag refs -> RepoTags, digest refs -> RepoDigests. C8D: every name is a RepoTag.
      if (c8d || isTagRef(r)) repoTags.push(familiarString(r, v));
      else repoDigests.push(familiarString(r, v));
    }
    if (c8d) {
      // Sec. 7: dangling = no names; intermediate = dangling and some image's parent.
      const dangling = img.repoTags.length === 0;
      if (dOnly !== null && dOnly !== dangling) continue;
      if (dangling && !isHead && !opts.all) continue;
      if (patterns !== undefined && repoTags.length === 0) continue;
      // The synthesized digests follow the names the filter kept (checked on 28.5): a digest of
      // a repository with no matching name would print as a `<none>` row the engine never lists.
      const keptRepos = new Set(repoTags.map((t) => parseFamiliar(t, v)?.name));
      repoDigests.push(...img.repoDigests.filter((d) => patterns === undefined || keptRepos.has(parseFamiliar(d, v)?.name)));
    } else if (repoTags.length === 0 && repoDigests.length === 0) {
      // Sec. 5 step 8: untagged images only if (all or no children), never under dangling=false or reference.
      if (!(opts.all || isHead) || dOnly === false || patterns !== undefined) continue;
    } else if (dOnly === true && repoTags.length > 0) continue;
    const created = createdOf(img);
    out.push({
      id: img.id,
      parentId: c8d ? '' : img.parent,
      repoTags,
      repoDigests,
      created: created ? created.sec : apiAtLeast(v, '1.44') ? 0 : goZeroTime().sec,
      size: img.size,
      labels: { ...img.labels },
      containers: snapshot.containers.filter((c) => c.imageId === img.id).length,
    });
  }
  const full = new Map(snapshot.images.map((i) => [i.id, createdOf(i) ?? goZeroTime()]));
  out.sort((a, b) => b.created - a.created || compareTime(full.get(b.id)!, full.get(a.id)!) || (a.id < b.id ? -1 : 1));
  return { ok: true, images: out, notes };
}

/**
 * The JSON object the engine sends for a summary on `requestApi` (default: the engine's own):
 * API < 1.43 puts `<none>:<none>` / `<none>@<none>` in an image with neither tags nor digests
 * and `null` for the one empty list otherwise (engines before v24 did so for every version);
 * `VirtualSize` below 1.44; `Containers` is -1 below 1.51; `SharedSize` -1 (not requested).
 */
export function toEngineJson(s: ImageSummary, engineApi: string, requestApi: string = engineApi): Record<string, unknown> {
  const legacy = !apiAtLeast(requestApi, '1.43') || !apiAtLeast(engineApi, '1.43');
  const none = s.repoTags.length === 0 && s.repoDigests.length === 0;
  const list = (l: string[], placeholder: string): string[] | null =>
    l.length > 0 ? l : !legacy ? [] : none ? [placeholder] : null;
  return {
    Containers: apiAtLeast(engineApi, '1.51') && apiAtLeast(requestApi, '1.51') ? s.containers : -1,
    Created: s.created,
    Id: s.id,
    Labels: Object.keys(s.labels).length > 0 ? s.labels : null,
    ParentId: s.parentId,
    RepoDigests: list(s.repoDigests, '<none>@<none>'),
    RepoTags: list(s.repoTags, '<none>:<none>'),
    SharedSize: -1,
    Size: s.size,
    ...(apiAtLeast(requestApi, '1.44') ? {} : { VirtualSize: s.size }),
  };
}

// ---------------------------------------------------------------------------------------------
// Go time, exactly enough for the time filters: Go compares `time.Time` to the nanosecond
// (time.Before/After), so RFC 3339 strings are kept as (seconds, nanoseconds), never as JS ms.

/** A Go `time.Time` instant: Unix seconds + nanoseconds; `zero` for Go's zero time (year 1). */
export interface GoTime {
  sec: number;
  nsec: number;
  zero?: boolean;
}

const ZERO_SEC = -62135596800;

/** Go's zero `time.Time` (0001-01-01T00:00:00Z): what an image without `Created` has on old engines. */
export function goZeroTime(): GoTime {
  return { sec: ZERO_SEC, nsec: 0, zero: true };
}

/** Days from 1970-01-01 to a proleptic Gregorian date (works for any year, unlike `Date.UTC`). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function makeTime(sec: number, nsec: number): GoTime {
  return sec === ZERO_SEC && nsec === 0 ? goZeroTime() : { sec, nsec };
}

/** Parses an RFC 3339 time (`Z` or `±hh:mm`, 0-9 fraction digits); null if malformed. */
export function parseRfc3339(s: string): GoTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(s);
  if (!m) return null;
  const n = (i: number): number => Number(m[i] ?? 0);
  const offset = m[9] ? (m[9] === '-' ? -1 : 1) * (n(10) * 3600 + n(11) * 60) : 0;
  const sec = daysFromCivil(n(1), n(2), n(3)) * 86400 + n(4) * 3600 + n(5) * 60 + n(6) - offset;
  return makeTime(sec, Number((m[7] ?? '').padEnd(9, '0')));
}

/** Orders two instants like Go's `Time.Compare`. */
export function compareTime(a: GoTime, b: GoTime): number {
  return a.sec !== b.sec ? Math.sign(a.sec - b.sec) : Math.sign(a.nsec - b.nsec);
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };

/** Go `time.ParseDuration`, in nanoseconds (as a float); null when not a duration. */
export function parseGoDuration(s: string): number | null {
  const m = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(s);
  if (s === '0' || s === '+0' || s === '-0') return 0;
  if (!m) return null;
  let total = 0;
  for (const part of (m[2] as string).matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(part[1]) * (DURATION_UNITS[part[2] as string] as number);
  }
  return m[1] === '-' ? -total : total;
}

/**
 * The daemon's `until` value (`GetTimestamp` then `ParseTimestamps`, sec. 5 step 3): a Go duration
 * back from `nowMs` (whole seconds), an RFC 3339-like time or date, or Unix `sec[.frac]`.
 * Zone-less times are taken as UTC (the daemon uses its own local zone, which the API does not
 * expose). Returns the instant or an error detail; the detail texts are approximations of Go's.
 */
export function parseUntil(value: string, nowMs: number): GoTime | string {
  const d = parseGoDuration(value);
  if (d !== null && value !== '0') return makeTime(Math.floor((nowMs * 1e6 - d) / 1e9), 0);
  const zoned = /[zZ+]/.test(value) || (value.match(/-/g) ?? []).length === 3;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?([Zz]|[+-]\d{2}:\d{2})?$/.exec(value);
  if (m && (m[8] !== undefined) === zoned) {
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${m[7] ? `.${m[7]}` : ''}${m[8] ?? 'Z'}`;
    const t = parseRfc3339(iso);
    if (t) return t;
  }
  if (value.includes('-')) return `parsing time "${value}": cannot parse as a time`;
  const u = /^([+-]?\d+)(?:\.(\d+))?$/.exec(value);
  if (!u) return `failed to parse value as time or duration: "${value}"`;
  const frac = u[2] ?? '';
  return makeTime(Number(u[1]), frac === '' ? 0 : Math.trunc(Number(frac) * 10 ** (9 - frac.length)));
}

// ---------------------------------------------------------------------------------------------
// `docker image ls` rendering (docker CLI formatter, verified with CLI 20.10.24 and 28.2.2).

/** One printed row. `digest` is `<none>` or a digest (shown only with `--digests`). */
export interface LsRow {
  repository: string;
  tag: string;
  digest: string;
  /** 12-hex short ID, or the full `sha256:…` with `--no-trunc`. */
  id: string;
  createdSince: string;
  size: string;
}

export interface LsOptions {
  quiet?: boolean;
  noTrunc?: boolean;
  digests?: boolean;
  /** ms since epoch for the CREATED column; default `Date.now()`. */
  now?: number;
  /** API version used to familiarise names (sec. 1.2). */
  apiVersion?: string;
}

/** go-units `HumanSizeWithPrecision(size, 3)`: decimal units and Go `%.3g`. */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return goG3(size) + units[i];
}

/** Go `%.3g`: 3 significant digits, trailing zeros dropped, exponent as `e+03`. */
function goG3(x: number): string {
  const p = x.toPrecision(3);
  const [mant, exp] = p.split('e') as [string, string | undefined];
  const trimmed = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  if (exp === undefined) return trimmed;
  const e = Number(exp);
  return `${trimmed}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** go-units `HumanDuration` + " ago", as the CLI's CREATED column. */
export function createdSince(createdSec: number, nowMs: number): string {
  if (createdSec === ZERO_SEC) return '';
  const d = nowMs / 1000 - createdSec;
  const seconds = Math.trunc(d);
  const minutes = Math.trunc(d / 60);
  const hours = Math.round(d / 3600);
  let s: string;
  if (seconds < 1) s = 'Less than a second';
  else if (seconds === 1) s = '1 second';
  else if (seconds < 60) s = `${seconds} seconds`;
  else if (minutes === 1) s = 'About a minute';
  else if (minutes < 60) s = `${minutes} minutes`;
  else if (hours === 1) s = 'About an hour';
  else if (hours < 48) s = `${hours} hours`;
  else if (hours < 24 * 7 * 2) s = `${Math.trunc(hours / 24)} days`;
  else if (hours < 24 * 30 * 2) s = `${Math.trunc(hours / 24 / 7)} weeks`;
  else if (hours < 24 * 365 * 2) s = `${Math.trunc(hours / 24 / 30)} months`;
  else s = `${Math.trunc(Math.trunc(d / 3600) / 24 / 365)} years`;
  return `${s} ago`;
}

/**
 * The CLI's rows (`imageFormat`): an image with no tags and no digests is one `<none> <none>` row;
 * otherwise one row per tag, grouped by repository, plus one `<none>`-tag row per repository that
 * has only digests. The CLI walks repositories in Go map order (random, seen varying run to run
 * on the same engine); here they follow the engine's ref order, so compare rows per image as a set.
 */
export function imageLsRows(images: readonly ImageSummary[], opts: LsOptions = {}): LsRow[] {
  const v = opts.apiVersion ?? '1.41';
  const now = opts.now ?? Date.now();
  const rows: LsRow[] = [];
  for (const img of images) {
    const base = {
      id: opts.noTrunc ? img.id : img.id.slice(img.id.indexOf(':') + 1, img.id.indexOf(':') + 13),
      createdSince: createdSince(img.created, now),
      size: humanSize(img.size),
    };
    const tags = new Map<string, string[]>();
    const digests = new Map<string, string[]>();
    for (const [list, into] of [[img.repoTags, tags], [img.repoDigests, digests]] as const) {
      for (const s of list) {
        const r = parseFamiliar(s, v);
        const value = r === null ? undefined : into === tags ? r.tag : r.digest;
        if (r === null || value === undefined) continue;
        const name = familiarName(r, v);
        into.set(name, [...(into.get(name) ?? []), value]);
      }
    }
    if (tags.size === 0 && digests.size === 0) {
      rows.push({ repository: '<none>', tag: '<none>', digest: '<none>', ...base });
      continue;
    }
    for (const [repo, ts] of tags) {
      const ds = opts.digests ? (digests.get(repo) ?? []) : [];
      digests.delete(repo);
      for (const tag of ts) {
        if (ds.length === 0) rows.push({ repository: repo, tag, digest: '<none>', ...base });
        for (const digest of ds) rows.push({ repository: repo, tag, digest, ...base });
      }
    }
    for (const [repo, ds] of digests) {
      if (!opts.digests) rows.push({ repository: repo, tag: '<none>', digest: '', ...base });
      else for (const digest of ds) rows.push({ repository: repo, tag: '<none>', digest, ...base });
    }
  }
  return rows;
}

/** Go `text/tabwriter` with the CLI's settings (minwidth 10, padding 3): all but the last cell padded. */
function tabulate(lines: string[][]): string {
  const widths: number[] = [];
  for (const cells of lines) {
    cells.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, Array.from(c).length + 3, 10)));
  }
  return lines
    .map((cells) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd((widths[i] as number) - Array.from(c).length + c.length) : c)).join(''))
    .map((l) => `${l}\n`)
    .join('');
}

/**
 * What `docker image ls [--digests] [--no-trunc] [-q]` prints for a list result: the table
 * (header + rows) or, with `quiet`, one ID per row — the CLI does NOT de-duplicate IDs of an image
 * with several tags (verified). A failed list gives the CLI's stderr line and exit code 1.
 */
export function formatImageLs(
  result: ListResult,
  opts: LsOptions = {},
): { text: string; rows: LsRow[]; stderr: string; exitCode: 0 | 1 } {
  if (!result.ok) return { text: '', rows: [], stderr: `Error response from daemon: ${result.message}\n`, exitCode: 1 };
  const rows = imageLsRows(result.images, opts);
  if (opts.quiet) return { text: rows.map((r) => `${r.id}\n`).join(''), rows, stderr: '', exitCode: 0 };
  const header = ['REPOSITORY', 'TAG', ...(opts.digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
  const body = rows.map((r) => [r.repository, r.tag, ...(opts.digests ? [r.digest] : []), r.id, r.createdSince, r.size]);
  return { text: tabulate([header, ...body]), rows, stderr: '', exitCode: 0 };
}
