import { recordLine } from '../model/plan-text';
import type { DeleteError, Plan, PlanStep, SurvivalReason } from '../model/plan-types';
import { shortId } from '../model/snapshot';

// The CLI's own formats live in the model (lib/model/plan-text.ts), shared with `layerlens rm`.
export { dockerCommand, dockerOutput as cliOutput, recordLine } from '../model/plan-text';

/** An error as the docker CLI prints it: the client prefixes every daemon error this way. */
export function errorLine(e: Pick<DeleteError, 'message'>): string {
  return `Error response from daemon: ${e.message}`;
}

/** The lines one DELETE produces: its records, or its error. */
export function stepLines(step: Pick<PlanStep, 'records' | 'error'>): string[] {
  return step.error ? [errorLine(step.error)] : step.records.map(recordLine);
}

/** How an image is named in a sentence, given what the page knows about it. */
export type NameOf = (imageId: string) => string;

/** One reason a layer or image survives, in plain words, naming what holds it. */
export function reasonText(r: SurvivalReason, nameOf: NameOf): string {
  switch (r.kind) {
    case 'shared': {
      // The planner names an untagged image by its short ID; don't print it twice.
      const named = r.refs.length > 0 && r.refs[0] !== shortId(r.imageId);
      return named
        ? `Shared with ${r.refs.join(', ')} (${shortId(r.imageId)}), which is not being removed.`
        : `Shared with untagged image ${shortId(r.imageId)}, which is not being removed.`;
    }
    case 'tagged':
      return `${nameOf(r.imageId)} keeps its other references: ${r.refs.join(', ')}.`;
    case 'container':
      return r.state === 'running' || r.state === 'paused' || r.state === 'restarting'
        ? `Used by ${r.state} container ${r.name}; layerlens never removes running containers.`
        : `Used by ${r.state} container ${r.name}; remove that container first, or use --force to delete the image (its layers stay with the container).`;
    case 'child':
      return `${nameOf(r.imageId)} has a child image, ${r.childRefs.join(', ')}, built on top of it.`;
    case 'no-prune':
      return `--no-prune keeps the untagged parent image ${nameOf(r.imageId)}.`;
    case 'error':
      return `The removal of ${nameOf(r.imageId)} fails: ${r.message}`;
  }
}

/**
 * Reasons in the order a person wants them: the image's own state first, then sharing by tagged
 * images, then by untagged ones (build steps and dangling images, rarely what the user cares about).
 */
export function sortReasons(reasons: readonly SurvivalReason[]): SurvivalReason[] {
  const rank = (r: SurvivalReason) => (r.kind !== 'shared' ? 0 : r.refs.length > 0 && r.refs[0] !== shortId(r.imageId) ? 1 : 2);
  return [...reasons].sort((a, b) => rank(a) - rank(b));
}

/** Lookups over a plan for colouring the graph and the table. */
export interface PlanIndex {
  freedLayers: ReadonlySet<string>;
  keptLayers: ReadonlyMap<string, Plan['survivors'][number]>;
  freedImages: ReadonlySet<string>;
  keptImages: ReadonlyMap<string, Plan['keptImages'][number]>;
  /** Images a step resolved to. */
  targets: ReadonlySet<string>;
  /** Images that only lose references (they stay, with other refs). */
  untagged: ReadonlySet<string>;
}

export function indexPlan(plan: Plan | null): PlanIndex {
  const targets = new Set(plan?.steps.flatMap((s) => (s.imageId ? [s.imageId] : [])) ?? []);
  const freedImages = new Set(plan?.freed.images ?? []);
  return {
    freedLayers: new Set(plan?.freed.layers ?? []),
    keptLayers: new Map(plan?.survivors.map((s) => [s.chainId, s]) ?? []),
    freedImages,
    keptImages: new Map(plan?.keptImages.map((k) => [k.imageId, k]) ?? []),
    targets,
    untagged: new Set(
      plan?.steps.flatMap((s) => (s.imageId && !s.error && s.records.length > 0 && !freedImages.has(s.imageId) ? [s.imageId] : [])) ?? [],
    ),
  };
}
