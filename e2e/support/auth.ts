/**
 * The users the browser tests sign in as. globalSetup creates them in the test database (through
 * scripts/user.ts, the same path an operator would script) and stores one signed-in browser state
 * per role; specs pick a role with `test.use({ storageState: stateFile('viewer') })`.
 */
import { join } from 'node:path';
import type { Role } from '../../lib/auth/roles';
import { TEST_DIR } from './settings';

/** The web server's database; web-server.mjs deletes it before each run. */
export const DB_FILE = join(TEST_DIR, 'layerlens.db');

export const USERS: Record<Role, { username: string; password: string }> = {
  viewer: { username: 'vera-viewer', password: 'viewer-password-1' },
  operator: { username: 'otto-operator', password: 'operator-password-1' },
  admin: { username: 'ada-admin', password: 'admin-password-1' },
};

export const stateFile = (role: Role) => join(TEST_DIR, `auth-${role}.json`);
