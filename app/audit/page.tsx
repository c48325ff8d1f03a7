import { connection } from 'next/server';
import { auditFacets, listAudit, type AuditRow } from '@/lib/store/audit';
import { getDb } from '@/lib/store/db';
import { formatBytes } from '@/lib/viz/format';
import { PageHeader } from '../_components/site-nav';
import { pageUser } from '../_lib/auth';
import { auditFilter } from '../_lib/audit-query';

type Step = { ref: string; records?: Array<Record<string, string>>; error?: { status: number; message: string } | null };

/** One line per record or error, as `docker image rm` prints them. */
function Records({ steps, label }: { steps: unknown; label: string }) {
  if (!Array.isArray(steps) || steps.length === 0) return null;
  const lines = (steps as Step[]).flatMap((s) =>
    s.error ? [`Error response from daemon: ${s.error.message}`] : (s.records ?? []).map((r) => Object.entries(r).map(([k, v]) => `${k}: ${v}`).join('')),
  );
  return (
    <ul aria-label={label}>
      {lines.map((l, i) => (
        <li key={i}>
          <code>{l}</code>
        </li>
      ))}
    </ul>
  );
}

function Row({ r }: { r: AuditRow }) {
  return (
    <tr>
      <td>{new Date(r.at).toISOString().replace('T', ' ').slice(0, 19)}</td>
      <td>
        {r.actor}
        {r.role && <span className="muted"> ({r.role})</span>}
        {r.ip && <div className="muted small">{r.ip}</div>}
      </td>
      <td>
        {r.action}
        {r.engine && <div className="muted small" title="Engine">on {r.engine}</div>}
      </td>
      <td>{r.outcome}</td>
      <td>{r.refs?.join(' ')}</td>
      <td>
        <Records steps={r.planned} label="Planned records" />
      </td>
      <td>
        <Records steps={r.actual} label="Engine records" />
      </td>
      <td>{r.bytesFreed === null || r.bytesFreed === undefined ? '' : formatBytes(r.bytesFreed)}</td>
      <td className="small">{r.detail}</td>
    </tr>
  );
}

/** Who did what, newest first: removals with planned and real records, refusals, sign-ins, user changes. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await pageUser('/audit');
  const filter = auditFilter(await searchParams);
  const db = getDb();
  const rows = listAudit(db, { ...filter, limit: 500 });
  const facets = auditFacets(db);
  const qs = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string')).toString();
  return (
    <>
      <PageHeader user={user} />
      <main>
        <section className="panel" aria-labelledby="audit-h">
          <h2 id="audit-h">Audit log</h2>
          <form className="inline-form" method="get">
            <label>
              User
              <select name="actor" defaultValue={filter.actor ?? ''}>
                <option value="">everyone</option>
                {facets.actors.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <label>
              Outcome
              <select name="outcome" defaultValue={filter.outcome ?? ''}>
                <option value="">any</option>
                {facets.outcomes.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            </label>
            <button type="submit">Filter</button>
            <a href={`/audit/export.json${qs ? `?${qs}` : ''}`}>Export JSON</a>
            <a href={`/audit/export.csv${qs ? `?${qs}` : ''}`}>Export CSV</a>
          </form>
          <p className="muted small">Newest first; the latest 500 rows are shown, the exports hold every matching row. The log is append-only.</p>
          <table className="audit-table" aria-label="Audit entries">
            <thead>
              <tr>
                <th>Time (UTC)</th>
                <th>User</th>
                <th>Action</th>
                <th>Outcome</th>
                <th>References</th>
                <th>Planned</th>
                <th>Engine answered</th>
                <th>Freed</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </tbody>
          </table>
        </section>
      </main>
    </>
  );
}
