import { deleteError, type DeleteError, type DeleteOutcome, type DeleteRecord } from './plan-types';
import {
  checkBlankName,
  isImageIdPrefix,
  isSingleReference,
  parseNormalizedNamed,
  tagNameOnly,
  type NamedRef,
} from './reference';
import { resolveClassic } from './resolve';
import { isRunningState, shortId, type Container } from './snapshot';
import type { StoreState } from './store-state';

/**
 * `DELETE /images/{name}` on the classic (graphdriver) image store, simulated on a StoreState,
 * which it mutates exactly as the engine would. engine-semantics.md sec. 2 is the algorithm;
 * the section numbers below point into it.
 */
export function deleteClassic(
  state: StoreState,
  name: string,
  force: boolean,
  prune: boolean,
  apiVersion: string,
): DeleteOutcome {
  const records: DeleteRecord[] = [];
  const fail = (error: DeleteError, imageId?: string) => ({ records: [], error, imageId });
  // Go's strings.TrimSpace, not JS trim: they disagree on U+0085 and U+FEFF (sec. 1.1).
  const blank = checkBlankName(name);
  if (blank) return fail(deleteError(blank.status, blank.message));
  const found = resolveClassic(state, name, apiVersion);
  if (!found.ok) return fail(found.error);
  const id = found.imageId;
  let quiet: boolean;

  if (!isImageIdPrefix(id, name)) {
    // Reference request (sec. 2): untag first; delete only if no reference remains.
    if (!force && isSingleReference(state.refsOf(id))) {
      const users = state.containersUsing(id);
      if (users.length > 0) {
        const texts = users.map(
          (c) =>
            `conflict: unable to remove repository reference ${goQuote(name)} (must force) - container ${shortId(c.id)} is using its referenced image ${shortId(id)}`,
        );
        return fail(deleteError(409, texts[0]!, texts.slice(1)), id);
      }
    }
    const parsed = parseNormalizedNamed(name, apiVersion);
    if (!parsed.ok) return fail(parsed.error, id);
    const p = tagNameOnly(parsed.ref);
    if (!state.deleteRef(p.digest ? p.digestKey : p.full)) return fail(deleteError(404, 'reference does not exist'), id);
    records.push({ Untagged: p.familiar });
    if (!p.digest) {
      // The last tag of a repository takes that repository's digest refs with it (sec. 2.2).
      const rest = state.refsOf(id);
      if (!rest.some((r) => r.tag !== undefined && !r.digest && r.name === p.name)) {
        for (const r of rest) {
          if (r.digest && r.name === p.name) {
            state.deleteRef(r.full);
            records.push({ Untagged: r.familiar });
          }
        }
      }
    }
    if (state.refsOf(id).length > 0) return { records, error: null, imageId: id };
    quiet = true;
  } else {
    quiet = false;
    const refs = state.refsOf(id);
    if (isSingleReference(refs)) {
      const cf = checkConflict(state, id, { hard: true, activeRef: false, stopped: !force });
      if (cf) return fail(cf.error, id);
      untagAll(state, refs, records);
    }
  }
  const err = deleteHelper(state, id, force, prune, quiet, records);
  return err ? fail(err, id) : { records, error: null, imageId: id };
}

function untagAll(state: StoreState, refs: NamedRef[], records: DeleteRecord[]): void {
  for (const r of refs) {
    state.deleteRef(r.full);
    records.push({ Untagged: r.familiar });
  }
}

function deleteHelper(
  state: StoreState,
  id: string,
  force: boolean,
  prune: boolean,
  quiet: boolean,
  records: DeleteRecord[],
): DeleteError | null {
  const cf = checkConflict(state, id, { hard: true, activeRef: !force, stopped: !force });
  if (cf) {
    // The quiet rule (sec. 2.1): a dangling image with a non-container conflict is the only case
    // reported, and it cannot occur; in practice quiet deletion stops silently.
    const dangling = state.refsOf(id).length === 0 && state.children(id).length === 0;
    if (quiet && (!dangling || cf.used)) return null;
    return cf.error;
  }
  const parent = state.images.get(id)?.parent ?? '';
  untagAll(state, state.refsOf(id), records);
  const released = state.deleteImage(id);
  records.push({ Deleted: id });
  for (const chain of released) records.push({ Deleted: chain });
  if (prune && parent && state.images.has(parent)) {
    return deleteHelper(state, parent, false, true, true, records);
  }
  return null;
}

interface Conflict {
  error: DeleteError;
  used: boolean;
}

/** The conflict checks in the engine's order; the first hit wins (sec. 2, checkConflict; sec. 3). */
function checkConflict(
  state: StoreState,
  id: string,
  mask: { hard: boolean; activeRef: boolean; stopped: boolean },
): Conflict | null {
  const text = (hard: boolean, reason: string) =>
    `conflict: unable to delete ${shortId(id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${reason}`;
  const byContainer = (cs: Container[], hard: boolean, what: string): Conflict => {
    const texts = cs.map((c) => text(hard, `image is being used by ${what} container ${shortId(c.id)}`));
    return { error: deleteError(409, texts[0]!, texts.slice(1)), used: true };
  };
  if (mask.hard) {
    if (state.children(id).length > 0) {
      return { error: deleteError(409, text(true, 'image has dependent child images')), used: false };
    }
    const running = state.containersUsing(id).filter((c) => isRunningState(c.state));
    if (running.length > 0) return byContainer(running, true, 'running');
  }
  if (mask.activeRef && state.refsOf(id).length > 0) {
    return { error: deleteError(409, text(false, 'image is referenced in multiple repositories')), used: false };
  }
  if (mask.stopped) {
    const stopped = state.containersUsing(id).filter((c) => !isRunningState(c.state));
    if (stopped.length > 0) return byContainer(stopped, false, 'stopped');
  }
  return null;
}

/** Go's %q for the request name, as the engine formats it in the must-force message. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
