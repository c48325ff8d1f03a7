import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * A second `next start` of the same build, on its own port and database, for specs that need to
 * watch server start-up (the setup token on the console) or restart a server. Stopped by pid.
 */
export class ExtraServer {
  private child: ChildProcess | undefined;
  output = '';

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(this.port)], {
      env: { ...process.env, ...this.env, LAYERLENS_E2E_FRESH_DB: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (b: Buffer) => (this.output += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (this.output += b.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${this.output}`);
      const ok = await fetch(`${this.url}/api/health`).then((r) => r.ok, () => false);
      // The health route answers once register() has run, so the console already has the token.
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`the server did not start: ${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    // next start waits for open connections (a page's event stream) on SIGTERM; a restart does not.
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
