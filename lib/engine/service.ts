import 'server-only';
import type Docker from 'dockerode';
import type { Snapshot } from '../model/snapshot';
import { addressFromEnv, connect, type EngineAddress } from './connection';
import { watchEngine } from './events';
import { SnapshotReader } from './snapshot-reader';

/**
 * One live engine as the server sees it: a dockerode client, a snapshot reader with its caches,
 * and an `/events` subscription that marks the snapshot stale. Reads between two changes are
 * served from the last snapshot; the first read after a change re-reads the engine.
 */
export class EngineService {
  readonly docker: Docker;
  private readonly reader: SnapshotReader;
  private current: Promise<Snapshot> | undefined;
  private generation = 0;
  private watching: Promise<void> | undefined;
  private readonly listeners = new Set<(generation: number) => void>();

  constructor(readonly address: EngineAddress) {
    this.docker = connect(address);
    this.reader = new SnapshotReader(this.docker, address.host);
  }

  /** The engine's current state; re-read only after an event said it changed. */
  async snapshot(): Promise<Snapshot> {
    this.ensureWatching();
    if (!this.current) {
      const read = this.reader.read();
      this.current = read;
      read.catch(() => {
        if (this.current === read) this.current = undefined;
      });
    }
    return this.current;
  }

  /** A fresh read regardless of events: used right before applying a plan. */
  async freshSnapshot(): Promise<Snapshot> {
    this.current = undefined;
    return this.snapshot();
  }

  /** Called with an increasing generation number each time the engine changes. */
  onChange(listener: (generation: number) => void): () => void {
    this.ensureWatching();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private invalidate(): void {
    this.current = undefined;
    this.generation++;
    for (const l of this.listeners) l(this.generation);
  }

  private ensureWatching(): void {
    if (this.watching) return;
    this.watching = watchEngine(
      this.docker,
      () => this.invalidate(),
      () => {
        // The stream ended (engine restart, socket gone): forget the cache and follow again later.
        this.watching = undefined;
        this.invalidate();
      },
    ).then(
      () => undefined,
      () => {
        this.watching = undefined;
      },
    );
  }
}

// One service per address for the whole server process (Next.js may load this module twice in
// development, hence the global).
const registry = ((globalThis as { __layerlensEngines?: Map<string, EngineService> }).__layerlensEngines ??= new Map());

export function engineService(address: EngineAddress = addressFromEnv()): EngineService {
  let svc = registry.get(address.host);
  if (!svc) registry.set(address.host, (svc = new EngineService(address)));
  return svc;
}
