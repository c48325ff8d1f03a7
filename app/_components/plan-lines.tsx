import type { PlanStep } from '@/lib/model/plan-types';
import { cliOutput } from '@/lib/viz/plan-text';

/**
 * The output of `docker image rm` for these steps, one element per line, exactly as the CLI prints
 * it: records in order on stdout, then the errors (the CLI reports them after the loop).
 */
export function PlanLines({ steps, label }: { steps: ReadonlyArray<Pick<PlanStep, 'records' | 'error'>>; label: string }) {
  const { stdout, stderr } = cliOutput(steps);
  if (stdout.length + stderr.length === 0) return <p className="muted">No output.</p>;
  return (
    <ol className="cli" aria-label={label}>
      {stdout.map((line, i) => (
        <li key={`o${i}`} className={line.startsWith('Deleted') ? 'deleted' : 'untagged'}>
          {line}
        </li>
      ))}
      {stderr.map((line, i) => (
        <li key={`e${i}`} className="stderr">
          {line}
        </li>
      ))}
    </ol>
  );
}
