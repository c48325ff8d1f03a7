/**
 * The removal planner on the containerd image store (engine-semantics.md sec. 7, checked on 28.5.2
 * in sec. 11), on hand-built snapshots: records {name, target}, the image ID is the target.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { digestOf, TestStore } from './test-store';
import { D, err, ok, rm, U } from './test-plan';

const c8d = () => new TestStore({ store: 'containerd' });

/** One target named in two repositories. */
function twoRepos(): TestStore {
  return c8d().image('t', { tags: ['bb:1', 'cc:1'], layers: ['b', 'l'] });
}

describe('names in several repositories', () => {
  test('a name only untags while names in other repositories remain', () => {
    const s = twoRepos();
    const plan = rm(s.snapshot(), 'bb:1');
    assert.deepEqual(ok(plan), [U('bb:1')]);
    assert.deepEqual(plan.freed.images, []);
  });

  test('another tag of the same repository also only untags', () => {
    const s = c8d().image('t', { tags: ['bb:1', 'bb:2'], layers: ['l'] });
    assert.deepEqual(ok(rm(s.snapshot(), 'bb:1')), [U('bb:1')]);
  });

  test('an ID request without force: must be forced, referenced in multiple repositories', () => {
    const s = twoRepos();
    const e = err(rm(s.snapshot(), s.short('t')));
    assert.equal(e.status, 409);
    assert.equal(e.message, `conflict: unable to delete ${s.short('t')} (must be forced) - image is referenced in multiple repositories`);
  });

  test('a forced ID request: Untagged per name in name order, then one Deleted and no layers', () => {
    const s = c8d().image('t', { tags: ['zed:1', 'localhost:5000/x:1', 'bb:1'], layers: ['b', 'l'] });
    const plan = rm(s.snapshot(), s.short('t'), { force: true });
    // docker.io/library/bb:1 < docker.io/library/zed:1 < localhost:5000/x:1 (full names, sec. 7)
    assert.deepEqual(ok(plan), [U('bb:1'), U('zed:1'), U('localhost:5000/x:1'), D(s.id('t'))]);
    // The engine reports no layers, but layerlens still computes what containerd will collect.
    assert.deepEqual(new Set(plan.freed.layers), new Set(s.chains('t')));
  });

  test('check order is RUNNING, STOPPED, ACTIVE_REF (a stopped container wins over two names)', () => {
    const s = twoRepos().container('old', 't', 'exited');
    assert.equal(
      err(rm(s.snapshot(), s.short('t'))).message,
      `conflict: unable to delete ${s.short('t')} (must be forced) - image is being used by stopped container ${s.cshort('old')}`,
    );
    const r = twoRepos().container('run', 't', 'running');
    assert.equal(
      err(rm(r.snapshot(), r.short('t'), { force: true })).message,
      `conflict: unable to delete ${r.short('t')} (cannot be forced) - image is being used by running container ${r.cshort('run')}`,
    );
  });
});

describe('a name and a container', () => {
  test('without force: the familiar name replaces the ID, and it is "must be forced" in any state', () => {
    for (const state of ['exited', 'running']) {
      const s = c8d().image('t', { tags: ['bb:1'], layers: ['l'] }).container('c', 't', state);
      const e = err(rm(s.snapshot(), 'bb:1'));
      assert.equal(e.status, 409);
      assert.equal(e.message, `conflict: unable to delete bb:1 (must be forced) - container ${s.cshort('c')} is using its referenced image ${s.short('t')}`, state);
    }
  });

  test('forced: only untags, the image stays dangling, and a later rm <id> deletes it', () => {
    const s = c8d().image('t', { tags: ['bb:1'], layers: ['l'] }).container('c', 't', 'exited');
    const untag = rm(s.snapshot(), 'bb:1', { force: true });
    assert.deepEqual(ok(untag), [U('bb:1')]);
    assert.deepEqual(untag.freed.images, []);
    const both = rm(s.snapshot(), ['bb:1', s.short('t')], { force: true });
    assert.deepEqual(ok(both, 0), [U('bb:1')]);
    assert.deepEqual(ok(both, 1), [D(s.id('t'))], 'a dangling record is no name: no Untagged');
    assert.deepEqual(both.freed.images, [s.id('t')]);
    assert.deepEqual(both.freed.layers, [], 'the container keeps the layers');
  });

  test('the same forced name on the classic store deletes the image (contrast, sec. 7)', () => {
    const s = new TestStore().image('t', { tags: ['bb:1'], layers: ['l'] }).container('c', 't', 'exited');
    assert.deepEqual(ok(rm(s.snapshot(), 'bb:1', { force: true })), [U('bb:1'), D(s.id('t'))]);
  });
});

describe('ID prefixes', () => {
  test('at least 4 hex digits: 3 are a name', () => {
    const s = c8d().image('t', { id: 'abcd', tags: ['x:1'], layers: ['l'] });
    const e = err(rm(s.snapshot(), 'abc'));
    assert.deepEqual([e.status, e.message], [404, 'No such image: abc:latest']);
    assert.deepEqual(ok(rm(s.snapshot(), 'abcd')), [U('x:1'), D(s.id('t'))]);
    // The classic store has no minimum.
    const g = new TestStore().image('t', { id: 'abcd', tags: ['x:1'], layers: ['l'] });
    assert.deepEqual(ok(rm(g.snapshot(), 'abc')), [U('x:1'), D(g.id('t')), D(g.chain('t'))]);
  });

  test('an ambiguous prefix: 404 ambiguous reference', () => {
    const s = c8d().image('one', { id: 'abcd1', layers: ['l1'] }).image('two', { id: 'abcd2', layers: ['l2'] });
    for (const name of ['abcd', 'sha256:abcd']) {
      const e = err(rm(s.snapshot(), name));
      assert.deepEqual([e.status, e.message], [404, 'ambiguous reference'], name);
    }
    assert.deepEqual(ok(rm(s.snapshot(), 'abcd2')), [D(s.id('two'))]);
  });

  test('a blank name is a 400', () => {
    const s = twoRepos();
    for (const name of ['', ' ', '\u0085']) {
      const e = err(rm(s.snapshot(), name));
      assert.deepEqual([e.status, e.message], [400, 'image name cannot be blank'], JSON.stringify(name));
    }
  });
});

describe('digest-form names', () => {
  const d = digestOf('bb');

  test('the last tag of a repository takes its digest-form names along, then the image goes', () => {
    const s = c8d().image('t', { tags: ['bb:1'], digests: [`bb@${d}`], layers: ['l'] });
    assert.deepEqual(ok(rm(s.snapshot(), 'bb:1')), [U('bb:1'), U(`bb@${d}`), D(s.id('t'))]);
  });

  test('with another tag of the repository, the digest-form name stays', () => {
    const s = c8d().image('t', { tags: ['bb:1', 'bb:2'], digests: [`bb@${d}`], layers: ['l'] });
    const plan = rm(s.snapshot(), ['bb:1', 'bb:2']);
    assert.deepEqual(ok(plan, 0), [U('bb:1')]);
    assert.deepEqual(ok(plan, 1), [U('bb:2'), U(`bb@${d}`), D(s.id('t'))]);
  });

  test('a digest-form name takes every name of its repository, and only those', () => {
    const s = c8d().image('t', { tags: ['bb:1', 'cc:1'], digests: [`bb@${d}`], layers: ['l'] });
    assert.deepEqual(ok(rm(s.snapshot(), `bb@${d}`)), [U('bb:1'), U(`bb@${d}`)]);
  });

  test('repo@<target> without such a record falls back to the target\'s records of that repository', () => {
    const s = twoRepos();
    assert.deepEqual(ok(rm(s.snapshot(), `bb@${s.id('t')}`)), [U('bb:1')]);
    assert.equal(err(rm(s.snapshot(), `dd@${s.id('t')}`)).status, 404);
  });
});

describe('dangling records and parents', () => {
  test('an image without names is deleted without Untagged records', () => {
    const s = c8d().image('t', { layers: ['l'] });
    assert.deepEqual(ok(rm(s.snapshot(), s.id('t'))), [D(s.id('t'))]);
  });

  test('pruning deletes a dangling parent and stops at a named one', () => {
    const s = c8d()
      .image('base', { tags: ['base:1'], layers: ['b'] })
      .image('p', { parent: 'base', layers: ['b', 'p'] })
      .image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'p', 'x'] });
    assert.deepEqual(ok(rm(s.snapshot(), 'x:1')), [U('x:1'), D(s.id('x')), D(s.id('p'))]);
    assert.deepEqual(ok(rm(s.snapshot(), 'x:1', { noPrune: true })), [U('x:1'), D(s.id('x'))]);
  });

  test('pruning stops when the deleted image had several names, or at a parent a container uses', () => {
    const s = c8d()
      .image('p', { layers: ['b'] })
      .image('x', { parent: 'p', tags: ['x:1', 'x:2'], layers: ['b', 'x'] });
    // The parent's conflict check looks at the child's record list (sec. 7 step 6).
    assert.deepEqual(ok(rm(s.snapshot(), s.short('x'), { force: true })), [U('x:1'), U('x:2'), D(s.id('x'))]);
    const t = c8d()
      .image('p', { layers: ['b'] })
      .image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'x'] })
      .container('old', 'p', 'exited');
    assert.deepEqual(ok(rm(t.snapshot(), 'x:1', { force: true })), [U('x:1'), D(t.id('x'))]);
  });

  test('no CHILD conflict: by its only name a parent keeps its content under a dangling record; by ID it goes', () => {
    const s = c8d()
      .image('p', { tags: ['p:1'], layers: ['b'] })
      .image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'x'] });
    const byName = rm(s.snapshot(), 'p:1');
    assert.deepEqual(ok(byName), [U('p:1'), D(s.id('p'))]);
    assert.deepEqual(byName.freed.images, [], 'a moby-dangling record keeps it');
    const byId = rm(s.snapshot(), s.short('p'));
    assert.deepEqual(ok(byId), [U('p:1'), D(s.id('p'))]);
    assert.deepEqual(byId.freed.images, [s.id('p')]);
  });
});
