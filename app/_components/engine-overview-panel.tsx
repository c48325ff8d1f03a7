import type { EngineInfo } from '@/lib/model/snapshot';
import { engineOverview } from '@/lib/viz/engine-overview';

/** Engine, storage driver and what a removal really returns (server component: text only). */
export function EngineOverviewPanel({ engine }: { engine: EngineInfo }) {
  const o = engineOverview(engine);
  return (
    <section className="panel" aria-labelledby="engine-h">
      <h2 id="engine-h">{o.title}</h2>
      <dl className="facts">
        {o.facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {o.driverStatus.length > 0 && (
        <details>
          <summary>Driver status ({o.driverStatus.length})</summary>
          <dl className="facts small">
            {o.driverStatus.map(([k, v], i) => (
              <div key={`${k}-${i}`}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {o.warnings.length > 0 && (
        <ul className="warnings" aria-label="Engine warnings">
          {o.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className={o.returnsToHost ? 'truth' : 'truth caution'}>
        <h3>Where freed bytes go</h3>
        {o.notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </div>
    </section>
  );
}
