/**
 * The small, known store the browser tests run against. Built offline with the real docker CLI:
 * `docker import` of a busybox-static root, then classic-builder builds (so images carry `Parent`
 * links and intermediate images, as an operator's old build host does) and a few containers.
 *
 * What the specs rely on:
 * - `ll-base:1` is the shared base of every other image;
 * - `app-web:2` is built FROM `app-web:1`, so removing `app-web:2` keeps app-web:1's layer, which is
 *   held by app-web:1 (the "shared layer survives" spec);
 * - `redis:6` and `redis:7` match `--filter reference=redis` and nothing else does;
 * - `old-job:1` is pinned by the exited container `old-job-run`;
 * - `svc:1` is used by the running container `svc-run` (never removed by layerlens);
 * - one dangling image (`<none>`), and `app-api:1` carries a second tag `app-api:stable`.
 */
import { readFileSync } from 'node:fs';
import { docker } from '../../lib/testbed/docker-cli';
import { tarBytes, type TarEntry } from '../../lib/testbed/load-archive';

const APPLETS = ['sh', 'sleep', 'dd', 'true', 'echo', 'head', 'cat', 'ls', 'mkdir'];

/** A root file system with only busybox and a few applet links: the base layer of every image. */
export function busyboxRoot(): Buffer {
  const entries: TarEntry[] = [
    { name: 'bin', type: 'dir' },
    { name: 'bin/busybox', data: readFileSync('/bin/busybox'), mode: 0o755 },
    ...APPLETS.map((a): TarEntry => ({ name: `bin/${a}`, type: 'symlink', linkname: 'busybox' })),
    { name: 'tmp', type: 'dir', mode: 0o1777 },
    { name: 'etc', type: 'dir' },
  ];
  return tarBytes(entries);
}

/** `RUN` writing `kb` KiB of zeros: a layer of a known, readable size. */
const blob = (file: string, kb: number) => `RUN dd if=/dev/zero of=/${file} bs=1024 count=${kb} 2>/dev/null`;

const BUILDS: Array<[tag: string, dockerfile: string[]]> = [
  ['app-web:1', ['FROM ll-base:1', blob('web.bin', 400), 'ENV APP=web']],
  ['app-web:2', ['FROM app-web:1', blob('web2.bin', 150), 'LABEL version=2']],
  ['app-api:1', ['FROM ll-base:1', blob('api.bin', 250), 'LABEL tier=backend']],
  ['redis:6', ['FROM ll-base:1', blob('redis6.bin', 300), 'LABEL tier=cache']],
  ['redis:7', ['FROM ll-base:1', blob('redis7.bin', 320), 'LABEL tier=cache']],
  ['old-job:1', ['FROM ll-base:1', blob('job.bin', 120)]],
  ['svc:1', ['FROM ll-base:1', blob('svc.bin', 90)]],
  // Built twice: the first build's image loses its tag and stays behind dangling.
  ['scratchpad:1', ['FROM ll-base:1', blob('pad-a.bin', 60)]],
  ['scratchpad:1', ['FROM ll-base:1', blob('pad-b.bin', 70)]],
];

/** Builds the store on an empty engine at `host` (DOCKER_HOST syntax). */
export async function buildE2eStore(host: string): Promise<void> {
  await docker(host, ['import', '--change', 'CMD ["/bin/sh"]', '-', 'll-base:1'], { stdin: busyboxRoot() });
  for (const [tag, lines] of BUILDS) {
    await docker(host, ['build', '--network', 'none', '-q', '-t', tag, '-'], { stdin: lines.join('\n') + '\n', classicBuilder: true });
  }
  await docker(host, ['tag', 'app-api:1', 'app-api:stable']);
  await docker(host, ['run', '--pull=never', '--network', 'none', '--name', 'old-job-run', 'old-job:1', 'true']);
  await docker(host, ['run', '--pull=never', '--network', 'none', '-d', '--name', 'svc-run', 'svc:1', 'sleep', '3600']);
}
