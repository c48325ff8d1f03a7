import os from 'node:os';
import readline from 'node:readline/promises';
import { addressFromEnv } from '../engine/connection';
import { removeImages } from '../engine/remove';
import { engineService } from '../engine/service';
import { dockerOutput, planText, recordLine } from '../model/plan-text';
import { planRemoval } from '../model/planner';
import { parseArgs, USAGE } from './args';
import { lsCommand } from './ls';

/**
 * The CLI twin of the dashboard: `npm run --silent layerlens -- <command>`.
 * It reads the engine named by DOCKER_HOST, as the docker CLI does. Exit status follows docker:
 * 0 on success, 1 when any step failed or the engine could not be read, 2 on a usage error.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('usage' in args) {
    process.stderr.write(`${args.usage}\n${USAGE}\n`);
    return 2;
  }
  const svc = engineService(addressFromEnv());
  switch (args.command) {
    case 'snapshot':
      process.stdout.write(JSON.stringify(await svc.snapshot(), null, args.json ? 0 : 2) + '\n');
      return 0;
    case 'ls': {
      const out = lsCommand(await svc.snapshot(), args);
      process.stdout.write(out.stdout);
      process.stderr.write(out.stderr);
      return out.code;
    }
    case 'plan': {
      const plan = planRemoval(await svc.snapshot(), args.refs, args.flags);
      process.stdout.write((args.json ? JSON.stringify(plan) : planText(plan)) + '\n');
      return 0;
    }
    case 'rm': {
      const plan = planRemoval(await svc.snapshot(), args.refs, args.flags);
      process.stderr.write(`Plan:\n${planText(plan)}\n\n`);
      if (!args.yes) {
        const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question('Apply this plan? [y/N] ').catch(() => '');
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) {
          process.stderr.write('Nothing removed.\n');
          return 1;
        }
      }
      // Audited like the dashboard's Remove, under the OS user: the CLI needs the socket, not a sign-in.
      const result = await removeImages(svc, { name: `cli:${os.userInfo().username}`, role: null }, args.refs, args.flags, plan);
      if (result.outcome === 'refused') {
        process.stderr.write(
          `layerlens: the engine changed since the plan was made; nothing was removed.\n${(result.drift ?? []).map((d) => `  - ${d}`).join('\n')}\nThe plan now is:\n${result.replanned ? planText(result.replanned) : ''}\n`,
        );
        return 1;
      }
      const { stdout, stderr } = dockerOutput(result.steps.map((s) => s.actual));
      if (stdout.length) process.stdout.write(stdout.join('\n') + '\n');
      if (stderr.length) process.stderr.write(stderr.join('\n') + '\n');
      if (result.outcome === 'diverged') {
        const bad = result.steps[result.steps.length - 1]!;
        process.stderr.write(
          `layerlens: the engine's reply to ${bad.ref} differs from the plan; stopped before the remaining steps.\n  planned: ${bad.planned.error?.message ?? bad.planned.records.map(recordLine).join(', ')}\n`,
        );
        return 1;
      }
      return stderr.length > 0 ? 1 : 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`layerlens: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
