'use client';

import { useMemo, useState } from 'react';
import { indexPlan } from '@/lib/viz/plan-text';
import { imageLabel, type StoreView } from '@/lib/viz/store-view';
import type { ApplyRun } from './use-apply';
import { ApplyResultView } from './apply-result';
import { ImagesPanel } from './images-panel';
import { LayerDetails } from './layer-details';
import { LayerGraph } from './layer-graph';
import { PlanPreview } from './plan-preview';
import { RemoveDialog } from './remove-dialog';
import { SaveViewForm } from './save-view-form';
import { usePreview } from './use-preview';
import { useWorkbench } from './use-workbench';

/**
 * The interactive part of the page: images table, removal preview, layer graph and layer details,
 * sharing one selection. It receives the store as plain serialisable data from the server page.
 * `canRemove` only hides Remove from viewers; the server actions check the role themselves.
 */
export function Workbench({ view, canRemove }: { view: StoreView; canRemove: boolean }) {
  const wb = useWorkbench(view);
  const preview = usePreview(wb.refs, wb.flags, view.readAt);
  const index = useMemo(() => indexPlan(preview.plan), [preview.plan]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [lastRun, setLastRun] = useState<ApplyRun | null>(null);
  // Cleared only when the dialog closes: the dialog keeps showing the records of what it applied.
  const [clearOnClose, setClearOnClose] = useState(false);
  const nameOf = useMemo(() => {
    const byId = wb.byId;
    return (id: string) => {
      const img = byId.get(id);
      return img ? imageLabel(img) : id.slice(7, 19);
    };
  }, [wb.byId]);
  // The graph focuses on what the plan touches: picked images, images typed refs resolve to, the active one.
  const focus = useMemo(() => {
    const s = new Set(wb.picked);
    for (const t of index.targets) s.add(t);
    if (wb.active) s.add(wb.active);
    return s;
  }, [wb.picked, index.targets, wb.active]);
  const inspectChain = (chainId: string) => {
    const i = view.layers.findIndex((l) => l.chainId === chainId);
    if (i >= 0) wb.setInspected({ layers: [i] });
  };

  return (
    <div className="workbench">
      <div className="work-top">
        <ImagesPanel view={view} wb={wb} index={index} />
        <PlanPreview
          refs={wb.refs}
          flags={wb.flags}
          onFlags={wb.setFlags}
          preview={preview}
          nameOf={nameOf}
          onInspect={inspectChain}
          onRemove={canRemove ? () => setDialogOpen(true) : undefined}
        >
          {canRemove && <SaveViewForm filter={wb.filter.error ? '' : wb.filter.text} all={wb.showAll} refs={wb.refs} flags={wb.flags} />}
          {lastRun && <ApplyResultView run={lastRun} heading="Last removal" />}
        </PlanPreview>
      </div>
      <div className="work-graph">
        <LayerGraph
          view={view}
          focus={focus}
          picked={wb.pickedSet}
          index={index}
          active={wb.active}
          inspected={wb.inspected}
          intermediate={wb.showAll}
          onToggleImage={(id) => {
            wb.toggle(id);
            wb.setActive(id);
          }}
          onInspect={(layers) => wb.setInspected({ layers })}
          onShowImage={wb.setActive}
        />
        <LayerDetails view={view} inspected={wb.inspected} index={index} nameOf={nameOf} onShowImage={wb.setActive} />
      </div>
      {dialogOpen && (
        <RemoveDialog
          refs={wb.refs}
          flags={wb.flags}
          plan={preview.plan}
          pending={preview.pending}
          view={view}
          onClose={() => {
            setDialogOpen(false);
            if (clearOnClose) wb.clear();
            setClearOnClose(false);
          }}
          onFinished={(run) => {
            setLastRun(run);
            setClearOnClose(run.outcome === 'applied');
          }}
        />
      )}
    </div>
  );
}
