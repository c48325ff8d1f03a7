import 'server-only';
import { z } from 'zod';
import type { AuditFilter } from '@/lib/store/audit';

const query = z.object({ actor: z.string().max(200).optional(), outcome: z.string().max(40).optional() });

/** The audit filters from a query string; unknown or malformed parameters are ignored. */
export function auditFilter(params: Record<string, string | string[] | undefined> | URLSearchParams): AuditFilter {
  const raw = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const parsed = query.safeParse({
    actor: typeof raw.actor === 'string' && raw.actor ? raw.actor : undefined,
    outcome: typeof raw.outcome === 'string' && raw.outcome ? raw.outcome : undefined,
  });
  return parsed.success ? parsed.data : {};
}
