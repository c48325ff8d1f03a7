import { listAudit } from '@/lib/store/audit';
import { auditCsv } from '@/lib/store/audit-csv';
import { getDb } from '@/lib/store/db';
import { routeRole } from '../../_lib/auth';
import { auditFilter } from '../../_lib/audit-query';

/** The audit log (with the page's filters) as CSV, newest first. */
export async function GET(request: Request): Promise<Response> {
  const auth = await routeRole('viewer', 'GET /audit/export.csv');
  if (auth instanceof Response) return auth;
  const rows = listAudit(getDb(), { ...auditFilter(new URL(request.url).searchParams), limit: 1_000_000 });
  return new Response(auditCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Disposition': 'attachment; filename="layerlens-audit.csv"',
    },
  });
}
