import 'server-only';
import { z } from 'zod';
import type { EngineAddress } from '../engine/connection';
import { writeAudit } from './audit';
import type { Db } from './db';

/** Who registers or removes an engine (the Actor of lib/engine/remove, without importing the engine). */
export interface EngineActor {
  name: string;
  role: string | null;
  ip?: string | null;
}

/** A registered engine. `host` is in DOCKER_HOST syntax; `certPath` (tcp only) turns on TLS. */
export interface RegisteredEngine {
  id: number;
  name: string;
  host: string;
  certPath: string | null;
  isDefault: boolean;
  createdBy: string;
  createdAt: number;
}

export const DEFAULT_ENGINE_NAME = 'default';
const ADDRESS_FORMS = 'unix:///path/to/docker.sock, tcp://host:port or ssh://user@host';

/** Why `host` is not an engine address layerlens can dial, or undefined when it is. */
export function addressProblem(host: string): string | undefined {
  if (/\s/.test(host)) return 'An engine address has no spaces';
  if (host.startsWith('unix://')) {
    return /^unix:\/\/\/[^\0]+$/.test(host) ? undefined : 'A unix address needs an absolute socket path: unix:///var/run/docker.sock';
  }
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return `Not an engine address: use ${ADDRESS_FORMS}`;
  }
  const extra = (url.pathname && url.pathname !== '/') || url.search || url.hash;
  if (url.protocol === 'tcp:') {
    if (!url.hostname || !url.port) return 'A tcp address needs a host and a port: tcp://host:2376';
    if (url.username || url.password || extra) return 'A tcp address is only tcp://host:port';
    return undefined;
  }
  if (url.protocol === 'ssh:') {
    if (!url.username || !url.hostname) return 'An ssh address needs a user and a host: ssh://user@host';
    if (url.password) return 'Put no password in an ssh address: layerlens uses the ssh agent';
    if (extra) return 'An ssh address is only ssh://user@host[:port]';
    return undefined;
  }
  return `Unsupported scheme ${url.protocol} : use ${ADDRESS_FORMS}`;
}

/** What an admin submits to register an engine. Names are what users pick in the switcher and URL. */
export const engineInput = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'A name is 1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit'),
    host: z
      .string()
      .trim()
      .min(1, `Give an address: ${ADDRESS_FORMS}`)
      .max(1000)
      .superRefine((h, ctx) => {
        const problem = addressProblem(h);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    certPath: z
      .string()
      .trim()
      .max(1000)
      .transform((s) => (s === '' ? null : s))
      .refine((s) => s === null || s.startsWith('/'), 'The TLS certificate folder must be an absolute path'),
  })
  .refine((v) => v.certPath === null || v.host.startsWith('tcp://'), { message: 'TLS certificates only apply to tcp:// addresses', path: ['certPath'] });

export type EngineInput = z.output<typeof engineInput>;

type Row = { id: number; name: string; host: string; cert_path: string | null; is_default: number; created_by: string; created_at: number };
const toEngine = (r: Row): RegisteredEngine => ({
  id: r.id,
  name: r.name,
  host: r.host,
  certPath: r.cert_path,
  isDefault: r.is_default === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** How to dial a registered engine: TLS with client certificates when a folder was given. */
export const addressOf = (e: Pick<RegisteredEngine, 'host' | 'certPath'>): EngineAddress => (e.certPath ? { host: e.host, tlsVerify: true, certPath: e.certPath } : { host: e.host });

/** Engines, the default first, then by name. */
export function listEngines(db: Db): RegisteredEngine[] {
  return (db.prepare('SELECT * FROM engines ORDER BY is_default DESC, name').all() as Row[]).map(toEngine);
}

export function getEngine(db: Db, id: number): RegisteredEngine | undefined {
  const r = db.prepare('SELECT * FROM engines WHERE id = ?').get(id) as Row | undefined;
  return r && toEngine(r);
}

export function getEngineByName(db: Db, name: string): RegisteredEngine | undefined {
  const r = db.prepare('SELECT * FROM engines WHERE name = ?').get(name) as Row | undefined;
  return r && toEngine(r);
}

/**
 * The default engine: the one the server was started with. Registered on first use; when the server
 * is restarted with another DOCKER_HOST the default row follows it (audited), since "default" means
 * "what this server was pointed at".
 */
export function ensureDefaultEngine(db: Db, address: EngineAddress, now = Date.now()): RegisteredEngine {
  const certPath = address.tlsVerify && address.certPath ? address.certPath : null;
  return db.transaction(() => {
    const r = db.prepare('SELECT * FROM engines WHERE is_default = 1').get() as Row | undefined;
    if (r && r.host === address.host && r.cert_path === certPath) return toEngine(r);
    const system = { actor: 'system', role: null, engine: address.host, outcome: 'ok' };
    if (r) {
      db.prepare('UPDATE engines SET host = ?, cert_path = ? WHERE id = ?').run(address.host, certPath, r.id);
      writeAudit(db, { ...system, action: 'engine-default', detail: `engine "${r.name}" now ${address.host} (was ${r.host})` }, now);
      return toEngine({ ...r, host: address.host, cert_path: certPath });
    }
    const name = getEngineByName(db, DEFAULT_ENGINE_NAME) ? `${DEFAULT_ENGINE_NAME}-server` : DEFAULT_ENGINE_NAME;
    const id = Number(
      db.prepare('INSERT INTO engines (name, host, cert_path, is_default, created_by, created_at) VALUES (?, ?, ?, 1, ?, ?)').run(name, address.host, certPath, 'system', now).lastInsertRowid,
    );
    writeAudit(db, { ...system, action: 'engine-add', detail: `engine "${name}" ${address.host} (the server's default)` }, now);
    return getEngine(db, id)!;
  })();
}

export type EngineChange = { ok: true; engine: RegisteredEngine } | { ok: false; message: string };

/** Registers an engine (reachable or not) under a unique name, with its audit row, in one transaction. */
export function addEngine(db: Db, actor: EngineActor, input: EngineInput, now = Date.now()): EngineChange {
  return db.transaction((): EngineChange => {
    const base = { actor: actor.name, role: actor.role, ip: actor.ip, engine: input.host, action: 'engine-add' };
    if (getEngineByName(db, input.name)) {
      writeAudit(db, { ...base, outcome: 'refused', detail: `engine "${input.name}": the name is taken` }, now);
      return { ok: false, message: `An engine named "${input.name}" is already registered` };
    }
    const id = Number(
      db.prepare('INSERT INTO engines (name, host, cert_path, is_default, created_by, created_at) VALUES (?, ?, ?, 0, ?, ?)').run(input.name, input.host, input.certPath, actor.name, now).lastInsertRowid,
    );
    writeAudit(db, { ...base, outcome: 'ok', detail: `engine "${input.name}" ${input.host}${input.certPath ? ` with TLS certificates from ${input.certPath}` : ''}` }, now);
    return { ok: true, engine: getEngine(db, id)! };
  })();
}

/** Unregisters an engine (nothing on the engine changes). The default and engines with views stay. */
export function removeEngine(db: Db, actor: EngineActor, id: number, now = Date.now()): EngineChange {
  return db.transaction((): EngineChange => {
    const e = getEngine(db, id);
    if (!e) return { ok: false, message: 'No such engine: it may have been removed.' };
    const base = { actor: actor.name, role: actor.role, ip: actor.ip, engine: e.host, action: 'engine-remove' };
    const refuse = (message: string): EngineChange => {
      writeAudit(db, { ...base, outcome: 'refused', detail: `engine "${e.name}": ${message}` }, now);
      return { ok: false, message };
    };
    if (e.isDefault) return refuse('The default engine (the one the server was started with) cannot be removed');
    const views = (db.prepare('SELECT COUNT(*) AS n FROM views WHERE engine_id = ?').get(id) as { n: number }).n;
    if (views > 0) return refuse(`Engine "${e.name}" has ${views} saved view(s); delete them first`);
    db.prepare('DELETE FROM engines WHERE id = ?').run(id);
    writeAudit(db, { ...base, outcome: 'ok', detail: `engine "${e.name}" ${e.host}` }, now);
    return { ok: true, engine: e };
  })();
}
