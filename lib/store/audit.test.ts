import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditCsv } from './audit-csv';
import { auditFacets, listAudit, writeAudit } from './audit';
import { tempDb } from './test-db';

test('the audit writer keeps every field, lists newest first and filters by actor and outcome', () => {
  const { db } = tempDb();
  writeAudit(db, { actor: 'ana', role: 'operator', engine: 'unix:///x.sock', action: 'image-rm', outcome: 'applied', refs: ['redis:6'], flags: { force: false, noPrune: false }, planned: [{ ref: 'redis:6', records: [{ Untagged: 'redis:6' }] }], actual: [{ ref: 'redis:6', records: [{ Untagged: 'redis:6' }] }], bytesFreed: 42 }, 1);
  writeAudit(db, { actor: 'vic', role: 'viewer', action: 'removeAction', outcome: 'forbidden' }, 2);
  writeAudit(db, { actor: 'ana', action: 'image-rm', outcome: 'refused', detail: 'redis:7: planned a; now b' }, 3);
  const all = listAudit(db);
  assert.deepEqual(all.map((r) => r.id), [3, 2, 1]);
  const first = all[2]!;
  assert.deepEqual(first.refs, ['redis:6']);
  assert.deepEqual(first.actual, [{ ref: 'redis:6', records: [{ Untagged: 'redis:6' }] }]);
  assert.equal(first.bytesFreed, 42);
  assert.equal(first.at, 1);
  assert.deepEqual(listAudit(db, { actor: 'ana' }).map((r) => r.outcome), ['refused', 'applied']);
  assert.deepEqual(listAudit(db, { outcome: 'forbidden' }).map((r) => r.actor), ['vic']);
  assert.deepEqual(auditFacets(db), { actors: ['ana', 'vic'], outcomes: ['applied', 'forbidden', 'refused'] });
});

test('the database refuses to change or delete an audit row', () => {
  const { db } = tempDb();
  writeAudit(db, { actor: 'ana', action: 'image-rm', outcome: 'applied' });
  assert.throws(() => db.prepare("UPDATE audit SET outcome = 'ok'").run(), /append-only/);
  assert.throws(() => db.prepare('DELETE FROM audit').run(), /append-only/);
  assert.equal(listAudit(db)[0]?.outcome, 'applied');
});

test('CSV export quotes fields, keeps JSON columns and defuses spreadsheet formulas', () => {
  const { db } = tempDb();
  writeAudit(db, { actor: 'ana', action: 'image-rm', outcome: 'refused', refs: ['a:1', 'b,2'], detail: '=cmd|"x"' }, Date.UTC(2025, 0, 2));
  const [head, line] = auditCsv(listAudit(db)).split('\r\n');
  assert.equal(head, 'id,at,actor,role,ip,engine,action,outcome,refs,flags,planned,actual,bytes_freed,detail');
  assert.equal(line, `1,2025-01-02T00:00:00.000Z,ana,,,,image-rm,refused,"[""a:1"",""b,2""]",,,,,"'=cmd|""x"""`);
});
