import { connection } from 'next/server';
import { hasRole } from '@/lib/auth/roles';
import { bytesByRepository, storeTotals } from '@/lib/viz/store-totals';
import { toStoreView } from '@/lib/viz/store-view';
import { EngineOverviewPanel } from './_components/engine-overview-panel';
import { EngineScope } from './_components/engine-scope';
import { PerfMark } from './_components/perf-mark';
import { RepoChart } from './_components/repo-chart';
import { RetryRefresh } from './_components/retry-refresh';
import { PageHeader } from './_components/site-nav';
import { TotalsPanel } from './_components/totals-panel';
import { Workbench } from './_components/workbench';
import { pageUser } from './_lib/auth';
import { currentEngine } from './_lib/current-engine';
import { getStore, isSandbox } from './_lib/load-store';

/**
 * The dashboard of the current engine (`?engine=<name>`, else the switcher's cookie, else the
 * default). Rendered per request from the engine's snapshot (cached in lib/engine until an
 * engine event says it is stale); LiveRefresh re-renders it when such an event arrives. Signed-in
 * users only; every role sees everything, Remove is offered to operators (the actions check again).
 */
export default async function Page({ searchParams }: { searchParams: Promise<{ engine?: string | string[] }> }) {
  await connection();
  const user = await pageUser('/');
  const engine = await currentEngine((await searchParams).engine);
  const store = await getStore(engine);
  const header = <PageHeader user={user} engine={engine} live sandbox={engine.isDefault && isSandbox()} />;
  if (!store.ok) {
    return (
      <>
        {header}
        <main>
          <section className="panel unreachable" role="alert">
            <h2>The Docker engine cannot be reached</h2>
            <p>{store.message}</p>
            <p className="muted">Nothing was read or changed. Check the address of {engine.name} on the Engines page and that it runs; this page retries every few seconds.</p>
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
        <EngineScope engineId={engine.id}>
          <Workbench key={engine.id} view={view} canRemove={hasRole(user.role, 'operator')} />
        </EngineScope>
        <PerfMark />
      </main>
    </>
  );
}
