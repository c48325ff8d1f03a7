/**
 * The guarded apply on real engines: a reviewed plan is applied only while it still holds; a change
 * made after planning (a new tag, a new container) makes it refuse and remove nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { beforeEach, describe, test } from 'node:test';
import { applyPlan } from '../../lib/engine/apply';
import { EngineService } from '../../lib/engine/service';
import { planRemoval } from '../../lib/model/planner';
import { docker, dockerOut } from '../../lib/testbed/docker-cli';
import { tarBytes } from '../../lib/testbed/load-archive';
import { testKinds, useEngine } from '../support/engines';

const flags = { force: false, noPrune: false };

/** A one-layer image with a shell, made offline with `docker import`. */
async function importImage(host: string, ref: string, marker: string): Promise<string> {
  const tar = tarBytes([
    { name: 'bin', type: 'dir' },
    { name: 'bin/busybox', data: fs.readFileSync('/bin/busybox'), mode: 0o755 },
    { name: 'bin/sh', type: 'symlink', linkname: 'busybox' },
    { name: 'marker', data: Buffer.from(marker) },
  ]);
  return dockerOut(host, ['import', '-', ref], { stdin: tar });
}

async function imageIds(host: string): Promise<string[]> {
  return (await dockerOut(host, ['image', 'ls', '-aq', '--no-trunc'])).split('\n').filter(Boolean).sort();
}

for (const kind of testKinds) {
  describe(`guarded apply on ${kind}`, () => {
    const engine = useEngine(kind, 'apply');
    let n = 0;
    let ref = '';
    beforeEach(async () => {
      ref = `guarded:${++n}`;
      await importImage(engine.current.host, ref, `${kind}-${n}`);
    });

    test('applies an unchanged plan and the engine answers what was planned', async () => {
      const svc = new EngineService({ host: engine.current.host });
      const plan = planRemoval(await svc.freshSnapshot(), [ref], flags);
      assert.equal(plan.steps[0]!.error, null);
      const result = await applyPlan(svc, [ref], flags, plan);
      assert.equal(result.outcome, 'applied');
      assert.deepEqual(result.steps[0]!.actual.records, plan.steps[0]!.records);
      assert.ok(result.steps[0]!.actual.records.some((r) => 'Deleted' in r));
    });

    test('refuses when a tag was added after planning, and removes nothing', async () => {
      const host = engine.current.host;
      const svc = new EngineService({ host });
      const plan = planRemoval(await svc.freshSnapshot(), [ref], flags);
      await dockerOut(host, ['tag', ref, `${ref}-copy`]);
      const before = await imageIds(host);
      const result = await applyPlan(svc, [ref], flags, plan);
      assert.equal(result.outcome, 'refused');
      assert.equal(result.steps.length, 0);
      assert.match(result.drift!.join('\n'), new RegExp(`${ref}: planned .*Deleted.*; now Untagged: ${ref}$`));
      assert.deepEqual(await imageIds(host), before);
      assert.match(await dockerOut(host, ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']), new RegExp(`^${ref}$`, 'm'));
    });

    test('refuses when a container was created after planning, and removes nothing', async () => {
      const host = engine.current.host;
      const svc = new EngineService({ host });
      const plan = planRemoval(await svc.freshSnapshot(), [ref], flags);
      await dockerOut(host, ['create', '--pull=never', '--network', 'none', ref, 'sh']);
      const before = await imageIds(host);
      const result = await applyPlan(svc, [ref], flags, plan);
      assert.equal(result.outcome, 'refused');
      assert.match(result.drift!.join('\n'), /now error 409/);
      assert.deepEqual(await imageIds(host), before);
      assert.equal(result.replanned!.steps[0]!.error!.status, 409);
    });

    test('the rm command refuses a stale plan too (exit 1, nothing removed)', async () => {
      const host = engine.current.host;
      const svc = new EngineService({ host });
      const plan = planRemoval(await svc.freshSnapshot(), [ref], flags);
      await dockerOut(host, ['tag', ref, `${ref}-again`]);
      // The CLI plans on its own read, so a change before it runs is not drift for it: it applies
      // the new plan (untag only). Drift between its plan and its apply is what the API test covers.
      const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'lib/cli/main.ts', 'rm', '--yes', '--', ref], {
        env: { ...process.env, DOCKER_HOST: host },
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), `Untagged: ${ref}`);
      assert.deepEqual(planRemoval(await svc.freshSnapshot(), [ref], flags).steps[0]!.error?.status, 404);
      assert.ok(plan.steps[0]!.records.length > 1);
      await docker(host, ['rmi', `${ref}-again`]);
    });
  });
}
