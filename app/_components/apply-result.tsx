import { stepLines } from '@/lib/viz/plan-text';
import type { ApplyRun } from './use-apply';
import { PlanLines } from './plan-lines';

const OUTCOME: Record<ApplyRun['outcome'], string> = {
  applied: 'Done: the engine answered every request as planned.',
  refused: 'Nothing more was sent: the engine changed since the plan was reviewed.',
  diverged: 'Stopped: the engine answered differently from the plan; the remaining references were not sent.',
  failed: 'Stopped: the request failed.',
};

/** The engine's real records beside the plan, step by step, and why a run stopped if it did. */
export function ApplyResultView({ run, heading }: { run: ApplyRun; heading: string }) {
  const sent = new Set(run.steps.map((s) => s.ref));
  const unsent = run.refs.filter((r) => !sent.has(r));
  return (
    <section className="apply-result" aria-label={heading}>
      <h3>{heading}</h3>
      <p className={run.outcome === 'applied' ? 'ok' : 'error'} role="status">
        {OUTCOME[run.outcome]}
        {run.message ? ` ${run.message}` : ''}
      </p>
      <h4>Engine output</h4>
      <PlanLines steps={run.steps.map((s) => s.actual)} label="Engine output" />
      {run.steps.length > 0 && (
        <table className="compare">
          <caption className="sr-only">Planned and actual records per reference</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Planned</th>
              <th scope="col">Engine</th>
            </tr>
          </thead>
          <tbody>
            {run.steps.map((s, i) => (
              <tr key={`${s.ref}-${i}`} className={s.matches ? 'match' : 'mismatch'}>
                <th scope="row">
                  <code>{s.ref}</code> {s.matches ? '✓' : '✗ differs'}
                </th>
                <td>{stepLines(s.planned).map((l, j) => <div key={j}>{l}</div>)}</td>
                <td>{stepLines(s.actual).map((l, j) => <div key={j}>{l}</div>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {run.drift && run.drift.length > 0 && (
        <>
          <h4>What changed</h4>
          <ul>
            {run.drift.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {run.replanned && (
        <>
          <h4>The plan now</h4>
          <PlanLines steps={run.replanned.steps} label="New plan" />
        </>
      )}
      {unsent.length > 0 && <p className="muted">Not sent: {unsent.join(' ')}</p>}
    </section>
  );
}
