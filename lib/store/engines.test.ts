import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAudit } from './audit';
import { addEngine, addressOf, addressProblem, engineInput, ensureDefaultEngine, getEngineByName, listEngines, removeEngine } from './engines';
import { tempDb } from './test-db';
import { createView, listViews, type NewView } from './views';

const ada = { name: 'ada', role: 'admin', ip: '10.0.0.2' };
const input = (name: string, host: string, certPath = '') => engineInput.safeParse({ name, host, certPath });
const issue = (name: string, host: string, certPath = '') => {
  const r = input(name, host, certPath);
  return r.success ? undefined : r.error.issues[0]?.message;
};

test('engine addresses: the three DOCKER_HOST forms pass, anything else gets a clear reason', () => {
  for (const host of ['unix:///var/run/docker.sock', 'tcp://build-box:2376', 'tcp://10.0.0.7:2375', 'ssh://ci@runner-3', 'ssh://ci@runner-3:2222']) {
    assert.equal(addressProblem(host), undefined, host);
  }
  assert.match(addressProblem('unix://docker.sock') ?? '', /absolute socket path/);
  assert.match(addressProblem('tcp://build-box') ?? '', /host and a port/);
  assert.match(addressProblem('tcp://build-box:2376/v1.41') ?? '', /only tcp:\/\/host:port/);
  assert.match(addressProblem('ssh://runner-3') ?? '', /user and a host/);
  assert.match(addressProblem('ssh://ci:secret@runner-3') ?? '', /no password/);
  assert.match(addressProblem('http://x:1') ?? '', /Unsupported scheme http:/);
  assert.match(addressProblem('build-box:2376') ?? '', /Unsupported scheme|Not an engine address/);
  assert.match(addressProblem('unix:///a b') ?? '', /no spaces/);
});

test('engine input: names, TLS folders only for tcp and absolute', () => {
  assert.deepEqual(input(' ci-1 ', 'tcp://ci:2376', '/etc/certs/ci').data, { name: 'ci-1', host: 'tcp://ci:2376', certPath: '/etc/certs/ci' });
  assert.equal(input('ci', 'ssh://u@h').data?.certPath, null);
  assert.match(issue('', 'tcp://ci:2376') ?? '', /A name is 1 to 40/);
  assert.match(issue('a b', 'tcp://ci:2376') ?? '', /A name is 1 to 40/);
  assert.match(issue('ci', '') ?? '', /Give an address/);
  assert.match(issue('ci', 'ssh://u@h', '/certs') ?? '', /only apply to tcp/);
  assert.match(issue('ci', 'tcp://ci:2376', 'certs') ?? '', /absolute path/);
  assert.deepEqual(addressOf({ host: 'tcp://ci:2376', certPath: '/c' }), { host: 'tcp://ci:2376', tlsVerify: true, certPath: '/c' });
  assert.deepEqual(addressOf({ host: 'unix:///s', certPath: null }), { host: 'unix:///s' });
});

test('the default engine is registered once, follows the server address, and cannot be removed', () => {
  const { db } = tempDb();
  const d = ensureDefaultEngine(db, { host: 'unix:///run/a.sock', tlsVerify: false, certPath: '/root/.docker' }, 1000);
  assert.equal(d.name, 'default');
  assert.equal(d.isDefault, true);
  assert.equal(d.certPath, null);
  assert.deepEqual(ensureDefaultEngine(db, { host: 'unix:///run/a.sock' }, 2000), d);
  const moved = ensureDefaultEngine(db, { host: 'tcp://x:2376', tlsVerify: true, certPath: '/c' }, 3000);
  assert.equal(moved.id, d.id);
  assert.equal(moved.certPath, '/c');
  assert.equal(listEngines(db).length, 1);
  assert.deepEqual(removeEngine(db, ada, d.id), { ok: false, message: 'The default engine (the one the server was started with) cannot be removed' });
  assert.deepEqual(
    listAudit(db).map((r) => [r.actor, r.action, r.outcome, r.engine]),
    [
      ['ada', 'engine-remove', 'refused', 'tcp://x:2376'],
      ['system', 'engine-default', 'ok', 'tcp://x:2376'],
      ['system', 'engine-add', 'ok', 'unix:///run/a.sock'],
    ],
  );
});

test('engines are added under unique names and removed unless views use them, all audited', () => {
  const { db } = tempDb();
  const d = ensureDefaultEngine(db, { host: 'unix:///run/a.sock' }, 1000);
  const added = addEngine(db, ada, { name: 'ci', host: 'tcp://ci:2376', certPath: '/etc/certs/ci' }, 2000);
  assert.ok(added.ok);
  assert.deepEqual(added.engine, { id: added.engine.id, name: 'ci', host: 'tcp://ci:2376', certPath: '/etc/certs/ci', isDefault: false, createdBy: 'ada', createdAt: 2000 });
  assert.deepEqual(addEngine(db, ada, { name: 'CI', host: 'ssh://u@h', certPath: null }, 2500), { ok: false, message: 'An engine named "CI" is already registered' });
  assert.deepEqual(listEngines(db).map((e) => e.name), ['default', 'ci']);

  const view: NewView = { name: 'v', description: '', filter: '', all: false, refs: ['a:1'], flags: { force: false, noPrune: false }, summary: { images: [], refs: ['a:1'], steps: [] }, engineId: added.engine.id };
  createView(db, ada, view, 3000, 'on-ci');
  createView(db, ada, { ...view, engineId: null }, 3100, 'legacy');
  assert.deepEqual(listViews(db, added.engine).map((v) => v.id), ['on-ci']);
  assert.deepEqual(listViews(db, d).map((v) => v.id), ['legacy']);
  const refused = removeEngine(db, ada, added.engine.id, 4000);
  assert.equal(refused.ok, false);
  assert.match(refused.ok ? '' : refused.message, /has 1 saved view/);
  db.prepare('DELETE FROM views WHERE id = ?').run('on-ci');
  assert.equal(removeEngine(db, ada, added.engine.id, 5000).ok, true);
  assert.equal(getEngineByName(db, 'ci'), undefined);
  assert.deepEqual(
    listAudit(db).map((r) => [r.action, r.outcome, r.engine]).slice(0, 6),
    [
      ['engine-remove', 'ok', 'tcp://ci:2376'],
      ['engine-remove', 'refused', 'tcp://ci:2376'],
      ['view-create', 'ok', 'unix:///run/a.sock'],
      ['view-create', 'ok', 'tcp://ci:2376'],
      ['engine-add', 'refused', 'ssh://u@h'],
      ['engine-add', 'ok', 'tcp://ci:2376'],
    ],
  );
});
