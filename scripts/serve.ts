/**
 * `npm start`: pick an engine, build if the sources changed, serve the dashboard.
 *
 * Engine: DOCKER_HOST if set; else /var/run/docker.sock if an engine answers there; else a
 * sandbox engine (Debian's dockerd 20.10, data under LAYERLENS_DATA/engine, demo store seeded
 * once). The sandbox lives as long as this process and is stopped by pid when it ends.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { buildDemoStore } from '../lib/testbed/demo-store';
import { ensureBuild, nextBin } from './ensure-build.mjs';
import { startEngine, type RunningEngine } from '../lib/testbed/engine';

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(process.env.LAYERLENS_DATA ?? path.join(root, '.layerlens'));
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
const say = (s: string) => process.stderr.write(`layerlens: ${s}\n`);

function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: '/_ping', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function chooseEngine(): Promise<{ dockerHost: string; sandbox?: RunningEngine }> {
  if (process.env.DOCKER_HOST) return { dockerHost: process.env.DOCKER_HOST };
  if (await pingSocket('/var/run/docker.sock')) return { dockerHost: 'unix:///var/run/docker.sock' };
  if (process.getuid?.() !== 0) {
    say('no engine found: DOCKER_HOST is not set and /var/run/docker.sock does not answer.');
    say('Point layerlens at an engine, e.g. `DOCKER_HOST=unix:///run/user/1000/docker.sock npm start`');
    say('or `DOCKER_HOST=ssh://you@host npm start`; or run `npm start` as root for a private sandbox engine.');
    process.exit(1);
  }
  say('no engine found: starting a private sandbox engine (Debian docker.io) under ' + path.join(dataDir, 'engine'));
  const sandbox = await startEngine({ kind: 'v20', dir: path.join(dataDir, 'engine') });
  const seeded = path.join(dataDir, 'engine', 'demo-seeded');
  if (!fs.existsSync(seeded)) {
    say('seeding the sandbox with a demo store (once)…');
    await buildDemoStore(sandbox.host);
    fs.writeFileSync(seeded, new Date().toISOString());
  }
  return { dockerHost: sandbox.host, sandbox };
}

function buildIfStale(): void {
  try {
    if (ensureBuild(root) !== 'reused') say('dashboard built (next build)');
  } catch (e) {
    say(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

async function main(): Promise<void> {
  buildIfStale();
  const { dockerHost, sandbox } = await chooseEngine();
  const server = spawn(process.execPath, [nextBin(root), 'start', '-H', host, '-p', port], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DOCKER_HOST: dockerHost, LAYERLENS_SANDBOX: sandbox ? '1' : '', LAYERLENS_DATA: dataDir },
  });
  say(`serving http://${host}:${port} for the engine at ${dockerHost}${sandbox ? ' (sandbox)' : ''}`);
  const stop = async (code: number) => {
    server.kill('SIGTERM');
    await sandbox?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  server.on('exit', (code) => void stop(code ?? 0));
}

main().catch((e: unknown) => {
  say(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
