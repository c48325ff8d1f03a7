import Link from 'next/link';
import { hasRole } from '@/lib/auth/roles';
import type { User } from '@/lib/store/users';
import { signOutAction } from '../signin/actions';

/** Header links for the signed-in user: pages their role may open, who they are, sign-out. */
export function SiteNav({ user }: { user: User }) {
  return (
    <nav aria-label="Site">
      <Link href="/">Dashboard</Link>
      <Link href="/views">Views</Link>
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

/** The header of the pages other than the dashboard. */
export function PageHeader({ user }: { user: User }) {
  return (
    <header className="top">
      <h1>layerlens</h1>
      <span className="live" />
      <SiteNav user={user} />
    </header>
  );
}
