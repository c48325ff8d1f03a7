/**
 * A tiny typed wrapper around the `docker` CLI for the test bed. Fixture builders drive the real CLI
 * (not dockerode) on purpose: `docker build`, `commit`, `import`, `push`, `pull` and `load` then do
 * exactly what a user's commands do, including the client-side parts (build-context upload,
 * reference normalisation, the classic builder's step images).
 *
 * Invariants: the CLI always talks to the given `host` (`DOCKER_HOST` syntax, e.g.
 * `unix:///tmp/e/d.sock`); an inherited `DOCKER_CONTEXT` can never redirect it.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface DockerOptions {
  /** Fed to the CLI's standard input (a build context tar, an import tar, a `docker load` archive). */
  stdin?: string | Uint8Array | Readable;
  /** Return a non-zero exit as a result instead of throwing. */
  allowFailure?: boolean;
  /** `DOCKER_BUILDKIT=0`: the classic builder, the only one that writes `Parent` links (spec sec. 2). */
  classicBuilder?: boolean;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Kill the CLI after this many milliseconds (default 10 minutes). */
  timeoutMs?: number;
}

export interface DockerResult {
  stdout: string;
  stderr: string;
  /** Exit status; -1 when the CLI was killed by a signal or the timeout. */
  status: number;
}

/** A `docker` command exited non-zero; `stderr` carries the CLI's (and engine's) message. */
export class DockerCliError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: DockerResult,
  ) {
    super(`docker ${args.join(' ')} failed (${result.status}): ${result.stderr.trim() || result.stdout.trim()}`);
    this.name = 'DockerCliError';
  }
}

/** Runs `docker ARGS...` against `host` and resolves with its output. */
export function docker(host: string, args: readonly string[], opts: DockerOptions = {}): Promise<DockerResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: host, DOCKER_CLI_HINTS: 'false', ...opts.env };
  delete env.DOCKER_CONTEXT;
  if (opts.classicBuilder) env.DOCKER_BUILDKIT = '0';
  return new Promise((resolve, reject) => {
    const child = spawn('docker', [...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 600_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    // EPIPE when the CLI exits before reading all input: its exit status tells the real story.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      clearTimeout(timer);
      const result = { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status: code ?? -1 };
      if (result.status !== 0 && !opts.allowFailure) reject(new DockerCliError(args, result));
      else resolve(result);
    });
    const input = opts.stdin;
    if (input === undefined) child.stdin.end();
    else if (typeof input === 'string' || input instanceof Uint8Array) child.stdin.end(input);
    else input.pipe(child.stdin);
  });
}

/** Convenience: stdout of a successful command, trimmed. */
export async function dockerOut(host: string, args: readonly string[], opts: DockerOptions = {}): Promise<string> {
  return (await docker(host, args, opts)).stdout.trim();
}

/** What fixture builders need to know about an engine to pick what they can build there. */
export interface EngineFacts {
  serverVersion: string;
  /** The engine's own default API version, e.g. `1.41` (spec sec. 8). */
  apiVersion: string;
  /** `overlay2` (classic) or the snapshotter name (`overlayfs`) on the containerd store. */
  driver: string;
  /** spec sec. 7 "Which store is active": DriverStatus has `driver-type = io.containerd.snapshotter.v1`. */
  imageStore: 'classic' | 'containerd';
}

/** Reads version, API version and image store through `docker version` / `docker info`. */
export async function engineFacts(host: string): Promise<EngineFacts> {
  const version = JSON.parse(await dockerOut(host, ['version', '--format', '{{json .Server}}'])) as {
    Version?: string;
    ApiVersion?: string;
  };
  const info = JSON.parse(await dockerOut(host, ['info', '--format', '{{json .}}'])) as {
    Driver?: string;
    DriverStatus?: Array<[string, string]> | null;
  };
  const c8d = (info.DriverStatus ?? []).some(([k, v]) => k === 'driver-type' && v === 'io.containerd.snapshotter.v1');
  return {
    serverVersion: version.Version ?? '',
    apiVersion: version.ApiVersion ?? '',
    driver: info.Driver ?? '',
    imageStore: c8d ? 'containerd' : 'classic',
  };
}
