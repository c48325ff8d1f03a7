/**
 * Test-bed CLI, for humans and the test orchestrator:
 *   testbed up [--kinds v20,v28,v28-c8d] [--registry] [--fresh]   start, write and print state.json
 *   testbed down                                                 stop everything recorded, by pid
 *   testbed status                                               what is recorded, and whether it answers
 * Run with `node scripts/run-ts.mjs scripts/testbed.ts up --registry`. Everything lives under
 * `.layerlens/testbed/` (repo-relative): one dir per engine kind, `registry/`, `state.json`.
 * Engines started here outlive this process on purpose (no reap-on-exit); `down` ends them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  alive,
  engineKindsFromEnv,
  pingEngine,
  startEngine,
  stopEngine,
  type EngineKind,
  type EngineRecord,
} from '../lib/testbed/engine';
import { startRegistry, stopRegistry, type RegistryRecord } from '../lib/testbed/registry';

interface State {
  startedAt: string;
  engines: EngineRecord[];
  registry?: RegistryRecord;
}

const root = path.resolve(__dirname, '..');
const base = path.join(root, '.layerlens', 'testbed');
const stateFile = path.join(base, 'state.json');

/** The serialisable part of a started engine / registry. */
function record<T extends { stop(): Promise<void> }>(running: T): Omit<T, 'stop'> {
  const { stop, ...rec } = running;
  void stop;
  return rec;
}

function readState(): State | undefined {
  return existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State) : undefined;
}

async function up(args: string[]): Promise<void> {
  const at = args.indexOf('--kinds');
  const kindsArg = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && (!kindsArg || kindsArg.startsWith('--'))) throw new Error('--kinds needs a value, e.g. --kinds v20,v28');
  const kinds = engineKindsFromEnv(kindsArg ? { LAYERLENS_ENGINES: kindsArg } : process.env);
  await down();
  mkdirSync(base, { recursive: true });
  const common = { fresh: args.includes('--fresh'), reapOnExit: false, sidCacheDir: path.join(root, '.layerlens', 'cache', 'sid') };
  const engines = kinds.map((kind: EngineKind) => startEngine({ kind, dir: path.join(base, kind), ...common }));
  const registry = args.includes('--registry') ? [startRegistry({ dir: path.join(base, 'registry'), reapOnExit: false })] : [];
  const [e, r] = await Promise.all([Promise.allSettled(engines), Promise.allSettled(registry)]);
  const started = [...e, ...r].flatMap((x) => (x.status === 'fulfilled' ? [x.value] : []));
  const failed = [...e, ...r].flatMap((x) => (x.status === 'rejected' ? [x.reason as Error] : []));
  if (failed.length > 0) {
    // All or nothing: a half-started test bed would only confuse the suites that read state.json.
    await Promise.all(started.map((s) => s.stop()));
    throw new AggregateError(failed, 'testbed up failed');
  }
  const ok = <T,>(x: PromiseSettledResult<T>[]) => x.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const state: State = {
    startedAt: new Date().toISOString(),
    engines: ok(e).map(record),
    registry: ok(r).map(record)[0],
  };
  writeFileSync(stateFile, JSON.stringify(state, null, 2) + '\n');
  console.log(JSON.stringify(state, null, 2));
}

/** Stops what state.json records, plus any engine.json / registry.json left by an `up` that died early. */
async function down(): Promise<void> {
  const state = readState();
  const registryFile = path.join(base, 'registry', 'registry.json');
  const registry =
    state?.registry ?? (existsSync(registryFile) ? (JSON.parse(readFileSync(registryFile, 'utf8')) as RegistryRecord) : undefined);
  const records = new Map<string, EngineRecord>((state?.engines ?? []).map((e) => [e.runDir, e]));
  for (const name of existsSync(base) ? readdirSync(base) : []) {
    const file = path.join(base, name, 'engine.json');
    if (existsSync(file)) {
      const rec = JSON.parse(readFileSync(file, 'utf8')) as EngineRecord;
      records.set(rec.runDir, rec);
    }
  }
  await Promise.all([...records.values()].map((rec) => stopEngine(rec)));
  if (registry) await stopRegistry(registry);
  rmSync(stateFile, { force: true });
  if (records.size > 0 || registry) process.stderr.write(`[testbed] stopped ${records.size} engine(s)${registry ? ' and the registry' : ''}\n`);
}

async function status(): Promise<void> {
  const state = readState();
  if (!state) return console.log(JSON.stringify({ running: false }, null, 2));
  const engines = await Promise.all(state.engines.map(async (e) => ({ ...e, alive: alive(e.pid), answers: await pingEngine(e) })));
  const registry = state.registry && { ...state.registry, alive: alive(state.registry.pid) };
  console.log(JSON.stringify({ ...state, engines, registry }, null, 2));
}

const [cmd, ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = { up: () => up(rest), down, status };
const action = cmd ? commands[cmd] : undefined;
if (!action) {
  console.error('usage: testbed up [--kinds v20,v28,v28-c8d] [--registry] [--fresh] | down | status');
  process.exit(2);
}
action().catch((err: unknown) => {
  console.error(err instanceof AggregateError ? err.errors.map(String).join('\n\n') : err instanceof Error ? err.message : err);
  process.exit(1);
});
