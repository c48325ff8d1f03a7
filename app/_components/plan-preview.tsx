'use client';

import { useState, type ReactNode } from 'react';
import type { RemovalFlags } from '@/lib/model/plan-types';
import { shortId } from '@/lib/model/snapshot';
import { formatBytes, formatCount } from '@/lib/viz/format';
import { dockerCommand, reasonText, sortReasons, type NameOf } from '@/lib/viz/plan-text';
import { PlanLines } from './plan-lines';
import type { Preview } from './use-preview';

interface Props {
  refs: string[];
  flags: RemovalFlags;
  onFlags: (f: RemovalFlags) => void;
  preview: Preview;
  nameOf: NameOf;
  onInspect: (chainId: string) => void;
  /** Absent for roles that may not remove: no Remove button then. */
  onRemove?: () => void;
  children?: ReactNode;
}

/** What `docker image rm` would print, what it frees jointly, and why each kept layer stays. */
export function PlanPreview({ refs, flags, onFlags, preview, nameOf, onInspect, onRemove, children }: Props) {
  const [copied, setCopied] = useState(false);
  const { plan, error, pending } = preview;
  const cmd = dockerCommand(refs, flags);
  const copy = async () => {
    await navigator.clipboard.writeText(cmd).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <section className="panel preview" aria-labelledby="preview-h" aria-busy={pending}>
      <h2 id="preview-h">Removal preview</h2>
      <fieldset className="flags">
        <legend className="sr-only">Options</legend>
        <label className="check">
          <input type="checkbox" checked={flags.force} onChange={(e) => onFlags({ ...flags, force: e.target.checked })} aria-describedby="force-help" />
          Force (--force)
        </label>
        <p id="force-help" className="help">Untags every reference and deletes images only stopped containers use; running containers and child images still block.</p>
        <label className="check">
          <input type="checkbox" checked={flags.noPrune} onChange={(e) => onFlags({ ...flags, noPrune: e.target.checked })} aria-describedby="noprune-help" />
          Keep untagged parents (--no-prune)
        </label>
        <p id="noprune-help" className="help">Stops at each named image: the untagged parent images a classic build left behind stay.</p>
      </fieldset>
      {refs.length === 0 ? (
        <p className="muted">Select images in the table or the graph, or type references, to see what the engine would do.</p>
      ) : (
        <>
          <div className="cmd">
            <code>{cmd}</code>
            <button type="button" onClick={copy}>
              {copied ? 'Copied' : 'Copy as docker CLI'}
            </button>
          </div>
          {error && <p className="error" role="alert">{error}</p>}
          {pending && <p className="muted small" role="status">Updating the plan…</p>}
          {plan && (
            <div className={pending ? 'stale' : undefined}>
              <PlanLines steps={plan.steps} label="Planned output" />
              <p className="freed-sum">
                Frees <strong>{formatBytes(plan.freed.bytes)}</strong> jointly: {formatCount(plan.freed.images.length)} images, {formatCount(plan.freed.layers.length)} layers.
              </p>
              {plan.survivors.length > 0 && (
                <details open={plan.survivors.length <= 8}>
                  <summary>{formatCount(plan.survivors.length)} layers of these images stay</summary>
                  <ul className="survivors">
                    {plan.survivors.map((s) => (
                      <li key={s.chainId}>
                        <button type="button" className="link" onClick={() => onInspect(s.chainId)} aria-label={`Why is layer ${shortId(s.chainId)} kept?`}>
                          <code>{shortId(s.chainId)}</code>
                        </button>{' '}
                        {formatBytes(s.size)}
                        {s.sharedBy > 0 && <span className="muted"> · held by {formatCount(s.sharedBy)} other images</span>}
                        {s.reasons.length > 0 && <div className="reason">{reasonText(sortReasons(s.reasons)[0]!, nameOf)}</div>}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {plan.keptImages.length > 0 && (
                <ul className="kept-images" aria-label="Images that stay">
                  {plan.keptImages.map((k) => (
                    <li key={k.imageId}>
                      <strong>{nameOf(k.imageId)}</strong> stays: {k.reasons.map((r) => reasonText(r, nameOf)).join(' ') || 'other references remain.'}
                    </li>
                  ))}
                </ul>
              )}
              {plan.notes.map((n) => (
                <p key={n} className="note">{n}</p>
              ))}
            </div>
          )}
          {onRemove ? (
            <div className="actions">
              <button type="button" className="danger" onClick={onRemove} disabled={!plan || pending}>
                Remove
              </button>
            </div>
          ) : (
            <p className="muted small">Your role can preview removals; an operator can apply them.</p>
          )}
        </>
      )}
      {children}
    </section>
  );
}
