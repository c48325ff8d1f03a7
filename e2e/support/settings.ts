/**
 * Where the browser tests keep their engine and how they reach the app. Shared by
 * playwright.config.ts, the global setup/teardown and the specs, so all agree on one port and one
 * engine address.
 *
 * The webServer starts before globalSetup (Playwright runs plugin setup first), so it cannot be told
 * the engine's socket, which startEngine picks at random under /tmp. It gets a fixed symlink path
 * instead, which globalSetup points at the real socket; the app only dials the engine on the first
 * page request, after set-up.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

export const TEST_DIR = resolve(process.env.LAYERLENS_TEST_DIR ?? '.layerlens/test', 'e2e');
/** Real DOCKER_HOST of the test engine, written by globalSetup for specs that drive the docker CLI. */
export const HOST_FILE = join(TEST_DIR, 'docker-host');
/** Short, per-checkout path (unix socket paths must stay under ~107 bytes). */
export const SOCKET_LINK = `/tmp/layerlens-e2e-${createHash('sha256').update(TEST_DIR).digest('hex').slice(0, 10)}.sock`;
export const APP_DOCKER_HOST = `unix://${SOCKET_LINK}`;

/** A loopback port that is free now (asked of the kernel by a short child process). */
export function freePort(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** A free loopback port, chosen once per run and passed to the workers through the environment. */
export function e2ePort(): number {
  const known = Number(process.env.LAYERLENS_E2E_PORT);
  if (known > 0) return known;
  const port = freePort();
  process.env.LAYERLENS_E2E_PORT = String(port);
  return port;
}
