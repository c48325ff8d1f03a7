import Link from 'next/link';
import { connection } from 'next/server';
import { getDb } from '@/lib/store/db';
import { listViews } from '@/lib/store/views';
import { formatBytes, formatTime as when } from '@/lib/viz/format';
import { PageHeader } from '../_components/site-nav';
import { pageUser } from '../_lib/auth';
import { currentEngine } from '../_lib/current-engine';

/** The team's saved cleanup views of the current engine, newest first, each with its last run. Every signed-in role. */
export default async function ViewsPage({ searchParams }: { searchParams: Promise<{ engine?: string | string[] }> }) {
  await connection();
  const user = await pageUser('/views');
  const engine = await currentEngine((await searchParams).engine);
  const views = listViews(getDb(), engine);
  return (
    <>
      <PageHeader user={user} engine={engine} />
      <main>
        <section className="panel" aria-labelledby="views-h">
          <h2 id="views-h">Shared cleanup views on {engine.name}</h2>
          <p className="muted small">Saved on the dashboard with “Save as view”. Each link shows the view’s plan on the engine as it is now.</p>
          {views.length === 0 ? (
            <p className="muted">No views yet.</p>
          ) : (
            <table className="audit-table" aria-label="Views">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Author</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last run</th>
                </tr>
              </thead>
              <tbody>
                {views.map((v) => (
                  <tr key={v.id}>
                    <td>
                      <Link href={`/views/${v.id}`}>{v.name}</Link>
                      {v.description && <div className="muted small">{v.description}</div>}
                    </td>
                    <td>{v.author}</td>
                    <td>{when(v.createdAt)}</td>
                    <td>
                      {v.lastRun ? (
                        <>
                          {when(v.lastRun.at)} by {v.lastRun.actor}: {v.lastRun.outcome}
                          {v.lastRun.bytesFreed !== null && `, ${formatBytes(v.lastRun.bytesFreed)} freed`}
                        </>
                      ) : (
                        <span className="muted">never</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </>
  );
}
