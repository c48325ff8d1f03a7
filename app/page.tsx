import { connection } from 'next/server';
import { hasRole } from '@/lib/auth/roles';
import { bytesByRepository, storeTotals } from '@/lib/viz/store-totals';
import { toStoreView } from '@/lib/viz/store-view';
import { EngineOverviewPanel } from './_components/engine-overview-panel';
import { LiveRefresh } from './_components/live-refresh';
import { PerfMark } from './_components/perf-mark';
import { RepoChart } from './_components/repo-chart';
import { RetryRefresh } from './_components/retry-refresh';
import { SiteNav } from './_components/site-nav';
import { TotalsPanel } from './_components/totals-panel';
import { Workbench } from './_components/workbench';
import { pageUser } from './_lib/auth';
import { getStore, isSandbox } from './_lib/load-store';

/**
 * The dashboard. Rendered per request from the engine's snapshot (cached in lib/engine until an
 * engine event says it is stale); LiveRefresh re-renders it when such an event arrives. Signed-in
 * users only; every role sees everything, Remove is offered to operators (the actions check again).
 */
export default async function Page() {
  await connection();
  const user = await pageUser('/');
  const store = await getStore();
  const sandbox = isSandbox();
  const header = (
    <header className="top">
      <h1>layerlens</h1>
      <span className="addr" title="Engine address (DOCKER_HOST)">{store.address}</span>
      {sandbox && <span className="badge sandbox">Sandbox engine</span>}
      <LiveRefresh />
      <SiteNav user={user} />
    </header>
  );
  if (!store.ok) {
    return (
      <>
        {header}
        <main>
          <section className="panel unreachable" role="alert">
            <h2>The Docker engine cannot be reached</h2>
            <p>{store.message}</p>
            <p className="muted">Nothing was read or changed. Check DOCKER_HOST and that the engine runs; this page retries every few seconds.</p>
            <RetryRefresh />
          </section>
          <PerfMark />
        </main>
      </>
    );
  }
  const view = toStoreView(store.snapshot);
  return (
    <>
      {header}
      <main>
        <div className="overview">
          <EngineOverviewPanel engine={view.engine} />
          <TotalsPanel totals={storeTotals(view)} />
          <RepoChart {...bytesByRepository(view)} />
        </div>
        <Workbench view={view} canRemove={hasRole(user.role, 'operator')} />
        <PerfMark />
      </main>
    </>
  );
}
