import { connection } from 'next/server';
import { hasRole, ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/store/db';
import { MIN_PASSWORD } from '@/lib/store/password';
import { listUsers } from '@/lib/store/users';
import { CredentialsForm } from '../_components/credentials-form';
import { RoleForm } from '../_components/role-form';
import { PageHeader } from '../_components/site-nav';
import { pageUser, requireRole } from '../_lib/auth';
import { createUserAction, setRoleAction } from './actions';

/** Admins: the users, their roles, and a form to add one. */
export default async function UsersPage() {
  await connection();
  const user = await pageUser('/users');
  if (!hasRole(user.role, 'admin')) {
    await requireRole('admin', 'GET /users');
    return (
      <>
        <PageHeader user={user} />
        <main>
          <section className="panel" role="alert">
            <h2>Only admins manage users</h2>
          </section>
        </main>
      </>
    );
  }
  const users = listUsers(getDb());
  return (
    <>
      <PageHeader user={user} />
      <main>
        <section className="panel" aria-labelledby="users-h">
          <h2 id="users-h">Users</h2>
          <table className="audit-table" aria-label="Users">
            <thead>
              <tr>
                <th>User</th>
                <th>Role</th>
                <th>Since</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>
                    <RoleForm username={u.username} role={u.role} action={setRoleAction.bind(null, u.username)} />
                  </td>
                  <td>{new Date(u.createdAt).toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel auth" aria-labelledby="add-h">
          <h2 id="add-h">Add a user</h2>
          <p className="muted small">Viewers see everything; operators also remove; admins also manage users.</p>
          <CredentialsForm action={createUserAction} submit="Add user">
            <label>
              Username
              <input name="username" autoComplete="off" required />
            </label>
            <label>
              Password (at least {MIN_PASSWORD} characters)
              <input name="password" type="password" autoComplete="new-password" required />
            </label>
            <label>
              Role
              <select name="role" defaultValue="viewer">
                {ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
          </CredentialsForm>
        </section>
      </main>
    </>
  );
}
