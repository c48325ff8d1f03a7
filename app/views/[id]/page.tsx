import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { hasRole } from '@/lib/auth/roles';
import { shortId, type Snapshot } from '@/lib/model/snapshot';
import { diffSummary, isUnchanged, type ViewDiff } from '@/lib/model/view-plan';
import { getDb } from '@/lib/store/db';
import { getView, viewRuns } from '@/lib/store/views';
import { formatBytes, formatCount, formatTime } from '@/lib/viz/format';
import { dockerCommand } from '@/lib/viz/plan-text';
import { toStoreView } from '@/lib/viz/store-view';
import { EngineScope } from '../../_components/engine-scope';
import { PlanLines } from '../../_components/plan-lines';
import { PageHeader } from '../../_components/site-nav';
import { ViewRunner } from '../../_components/view-runner';
import { pageUser } from '../../_lib/auth';
import { engineOfView } from '../../_lib/current-engine';
import { getStore } from '../../_lib/load-store';
import { viewId } from '../../_lib/schemas';
import { liveViewOf } from '../../_lib/view-live';

/** An image as people know it: its tags, else its short ID. */
function nameIn(snapshot: Snapshot) {
  const byId = new Map(snapshot.images.map((i) => [i.id, i]));
  return (id: string) => {
    const img = byId.get(id);
    return img && img.repoTags.length > 0 ? `${img.repoTags.join(', ')} (${shortId(id)})` : shortId(id);
  };
}

function Changes({ diff, nameOf }: { diff: ViewDiff; nameOf: (id: string) => string }) {
  if (isUnchanged(diff)) return <p className="ok">Nothing changed since the view was saved.</p>;
  const groups: Array<[string, string[]]> = [
    ['New since saved', [...diff.newRefs.map((r) => `reference ${r}`), ...diff.newImages.map((id) => `image ${nameOf(id)}`)]],
    ['Gone since saved', [...diff.goneRefs.map((r) => `reference ${r}`), ...diff.goneImages.map((id) => `image ${shortId(id)}`)]],
    ['New blockers', diff.newBlockers.map((b) => `${b.ref}: ${b.message}`)],
    ['No longer blocked', diff.clearedBlockers],
  ];
  return (
    <>
      {groups
        .filter(([, items]) => items.length > 0)
        .map(([title, items]) => (
          <div key={title}>
            <h3>{title}</h3>
            <ul aria-label={title}>
              {items.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </div>
        ))}
    </>
  );
}

/**
 * A shared view by its opaque id: what it is, its LIVE plan on the engine now, what changed since
 * it was saved, and (operators) Run through the dashboard's confirmation dialog.
 */
export default async function ViewPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await pageUser(`/views/${encodeURIComponent(id)}`);
  const parsed = viewId.safeParse(id);
  const view = parsed.success ? getView(getDb(), parsed.data) : undefined;
  if (!view) notFound();
  // The view's own engine, whichever one the browser has selected.
  const engine = engineOfView(view);
  if (!engine) notFound();
  const store = await getStore(engine);
  const live = store.ok ? liveViewOf(view, store.snapshot) : null;
  const runs = viewRuns(getDb(), view.id, 10);
  return (
    <>
      <PageHeader user={user} engine={engine} live />
      <main>
        <section className="panel" aria-labelledby="view-h">
          <p className="small">
            <Link href="/views">All views</Link>
          </p>
          <h2 id="view-h">{view.name}</h2>
          {view.description && <p>{view.description}</p>}
          <dl className="facts">
            <div>
              <dt>Engine</dt>
              <dd>{engine.name}</dd>
            </div>
            <div>
              <dt>Saved by</dt>
              <dd>
                {view.author}, {formatTime(view.createdAt)}
              </dd>
            </div>
            <div>
              <dt>Filter</dt>
              <dd>{view.filter ? <code>{`--filter ${view.filter}${view.all ? ' -a' : ''}`}</code> : 'none'}</dd>
            </div>
            <div>
              <dt>Selected references</dt>
              <dd>{view.refs.length > 0 ? <code>{view.refs.join(' ')}</code> : 'none'}</dd>
            </div>
            <div>
              <dt>Flags</dt>
              <dd>{[view.flags.force && '--force', view.flags.noPrune && '--no-prune'].filter(Boolean).join(' ') || 'none'}</dd>
            </div>
          </dl>
        </section>
        {!store.ok && (
          <section className="panel unreachable" role="alert">
            <h2>The Docker engine cannot be reached</h2>
            <p>{store.message}</p>
          </section>
        )}
        {live && !live.ok && (
          <p className="error" role="alert">
            {live.message}
          </p>
        )}
        {store.ok && live?.ok && (
          <>
            <section className="panel" aria-labelledby="live-h">
              <h2 id="live-h">Live plan</h2>
              <p className="muted small">On the engine as it is now ({formatTime(store.snapshot.readAt)}).</p>
              {live.refs.length > 0 ? (
                <>
                  <code className="cmd-line">{dockerCommand(live.refs, view.flags)}</code>
                  <PlanLines steps={live.plan.steps} label="Planned output" />
                  <p>
                    Frees <strong>{formatBytes(live.plan.freed.bytes)}</strong> jointly: {formatCount(live.plan.freed.images.length)} images,{' '}
                    {formatCount(live.plan.freed.layers.length)} layers.
                  </p>
                </>
              ) : (
                <p className="muted">The view names no images on the engine now.</p>
              )}
              {hasRole(user.role, 'operator') ? (
                <EngineScope engineId={engine.id}>
                  <ViewRunner viewId={view.id} refs={live.refs} flags={view.flags} plan={live.plan} view={toStoreView(store.snapshot)} />
                </EngineScope>
              ) : (
                <p className="muted small">Your role can see this plan; an operator can run it.</p>
              )}
            </section>
            <section className="panel" aria-labelledby="changes-h">
              <h2 id="changes-h">Changes since saved</h2>
              <Changes diff={diffSummary(view.summary, live)} nameOf={nameIn(store.snapshot)} />
            </section>
          </>
        )}
        <section className="panel" aria-labelledby="runs-h">
          <h2 id="runs-h">Runs</h2>
          {runs.length === 0 ? (
            <p className="muted">Never run.</p>
          ) : (
            <ul aria-label="Runs">
              {runs.map((r, i) => (
                <li key={i}>
                  {formatTime(r.at)} by {r.actor}: {r.outcome}
                  {r.bytesFreed !== null && `, ${formatBytes(r.bytesFreed)} freed`}
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
