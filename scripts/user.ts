/**
 * `npm run --silent user -- add NAME ROLE | role NAME ROLE | password NAME | list`: user management
 * from the server's shell, for scripts and for recovery (a lost admin password). The password is
 * read from LAYERLENS_PASSWORD or the first line of stdin, never from the command line (which
 * other users can see in `ps`). Changes are written to the audit log as `cli:<os user>`.
 */
import os from 'node:os';
import readline from 'node:readline/promises';
import { isRole } from '../lib/auth/roles';
import { writeAudit } from '../lib/store/audit';
import { dbPath, getDb } from '../lib/store/db';
import { createUser, listUsers, setPassword, setRole, UserError } from '../lib/store/users';

const USAGE = 'usage: user add NAME ROLE | user role NAME ROLE | user password NAME | user list   (ROLE: viewer, operator, admin)';

async function password(): Promise<string> {
  if (process.env.LAYERLENS_PASSWORD) return process.env.LAYERLENS_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
  rl.close();
  return line;
}

async function main([cmd, name, role]: string[]): Promise<number> {
  const db = getDb();
  const actor = `cli:${os.userInfo().username}`;
  if (cmd === 'list') {
    for (const u of listUsers(db)) console.log(`${u.username}\t${u.role}`);
    return 0;
  }
  if (cmd === 'add' && name && isRole(role)) {
    await createUser(db, name, await password(), role);
    writeAudit(db, { actor, action: 'user-create', outcome: 'ok', refs: [name], detail: `role ${role}` });
  } else if (cmd === 'role' && name && isRole(role)) {
    const { before } = setRole(db, name, role);
    writeAudit(db, { actor, action: 'role-change', outcome: 'ok', refs: [name], detail: `${before} -> ${role}` });
  } else if (cmd === 'password' && name) {
    await setPassword(db, name, await password());
    writeAudit(db, { actor, action: 'password-reset', outcome: 'ok', refs: [name] });
  } else {
    console.error(USAGE);
    return 2;
  }
  console.error(`layerlens: done (${dbPath()})`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`layerlens: ${e instanceof UserError ? e.message : e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
