/**
 * Why each layer of a targeted image outlives a removal plan, and what the plan frees, on
 * hand-built graphs (survivors.ts through planRemoval).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LayerSurvivor, Plan, RemovalFlags, SurvivalReason } from './plan-types';
import { planRemoval } from './planner';
import type { Snapshot } from './snapshot';
import { TestStore } from './test-store';

function rm(snap: Snapshot, refs: string[], flags: Partial<RemovalFlags> = {}): Plan {
  return planRemoval(snap, refs, { force: false, noPrune: false, ...flags });
}

function survivor(plan: Plan, chainId: string): LayerSurvivor {
  const s = plan.survivors.find((x) => x.chainId === chainId);
  assert.ok(s, `layer ${chainId} is not among the survivors`);
  return s;
}

const recordsOf = (plan: Plan) => plan.steps.map((st) => st.records);

const kinds = (reasons: readonly SurvivalReason[]) => reasons.map((r) => r.kind);

/** a:1 and b:1 share their bottom layer `s` with each other only. */
function pair(): TestStore {
  return new TestStore()
    .image('a', { tags: ['a:1'], layers: [['s', 1000], ['a', 30]] })
    .image('b', { tags: ['b:1'], layers: [['s', 1000], ['b', 7]] });
}

describe('shared layers', () => {
  test('a layer shared with another image names that image by its tags', () => {
    const s = pair();
    const plan = rm(s.snapshot(), ['a:1']);
    assert.deepEqual(plan.survivors, [
      { chainId: s.chain('a', 0), size: 1000, of: [s.id('a')], sharedBy: 1, reasons: [{ kind: 'shared', imageId: s.id('b'), refs: ['b:1'] }] },
    ]);
  });

  test('an untagged sharer is named by its short ID', () => {
    const s = new TestStore().image('a', { tags: ['a:1'], layers: ['s', 'a'] }).image('n', { layers: ['s', 'n'] });
    const plan = rm(s.snapshot(), ['a:1']);
    assert.deepEqual(survivor(plan, s.chain('a', 0)).reasons, [{ kind: 'shared', imageId: s.id('n'), refs: [s.short('n')] }]);
  });

  test('joint freeing: removing both sharers frees the shared layer, and bytes are the sum of freed layers', () => {
    const s = pair();
    const plan = rm(s.snapshot(), ['a:1', 'b:1']);
    assert.deepEqual(plan.survivors, []);
    assert.deepEqual(new Set(plan.freed.layers), new Set([s.chain('a', 0), s.chain('a', 1), s.chain('b', 1)]));
    assert.equal(plan.freed.bytes, 1000 + 30 + 7);
    assert.deepEqual(new Set(plan.freed.images), new Set([s.id('a'), s.id('b')]));
  });

  test('removing one of them frees only its own layer', () => {
    const plan = rm(pair().snapshot(), ['b:1']);
    assert.equal(plan.freed.bytes, 7);
    assert.equal(plan.freed.layers.length, 1);
  });
});

describe('the targeted image survives', () => {
  test('a still-tagged target keeps its layers with a tagged reason', () => {
    const s = new TestStore().image('a', { tags: ['a:1', 'a:2'], layers: ['l', 'm'] });
    const plan = rm(s.snapshot(), ['a:1']);
    const tagged: SurvivalReason = { kind: 'tagged', imageId: s.id('a'), refs: ['a:2'] };
    assert.deepEqual(plan.keptImages, [{ imageId: s.id('a'), reasons: [tagged] }]);
    for (const c of s.chains('a')) assert.deepEqual(survivor(plan, c).reasons, [tagged]);
    assert.deepEqual(plan.freed, { images: [], layers: [], bytes: 0 });
  });

  test('a container holds its image: the refusal, the tag it keeps, and the container by name and state', () => {
    const s = new TestStore().image('a', { tags: ['a:1'], layers: ['l'] }).container('web', 'a', 'exited', { name: 'web-1' });
    const plan = rm(s.snapshot(), ['a:1']);
    const reasons = plan.keptImages[0]?.reasons ?? [];
    assert.deepEqual(kinds(reasons), ['error', 'tagged', 'container']);
    assert.match((reasons[0] as Extract<SurvivalReason, { kind: 'error' }>).message, /^conflict: unable to remove repository reference "a:1"/);
    assert.deepEqual(reasons[2], { kind: 'container', containerId: s.cid('web'), name: 'web-1', state: 'exited', imageId: s.id('a') });
    assert.deepEqual(survivor(plan, s.chain('a')).reasons, reasons);
  });

  test('a container holds the layers of its force-deleted image', () => {
    const s = new TestStore().image('a', { tags: ['a:1'], layers: ['l', 'm'] }).container('web', 'a', 'exited');
    const plan = rm(s.snapshot(), ['a:1'], { force: true });
    assert.deepEqual(plan.freed.images, [s.id('a')]);
    assert.deepEqual(plan.keptImages, []);
    for (const c of s.chains('a')) {
      assert.deepEqual(survivor(plan, c).reasons, [{ kind: 'container', containerId: s.cid('web'), name: 'web', state: 'exited', imageId: s.id('a') }]);
    }
  });

  test('a child image holds its parent', () => {
    const s = new TestStore().image('p', { tags: ['p:1'], layers: ['b'] }).image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'x'] });
    const plan = rm(s.snapshot(), ['p:1']);
    const child: SurvivalReason = { kind: 'child', imageId: s.id('p'), childId: s.id('x'), childRefs: ['x:1'] };
    assert.deepEqual(plan.keptImages, [{ imageId: s.id('p'), reasons: [child] }]);
    const layer = survivor(plan, s.chain('p'));
    assert.ok(layer.reasons.some((r) => JSON.stringify(r) === JSON.stringify(child)));
    assert.equal(layer.sharedBy, 1, 'the child shares the layer too');
  });
});

describe('--no-prune', () => {
  test('an untagged parent kept by --no-prune is named with a no-prune reason', () => {
    const s = new TestStore().image('p', { layers: ['b'] }).image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'x'] });
    const plan = rm(s.snapshot(), ['x:1'], { noPrune: true });
    assert.deepEqual(survivor(plan, s.chain('p')).reasons, [
      { kind: 'shared', imageId: s.id('p'), refs: [s.short('p')] },
      { kind: 'no-prune', imageId: s.id('p') },
    ]);
    // Without --no-prune the parent and its layer go.
    const pruned = rm(s.snapshot(), ['x:1']);
    assert.deepEqual(pruned.survivors, []);
    assert.deepEqual(new Set(pruned.freed.images), new Set([s.id('x'), s.id('p')]));
  });

  test('every untagged ancestor pruning would have reached gets the reason, up the whole chain', () => {
    const s = new TestStore()
      .image('g2', { layers: ['b'] })
      .image('g1', { parent: 'g2', layers: ['b', 'c'] })
      .image('p', { parent: 'g1', layers: ['b', 'c', 'd'] })
      .image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'c', 'd', 'x'] });
    const plan = rm(s.snapshot(), ['x:1'], { noPrune: true });
    const noPrune = survivor(plan, s.chain('g2'))
      .reasons.filter((r) => r.kind === 'no-prune')
      .map((r) => r.imageId);
    assert.deepEqual(new Set(noPrune), new Set([s.id('p'), s.id('g1'), s.id('g2')]));
  });

  test('a targeted parent untagged while its child lived, then left by --no-prune, says so', () => {
    const s = new TestStore().image('p', { tags: ['p:1'], layers: ['b'] }).image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'x'] });
    const plan = rm(s.snapshot(), ['p:1', 'x:1'], { noPrune: true });
    assert.deepEqual(
      plan.steps.map((st) => st.records.length),
      [1, 3],
      'p:1 only untags (child), x:1 goes without pruning p',
    );
    assert.deepEqual(plan.keptImages, [{ imageId: s.id('p'), reasons: [{ kind: 'no-prune', imageId: s.id('p') }] }]);
    // With pruning, the second step takes the parent too.
    assert.deepEqual(rm(s.snapshot(), ['p:1', 'x:1']).keptImages, []);
  });

  test('a parent that another child keeps is not kept by --no-prune', () => {
    const s = new TestStore()
      .image('p', { layers: ['b'] })
      .image('x', { parent: 'p', tags: ['x:1'], layers: ['b', 'x'] })
      .image('y', { parent: 'p', tags: ['y:1'], layers: ['b', 'y'] });
    const plan = rm(s.snapshot(), ['x:1'], { noPrune: true });
    // Pruning would have stopped at p anyway (sec. 2.2): the flag changed nothing.
    assert.deepEqual(kinds(survivor(plan, s.chain('p')).reasons), ['shared', 'shared']);
    assert.deepEqual(recordsOf(plan), recordsOf(rm(s.snapshot(), ['x:1'])));
  });
});
