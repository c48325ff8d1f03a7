import { formatImageLs, listImages } from '../model/image-list';
import type { Snapshot } from '../model/snapshot';

export interface LsArgs {
  all: boolean;
  quiet: boolean;
  json: boolean;
  filters: string[];
}

/**
 * `layerlens ls`: the rows `docker image ls` prints for the same flags, computed on the snapshot
 * (so the dashboard's filter box and this command share one implementation). `--json` prints the
 * rows and the engine-shaped summaries instead of the table. Returns what to print and the status.
 */
export function lsCommand(snap: Snapshot, args: LsArgs): { stdout: string; stderr: string; code: number } {
  const filters: Record<string, string[]> = {};
  for (const f of args.filters) {
    const eq = f.indexOf('=');
    // The docker CLI refuses a filter without `=` before asking the engine.
    if (eq < 0) {
      return { stdout: '', stderr: `invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)\n`, code: 125 };
    }
    (filters[f.slice(0, eq).trim().toLowerCase()] ??= []).push(f.slice(eq + 1).trim());
  }
  const result = listImages(snap, { all: args.all, filters });
  const out = formatImageLs(result, { quiet: args.quiet, apiVersion: snap.engine.apiVersion });
  if (args.json) {
    return {
      stdout: JSON.stringify(result.ok ? { rows: out.rows, images: result.images } : { error: result }) + '\n',
      stderr: '',
      code: result.ok ? 0 : 1,
    };
  }
  return { stdout: out.text, stderr: out.stderr, code: out.exitCode };
}
