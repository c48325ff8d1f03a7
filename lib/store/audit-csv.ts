import type { AuditRow } from './audit';

const COLUMNS = ['id', 'at', 'actor', 'role', 'ip', 'engine', 'action', 'outcome', 'refs', 'flags', 'planned', 'actual', 'bytes_freed', 'detail'] as const;

/** RFC 4180 field: quoted when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it. */
function field(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The audit rows as CSV, one line per row, time as ISO 8601, structured columns as JSON. */
export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.id, new Date(r.at).toISOString(), r.actor, r.role, r.ip, r.engine, r.action, r.outcome, r.refs, r.flags, r.planned, r.actual, r.bytesFreed, r.detail]
        .map(field)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
