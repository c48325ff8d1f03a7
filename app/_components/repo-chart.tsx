import { scaleBand, scaleLinear } from 'd3';
import { formatBytes, formatCount } from '@/lib/viz/format';
import type { OtherRepositories, RepositoryBytes } from '@/lib/viz/store-totals';

const WIDTH = 460;
const LABEL = 140;
const ROW = 22;
const AXIS = 22;

/**
 * Bytes by repository, unique vs shared: D3 computes the scales, React draws the SVG, on the server
 * (no client code needed). The numbers are also in a visually hidden table for screen readers.
 */
export function RepoChart({ rows, others }: { rows: RepositoryBytes[]; others: OtherRepositories | null }) {
  const height = Math.max(1, rows.length) * ROW + AXIS;
  const max = Math.max(1, ...rows.map((r) => r.unique + r.shared));
  const x = scaleLinear().domain([0, max]).range([LABEL, WIDTH - 8]).nice();
  const y = scaleBand<string>().domain(rows.map((r) => r.repository)).range([0, height - AXIS]).padding(0.2);
  const ticks = x.ticks(4);
  return (
    <section className="panel" aria-labelledby="chart-h">
      <h2 id="chart-h">Bytes by repository</h2>
      <p className="legend" aria-hidden="true">
        <span className="swatch unique" /> only this repository <span className="swatch shared" /> shared with others
      </p>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="chart-h" preserveAspectRatio="xMinYMin meet">
        <defs>
          <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
          </pattern>
        </defs>
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y1={0} y2={height - AXIS} className="grid" />
            <text y={height - 6} textAnchor="middle" className="tick">
              {formatBytes(t)}
            </text>
          </g>
        ))}
        {rows.map((r) => {
          const top = y(r.repository) ?? 0;
          const bh = y.bandwidth();
          return (
            <g key={r.repository}>
              <title>{`${r.repository}: ${formatBytes(r.unique)} only here, ${formatBytes(r.shared)} shared, ${r.images} images`}</title>
              <text x={LABEL - 6} y={top + bh / 2} dy="0.35em" textAnchor="end" className="bar-label">
                {r.repository.length > 20 ? `${r.repository.slice(0, 19)}…` : r.repository}
              </text>
              <rect x={x(0)} y={top} width={x(r.unique) - x(0)} height={bh} className="bar-unique" />
              <rect x={x(r.unique)} y={top} width={x(r.unique + r.shared) - x(r.unique)} height={bh} fill="url(#hatch)" className="bar-shared" />
            </g>
          );
        })}
      </svg>
      {others && (
        <p className="muted small">
          And {formatCount(others.repositories)} more repositories ({formatCount(others.images)} images) holding {formatBytes(others.bytes)}.
        </p>
      )}
      <table className="sr-only">
        <caption>Bytes by repository</caption>
        <thead>
          <tr>
            <th scope="col">Repository</th>
            <th scope="col">Images</th>
            <th scope="col">Only this repository</th>
            <th scope="col">Shared</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.repository}>
              <th scope="row">{r.repository}</th>
              <td>{r.images}</td>
              <td>{formatBytes(r.unique)}</td>
              <td>{formatBytes(r.shared)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
