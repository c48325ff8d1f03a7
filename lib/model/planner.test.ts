/**
 * The removal planner on the classic (graphdriver) image store, on hand-built snapshots.
 * Every expectation is taken from engine-semantics.md (sections cited per block).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffIdOf, digestOf, TestStore } from './test-store';
import { D, err, ok, rm, U } from './test-plan';

const IDX = digestOf('busybox-index');

/** A pulled `busybox:latest`: its tag, the index digest ref, one layer D1 (sec. 2.3 example 1). */
function pulledBusybox(): TestStore {
  return new TestStore().image('busybox', { id: 'b0b0', tags: ['busybox:latest'], digests: [`busybox@${IDX}`], layers: ['d1'] });
}

describe('worked examples (sec. 2.3)', () => {
  test('1: DELETE busybox untags the tag, then the same-repo digest, deletes the image and its one layer', () => {
    const s = pulledBusybox();
    const plan = rm(s.snapshot(), 'busybox');
    // A single-layer image: the chain ID is the diff ID.
    assert.deepEqual(ok(plan), [U('busybox:latest'), U(`busybox@${IDX}`), D(s.id('busybox')), D(diffIdOf('d1'))]);
    assert.deepEqual(plan.freed.images, [s.id('busybox')]);
    assert.deepEqual(plan.freed.layers, [diffIdOf('d1')]);
  });

  test('2: DELETE <ID prefix> gives the identical list (single reference, refs removed sorted)', () => {
    const s = pulledBusybox();
    const expected = [U('busybox:latest'), U(`busybox@${IDX}`), D(s.id('busybox')), D(diffIdOf('d1'))];
    const hex = s.id('busybox').slice('sha256:'.length);
    for (const name of [hex.slice(0, 6), 'b', hex, s.id('busybox'), `sha256:${hex.slice(0, 4)}`]) {
      assert.deepEqual(ok(rm(s.snapshot(), name)), expected, name);
    }
  });

  test('3: with a second busybox tag, DELETE busybox only untags; DELETE <ID> needs force', () => {
    const s2 = new TestStore().image('busybox', {
      id: 'b0b0',
      tags: ['busybox:latest', 'busybox:v2'],
      digests: [`busybox@${IDX}`],
      layers: ['d1'],
    });
    const byName = rm(s2.snapshot(), 'busybox');
    assert.deepEqual(ok(byName), [U('busybox:latest')]);
    assert.deepEqual(byName.freed, { images: [], layers: [], bytes: 0 });
    const byId = err(rm(s2.snapshot(), s2.short('busybox')));
    assert.equal(byId.status, 409);
    assert.equal(
      byId.message,
      `conflict: unable to delete ${s2.short('busybox')} (must be forced) - image is referenced in multiple repositories`,
    );
  });

  test('4: a running container: must force by name; forced name only untags; forced ID cannot be forced', () => {
    const s = pulledBusybox().container('web', 'busybox', 'running');
    const snap = s.snapshot();
    const e = err(rm(snap, 'busybox'));
    assert.equal(e.status, 409);
    assert.equal(
      e.message,
      `conflict: unable to remove repository reference "busybox" (must force) - container ${s.cshort('web')} is using its referenced image ${s.short('busybox')}`,
    );
    const forced = rm(snap, 'busybox', { force: true });
    assert.deepEqual(ok(forced), [U('busybox:latest'), U(`busybox@${IDX}`)]);
    assert.deepEqual(forced.freed.images, [], 'the image is kept, now dangling');
    const byId = err(rm(snap, s.id('busybox'), { force: true }));
    assert.equal(byId.status, 409);
    assert.equal(
      byId.message,
      `conflict: unable to delete ${s.short('busybox')} (cannot be forced) - image is being used by running container ${s.cshort('web')}`,
    );
  });

  /** base (tagged) <- i1 (COPY) <- i2 (ENV, no new layer) <- x (RUN, tagged app). */
  function classicBuild(): TestStore {
    return new TestStore()
      .image('base', { tags: ['base:latest'], layers: ['b'] })
      .image('i1', { parent: 'base', layers: ['b', 'copy'] })
      .image('i2', { parent: 'i1', layers: ['b', 'copy'] })
      .image('x', { parent: 'i2', tags: ['app:latest'], layers: ['b', 'copy', 'run'] });
  }

  test('5: DELETE app prunes untagged parents top-down, each with its own layers, and stops at the tagged base', () => {
    const s = classicBuild();
    const plan = rm(s.snapshot(), 'app');
    assert.deepEqual(ok(plan), [
      U('app:latest'),
      D(s.id('x')),
      D(s.chain('x', 2)),
      D(s.id('i2')), // metadata-only step: no layer records follow
      D(s.id('i1')),
      D(s.chain('i1', 1)),
    ]);
    assert.deepEqual(new Set(plan.freed.images), new Set([s.id('x'), s.id('i2'), s.id('i1')]));
  });

  test('5 with --no-prune: stops after X and its own layer', () => {
    const s = classicBuild();
    const plan = rm(s.snapshot(), 'app', { noPrune: true });
    assert.deepEqual(ok(plan), [U('app:latest'), D(s.id('x')), D(s.chain('x', 2))]);
    assert.deepEqual(plan.freed.images, [s.id('x')]);
  });
});

describe('conflict table (sec. 3 rows 6-10)', () => {
  test('row 6: a name with one reference and a container (any state) -> must force, raw name Go-quoted', () => {
    for (const state of ['exited', 'created', 'dead', 'running']) {
      const s = new TestStore().image('bb', { tags: ['bb:1'], layers: ['l'] }).container('c', 'bb', state);
      const e = err(rm(s.snapshot(), 'docker.io/library/bb:1'));
      assert.equal(e.status, 409);
      assert.equal(
        e.message,
        `conflict: unable to remove repository reference "docker.io/library/bb:1" (must force) - container ${s.cshort('c')} is using its referenced image ${s.short('bb')}`,
        state,
      );
    }
  });

  test('row 6 does not apply with several references: the tag just goes', () => {
    const s = new TestStore().image('bb', { tags: ['bb:1', 'cc:1'], layers: ['l'] }).container('c', 'bb', 'running');
    assert.deepEqual(ok(rm(s.snapshot(), 'bb:1')), [U('bb:1')]);
  });

  test('row 7: dependent child images cannot be forced', () => {
    const s = new TestStore().image('p', { layers: ['l'] }).image('c', { parent: 'p', tags: ['c:1'], layers: ['l', 'm'] });
    for (const force of [false, true]) {
      const e = err(rm(s.snapshot(), s.id('p'), { force }));
      assert.equal(e.status, 409);
      assert.equal(e.message, `conflict: unable to delete ${s.short('p')} (cannot be forced) - image has dependent child images`);
    }
  });

  test('row 8: running, paused and restarting containers are running and cannot be forced', () => {
    for (const state of ['running', 'paused', 'restarting']) {
      const s = new TestStore().image('bb', { layers: ['l'] }).container('c', 'bb', state);
      const e = err(rm(s.snapshot(), s.id('bb'), { force: true }));
      assert.equal(e.status, 409);
      assert.equal(e.message, `conflict: unable to delete ${s.short('bb')} (cannot be forced) - image is being used by running container ${s.cshort('c')}`, state);
    }
  });

  test('row 9: two tags of one repository, ID request without force', () => {
    const s = new TestStore().image('a', { tags: ['a:1', 'a:2'], layers: ['l'] });
    const e = err(rm(s.snapshot(), s.short('a')));
    assert.equal(e.status, 409);
    assert.equal(e.message, `conflict: unable to delete ${s.short('a')} (must be forced) - image is referenced in multiple repositories`);
  });

  test('row 10: a stopped container, ID request without force; with force the image goes, its layers stay', () => {
    const s = new TestStore().image('bb', { tags: ['bb:1'], layers: ['l', 'm'] }).container('c', 'bb', 'exited');
    const snap = s.snapshot();
    const e = err(rm(snap, s.short('bb')));
    assert.equal(e.status, 409);
    assert.equal(e.message, `conflict: unable to delete ${s.short('bb')} (must be forced) - image is being used by stopped container ${s.cshort('c')}`);
    const forced = rm(snap, s.short('bb'), { force: true });
    assert.deepEqual(ok(forced), [U('bb:1'), D(s.id('bb'))]);
    assert.deepEqual(forced.freed.layers, []);
  });

  test('order: CHILD before RUNNING', () => {
    const s = new TestStore()
      .image('p', { layers: ['l'] })
      .image('c', { parent: 'p', layers: ['l', 'm'] })
      .container('run', 'p', 'running');
    assert.match(err(rm(s.snapshot(), s.id('p'), { force: true })).message, / - image has dependent child images$/);
  });

  test('order: RUNNING before ACTIVE_REF', () => {
    const s = new TestStore().image('a', { tags: ['a:1', 'a:2'], layers: ['l'] }).container('run', 'a', 'running');
    assert.equal(
      err(rm(s.snapshot(), s.id('a'))).message,
      `conflict: unable to delete ${s.short('a')} (cannot be forced) - image is being used by running container ${s.cshort('run')}`,
    );
  });

  test('order: ACTIVE_REF before STOPPED', () => {
    const s = new TestStore().image('a', { tags: ['a:1', 'b:1'], layers: ['l'] }).container('old', 'a', 'exited');
    assert.equal(
      err(rm(s.snapshot(), s.id('a'))).message,
      `conflict: unable to delete ${s.short('a')} (must be forced) - image is referenced in multiple repositories`,
    );
  });

  test('ACTIVE_REF is skipped in the single-reference ID precheck: STOPPED is reported', () => {
    const s = new TestStore()
      .image('a', { tags: ['a:1'], digests: [`a@${digestOf('a')}`], layers: ['l'] })
      .container('old', 'a', 'exited');
    assert.equal(
      err(rm(s.snapshot(), s.id('a'))).message,
      `conflict: unable to delete ${s.short('a')} (must be forced) - image is being used by stopped container ${s.cshort('old')}`,
    );
  });

  test('several qualifying containers: one is named, the others are alternatives (sec. 10)', () => {
    const s = new TestStore().image('a', { layers: ['l'] }).container('c1', 'a', 'exited').container('c2', 'a', 'created');
    const e = err(rm(s.snapshot(), s.id('a')));
    const texts = [e.message, ...(e.alternatives ?? [])].sort();
    const text = (c: string) => `conflict: unable to delete ${s.short('a')} (must be forced) - image is being used by stopped container ${s.cshort(c)}`;
    assert.deepEqual(texts, [text('c1'), text('c2')].sort());
  });
});

describe('the quiet rule (sec. 2.1)', () => {
  test('a name whose image has a child: the tag goes and the image stays silently', () => {
    const s = new TestStore().image('p', { tags: ['p:1'], layers: ['l'] }).image('c', { parent: 'p', layers: ['l', 'm'] });
    const plan = rm(s.snapshot(), 'p:1');
    assert.deepEqual(ok(plan), [U('p:1')]);
    assert.deepEqual(plan.freed.images, []);
  });

  test('the same conflict on an ID request is reported', () => {
    const s = new TestStore().image('p', { layers: ['l'] }).image('c', { parent: 'p', layers: ['l', 'm'] });
    assert.match(err(rm(s.snapshot(), s.short('p'))).message, /image has dependent child images$/);
  });

  test('a forced name with a running container: silently kept after the untag, no error', () => {
    const s = new TestStore().image('a', { tags: ['a:1'], layers: ['l'] }).container('run', 'a', 'running');
    const plan = rm(s.snapshot(), 'a:1', { force: true });
    assert.deepEqual(ok(plan), [U('a:1')]);
    assert.deepEqual(plan.keptImages.map((k) => k.imageId), [s.id('a')]);
  });
});

describe('force (sec. 2.2)', () => {
  test('a forced name with only a stopped container: Deleted I, but no layer records', () => {
    const s = new TestStore().image('a', { tags: ['a:1'], layers: ['l', 'm'] }).container('old', 'a', 'exited');
    const plan = rm(s.snapshot(), 'a:1', { force: true });
    assert.deepEqual(ok(plan), [U('a:1'), D(s.id('a'))]);
    assert.deepEqual(plan.freed.images, [s.id('a')]);
    assert.deepEqual(plan.freed.layers, [], 'the container holds the layers');
    assert.equal(plan.freed.bytes, 0);
  });

  test('a forced ID with two tags: every ref untagged in refstore order, then the image and its layers', () => {
    const s = new TestStore().image('a', { tags: ['a:2', 'a:1'], layers: ['l', 'm'] });
    assert.deepEqual(ok(rm(s.snapshot(), s.short('a'), { force: true })), [U('a:1'), U('a:2'), D(s.id('a')), D(s.chain('a', 1)), D(s.chain('a', 0))]);
  });

  test('refstore order is the byte order of the full names, not of the familiar ones (sec. 1.5)', () => {
    const d = digestOf('bb');
    const s = new TestStore().image('a', {
      tags: ['zed:1', 'localhost:5000/x:1', 'quay.io/o/x:1', 'other/app:v1', 'bb:1', 'bb-x:1'],
      digests: [`bb@${d}`],
      layers: ['l'],
    });
    assert.deepEqual(ok(rm(s.snapshot(), s.id('a'), { force: true })), [
      U('bb-x:1'), // `-` < `:`
      U('bb:1'),
      U(`bb@${d}`), // `:` < `@`
      U('zed:1'), // docker.io/library/zed < docker.io/other/app
      U('other/app:v1'),
      U('localhost:5000/x:1'),
      U('quay.io/o/x:1'),
      D(s.id('a')),
      D(s.chain('a')),
    ]);
  });
});

describe('same-repository digest clean-up (sec. 2, 2.2)', () => {
  const d1 = digestOf('d1');
  const d2 = digestOf('d2');
  const [lo, hi] = d1 < d2 ? [d1, d2] : [d2, d1];

  test('only after removing the repository\'s last tag: rm a:1 a:2', () => {
    const s = new TestStore().image('a', { tags: ['a:1', 'a:2'], digests: [`a@${hi}`, `a@${lo}`], layers: ['l'] });
    const plan = rm(s.snapshot(), ['a:1', 'a:2']);
    assert.deepEqual(ok(plan, 0), [U('a:1')], 'another tag of a remains: digests kept');
    assert.deepEqual(ok(plan, 1), [U('a:2'), U(`a@${lo}`), U(`a@${hi}`), D(s.id('a')), D(s.chain('a'))]);
  });

  test('digests of another repository stay and keep the image', () => {
    const s = new TestStore().image('a', { tags: ['a:1'], digests: [`b@${d1}`], layers: ['l'] });
    const plan = rm(s.snapshot(), 'a:1');
    assert.deepEqual(ok(plan), [U('a:1')]);
    assert.deepEqual(plan.keptImages[0]?.reasons, [{ kind: 'tagged', imageId: s.id('a'), refs: [`b@${d1}`] }]);
  });

  test('never after a digest removal', () => {
    const s = new TestStore().image('a', { digests: [`a@${d1}`, `a@${d2}`], layers: ['l'] });
    assert.deepEqual(ok(rm(s.snapshot(), `a@${d1}`)), [U(`a@${d1}`)]);
    const t = new TestStore().image('a', { tags: ['a:1'], digests: [`a@${d1}`, `a@${d2}`], layers: ['l'] });
    const plan = rm(t.snapshot(), [`a@${d1}`, 'a:1']);
    assert.deepEqual(ok(plan, 0), [U(`a@${d1}`)]);
    assert.deepEqual(ok(plan, 1), [U('a:1'), U(`a@${d2}`), D(t.id('a')), D(t.chain('a'))]);
  });

  test('name:tag@digest resolves by digest and keeps the tag in the Untagged text', () => {
    const d = digestOf('busybox-1.36');
    const s = new TestStore().image('bb', { tags: ['busybox:1.36'], digests: [`busybox@${d}`], layers: ['l'] });
    const plan = rm(s.snapshot(), `busybox:1.36@${d}`);
    assert.deepEqual(ok(plan), [U(`busybox:1.36@${d}`)], 'only the digest ref goes; the tag keeps the image');
    assert.deepEqual(plan.keptImages[0]?.reasons, [{ kind: 'tagged', imageId: s.id('bb'), refs: ['busybox:1.36'] }]);
    // The tag in the request need not exist: the lookup drops it.
    const only = new TestStore().image('bb', { digests: [`busybox@${d}`], layers: ['l'] });
    assert.deepEqual(ok(rm(only.snapshot(), `busybox:nope@${d}`)), [U(`busybox:nope@${d}`), D(only.id('bb')), D(only.chain('bb'))]);
  });
});

describe('ID request or reference request (isImageIdPrefix, sec. 1.6)', () => {
  test('a repo named abc whose image ID starts with abc is an ID request', () => {
    const s = new TestStore().image('x', { id: 'abc', tags: ['abc:latest', 'abc:v2'], layers: ['l'] });
    assert.equal(
      err(rm(s.snapshot(), 'abc')).message,
      `conflict: unable to delete ${s.short('x')} (must be forced) - image is referenced in multiple repositories`,
    );
    // The same store under another repository name: a reference request that only untags.
    const t = new TestStore().image('x', { id: 'abc', tags: ['abd:latest', 'abd:v2'], layers: ['l'] });
    assert.deepEqual(ok(rm(t.snapshot(), 'abd')), [U('abd:latest')]);
  });

  test('a single-tag repo named like its ID prefix: the container conflict is the ID-request one', () => {
    const s = new TestStore().image('x', { id: 'cafe', tags: ['cafe:latest'], layers: ['l'] }).container('old', 'x', 'exited');
    assert.equal(
      err(rm(s.snapshot(), 'cafe')).message,
      `conflict: unable to delete ${s.short('x')} (must be forced) - image is being used by stopped container ${s.cshort('old')}`,
    );
    assert.match(err(rm(s.snapshot(), 'cafe:latest')).message, /^conflict: unable to remove repository reference "cafe:latest"/);
  });

  test('repos named s or sha (prefixes of "sha256:") are ID requests', () => {
    for (const repo of ['s', 'sha', 'sha25']) {
      const s = new TestStore().image('x', { tags: [`${repo}:latest`, `${repo}:v2`], layers: ['l'] });
      assert.match(err(rm(s.snapshot(), repo)).message, /image is referenced in multiple repositories$/, repo);
      assert.deepEqual(ok(rm(s.snapshot(), `${repo}:latest`)), [U(`${repo}:latest`)], `${repo}:latest is no prefix`);
    }
  });

  test('sha256 alone is no repository and no hex prefix', () => {
    const s = new TestStore().image('x', { tags: ['x:1'], layers: ['l'] });
    const e = err(rm(s.snapshot(), 'sha256'));
    assert.deepEqual([e.status, e.message], [404, 'No such image: sha256:latest']);
  });

  test('a tag spelled like another image\'s ID prefix targets the tagged image', () => {
    const s = new TestStore()
      .image('tagged', { id: '0123', tags: ['deadbeef:latest'], layers: ['t'] })
      .image('other', { id: 'deadbeef', tags: ['other:1'], layers: ['o'] });
    const plan = rm(s.snapshot(), 'deadbeef');
    assert.deepEqual(ok(plan), [U('deadbeef:latest'), D(s.id('tagged')), D(s.chain('tagged'))]);
    assert.deepEqual(plan.freed.images, [s.id('tagged')]);
  });
});

describe('parent pruning (sec. 2, 2.2)', () => {
  test('stops silently at a parent a container uses, even when the request is forced', () => {
    for (const state of ['exited', 'running']) {
      const s = new TestStore()
        .image('p', { layers: ['b', 'p'] })
        .image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'p', 'x'] })
        .container('c', 'p', state);
      for (const force of [false, true]) {
        const plan = rm(s.snapshot(), 'x:1', { force });
        assert.deepEqual(ok(plan), [U('x:1'), D(s.id('x')), D(s.chain('x', 2))], `${state} force=${force}`);
        assert.deepEqual(plan.freed.images, [s.id('x')]);
      }
    }
  });

  test('stops at a parent with another child; the second child then prunes it', () => {
    const s = new TestStore()
      .image('base', { tags: ['base:1'], layers: ['b'] })
      .image('p', { parent: 'base', layers: ['b', 'p'] })
      .image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'p', 'x'] })
      .image('y', { parent: 'p', tags: ['y:1'], layers: ['b', 'p', 'y'] });
    const plan = rm(s.snapshot(), ['x:1', 'y:1']);
    assert.deepEqual(ok(plan, 0), [U('x:1'), D(s.id('x')), D(s.chain('x', 2))]);
    assert.deepEqual(ok(plan, 1), [U('y:1'), D(s.id('y')), D(s.chain('y', 2)), D(s.id('p')), D(s.chain('p', 1))]);
  });

  test('--no-prune keeps an untagged parent', () => {
    const s = new TestStore()
      .image('p', { layers: ['b'] })
      .image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'x'] });
    assert.deepEqual(ok(rm(s.snapshot(), 'x:1', { noPrune: true })), [U('x:1'), D(s.id('x')), D(s.chain('x'))]);
    assert.deepEqual(ok(rm(s.snapshot(), 'x:1')), [U('x:1'), D(s.id('x')), D(s.chain('x')), D(s.id('p')), D(s.chain('p'))]);
  });
});

describe('layer release (sec. 4.3)', () => {
  test('stops at the first chain another image holds', () => {
    const s = new TestStore()
      .image('a', { tags: ['a:1'], layers: ['b', 'l1', 'l2'] })
      .image('c', { tags: ['c:1'], layers: ['b', 'l1', 'm'] });
    const plan = rm(s.snapshot(), 'a:1');
    assert.deepEqual(ok(plan), [U('a:1'), D(s.id('a')), D(s.chain('a', 2))]);
    assert.deepEqual(plan.freed.layers, [s.chain('a', 2)]);
  });

  test('stops at a chain held by a container whose image was force-deleted earlier in the batch', () => {
    const s = new TestStore()
      .image('i', { tags: ['i:1'], layers: ['b', 'l1'] })
      .image('j', { tags: ['j:1'], layers: ['b', 'l1', 'l2'] })
      .container('old', 'i', 'exited');
    const plan = rm(s.snapshot(), ['i:1', 'j:1'], { force: true });
    assert.deepEqual(ok(plan, 0), [U('i:1'), D(s.id('i'))]);
    assert.deepEqual(ok(plan, 1), [U('j:1'), D(s.id('j')), D(s.chain('j', 2))]);
    assert.deepEqual(plan.freed.layers, [s.chain('j', 2)]);
  });
});

describe('batches (one DELETE per ref, on the state the earlier ones left)', () => {
  test('an error does not stop later steps, and a removed name no longer resolves', () => {
    const s = new TestStore().image('a', { tags: ['a:1', 'a:2'], layers: ['l'] });
    const plan = rm(s.snapshot(), [s.short('a'), 'nope', 'a:1', 'a:1', 'a:2']);
    assert.match(err(plan, 0).message, /referenced in multiple repositories$/);
    assert.deepEqual([err(plan, 1).status, err(plan, 1).message], [404, 'No such image: nope:latest']);
    assert.deepEqual(ok(plan, 2), [U('a:1')]);
    assert.deepEqual([err(plan, 3).status, err(plan, 3).message], [404, 'No such image: a:1']);
    assert.deepEqual(ok(plan, 4), [U('a:2'), D(s.id('a')), D(s.chain('a'))]);
    assert.deepEqual(plan.steps.map((st) => st.imageId), [s.id('a'), undefined, s.id('a'), undefined, s.id('a')]);
  });

  test('an earlier untag turns a later ID request from a conflict into a deletion', () => {
    const s = new TestStore().image('a', { tags: ['a:1', 'b:1'], layers: ['l'] });
    const plan = rm(s.snapshot(), ['b:1', s.short('a')]);
    assert.deepEqual(ok(plan, 0), [U('b:1')]);
    assert.deepEqual(ok(plan, 1), [U('a:1'), D(s.id('a')), D(s.chain('a'))]);
  });
});

describe('names that do not resolve (sec. 1.3, 1.4, 3)', () => {
  const s = new TestStore().image('one', { id: 'a1', layers: ['l1'] }).image('two', { id: 'a2', layers: ['l2'] });

  test('an ambiguous prefix is a plain 404 with :latest', () => {
    const e = err(rm(s.snapshot(), 'a'));
    assert.deepEqual([e.status, e.message], [404, 'No such image: a:latest']);
  });

  test('a unique prefix resolves, however short (no minimum in GD)', () => {
    assert.deepEqual(ok(rm(s.snapshot(), 'a2')), [D(s.id('two')), D(s.chain('two'))]);
  });

  test('sha256:<short> that matches nothing or several: 404 with the text as typed', () => {
    for (const name of ['sha256:ff', 'sha256:a']) {
      const e = err(rm(s.snapshot(), name));
      assert.deepEqual([e.status, e.message], [404, `No such image: ${name}`]);
    }
    assert.deepEqual(ok(rm(s.snapshot(), 'sha256:a1')), [D(s.id('one')), D(s.chain('one'))]);
  });

  test('a full unknown ID is a 404 naming the digest', () => {
    const id = digestOf('nothing');
    const e = err(rm(s.snapshot(), id));
    assert.deepEqual([e.status, e.message], [404, `No such image: ${id}`]);
  });

  test('a blank name is a 400, with Go whitespace rules (strings.TrimSpace)', () => {
    for (const name of ['', ' ', '\t\n', '\u0085', '\u3000']) {
      const e = err(rm(s.snapshot(), name));
      assert.deepEqual([e.status, e.message], [400, 'image name cannot be blank'], JSON.stringify(name));
    }
    // U+FEFF is not space for Go: the name is parsed, and fails as a reference.
    const e = err(rm(s.snapshot(), '\uFEFF'));
    assert.deepEqual([e.status, e.message], [400, 'invalid reference format']);
  });
});
