import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFilterText, parseRefsText } from './filter-text';

test('terms split at the first =, names lower-cased, repeated names collect values', () => {
  assert.deepEqual(parseFilterText('reference=redis  Label=tier=cache reference=app-*'), {
    ok: true,
    filters: { reference: ['redis', 'app-*'], label: ['tier=cache'] },
  });
});

test('the docker CLI spellings are accepted', () => {
  assert.deepEqual(parseFilterText('--filter dangling=true -f before=app:1 --filter=since=x:1 -flabel=a'), {
    ok: true,
    filters: { dangling: ['true'], before: ['app:1'], since: ['x:1'], label: ['a'] },
  });
});

test('quotes group a value with spaces; malformed terms are errors', () => {
  assert.deepEqual(parseFilterText(`label="a b=c d"`), { ok: true, filters: { label: ['a b=c d'] } });
  assert.deepEqual(parseFilterText('redis'), { ok: false, message: 'bad format of filter (expected name=value): redis' });
  assert.equal(parseFilterText('label="x').ok, false);
  assert.deepEqual(parseFilterText('   '), { ok: true, filters: {} });
});

test('refs are the words typed after docker image rm', () => {
  assert.deepEqual(parseRefsText(' busybox  abc123\nsha256:ff '), ['busybox', 'abc123', 'sha256:ff']);
});
