import type { RemovalFlags } from '../model/plan-types';

export const USAGE = `usage: layerlens <command> [options]
  snapshot [--json]                                the engine read into one JSON document
  ls [-a] [-q] [--filter KEY=VALUE]... [--json]    images, as \`docker image ls\` lists them
  plan [--force] [--no-prune] [--json] -- REF...   what \`docker image rm\` would do, and why
  rm [--force] [--no-prune] [--yes] -- REF...      plan, confirm, re-check the engine, apply`;

export type CliArgs =
  | { command: 'snapshot'; json: boolean }
  | { command: 'ls'; all: boolean; quiet: boolean; json: boolean; filters: string[] }
  | { command: 'plan'; json: boolean; flags: RemovalFlags; refs: string[] }
  | { command: 'rm'; yes: boolean; flags: RemovalFlags; refs: string[] };

/** Parses the command line; flags after `--` are refs. Returns `{usage}` with what is wrong. */
export function parseArgs(argv: readonly string[]): CliArgs | { usage: string } {
  const [command, ...rest] = argv;
  const dash = rest.indexOf('--');
  const opts = dash >= 0 ? rest.slice(0, dash) : rest;
  const positional = dash >= 0 ? rest.slice(dash + 1) : [];
  const has = (...names: string[]) => opts.some((o) => names.includes(o));
  const filters: string[] = [];
  const known = new Set<string>();
  for (let i = 0; i < opts.length; i++) {
    const o = opts[i]!;
    if (o === '--filter' || (o === '-f' && command === 'ls')) {
      const v = opts[++i];
      if (v === undefined) return { usage: `${o} needs KEY=VALUE` };
      filters.push(v);
    } else if (o.startsWith('--filter=')) filters.push(o.slice('--filter='.length));
    else if (o.startsWith('-')) known.add(o);
    else positional.push(o);
  }
  const allowed: Record<string, string[]> = {
    snapshot: ['--json'],
    ls: ['-a', '--all', '-q', '--quiet', '--json', '-aq', '-qa'],
    plan: ['--json', '--force', '-f', '--no-prune'],
    rm: ['--force', '-f', '--no-prune', '--yes', '-y'],
  };
  if (!command || !(command in allowed)) return { usage: command ? `unknown command: ${command}` : 'no command' };
  const bad = [...known].filter((o) => !allowed[command]!.includes(o));
  if (bad.length > 0) return { usage: `unknown option for ${command}: ${bad.join(' ')}` };
  const flags = { force: has('--force', '-f'), noPrune: has('--no-prune') };
  switch (command) {
    case 'snapshot':
      return { command, json: has('--json') };
    case 'ls':
      return { command, all: has('-a', '--all', '-aq', '-qa'), quiet: has('-q', '--quiet', '-aq', '-qa'), json: has('--json'), filters };
    case 'plan':
    case 'rm':
      if (positional.length === 0) return { usage: `${command} needs at least one image reference` };
      return command === 'plan'
        ? { command, json: has('--json'), flags, refs: positional }
        : { command, yes: has('--yes', '-y'), flags, refs: positional };
  }
  return { usage: 'unreachable' };
}
