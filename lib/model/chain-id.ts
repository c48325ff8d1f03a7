import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Chain IDs of an image's layers, bottom-up (engine-semantics.md sec. 4.1, OCI image-spec identity):
 * `chain[0] = diff[0]`, `chain[k] = "sha256:" + hex(sha256(chain[k-1] + " " + diff[k]))`.
 * A chain ID names a layer *with everything beneath it*, which is why two images share a layer
 * exactly when they share its chain ID, and why sharing `chain[k]` implies sharing every lower one.
 */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const diffId of diffIds) {
    const below = out[out.length - 1];
    out.push(below === undefined ? diffId : `sha256:${bytesToHex(sha256(utf8ToBytes(`${below} ${diffId}`)))}`);
  }
  return out;
}
