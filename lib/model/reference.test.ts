import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiAtLeast,
  buildIdIndex,
  buildRefIndex,
  c8dRecords,
  getImageC8D,
  getImageGD,
  resolveAllReferencesC8D,
  resolveImage,
  checkBlankName,
  checkTruncatedId,
  compareRefs,
  familiarName,
  familiarString,
  fullName,
  fullString,
  isImageIdPrefix,
  isSingleReference,
  lookupIdPrefix,
  parseAnyReference,
  parseFamiliar,
  parseNormalizedNamed,
  tagNameOnly,
  type NamedRef,
  type ParseResult,
} from './reference';

const OLD = '1.41'; // engine 20.10
const NEW = '1.44'; // engine 25
const H = 'a'.repeat(64);

/** Parse and return [fullString, familiarString] or the error text. */
function p(s: string, v = OLD): string | [string, string] {
  const r: ParseResult = parseAnyReference(s, v);
  return r.ok ? [fullString(r.ref), familiarString(r.ref, v)] : r.message;
}

function named(s: string, v = OLD): NamedRef {
  const r = parseNormalizedNamed(s, v);
  assert.ok(r.ok, `parse ${s}`);
  return r.ref;
}

describe('parseAnyReference: grammar and normalisation (sec. 1.2)', () => {
  it('normalises familiar names', () => {
    assert.deepEqual(p('busybox'), ['docker.io/library/busybox', 'busybox']);
    assert.deepEqual(p('myorg/app:1'), ['docker.io/myorg/app:1', 'myorg/app:1']);
    assert.deepEqual(p('localhost:5000/x'), ['localhost:5000/x', 'localhost:5000/x']);
    assert.deepEqual(p('localhost/x'), ['localhost/x', 'localhost/x']);
    assert.deepEqual(p('localhost'), ['docker.io/library/localhost', 'localhost']);
    assert.deepEqual(p('quay.io/a/b:c'), ['quay.io/a/b:c', 'quay.io/a/b:c']);
    assert.deepEqual(p('myreg:5000/a'), ['myreg:5000/a', 'myreg:5000/a']);
    assert.deepEqual(p('index.docker.io/x'), ['docker.io/library/x', 'x']);
    assert.deepEqual(p('index.docker.io/library/x'), ['docker.io/library/x', 'x']);
    assert.deepEqual(p('docker.io/x'), ['docker.io/library/x', 'x']);
    assert.deepEqual(p('docker.io/library/busybox:latest'), ['docker.io/library/busybox:latest', 'busybox:latest']);
  });
  it('short IDs and sha256-ish strings are names', () => {
    assert.deepEqual(p('abc123'), ['docker.io/library/abc123', 'abc123']);
    assert.deepEqual(p('sha256:abc123'), ['docker.io/library/sha256:abc123', 'sha256:abc123']);
    assert.deepEqual(p('sha256'), ['docker.io/library/sha256', 'sha256']);
    assert.deepEqual(p('a'), ['docker.io/library/a', 'a']);
    assert.deepEqual(p('s'), ['docker.io/library/s', 's']);
    assert.deepEqual(p(`sha256:${H.toUpperCase()}`), [`docker.io/library/sha256:${H.toUpperCase()}`, `sha256:${H.toUpperCase()}`]);
    assert.deepEqual(p(`${H}:tag`), [`docker.io/library/${H}:tag`, `${H}:tag`]);
    assert.deepEqual(p(`foo/${H}`), [`docker.io/foo/${H}`, `foo/${H}`]);
  });
  it('64 hex and valid digests are digest-only refs', () => {
    assert.deepEqual(p(H), [`sha256:${H}`, `sha256:${H}`]);
    assert.deepEqual(p(`sha256:${H}`), [`sha256:${H}`, `sha256:${H}`]);
    assert.deepEqual(p(`sha512:${'b'.repeat(128)}`), [`sha512:${'b'.repeat(128)}`, `sha512:${'b'.repeat(128)}`]);
    // 64 hex after sha512: is not a valid sha512 digest, so it is the name `sha512` with a tag.
    assert.deepEqual(p(`sha512:${H}`), [`docker.io/library/sha512:${H}`, `sha512:${H}`]);
  });
  it('name:tag@digest keeps both', () => {
    const r = named(`busybox:1.36@sha256:${H}`);
    assert.equal(r.full, `docker.io/library/busybox:1.36@sha256:${H}`);
    assert.equal(r.familiar, `busybox:1.36@sha256:${H}`);
    assert.equal(r.digestKey, `docker.io/library/busybox@sha256:${H}`);
    assert.equal(r.tag, '1.36');
  });
  it('separators', () => {
    for (const ok of ['a__b', 'a_b', 'a.b', 'a-b', 'a--b', 'a---b', 'a.b-c_d__e', 'a/b/c/d']) assert.ok(Array.isArray(p(ok)), ok);
    for (const bad of ['a___b', 'a..b', 'a._b', 'a-', '-a', '_a', 'a_', 'a/', '/a', 'a//b', 'a.', 'x:', ':x', 'x@', 'x:-t', 'x:.t']) {
      assert.equal(p(bad), 'invalid reference format', bad);
    }
    assert.ok(Array.isArray(p('x:_t')));
    assert.ok(Array.isArray(p('x:T.1-a')));
  });
  it('whitespace and blanks (verified on 20.10.24)', () => {
    assert.equal(p(' x'), 'invalid reference format');
    assert.equal(p('x '), 'invalid reference format');
    assert.equal(p('foo bar'), 'invalid reference format');
    assert.equal(p('bad@@x'), 'invalid reference format');
    assert.deepEqual(checkBlankName(' '), { status: 400, message: 'image name cannot be blank' });
    assert.deepEqual(checkBlankName(''), { status: 400, message: 'image name cannot be blank' });
    assert.deepEqual(checkBlankName('\t\n\u0085'), { status: 400, message: 'image name cannot be blank' });
    assert.equal(checkBlankName('\ufeff'), null); // Go's TrimSpace keeps U+FEFF
    assert.equal(checkBlankName(' x '), null);
  });
  it('tag length 128 ok, 129 invalid', () => {
    assert.ok(Array.isArray(p(`x:${'t'.repeat(128)}`)));
    assert.equal(p(`x:${'t'.repeat(129)}`), 'invalid reference format');
  });
  it('name length: full name on API < 1.46, path only from 1.46', () => {
    const tooLong = 'repository name must not be more than 255 characters';
    // docker.io/library/ is 18 characters: 237 + 18 = 255 (verified on 20.10.24: 238 refused).
    assert.ok(Array.isArray(p('a'.repeat(237))));
    assert.equal(p('a'.repeat(238)), tooLong);
    assert.equal(p(`h.io/${'a'.repeat(251)}`), tooLong);
    assert.ok(Array.isArray(p(`h.io/${'a'.repeat(250)}`)));
    assert.ok(Array.isArray(p('a'.repeat(247), '1.46')));
    assert.equal(p('a'.repeat(248), '1.46'), tooLong);
    assert.ok(Array.isArray(p(`h.io/${'a'.repeat(255)}`, '1.46')));
    assert.equal(p(`h.io/${'a'.repeat(256)}`, '1.46'), tooLong);
  });
  it('upper case: message and domain rule keyed on API 1.44', () => {
    assert.equal(p('Upper'), 'invalid reference format: repository name must be lowercase');
    assert.equal(p('Upper', NEW), 'invalid reference format: repository name (library/Upper) must be lowercase');
    assert.equal(p('foo/Bar', NEW), 'invalid reference format: repository name (foo/Bar) must be lowercase');
    assert.equal(p(H.toUpperCase()), 'invalid reference format: repository name must be lowercase');
    assert.equal(p('Sha256:abc'), 'invalid reference format: repository name must be lowercase');
    // 20.10: an upper-case first component is not a domain; v25+: it is.
    assert.equal(p('Foo/bar'), 'invalid reference format: repository name must be lowercase');
    assert.deepEqual(p('Foo/bar', NEW), ['Foo/bar', 'Foo/bar']);
    assert.deepEqual(p('Foo.io/bar'), ['Foo.io/bar', 'Foo.io/bar']);
    assert.deepEqual(p('FOO:5000/bar'), ['FOO:5000/bar', 'FOO:5000/bar']);
    // The lowercase check runs on the text before the first ':' (includes an `@alg`).
    assert.equal(p(`x@Sha256:${H}`), 'invalid reference format: repository name must be lowercase');
    assert.equal(p(`x@Sha256:${H}`, NEW), `invalid reference format: repository name (library/x@Sha256) must be lowercase`);
    // Upper-case after a tag: the digest is parsed and rejected by go-digest.
    assert.equal(p(`x:t@Sha256:${H}`), 'invalid checksum digest format');
  });
  it('digest errors (verified on 20.10.24)', () => {
    assert.equal(p(`x@sha256:${'ab'.repeat(16)}`), 'invalid checksum digest length');
    assert.equal(p(`x@sha384:${H}`), 'invalid checksum digest length');
    assert.equal(p(`x@md5:${'ab'.repeat(16)}`), 'unsupported digest algorithm');
    assert.equal(p(`x@sha256:${H.toUpperCase()}`), 'invalid checksum digest format');
    assert.equal(p('x@sha256:abc'), 'invalid reference format');
  });
  it('64 hex refused by ParseNormalizedNamed', () => {
    const r = parseNormalizedNamed(H, OLD);
    assert.ok(!r.ok);
    assert.equal(r.message, `invalid repository name (${H}), cannot specify 64-byte hexadecimal strings`);
  });
  it('IPv6 hosts only from API 1.44', () => {
    assert.equal(p('[::1]:5000/x'), 'invalid reference format');
    assert.deepEqual(p('[::1]:5000/x', NEW), ['[::1]:5000/x', '[::1]:5000/x']);
  });
  it('stays fast on long hostile input', () => {
    const t0 = Date.now();
    p(`${'a-'.repeat(5000)}!`);
    p(`${'a.'.repeat(5000)}/x!`);
    assert.ok(Date.now() - t0 < 500);
  });
});

describe('familiar forms and helpers', () => {
  it('tagNameOnly adds latest only to bare names', () => {
    assert.equal(tagNameOnly(named('busybox')).full, 'docker.io/library/busybox:latest');
    assert.equal(tagNameOnly(named('busybox:1')).full, 'docker.io/library/busybox:1');
    assert.equal(tagNameOnly(named(`busybox@sha256:${H}`)).full, `docker.io/library/busybox@sha256:${H}`);
  });
  it('library/ with nested path: version keyed', () => {
    const r = named('library/a/b');
    assert.equal(r.full, 'docker.io/library/a/b');
    assert.equal(familiarName(r, OLD), 'a/b');
    assert.equal(familiarName(r, NEW), 'library/a/b');
    assert.equal(named('library/a/b', NEW).familiar, 'library/a/b');
    assert.equal(fullName(named('quay.io/library/x')), 'quay.io/library/x');
    assert.equal(familiarString(named('quay.io/library/x:1')), 'quay.io/library/x:1');
  });
  it('parseFamiliar reads engine output, null when unparsable', () => {
    assert.equal(parseFamiliar('busybox:latest')?.full, 'docker.io/library/busybox:latest');
    assert.equal(parseFamiliar('<none>:<none>'), null);
    assert.equal(parseFamiliar('Foo/bar:1')?.domain, 'Foo');
  });
  it('apiAtLeast compares numerically', () => {
    assert.ok(apiAtLeast('1.41', '1.41'));
    assert.ok(apiAtLeast('1.100', '1.44'));
    assert.ok(!apiAtLeast('1.9', '1.41'));
  });
});

describe('compareRefs: refstore order (sec. 1.5)', () => {
  it('sorts by full string bytes', () => {
    const input = ['quay.io/x:1', 'localhost:5000/app:z', `busybox@sha256:${H}`, 'busybox:latest', 'busybox-x:1', 'busybox:1', 'other/app:v1', 'app:2', 'app:latest'];
    const sorted = input.map((s) => named(s)).sort(compareRefs).map((r) => r.familiar);
    assert.deepEqual(sorted, ['app:2', 'app:latest', 'busybox-x:1', 'busybox:1', 'busybox:latest', `busybox@sha256:${H}`, 'other/app:v1', 'localhost:5000/app:z', 'quay.io/x:1']);
  });
  it('upper-case domains sort before docker.io', () => {
    assert.ok(compareRefs(named('Foo.io/x:1'), named('app:latest')) < 0);
  });
});

describe('isImageIdPrefix (sec. 1.6)', () => {
  const id = `sha256:abc${'0'.repeat(61)}`;
  it('prefixes of the ID with or without sha256:', () => {
    for (const n of ['abc', 'a', id, id.slice(7), 'sha256:ab', 's', 'sh', 'sha25', 'sha256', 'sha256:']) assert.ok(isImageIdPrefix(id, n), n);
    for (const n of ['abd', 'abc:latest', 'sha256:b', 'x']) assert.ok(!isImageIdPrefix(id, n), n);
  });
});

describe('isSingleReference (sec. 2 definitions)', () => {
  const d1 = `sha256:${'1'.repeat(64)}`;
  const d2 = `sha256:${'2'.repeat(64)}`;
  const refs = (...s: string[]): NamedRef[] => s.map((x) => named(x));
  it('spec examples', () => {
    assert.equal(isSingleReference([]), false);
    assert.equal(isSingleReference(refs('a:1')), true);
    assert.equal(isSingleReference(refs('busybox:latest', `busybox@${d1}`, `busybox@${d2}`)), true);
    assert.equal(isSingleReference(refs('a:1', 'a:2')), false);
    assert.equal(isSingleReference(refs('a:1', `b@${d1}`)), false);
    assert.equal(isSingleReference(refs(`a@${d1}`, `b@${d2}`)), false);
    assert.equal(isSingleReference(refs(`a@${d1}`, `a@${d2}`)), true);
  });
});

describe('ID prefix search', () => {
  const ids = [`sha256:ab${'1'.repeat(62)}`, `sha256:ab${'2'.repeat(62)}`, `sha256:cd${'3'.repeat(62)}`];
  const idx = buildIdIndex(ids);
  it('GD digestset semantics (sec. 1.4)', () => {
    assert.deepEqual(lookupIdPrefix(idx, 'c'), { kind: 'found', id: ids[2] });
    assert.deepEqual(lookupIdPrefix(idx, 'ab'), { kind: 'ambiguous' });
    assert.deepEqual(lookupIdPrefix(idx, 'a'), { kind: 'ambiguous' });
    assert.deepEqual(lookupIdPrefix(idx, 'ab1'), { kind: 'found', id: ids[0] });
    assert.deepEqual(lookupIdPrefix(idx, 'sha256:ab2'), { kind: 'found', id: ids[1] });
    assert.deepEqual(lookupIdPrefix(idx, 'sha256:ab'), { kind: 'ambiguous' });
    assert.deepEqual(lookupIdPrefix(idx, (ids[2] as string).slice(7)), { kind: 'found', id: ids[2] });
    assert.deepEqual(lookupIdPrefix(idx, ids[2] as string), { kind: 'found', id: ids[2] });
    assert.deepEqual(lookupIdPrefix(idx, 'sha512:cd'), { kind: 'none' });
    assert.deepEqual(lookupIdPrefix(idx, 'md5:cd'), { kind: 'none' });
    assert.deepEqual(lookupIdPrefix(idx, 'cd:latest'), { kind: 'none' });
    assert.deepEqual(lookupIdPrefix(idx, 'CD'), { kind: 'none' });
    assert.deepEqual(lookupIdPrefix(idx, 'sha256:CD'), { kind: 'none' });
    assert.deepEqual(lookupIdPrefix(idx, 'e'), { kind: 'none' });
    assert.deepEqual(lookupIdPrefix(buildIdIndex([]), 'a'), { kind: 'none' });
  });
  it('C8D truncated IDs need 4..64 hex', () => {
    assert.equal(checkTruncatedId('abc'), null);
    assert.equal(checkTruncatedId('abcd'), 'abcd');
    assert.equal(checkTruncatedId('sha256:abcd'), 'abcd');
    assert.equal(checkTruncatedId('sha256:ABCD'), null);
    assert.equal(checkTruncatedId(H), H);
    assert.equal(checkTruncatedId(`${H}0`), null);
  });
});

describe('resolution', () => {
  const A = `sha256:dead${'a'.repeat(60)}`;
  const B = `sha256:dead${'b'.repeat(60)}`;
  const C = `sha256:c0${'c'.repeat(62)}`;
  const D1 = `sha256:${'1'.repeat(64)}`;
  const images = [
    { id: A, repoTags: ['busybox:latest', 'busybox:1'], repoDigests: [`busybox@${D1}`] },
    { id: B, repoTags: ['deadbeef:latest'], repoDigests: [] },
    { id: C, repoTags: [], repoDigests: [] },
  ];
  const gd = (n: string): string => {
    const r = getImageGD(buildRefIndex(images, OLD), n);
    return r.ok ? r.id : `${r.status} ${r.message}`;
  };
  it('GD GetImage (sec. 1.3, outcomes verified on 20.10.24)', () => {
    assert.equal(gd('busybox'), A);
    assert.equal(gd('docker.io/library/busybox:1'), A);
    assert.equal(gd(`busybox@${D1}`), A);
    assert.equal(gd(`busybox:nope@${D1}`), A); // tag ignored, name@digest looked up
    assert.equal(gd(`other@${D1}`), `404 No such image: other@${D1}`);
    assert.equal(gd('deadbeef'), B); // a tag wins over the ID prefix of A
    assert.equal(gd('dead'), '404 No such image: dead:latest'); // ambiguous prefix
    assert.equal(gd('c'), C); // 1-char unique prefix
    assert.equal(gd('sha256:c0'), C);
    assert.equal(gd('sha256:c'.toUpperCase()), '400 invalid reference format: repository name must be lowercase');
    assert.equal(gd(C), C);
    assert.equal(gd(C.slice(7)), C);
    assert.equal(gd(`sha256:${'e'.repeat(64)}`), `404 No such image: sha256:${'e'.repeat(64)}`);
    assert.equal(gd('sha256:e'), '404 No such image: sha256:e');
    assert.equal(gd('sha256'), '404 No such image: sha256:latest');
    assert.equal(gd('busybox:2'), '404 No such image: busybox:2');
    assert.equal(gd('bad@@x'), '400 invalid reference format');
    assert.deepEqual(resolveImage({ images }, 'c', OLD), { ok: true, id: C, ref: parseAnyReference('c', OLD).ok ? (parseAnyReference('c', OLD) as { ref: NamedRef }).ref : null });
  });
  it('C8D records and GetImage (sec. 7)', () => {
    const recs = c8dRecords(images, NEW);
    assert.deepEqual(recs.map((r) => r.name), ['docker.io/library/busybox:1', 'docker.io/library/busybox:latest', 'docker.io/library/deadbeef:latest', `moby-dangling@${C}`]);
    const c8d = (n: string): string => {
      const r = getImageC8D(recs, n, NEW);
      return r.ok ? r.id : `${r.status} ${r.message}`;
    };
    assert.equal(c8d('busybox'), A);
    assert.equal(c8d('c0'), '404 No such image: c0:latest'); // < 4 hex: a name only
    assert.equal(c8d('c0cc'), C);
    assert.equal(c8d('sha256:c0cc'), C);
    assert.equal(c8d('deadbeef'), B);
    assert.equal(c8d('deadaaaa'), A);
    assert.equal(c8d('dead'), '404 ambiguous reference');
    assert.equal(c8d(`busybox@${A}`), A);
    assert.equal(c8d(`other@${A}`), `404 No such image: other@${A}`);
    assert.equal(c8d(A), A);
  });
  it('C8D resolveAllReferences (sec. 7)', () => {
    const recs = c8dRecords(images, NEW);
    const r = resolveAllReferencesC8D(recs, 'busybox', NEW);
    assert.ok(r.ok);
    assert.equal(r.matched?.name, 'docker.io/library/busybox:latest');
    assert.deepEqual(r.all.map((x) => x.name), ['docker.io/library/busybox:1', 'docker.io/library/busybox:latest']);
    const byDigest = resolveAllReferencesC8D(recs, `busybox@${A}`, NEW);
    assert.ok(byDigest.ok && byDigest.matched === null && byDigest.all.length === 2);
    const dead = resolveAllReferencesC8D(recs, 'dead', NEW);
    assert.ok(!dead.ok && dead.message === 'ambiguous reference');
    // A record named like a hex prefix of another target is ambiguous here (GetImage prefers the name).
    const withHexTag = [...recs, { name: 'docker.io/library/c0cc:latest', target: B }];
    const amb = resolveAllReferencesC8D(withHexTag, 'c0cc', NEW);
    assert.ok(!amb.ok && amb.message === 'ambiguous reference');
    assert.deepEqual(getImageC8D(withHexTag, 'c0cc', NEW), { ok: true, id: B, ref: (parseNormalizedNamed('c0cc', NEW) as { ref: NamedRef }).ref });
    const id = resolveAllReferencesC8D(recs, 'c0cc', NEW);
    assert.ok(id.ok && id.matched === null && id.all.length === 1);
    const miss = resolveAllReferencesC8D(recs, 'nope', NEW);
    assert.ok(!miss.ok && miss.message === 'No such image: nope:latest');
  });
});
