import { connection } from 'next/server';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/store/db';
import { listEngines } from '@/lib/store/engines';
import { formatBytes, formatCount, formatTime } from '@/lib/viz/format';
import { storeTotals } from '@/lib/viz/store-totals';
import { toStoreView } from '@/lib/viz/store-view';
import { EngineForm } from '../_components/engine-form';
import { EngineRemoveButton } from '../_components/engine-remove-button';
import { PageHeader } from '../_components/site-nav';
import { pageUser } from '../_lib/auth';
import { currentEngine, defaultEngine } from '../_lib/current-engine';
import { probeStore } from '../_lib/load-store';
import { removeEngineAction, selectEngineAction } from './actions';

/**
 * Every registered engine with whether it answers now, its storage driver, image count and what
 * `docker image prune -a` would reclaim (lib/viz/store-totals), and a button to switch to it.
 * Everyone signed in sees the list; admins register and remove engines.
 */
export default async function EnginesPage() {
  await connection();
  const user = await pageUser('/engines');
  defaultEngine();
  const current = await currentEngine();
  const engines = listEngines(getDb());
  const probes = await Promise.all(engines.map((e) => probeStore(e)));
  const admin = hasRole(user.role, 'admin');
  return (
    <>
      <PageHeader user={user} engine={current} />
      <main>
        <section className="panel" aria-labelledby="engines-h">
          <h2 id="engines-h">Engines</h2>
          <table className="audit-table" aria-label="Engines">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Address</th>
                <th scope="col">State</th>
                <th scope="col">Storage driver</th>
                <th scope="col">Images</th>
                <th scope="col">Reclaimable</th>
                <th scope="col">Registered</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {engines.map((e, i) => {
                const p = probes[i]!;
                const totals = p.ok ? storeTotals(toStoreView(p.snapshot)) : null;
                return (
                  <tr key={e.id} aria-label={e.name}>
                    <td>
                      <strong>{e.name}</strong>
                      {e.isDefault && <span className="muted small"> (default)</span>}
                      {e.id === current.id && <span className="muted small"> (current)</span>}
                    </td>
                    <td>
                      <code>{e.host}</code>
                      {e.certPath && <div className="muted small">TLS: {e.certPath}</div>}
                    </td>
                    <td>{p.ok ? <span className="ok">reachable</span> : <span className="error" title={p.message}>unreachable</span>}</td>
                    <td>{p.ok ? p.snapshot.engine.driver : '–'}</td>
                    <td>{totals ? formatCount(totals.topLevelImages) : '–'}</td>
                    <td>{totals ? formatBytes(totals.bytesReclaimable) : '–'}</td>
                    <td>
                      {e.createdBy}, {formatTime(e.createdAt)}
                    </td>
                    <td>
                      <form action={selectEngineAction.bind(null, e.id)}>
                        <button type="submit" aria-label={`Switch to ${e.name}`}>
                          Switch
                        </button>
                      </form>
                      {admin && !e.isDefault && <EngineRemoveButton name={e.name} action={removeEngineAction.bind(null, e.id)} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        {admin && (
          <section className="panel" aria-labelledby="add-engine-h">
            <h2 id="add-engine-h">Register an engine</h2>
            <p className="muted small">
              Addresses as DOCKER_HOST takes them: <code>unix:///var/run/docker.sock</code>, <code>tcp://host:2376</code> (with a folder holding ca.pem, cert.pem
              and key.pem for TLS) or <code>ssh://user@host</code> (through the server&apos;s ssh agent). An engine that does not answer yet can be registered.
            </p>
            <EngineForm />
          </section>
        )}
      </main>
    </>
  );
}
