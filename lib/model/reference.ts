/**
 * Image references exactly as the engine parses, normalises, prints and resolves them
 * (engine-semantics.md sec. 1 for the classic store "GD", sec. 7 for the containerd store "C8D").
 * This is the only module that parses reference strings; everything else asks it.
 *
 * Several details changed with the engine's vendored `distribution/reference` module, so most
 * functions take the engine's default `apiVersion` (EngineInfo.apiVersion) and key on it:
 * - API < 1.44 (engine <= v24, `docker/distribution`): a first component is a domain only if it is
 *   `localhost` or contains `.`/`:`; the lowercase error has no path; the familiar form strips
 *   `library/` even from nested paths; no IPv6 hosts. (All verified on 20.10.24.)
 * - API >= 1.44 (v25, `distribution/reference` v0.5.0): an upper-case first component is a domain,
 *   `repository name (<path>) must be lowercase`, `library/a/b` stays `library/a/b`, `[::1]:5000/x` parses.
 * - API >= 1.46 (v27, v0.6.0, moby#47934): the 255-character limit applies to the path only,
 *   before it applied to `domain/path` (verified on 20.10.24: `h.io/` + 251 chars is refused).
 */

/** Newest API version whose parsing rules this module knows; the default for engine output. */
export const LATEST_API = '1.55';

/**
 * A normalised named reference. Build it only through this module (the derived fields are
 * computed once, for the API version `api` whose familiar form they use).
 */
export interface NamedRef {
  readonly kind: 'named';
  /** `docker.io`, `localhost:5000`, `quay.io`, … */
  readonly domain: string;
  /** `library/busybox`, `myorg/app`, … */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
  /** Full repository name, `Name()`: `docker.io/library/busybox`. */
  readonly name: string;
  /** Full string, `String()`: `docker.io/library/busybox:latest` (the refstore sort key, sec. 1.5). */
  readonly full: string;
  /** Familiar string, `FamiliarString()`: `busybox:latest`, what the engine and CLI print. */
  readonly familiar: string;
  /** The key the refstore stores this ref under: `name@digest` when a digest is present (`favorDigest`), else `full`. */
  readonly digestKey: string;
  /** API version the familiar form was computed for. */
  readonly api: string;
}

/** A parsed reference: digest-only (an image ID or digest), or a normalised name. */
export type ParsedRef = { readonly kind: 'digest'; readonly digest: string } | NamedRef;

/** An engine error reply: HTTP status and the exact `message`. */
export interface RefError {
  status: 400 | 404;
  message: string;
}

/** A failed parse/resolution: the engine's reply, flat and as `error`. */
export type RefFailure = { ok: false; status: 400 | 404; message: string; error: RefError };

/** Builds a {@link RefFailure}. */
export function refFailure(status: 400 | 404, message: string): RefFailure {
  return { ok: false, status, message, error: { status, message } };
}

/** Result of parsing: the reference, or the 400 the engine answers (sec. 1.2). */
export type ParseResult<T extends ParsedRef = ParsedRef> = { ok: true; ref: T } | RefFailure;

/** True iff API version `v` (e.g. `1.41`) is >= `min`; compares numerically per component. */
export function apiAtLeast(v: string, min: string): boolean {
  const a = v.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

// Grammar of distribution/reference regexp.go, rebuilt as JS regexps. Go's RE2 picks submatches
// leftmost-first like a backtracking engine, so the captures agree. `\w` and the classes are ASCII.
const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';

function grammar(withIpv6: boolean): { reference: RegExp; name: RegExp } {
  const domain = `(?:${withIpv6 ? `${domainName}|${ipv6}` : domainName})(?::[0-9]+)?`;
  return {
    reference: new RegExp(`^((?:${domain}/)?${remoteName})(?::(${tagPat}))?(?:@(${digestPat}))?$`),
    name: new RegExp(`^(?:(${domain})/)?(${remoteName})$`),
  };
}
const LEGACY = grammar(false);
const CURRENT = grammar(true);
const IDENTIFIER = /^[a-f0-9]{64}$/;
/** go-digest's DigestRegexp, used only to tell "unsupported" from "invalid format". */
const GO_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const DIGEST_SIZES: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Errors of go-digest `Digest.Validate`, as the engine reports them for `name@<bad digest>`. */
export type DigestError = 'invalid checksum digest format' | 'invalid checksum digest length' | 'unsupported digest algorithm';

/** go-digest `Validate`: null when `s` is a valid `<alg>:<hex>` digest of a known algorithm. */
export function validateDigest(s: string): DigestError | null {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return 'invalid checksum digest format';
  const size = DIGEST_SIZES[s.slice(0, i)];
  if (size === undefined) return GO_DIGEST.test(s) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  const hex = s.slice(i + 1);
  if (hex.length !== size) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(hex) ? null : 'invalid checksum digest format';
}

/** Go `unicode.IsSpace` (differs from JS `trim` on U+0085 and U+FEFF). */
function isGoSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
}

/** Go `strings.TrimSpace`. */
export function goTrimSpace(s: string): string {
  const cs = Array.from(s);
  let a = 0;
  let b = cs.length;
  while (a < b && isGoSpace(cs[a] as string)) a++;
  while (b > a && isGoSpace(cs[b - 1] as string)) b--;
  return cs.slice(a, b).join('');
}

/** The HTTP route's first check (sec. 1.1): a blank or all-whitespace name is a 400. */
export function checkBlankName(name: string): RefError | null {
  return goTrimSpace(name) === '' ? { status: 400, message: 'image name cannot be blank' } : null;
}

function fail(message: string): RefFailure {
  return refFailure(400, message);
}

/** `splitDockerDomain` (sec. 1.2): which first component is a registry domain. */
function splitDockerDomain(s: string, apiVersion: string): [string, string] {
  const slash = s.indexOf('/');
  let domain = 'docker.io';
  let rest = s;
  if (slash >= 0) {
    const first = s.slice(0, slash);
    const upperIsDomain = apiAtLeast(apiVersion, '1.44') && first.toLowerCase() !== first;
    if (first === 'localhost' || /[.:]/.test(first) || upperIsDomain) {
      domain = first === 'index.docker.io' ? 'docker.io' : first;
      rest = s.slice(slash + 1);
    }
  }
  if (domain === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return [domain, rest];
}

/** `reference.Parse` of an already-normalised string (`domain/path[:tag][@digest]`). */
function parseFull(s: string, apiVersion: string): ParseResult<NamedRef> {
  const g = apiAtLeast(apiVersion, '1.44') ? CURRENT : LEGACY;
  const m = g.reference.exec(s);
  if (!m) {
    const lower = s.toLowerCase();
    return fail(lower !== s && g.reference.test(lower) ? 'repository name must be lowercase' : 'invalid reference format');
  }
  const name = m[1] as string;
  const nm = g.name.exec(name);
  const domain = nm?.[1] ?? '';
  const path = nm?.[2] ?? name;
  const measured = apiAtLeast(apiVersion, '1.46') ? path : name;
  if (measured.length > 255) return fail('repository name must not be more than 255 characters');
  if (m[3] !== undefined) {
    const err = validateDigest(m[3]);
    if (err) return fail(err);
  }
  return { ok: true, ref: namedRef(domain, path, m[2], m[3], apiVersion) };
}

/**
 * `ParseNormalizedNamed` (sec. 1.2): familiar or full string -> normalised named reference.
 * Rejects a bare 64-hex string, upper-case repository paths (version-keyed text) and bad grammar.
 */
export function parseNormalizedNamed(s: string, apiVersion: string): ParseResult<NamedRef> {
  if (IDENTIFIER.test(s)) return fail(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const [domain, rest] = splitDockerDomain(s, apiVersion);
  const colon = rest.indexOf(':');
  const remote = colon >= 0 ? rest.slice(0, colon) : rest;
  if (remote.toLowerCase() !== remote) {
    return fail(
      apiAtLeast(apiVersion, '1.44')
        ? `invalid reference format: repository name (${remote}) must be lowercase`
        : 'invalid reference format: repository name must be lowercase',
    );
  }
  return parseFull(`${domain}/${rest}`, apiVersion);
}

/** `ParseAnyReference` (sec. 1.2): 64 hex -> `sha256:` digest; a valid digest -> digest; else a name. */
export function parseAnyReference(s: string, apiVersion: string): ParseResult {
  if (IDENTIFIER.test(s)) return { ok: true, ref: { kind: 'digest', digest: `sha256:${s}` } };
  if (validateDigest(s) === null) return { ok: true, ref: { kind: 'digest', digest: s } };
  return parseNormalizedNamed(s, apiVersion);
}

/** Builds a {@link NamedRef} and its derived strings (`api` picks the familiar rules). */
export function namedRef(domain: string, path: string, tag: string | undefined, digest: string | undefined, api: string): NamedRef {
  const name = `${domain}/${path}`;
  const sfx = (tag !== undefined ? `:${tag}` : '') + (digest !== undefined ? `@${digest}` : '');
  const fam = familiarRepo(domain, path, api);
  const ref: NamedRef = {
    kind: 'named',
    domain,
    path,
    name,
    full: name + sfx,
    familiar: fam + sfx,
    digestKey: digest !== undefined ? `${name}@${digest}` : name + sfx,
    api,
  };
  return Object.assign(ref, tag !== undefined ? { tag } : {}, digest !== undefined ? { digest } : {});
}

/**
 * Parses a familiar string the engine printed (RepoTags / RepoDigests / history Tags, e.g.
 * `busybox:latest`, `busybox@sha256:…`) back into a normalised reference; null if unparsable.
 * The default rules are the newest, which accept everything any engine version prints.
 */
export function parseFamiliar(s: string, apiVersion: string = LATEST_API): NamedRef | null {
  const r = parseNormalizedNamed(s, apiVersion);
  return r.ok ? r.ref : null;
}

/** `TagNameOnly`: adds `latest` only when the ref has neither tag nor digest. */
export function tagNameOnly<T extends ParsedRef>(ref: T): T {
  if (ref.kind === 'named' && ref.tag === undefined && ref.digest === undefined) {
    return namedRef(ref.domain, ref.path, 'latest', undefined, ref.api) as T;
  }
  return ref;
}

/** The same repository and digest without the tag (the refstore's `favorDigest` form). */
export function withoutTag(ref: NamedRef): NamedRef {
  return namedRef(ref.domain, ref.path, undefined, ref.digest, ref.api);
}

/** True for a ref carrying a tag (`name:tag`, also `name:tag@digest`). */
export function isTagRef(ref: ParsedRef): boolean {
  return ref.kind === 'named' && ref.tag !== undefined;
}

/** True for a ref carrying a digest, incl. a digest-only ref (the refstore's "digest ref", sec. 1.5). */
export function isDigestRef(ref: ParsedRef): boolean {
  return ref.kind === 'digest' || ref.digest !== undefined;
}

/** `Name()`: full repository, e.g. `docker.io/library/busybox`; digest-only refs: `""`. */
export function fullName(ref: ParsedRef): string {
  return ref.kind === 'digest' ? '' : ref.name;
}

/** `String()`: full name + `:tag` + `@digest` as present (`docker.io/library/busybox:latest`). */
export function fullString(ref: ParsedRef): string {
  return ref.kind === 'digest' ? ref.digest : ref.full;
}

function familiarRepo(domain: string, path: string, apiVersion: string): string {
  if (domain !== 'docker.io') return `${domain}/${path}`;
  if (path.startsWith('library/')) {
    const rest = path.slice('library/'.length);
    if (!apiAtLeast(apiVersion, '1.44') || !rest.includes('/')) return rest;
  }
  return path;
}

/** `FamiliarName` (sec. 1.2): drop `docker.io/`, then `library/` (version-keyed for nested paths). */
export function familiarName(ref: ParsedRef, apiVersion: string = ref.kind === 'named' ? ref.api : LATEST_API): string {
  return ref.kind === 'digest' ? '' : familiarRepo(ref.domain, ref.path, apiVersion);
}

/** `FamiliarString`: what the engine and CLI print (`busybox:latest`, `quay.io/a/b@sha256:…`). */
export function familiarString(ref: ParsedRef, apiVersion: string = ref.kind === 'named' ? ref.api : LATEST_API): string {
  if (ref.kind === 'digest') return ref.digest;
  if (apiVersion === ref.api) return ref.familiar;
  return familiarName(ref, apiVersion) + ref.familiar.slice(familiarName(ref, ref.api).length);
}

/** Refstore order (sec. 1.5): byte order of the full normalised strings. */
export function compareRefs(a: ParsedRef, b: ParsedRef): number {
  const x = fullString(a);
  const y = fullString(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `isImageIDPrefix` (sec. 1.6): `name` is a string prefix of `sha256:H` or of `H`. */
export function isImageIdPrefix(imageId: string, name: string): boolean {
  if (imageId.startsWith(name)) return true;
  const i = imageId.indexOf(':');
  return i >= 0 && imageId.slice(i + 1).startsWith(name);
}

/**
 * GD `isSingleReference` (sec. 2, definitions): one ref; or >= 2 refs with at most one tag ref,
 * at least one digest ref, all digest refs in one repository and the tag ref (if any) in it too.
 */
export function isSingleReference(refs: readonly ParsedRef[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: ParsedRef | undefined;
  const digestNames = new Set<string>();
  for (const r of refs) {
    if (isDigestRef(r)) digestNames.add(fullName(r));
    else if (single === undefined) single = r;
    else return false;
  }
  return digestNames.size === 1 && digestNames.has(fullName(single ?? (refs[0] as ParsedRef)));
}

// ---------------------------------------------------------------------------------------------
// Resolution: ID-prefix search (sec. 1.4), GD GetImage (sec. 1.3), C8D resolution (sec. 7).

/** The image fields resolution needs (a subset of `Image` in snapshot.ts). */
export interface ResolvableImage {
  id: string;
  repoTags: readonly string[];
  repoDigests: readonly string[];
}

/** Outcome of an ID-prefix search. */
export type PrefixLookup = { kind: 'found'; id: string } | { kind: 'none' } | { kind: 'ambiguous' };

/** The digestset of every image ID, sorted by (hex, algorithm) like `digestset.Set`. */
export interface IdIndex {
  readonly entries: ReadonlyArray<{ alg: string; hex: string; id: string }>;
}

/** Builds the ID set used by {@link lookupIdPrefix} from full image IDs (`sha256:<hex>`). */
export function buildIdIndex(ids: Iterable<string>): IdIndex {
  const entries = [...new Set(ids)].map((id) => {
    const i = id.indexOf(':');
    return { alg: id.slice(0, i), hex: id.slice(i + 1), id };
  });
  entries.sort((a, b) => (a.hex !== b.hex ? (a.hex < b.hex ? -1 : 1) : a.alg < b.alg ? -1 : a.alg > b.alg ? 1 : 0));
  return { entries };
}

/**
 * GD ID-prefix search, `digestset.Lookup` semantics (sec. 1.4): a raw string that is not even
 * digest-shaped (no `:`, or bad hex) is a bare hex prefix; otherwise its algorithm must match too.
 * No minimum length. Exactly one hit -> found, two or more -> ambiguous.
 */
export function lookupIdPrefix(index: IdIndex, raw: string): PrefixLookup {
  const es = index.entries;
  if (es.length === 0) return { kind: 'none' };
  let alg = '';
  let hex = raw;
  if (validateDigest(raw) !== 'invalid checksum digest format') {
    const i = raw.indexOf(':');
    alg = raw.slice(0, i);
    hex = raw.slice(i + 1);
  }
  const matches = (e: { alg: string; hex: string }): boolean =>
    (e.hex.length === hex.length ? e.hex === hex : e.hex.startsWith(hex)) && (alg === '' || e.alg === alg);
  let lo = 0;
  let hi = es.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = es[mid] as { alg: string; hex: string };
    const ge = alg !== '' && e.hex === hex ? e.alg >= alg : e.hex >= hex;
    if (ge) hi = mid;
    else lo = mid + 1;
  }
  const e = es[lo];
  if (e === undefined || !matches(e)) return { kind: 'none' };
  if (e.alg === alg && e.hex === hex) return { kind: 'found', id: e.id };
  const next = es[lo + 1];
  if (next !== undefined && matches(next)) return { kind: 'ambiguous' };
  return { kind: 'found', id: e.id };
}

/** C8D `checkTruncatedID` (sec. 7): `(sha256:)?[a-f0-9]{4,64}` -> the hex part, else null. */
export function checkTruncatedId(raw: string): string | null {
  const id = raw.startsWith('sha256:') ? raw.slice('sha256:'.length) : raw;
  return /^[a-f0-9]{4,64}$/.test(id) ? id : null;
}

/** Everything GD resolution needs, built once per snapshot: refstore map + ID set. */
export interface RefIndex {
  apiVersion: string;
  /** Refstore: familiar ref string (how the engine keys it) -> image ID. */
  byRef: Map<string, string>;
  ids: IdIndex;
  present: Set<string>;
}

/** Builds the GD lookup structures from images' RepoTags/RepoDigests (sec. 1.5). */
export function buildRefIndex(images: readonly ResolvableImage[], apiVersion: string): RefIndex {
  const byRef = new Map<string, string>();
  for (const img of images) {
    for (const s of [...img.repoTags, ...img.repoDigests]) {
      const r = parseFamiliar(s, apiVersion);
      if (r) byRef.set(familiarString(r, apiVersion), img.id);
    }
  }
  const ids = images.map((i) => i.id);
  return { apiVersion, byRef, ids: buildIdIndex(ids), present: new Set(ids) };
}

/** A successful resolution: the image ID and the parsed request. */
export interface Resolved {
  ok: true;
  id: string;
  ref: ParsedRef;
}
export type ResolveResult = Resolved | RefFailure;

/** `ErrImageDoesNotExist` text: `No such image: <familiar(TagNameOnly(ref))>`. */
export function noSuchImage(ref: ParsedRef, apiVersion: string): RefFailure {
  return refFailure(404, `No such image: ${familiarString(tagNameOnly(ref), apiVersion)}`);
}

/**
 * GD `GetImage` (sec. 1.3): digest-only -> exact ID; name -> refstore (a tag+digest ref looks up
 * only `name@digest`, a bare name gets `:latest`); then ID prefix of the raw string; else 404.
 * A refstore hit always wins over a prefix hit. The blank-name 400 is the route's ({@link checkBlankName}).
 */
export function getImageGD(index: RefIndex, name: string): ResolveResult {
  const v = index.apiVersion;
  const p = parseAnyReference(name, v);
  if (!p.ok) return p;
  const ref = p.ref;
  if (ref.kind === 'digest') {
    return index.present.has(ref.digest) ? { ok: true, id: ref.digest, ref } : noSuchImage(ref, v);
  }
  const key = ref.tag !== undefined && ref.digest !== undefined ? withoutTag(ref) : tagNameOnly(ref);
  const id = index.byRef.get(familiarString(key, v));
  if (id !== undefined && index.present.has(id)) return { ok: true, id, ref };
  const hit = lookupIdPrefix(index.ids, name);
  if (hit.kind === 'found') return { ok: true, id: hit.id, ref };
  return noSuchImage(ref, v);
}

/** A containerd image record `{Name, Target}` (sec. 7); `name` is in full form. */
export interface C8dRecord {
  name: string;
  target: string;
}

/**
 * The C8D record set behind a snapshot: one record per RepoTags entry (full form), or
 * `moby-dangling@<target>` for an image without names; sorted by name like `images.List`.
 */
export function c8dRecords(images: readonly ResolvableImage[], apiVersion: string): C8dRecord[] {
  const out: C8dRecord[] = [];
  for (const img of images) {
    const refs = img.repoTags.map((t) => parseFamiliar(t, apiVersion)).filter((r): r is NamedRef => r !== null);
    if (refs.length === 0) out.push({ name: `moby-dangling@${img.id}`, target: img.id });
    for (const r of refs) out.push({ name: fullString(r), target: img.id });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function targetHasPrefix(target: string, hex: string): boolean {
  return new RegExp(`^sha256:${hex}[0-9a-fA-F]{${64 - hex.length}}$`).test(target);
}

/**
 * C8D `resolveImage` (GetImage, used by list `before`/`since`; sec. 7): a ref with a digest is
 * looked up by target (and, if named, must be in the same repository); a name by its exact full
 * record name; else a 4..64-hex ID prefix or a record named `<hex>:latest`, with 404
 * `ambiguous reference` when the prefix hits several targets and no record has that name.
 */
export function getImageC8D(records: readonly C8dRecord[], name: string, apiVersion: string): ResolveResult {
  const p = parseAnyReference(name, apiVersion);
  if (!p.ok) return p;
  const ref = p.ref;
  if (ref.kind === 'digest' || ref.digest !== undefined) {
    const digest = ref.kind === 'digest' ? ref.digest : (ref.digest as string);
    const hits = records.filter((r) => r.target === digest);
    if (hits.length === 0) return noSuchImage(ref, apiVersion);
    if (ref.kind === 'digest') return { ok: true, id: (hits[0] as C8dRecord).target, ref };
    const same = hits.find((r) => {
      const n = parseNormalizedNamed(r.name, apiVersion);
      return n.ok && fullName(n.ref) === fullName(ref);
    });
    return same ? { ok: true, id: same.target, ref } : noSuchImage(ref, apiVersion);
  }
  const full = fullString(tagNameOnly(ref));
  const exact = records.find((r) => r.name === full);
  if (exact) return { ok: true, id: exact.target, ref };
  const hex = checkTruncatedId(name);
  if (hex !== null) {
    const hits = records.filter((r) => r.name === full || targetHasPrefix(r.target, hex));
    if (hits.length === 0) return noSuchImage(ref, apiVersion);
    if (new Set(hits.map((r) => r.target)).size > 1) return refFailure(404, 'ambiguous reference');
    return { ok: true, id: (hits[0] as C8dRecord).target, ref };
  }
  return noSuchImage(ref, apiVersion);
}

/** Result of C8D `resolveAllReferences`: the record matched by name (or null) and all records of the target. */
export type ResolveAllResult =
  | { ok: true; ref: ParsedRef; matched: C8dRecord | null; all: C8dRecord[]; target: string }
  | RefFailure;

/**
 * C8D `resolveAllReferences` (sec. 7, used by DELETE): ID-like input (`checkTruncatedId`) lists
 * records named `TagNameOnly(input)` or whose target has that prefix (targets differ -> 404
 * `ambiguous reference`); a name looks up its exact record, and a given digest without such a
 * record falls back to every record with that target (`matched` null).
 */
export function resolveAllReferencesC8D(records: readonly C8dRecord[], name: string, apiVersion: string): ResolveAllResult {
  const p = parseAnyReference(name, apiVersion);
  if (!p.ok) return p;
  const ref = p.ref;
  let matched: C8dRecord | null = null;
  let target = '';
  const hex = checkTruncatedId(name);
  if (hex !== null && ref.kind === 'digest') {
    matched = records.find((r) => r.name === ref.digest) ?? null;
    target = matched ? matched.target : ref.digest;
  } else if (hex !== null && ref.kind === 'named') {
    const full = fullString(tagNameOnly(ref));
    const hits = records.filter((r) => r.name === full || targetHasPrefix(r.target, hex));
    if (hits.length === 0) return noSuchImage(ref, apiVersion);
    for (const r of hits) {
      if (r.name === full) matched = r;
      if (target !== '' && r.target !== target) return refFailure(404, 'ambiguous reference');
      target = r.target;
    }
    if (matched === null || hits.length > 1) return { ok: true, ref, matched, all: hits, target };
  } else {
    if (ref.kind === 'digest') return refFailure(400, 'invalid name reference');
    const full = fullString(tagNameOnly(ref));
    matched = records.find((r) => r.name === full) ?? null;
    if (matched) target = matched.target;
    else if (ref.digest !== undefined) target = ref.digest;
    else return noSuchImage(ref, apiVersion);
  }
  const all = records.filter((r) => r.target === target);
  if (all.length === 0) return noSuchImage(ref, apiVersion);
  return { ok: true, ref, matched, all, target };
}

/**
 * `GetImage` for either store: GD (sec. 1.3) or C8D (sec. 7). Returns the image ID or the exact
 * `{status, message}`. For repeated calls build the index once and call {@link getImageGD} /
 * {@link getImageC8D} directly.
 */
export function resolveImage(
  snapshot: { images: readonly ResolvableImage[] },
  name: string,
  apiVersion: string,
  store: 'classic' | 'containerd' = 'classic',
): ResolveResult {
  return store === 'containerd'
    ? getImageC8D(c8dRecords(snapshot.images, apiVersion), name, apiVersion)
    : getImageGD(buildRefIndex(snapshot.images, apiVersion), name);
}
