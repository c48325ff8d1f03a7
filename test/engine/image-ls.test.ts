/**
 * `layerlens ls` against `docker image ls` on each real engine, for every filter kind, valid and
 * not: the same rows (REPOSITORY, TAG, IMAGE ID, SIZE; CREATED drifts with the clock), the same
 * `-q` IDs, the same error text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lsCommand } from '../../lib/cli/ls';
import { connect } from '../../lib/engine/connection';
import { SnapshotReader } from '../../lib/engine/snapshot-reader';
import type { Snapshot } from '../../lib/model/snapshot';
import { docker } from '../../lib/testbed/docker-cli';
import { buildFixtureStore } from '../../lib/testbed/fixtures';
import { registryAddr, testKinds, useEngine } from '../support/engines';

/** Table rows without the CREATED column, as a sorted list (the CLI's row order is not stable). */
function rows(table: string): string[] {
  return table
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const cols = l.trim().split(/\s{2,}/);
      return [cols[0], cols[1], cols[2], cols[cols.length - 1]].join(' ');
    })
    .sort();
}

const sorted = (s: string) => s.split('\n').filter(Boolean).sort();

for (const kind of testKinds) {
  describe(`ls against docker image ls on ${kind}`, () => {
    const engine = useEngine(kind, 'image-ls');
    let snap: Snapshot;
    let cases: string[][];

    test('builds a store', async () => {
      const host = engine.current.host;
      const m = await buildFixtureStore(host, { seed: 5, registry: registryAddr });
      snap = await new SnapshotReader(connect({ host }), host).read();
      const tagged = m.images.filter((i) => i.repoTags.length > 0);
      const older = tagged[0]!.repoTags[0]!;
      const newer = tagged[tagged.length - 1]!.repoTags[0]!;
      cases = [
        [],
        ['-a'],
        ['-f', 'dangling=true'],
        ['-a', '-f', 'dangling=false'],
        ['-f', `reference=${m.namespace}/*`],
        ['-f', 'reference=*:latest'],
        ['-f', `reference=${m.namespace}/app-*:1.?`],
        ['-f', `reference=${m.namespace}/*`, '-f', 'reference=abc'],
        ['-f', 'label=org.layerlens.role'],
        ['-f', 'label=org.layerlens.role=runtime'],
        ['-f', 'label=org.layerlens.role=runtime', '-f', 'label=org.layerlens.fixture'],
        ['-f', `before=${newer}`],
        ['-a', '-f', `since=${older}`],
        ['-f', `since=${older}`, '-f', 'dangling=false', '-f', `reference=${m.namespace}/*`],
        ['-f', 'dangling=maybe'],
        ['-f', 'nosuchkey=1'],
        ['-f', 'before=no-such-image:1'],
        ['-f', 'reference=[z'],
      ];
      assert.ok(snap.images.length > 10);
    });

    test('every filter kind: same rows, same -q, same errors', async () => {
      const host = engine.current.host;
      const differences: string[] = [];
      for (const args of cases) {
        const filters = args.filter((_, i) => args[i - 1] === '-f');
        const all = args.includes('-a');
        const real = await docker(host, ['image', 'ls', ...args], { allowFailure: true });
        const ours = lsCommand(snap, { all, quiet: false, json: false, filters });
        const label = `docker image ls ${args.join(' ')}`;
        if ((real.status === 0) !== (ours.code === 0)) {
          differences.push(`${label}: exit ${real.status} vs ${ours.code} (${real.stderr.trim()} | ${ours.stderr.trim()})`);
          continue;
        }
        if (real.status !== 0) {
          if (real.stderr.trim() !== ours.stderr.trim()) differences.push(`${label}: "${real.stderr.trim()}" vs "${ours.stderr.trim()}"`);
          continue;
        }
        if (JSON.stringify(rows(real.stdout)) !== JSON.stringify(rows(ours.stdout))) {
          differences.push(`${label}:\n  docker: ${rows(real.stdout).join(' / ')}\n  ours:   ${rows(ours.stdout).join(' / ')}`);
        }
        const realQ = await docker(host, ['image', 'ls', '-q', ...args]);
        const oursQ = lsCommand(snap, { all, quiet: true, json: false, filters });
        if (JSON.stringify(sorted(realQ.stdout)) !== JSON.stringify(sorted(oursQ.stdout))) differences.push(`${label} -q differs`);
      }
      assert.deepEqual(differences, []);
    });
  });
}
