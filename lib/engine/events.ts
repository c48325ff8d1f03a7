import 'server-only';
import type Docker from 'dockerode';

// Event kinds after which a snapshot no longer describes the engine (engine-semantics.md sec. 8).
const STALE_ON: Record<string, ReadonlySet<string>> = {
  image: new Set(['pull', 'push', 'tag', 'untag', 'delete', 'import', 'load', 'save', 'create', 'prune']),
  container: new Set(['create', 'destroy', 'start', 'die', 'pause', 'unpause', 'restart', 'rename', 'kill', 'stop']),
  builder: new Set(['prune']),
};

export interface EngineEvent {
  Type: string;
  Action: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

/** Whether an event changes what a snapshot holds. */
export function makesSnapshotStale(ev: EngineEvent): boolean {
  return STALE_ON[ev.Type]?.has(ev.Action.split(':')[0] ?? '') ?? false;
}

/**
 * Follows `/events` and calls `onStale` for each event that changes images or containers.
 * Returns a function that stops following. When the stream ends (engine restart), `onEnd` is told.
 */
export async function watchEngine(
  docker: Docker,
  onStale: (ev: EngineEvent) => void,
  onEnd?: (err?: Error) => void,
): Promise<() => void> {
  const stream = (await docker.getEvents({})) as NodeJS.ReadableStream & { destroy(): void };
  let buf = '';
  stream.on('data', (chunk: Buffer) => {
    buf += chunk.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (!line) continue;
      try {
        const ev = JSON.parse(line) as EngineEvent;
        if (makesSnapshotStale(ev)) onStale(ev);
      } catch {
        // A partial or foreign line: the next complete event still arrives.
      }
    }
  });
  stream.on('error', (e: Error) => onEnd?.(e));
  stream.on('end', () => onEnd?.());
  return () => stream.destroy();
}
