import { deleteError, type DeleteError, type DeleteOutcome, type DeleteRecord } from './plan-types';
import { checkBlankName, isImageIdPrefix, parseNormalizedNamed, tagNameOnly, type NamedRef } from './reference';
import { resolveContainerd } from './resolve';
import { isRunningState, shortId } from './snapshot';
import { DANGLING_PREFIX, type ImageRecord, type StoreState } from './store-state';

/**
 * `DELETE /images/{name}` on the containerd image store (engine-semantics.md sec. 7), simulated on
 * a StoreState. The store is a set of records {name, target}; an image is a target, and it is gone
 * when its last record is. Records carry no layers: content is garbage-collected by containerd, so
 * the reply never lists layers.
 */

function removeRecord(state: StoreState, rec: ImageRecord): void {
  if (rec.ref) state.refs.delete(rec.ref.full);
  else state.danglingRecords.delete(rec.target);
  if (state.records(rec.target).length === 0) state.deleteImage(rec.target);
}

interface Mask {
  running: boolean;
  stopped: boolean;
  activeRef: boolean;
}

export function deleteContainerd(
  state: StoreState,
  name: string,
  force: boolean,
  prune: boolean,
  apiVersion: string,
): DeleteOutcome {
  const fail = (error: DeleteError, imageId?: string) => ({ records: [], error, imageId });
  // Go's strings.TrimSpace, not JS trim: they disagree on U+0085 and U+FEFF (sec. 1.1).
  const blank = checkBlankName(name);
  if (blank) return fail(deleteError(blank.status, blank.message));
  const found = resolveContainerd(state, name, apiVersion);
  if (!found.ok) return fail(found.error);
  const { all } = found;
  const target = all[0]!.target;
  const mask: Mask = { running: true, stopped: !force, activeRef: !force };
  const untagOnly = (same: ImageRecord[]) => {
    const records: DeleteRecord[] = [];
    for (const r of same) {
      removeRecord(state, r);
      if (r.ref) records.push({ Untagged: r.ref.familiar });
    }
    return { records, error: null, imageId: target };
  };

  if (!found.img) {
    let named: NamedRef | undefined;
    if (!isImageIdPrefix(target, name)) {
      const p = parseNormalizedNamed(name, apiVersion);
      if (p.ok) named = p.ref;
    }
    const same = sameReferences(named, all);
    if (same.length === 0 && named) return fail(deleteError(404, `No such image: ${tagNameOnly(named).familiar}`), target);
    if (same.length === all.length && !force) mask.activeRef = false;
    if (named && same.length > 0 && same.length !== all.length) return untagOnly(same);
  } else {
    const img = found.img;
    const explicitDangling = name.startsWith(DANGLING_PREFIX) && !img.ref;
    if (!(isImageIdPrefix(target, name) || explicitDangling)) {
      const same = sameReferences(img.ref, all);
      if (same.length !== all.length) return untagOnly(same);
      if (all.length > 1 && !force) mask.activeRef = false;
      const users = state.containersUsing(target);
      if (users.length > 0 && img.ref) {
        const familiar = img.ref.familiar;
        if (!force) {
          const texts = users.map(
            (c) => `conflict: unable to delete ${familiar} (must be forced) - container ${shortId(c.id)} is using its referenced image ${shortId(target)}`,
          );
          return fail(deleteError(409, texts[0]!, texts.slice(1)), target);
        }
        // Forced: only this name goes; the content stays under a dangling record if it was the last.
        state.refs.delete(img.ref.full);
        if (state.records(target).length === 0) state.danglingRecords.add(target);
        return { records: [{ Untagged: familiar }], error: null, imageId: target };
      }
    }
  }
  return deleteAll(state, target, all, mask, prune);
}

function deleteAll(
  state: StoreState,
  target: string,
  all: ImageRecord[],
  mask: Mask,
  prune: boolean,
): { records: DeleteRecord[]; error: DeleteError | null; imageId: string } {
  const parents = prune ? labelParents(state, target) : [];
  const records: DeleteRecord[] = [];
  for (const rec of all) {
    const cf = conflict(state, target, all, mask);
    if (cf) return { records: [], error: cf, imageId: target };
    // A lone name of an image that has children leaves a dangling record behind to keep content.
    if (rec.ref && all.length === 1 && mask.activeRef && state.children(target).length > 0) {
      state.danglingRecords.add(target);
    }
    removeRecord(state, rec);
    if (rec.ref) records.push({ Untagged: rec.ref.familiar });
  }
  records.push({ Deleted: target });
  for (const rec of parents) {
    if (rec.ref || !state.records(rec.target).some((r) => r.name === rec.name)) break;
    // The conflict check of a pruned parent looks at the child's records (sec. 7, step 6).
    if (conflict(state, rec.target, all, { running: true, stopped: true, activeRef: true })) break;
    removeRecord(state, rec);
    records.push({ Deleted: rec.target });
  }
  return { records, error: null, imageId: target };
}

/**
 * Parents to prune: the classic-builder parent label followed to the root, nearest first, one
 * record per ancestor (engine-semantics.md sec. 7, step 6; checked on 28.5). The engine resolves
 * the whole chain before pruning anything: if any ancestor is gone (a parent deleted by ID, which
 * this store allows even with children), the lookup fails and nothing is pruned.
 */
function labelParents(state: StoreState, target: string): ImageRecord[] {
  const out: ImageRecord[] = [];
  const seen = new Set<string>();
  let cur = state.images.get(target)?.parent ?? '';
  while (cur && !seen.has(cur)) {
    const rec = state.records(cur)[0];
    if (!rec) return [];
    seen.add(cur);
    out.push(rec);
    cur = state.images.get(cur)?.parent ?? '';
  }
  return out;
}

/** Conflict order on this store: running, stopped, then more than one record (sec. 7). */
function conflict(state: StoreState, target: string, all: ImageRecord[], mask: Mask): DeleteError | null {
  const text = (hard: boolean, why: string) =>
    `conflict: unable to delete ${shortId(target)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${why}`;
  const users = state.containersUsing(target);
  const pick = (running: boolean, hard: boolean) => {
    const cs = users.filter((c) => isRunningState(c.state) === running);
    if (cs.length === 0) return null;
    const texts = cs.map((c) => text(hard, `image is being used by ${running ? 'running' : 'stopped'} container ${shortId(c.id)}`));
    return deleteError(409, texts[0]!, texts.slice(1));
  };
  if (mask.running) {
    const e = pick(true, true);
    if (e) return e;
  }
  if (mask.stopped) {
    const e = pick(false, false);
    if (e) return e;
  }
  if (mask.activeRef && all.length > 1) return deleteError(409, text(false, 'image is referenced in multiple repositories'));
  return null;
}

/**
 * The records "the same" as `named` (getSameReferences): same repository and tag; for a digested
 * name every record of the repository; digest-form names of the repository only when no other tag
 * of it exists (appended last); dangling records always. With no name, the first named record
 * decides the repository.
 */
export function sameReferences(named: NamedRef | undefined, all: ImageRecord[]): ImageRecord[] {
  let repo = named?.name;
  let tag = named?.tag;
  const allTags = named !== undefined && named.tag === undefined && named.digest !== undefined;
  const same: ImageRecord[] = [];
  let digestRefs: ImageRecord[] | null = [];
  for (const rec of all) {
    const r = rec.ref;
    if (r) {
      if (repo === undefined) {
        repo = r.name;
        tag = r.tag;
      } else if (r.name !== repo) {
        continue;
      } else if (!allTags) {
        if (r.tag !== undefined) {
          if (tag === undefined) tag = r.tag;
          else if (tag !== r.tag) {
            digestRefs = null;
            continue;
          }
        } else {
          digestRefs?.push(rec);
          continue;
        }
      }
    }
    same.push(rec);
  }
  return digestRefs ? [...same, ...digestRefs] : same;
}
