/**
 * The differential suite: on each real engine, seeded random stores and random `docker image rm`
 * batches; every step the planner predicts is compared with the engine's reply to the same DELETE,
 * record for record and message for message.
 *
 * LAYERLENS_DIFF_SEEDS (default 3) stores per engine, LAYERLENS_DIFF_BATCHES (default 25) batches each.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { deleteImage, sameReply } from '../../lib/engine/apply';
import { connect } from '../../lib/engine/connection';
import { SnapshotReader } from '../../lib/engine/snapshot-reader';
import { recordLine } from '../../lib/model/plan-text';
import { planRemoval } from '../../lib/model/planner';
import { docker as dockerCli } from '../../lib/testbed/docker-cli';
import { buildFixtureStore } from '../../lib/testbed/fixtures';
import { seededRandom } from '../../lib/testbed/load-archive';
import { registryAddr, testKinds, useEngine } from '../support/engines';
import { coverageBatch, randomBatch, randomFlags } from '../support/random-refs';

const seeds = Number(process.env.LAYERLENS_DIFF_SEEDS ?? 3);
const batches = Number(process.env.LAYERLENS_DIFF_BATCHES ?? 25);

/** Which branches of the spec the random batches reached, to show the suite covers them. */
function branchesOf(message: string | undefined, records: string[]): string[] {
  const out: string[] = [];
  if (message) {
    const m = message.match(/^(conflict: unable to (?:remove repository reference|delete)|No such image|invalid reference format|image name cannot be blank|ambiguous reference)/);
    out.push(m ? m[1]! : `error:${message.slice(0, 40)}`);
    const why = message.match(/ - (image has dependent child images|image is being used by (?:running|stopped) container|image is referenced in multiple repositories|container [0-9a-f]+ is using)/);
    if (why) out.push(why[1]!.replace(/container [0-9a-f]+/, 'container'));
  }
  if (records.some((r) => r.startsWith('Untagged'))) out.push('untag');
  if (records.some((r) => r.startsWith('Deleted'))) out.push('delete');
  if (records.filter((r) => r.startsWith('Deleted')).length > 1) out.push('delete layers or parents');
  return out;
}

for (const kind of testKinds) {
  describe(`planner against ${kind}`, () => {
    const engine = useEngine(kind, 'differential');
    const coverage = new Map<string, number>();
    after(() => {
      const rows = [...coverage.entries()].sort().map(([k, n]) => `  ${k}: ${n}`);
      process.stderr.write(`branches reached on ${kind}:\n${rows.join('\n')}\n`);
    });

    // Branches every run must reach on this store (engine-semantics.md sec. 3 and sec. 7).
    const required = [
      'No such image',
      'invalid reference format',
      'image name cannot be blank',
      'image is being used by running container',
      'image is being used by stopped container',
      'image is referenced in multiple repositories',
      'container is using',
      'untag',
      'delete',
      'delete layers or parents',
      ...(kind === 'v28-c8d' ? [] : ['conflict: unable to remove repository reference', 'image has dependent child images']),
    ];

    for (let seed = 1; seed <= seeds; seed++) {
      test(`seed ${seed}: ${batches} random batches`, async () => {
        const host = engine.current.host;
        await buildFixtureStore(host, { seed, registry: registryAddr });
        const docker = connect({ host });
        const reader = new SnapshotReader(docker, host);
        // A running container on an image without children, so the running-container conflict
        // is reachable (on a parent image the child conflict is reported first).
        const built = await reader.read();
        const leaf = built.images.find((i) => i.repoTags.length === 1 && !built.images.some((c) => c.parent === i.id));
        if (leaf) await dockerCli(host, ['run', '-d', '--pull=never', '--network', 'none', leaf.repoTags[0]!, 'sleep', 'infinity']);
        const rng = seededRandom(seed * 7919 + kind.length);
        const mismatches: string[] = [];
        let steps = 0;
        for (let b = 0; b < batches; b++) {
          const snap = await reader.read();
          const refs = b === 0 ? coverageBatch(snap) : randomBatch(snap, rng);
          const flags = b === 0 ? { force: false, noPrune: false } : randomFlags(rng);
          const plan = planRemoval(snap, refs, flags);
          for (const step of plan.steps) {
            const actual = await deleteImage(docker, step.ref, flags, host);
            steps++;
            for (const br of branchesOf(actual.error?.message, actual.records.map(recordLine))) {
              coverage.set(br, (coverage.get(br) ?? 0) + 1);
            }
            if (!sameReply(step, actual)) {
              mismatches.push(
                [
                  `batch ${b} ${JSON.stringify(refs)} force=${flags.force} noprune=${flags.noPrune}, step ${JSON.stringify(step.ref)}:`,
                  `  planned: ${step.error ? `${step.error.status} ${step.error.message}` : step.records.map(recordLine).join(' | ')}`,
                  `  engine:  ${actual.error ? `${actual.error.status} ${actual.error.message}` : actual.records.map(recordLine).join(' | ')}`,
                ].join('\n'),
              );
            }
          }
        }
        assert.ok(steps >= batches, `ran ${steps} steps`);
        assert.deepEqual(mismatches, [], `${mismatches.length} of ${steps} steps differ`);
      });
    }

    test('the batches reached every branch of the spec', () => {
      assert.deepEqual(required.filter((b) => !coverage.has(b)), []);
    });
  });
}
