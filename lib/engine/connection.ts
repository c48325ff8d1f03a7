import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';

/** Where an engine listens, in `DOCKER_HOST` syntax, plus the TLS settings the docker CLI reads. */
export interface EngineAddress {
  host: string;
  /** `DOCKER_TLS_VERIFY` semantics: TLS with client certificates from `certPath`. */
  tlsVerify?: boolean;
  /** `DOCKER_CERT_PATH`: folder with ca.pem, cert.pem, key.pem. */
  certPath?: string;
}

/** An engine could not be reached; the message names the address that was tried. */
export class EngineUnreachableError extends Error {
  constructor(
    readonly address: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot reach the Docker engine at ${address}: ${why}`);
    this.name = 'EngineUnreachableError';
  }
}

/** The engine address the docker CLI would use from this environment. */
export function addressFromEnv(env: NodeJS.ProcessEnv = process.env): EngineAddress {
  return {
    host: env.LAYERLENS_DOCKER_HOST || env.DOCKER_HOST || 'unix:///var/run/docker.sock',
    tlsVerify: (env.DOCKER_TLS_VERIFY ?? '') !== '' && env.DOCKER_TLS_VERIFY !== '0',
    certPath: env.DOCKER_CERT_PATH || (env.HOME ? path.join(env.HOME, '.docker') : undefined),
  };
}

/**
 * A dockerode client for one address. Requests go to unversioned paths so the engine answers with
 * its own default API version: the version whose texts and fields the planner predicts.
 * No custom http.Agent: docker-modem runs util.inspect over its options on every request, and an
 * agent with live sockets makes that cost up to a second of CPU; Node 20's default agent already
 * keeps connections alive.
 */
export function connect(address: EngineAddress): Docker {
  const { host } = address;
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length);
    if (!socketPath) throw new Error(`Invalid engine address ${host}: no socket path`);
    return new Docker({ socketPath });
  }
  let url: URL;
  try {
    url = new URL(host.includes('://') ? host : `tcp://${host}`);
  } catch {
    throw new Error(`Invalid engine address ${host}: expected unix:///path, tcp://host:port or ssh://user@host`);
  }
  if (url.protocol === 'ssh:') {
    return new Docker({
      protocol: 'ssh',
      host: url.hostname,
      port: url.port ? Number(url.port) : 22,
      username: url.username || undefined,
      sshOptions: { agent: process.env.SSH_AUTH_SOCK },
    } as Docker.DockerOptions);
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Invalid engine address ${host}: unsupported scheme ${url.protocol}`);
  }
  const tls = address.tlsVerify || url.protocol === 'https:' || url.port === '2376';
  const port = Number(url.port || (tls ? 2376 : 2375));
  if (!tls) {
    return new Docker({ host: url.hostname, port, protocol: 'http' });
  }
  const dir = address.certPath;
  const read = (f: string) => (dir ? fs.readFileSync(path.join(dir, f)) : undefined);
  return new Docker({
    host: url.hostname,
    port,
    protocol: 'https',
    ca: read('ca.pem'),
    cert: read('cert.pem'),
    key: read('key.pem'),
  });
}
