import Link from 'next/link';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/store/db';
import { listEngines, type RegisteredEngine } from '@/lib/store/engines';
import type { User } from '@/lib/store/users';
import { currentEngine } from '../_lib/current-engine';
import { signOutAction } from '../signin/actions';
import { EngineSwitcher } from './engine-switcher';
import { LiveRefresh } from './live-refresh';

/** Header links for the signed-in user: pages their role may open, who they are, sign-out. */
export function SiteNav({ user }: { user: User }) {
  return (
    <nav aria-label="Site">
      <Link href="/">Dashboard</Link>
      <Link href="/views">Views</Link>
      <Link href="/engines">Engines</Link>
      <Link href="/audit">Audit log</Link>
      {hasRole(user.role, 'admin') && <Link href="/users">Users</Link>}
      <span className="who">
        {user.username} ({user.role})
      </span>
      <form action={signOutAction}>
        <button type="submit">Sign out</button>
      </form>
    </nav>
  );
}

/**
 * The header of every signed-in page: the engine the page is about (switcher and address), the
 * live indicator when the page follows that engine, the site links. Without `engine`, the
 * browser's current engine (cookie, else the default).
 */
export async function PageHeader({ user, engine, live = false, sandbox = false }: { user: User; engine?: RegisteredEngine; live?: boolean; sandbox?: boolean }) {
  const shown = engine ?? (await currentEngine());
  const engines = listEngines(getDb()).map((e) => ({ id: e.id, name: e.name }));
  return (
    <header className="top">
      <h1>layerlens</h1>
      <EngineSwitcher key={shown.id} engines={engines} current={shown.id} />
      <span className="addr" title="Engine address">
        {shown.host}
      </span>
      {sandbox && <span className="badge sandbox">Sandbox engine</span>}
      {live ? <LiveRefresh engineId={shown.id} /> : <span className="live" />}
      <SiteNav user={user} />
    </header>
  );
}
