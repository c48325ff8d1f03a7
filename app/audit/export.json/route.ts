import { listAudit } from '@/lib/store/audit';
import { getDb } from '@/lib/store/db';
import { routeRole } from '../../_lib/auth';
import { auditFilter } from '../../_lib/audit-query';

/** The audit log (with the page's filters) as JSON, newest first. */
export async function GET(request: Request): Promise<Response> {
  const auth = await routeRole('viewer', 'GET /audit/export.json');
  if (auth instanceof Response) return auth;
  const rows = listAudit(getDb(), { ...auditFilter(new URL(request.url).searchParams), limit: 1_000_000 });
  return Response.json(rows, {
    headers: { 'Cache-Control': 'no-store', 'Content-Disposition': 'attachment; filename="layerlens-audit.json"' },
  });
}
