import type { DeleteRecord, Plan, PlanStep, SurvivalReason } from './plan-types';
import { humanSize } from './image-list';
import { shortId } from './snapshot';

/** A record as the docker CLI prints it. */
export function recordLine(r: DeleteRecord): string {
  return 'Untagged' in r ? `Untagged: ${r.Untagged}` : `Deleted: ${r.Deleted}`;
}

/** `docker image rm` output for these steps: records on stdout, errors collected for stderr. */
export function dockerOutput(steps: ReadonlyArray<Pick<PlanStep, 'records' | 'error'>>): { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  for (const s of steps) {
    if (s.error) stderr.push(`Error response from daemon: ${s.error.message}`);
    else stdout.push(...s.records.map(recordLine));
  }
  return { stdout, stderr };
}

/** The equivalent command line, quoting refs the shell would split or expand. */
export function dockerCommand(refs: readonly string[], flags: { force: boolean; noPrune: boolean }): string {
  const quote = (s: string) => (/^[A-Za-z0-9_./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return ['docker image rm', flags.force ? '--force' : '', flags.noPrune ? '--no-prune' : '', ...refs.map(quote)]
    .filter(Boolean)
    .join(' ');
}

/** One line per reason, naming its holder. */
export function reasonText(r: SurvivalReason): string {
  switch (r.kind) {
    case 'shared':
      return `shared with image ${r.refs.join(', ')}`;
    case 'tagged':
      return `image ${shortId(r.imageId)} is still tagged ${r.refs.join(', ')}`;
    case 'container':
      return `container ${r.name} (${r.state}) uses image ${shortId(r.imageId)}`;
    case 'child':
      return `image ${shortId(r.imageId)} has child image ${r.childRefs.join(', ')}`;
    case 'no-prune':
      return `untagged parent ${shortId(r.imageId)} kept by --no-prune`;
    case 'error':
      return `removing image ${shortId(r.imageId)} fails: ${r.message}`;
  }
}

/** The whole plan as text: docker's lines, then what is freed, what survives and why, and notes. */
export function planText(plan: Plan): string {
  const out: string[] = [];
  const { stdout, stderr } = dockerOutput(plan.steps);
  out.push(...stdout, ...stderr, '');
  const f = plan.freed;
  out.push(`Frees ${f.images.length} image(s), ${f.layers.length} layer(s), ${humanSize(f.bytes)} (${f.bytes} bytes)`);
  for (const k of plan.keptImages) {
    out.push(`Kept image ${shortId(k.imageId)}:`, ...k.reasons.map((r) => `  - ${reasonText(r)}`));
  }
  if (plan.survivors.length > 0) out.push('Layers kept:');
  for (const s of plan.survivors) {
    const more = s.sharedBy > s.reasons.filter((r) => r.kind === 'shared').length ? ` (held by ${s.sharedBy} other images)` : '';
    out.push(`  ${shortId(s.chainId)} ${humanSize(s.size)}${more}`, ...s.reasons.map((r) => `    - ${reasonText(r)}`));
  }
  for (const n of plan.notes) out.push(`Note: ${n}`);
  return out.join('\n');
}
