/** One entry of the engine's `DELETE /images/{name}` reply. */
export type DeleteRecord = { Untagged: string } | { Deleted: string };

/**
 * An error reply. `alternatives` lists other texts the engine may send instead: when several
 * containers qualify for a conflict, which one it names is random (engine-semantics.md sec. 10).
 */
export interface DeleteError {
  status: number;
  message: string;
  alternatives?: string[];
}

export interface RemovalFlags {
  force: boolean;
  noPrune: boolean;
}

/** One simulated DELETE on a store (either image store's algorithm): reply and resolved image. */
export interface DeleteOutcome {
  records: DeleteRecord[];
  error: DeleteError | null;
  imageId?: string;
}

/** The simulated reply to one DELETE, plus what it resolved to. */
export interface PlanStep {
  ref: string;
  records: DeleteRecord[];
  error: DeleteError | null;
  /** The image the ref resolved to at that point of the batch, if it resolved. */
  imageId?: string;
}

/** Why a layer (or an image) outlives the plan. Each reason names its holder. */
export type SurvivalReason =
  | { kind: 'shared'; imageId: string; refs: string[] }
  | { kind: 'tagged'; imageId: string; refs: string[] }
  | { kind: 'container'; containerId: string; name: string; state: string; imageId: string }
  | { kind: 'child'; imageId: string; childId: string; childRefs: string[] }
  | { kind: 'no-prune'; imageId: string }
  | { kind: 'error'; imageId: string; message: string };

export interface LayerSurvivor {
  chainId: string;
  size: number;
  /** Targeted images that have this layer. */
  of: string[];
  /** How many images outside the targets still hold it (only some are named in `reasons`). */
  sharedBy: number;
  reasons: SurvivalReason[];
}

export interface KeptImage {
  imageId: string;
  reasons: SurvivalReason[];
}

export interface Plan {
  flags: RemovalFlags;
  steps: PlanStep[];
  freed: { images: string[]; layers: string[]; bytes: number };
  survivors: LayerSurvivor[];
  keptImages: KeptImage[];
  notes: string[];
}

export function deleteError(status: number, message: string, alternatives?: string[]): DeleteError {
  return alternatives && alternatives.length > 0 ? { status, message, alternatives } : { status, message };
}
