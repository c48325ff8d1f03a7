import { formatBytes, formatCount } from '@/lib/viz/format';
import type { StoreTotals } from '@/lib/viz/store-totals';

/** Store-wide numbers, bytes computed from chain IDs (server component). */
export function TotalsPanel({ totals: t }: { totals: StoreTotals }) {
  const tiles: Array<[string, string, string]> = [
    ['Images', formatCount(t.topLevelImages), t.images > t.topLevelImages ? `${formatCount(t.images - t.topLevelImages)} intermediate` : 'as docker image ls'],
    ['Tags', formatCount(t.tags), ''],
    ['Layers', formatCount(t.layers), 'distinct chain IDs'],
    ['On disk', formatBytes(t.bytesOnDisk), 'each layer once'],
    ['Shared', formatBytes(t.bytesShared), 'held by 2+ images'],
    ['Reclaimable', formatBytes(t.bytesReclaimable), `removing ${formatCount(t.unusedImages)} unused images`],
  ];
  return (
    <section className="panel" aria-labelledby="totals-h">
      <h2 id="totals-h">Store totals</h2>
      <ul className="tiles">
        {tiles.map(([label, value, hint]) => (
          <li key={label}>
            <span className="tile-label">{label}</span>
            <strong className="tile-value">{value}</strong>
            <span className="tile-hint">{hint}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {formatCount(t.containers)} containers ({formatCount(t.runningContainers)} running). Bytes are computed from chain IDs:
        the engine reports shared sizes as -1 on API 1.41.
      </p>
    </section>
  );
}
