import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasRole } from '../auth/roles';
import { hashPassword, verifyPassword } from './password';

test('a password verifies against its own hash only, and each hash has its own salt', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.notEqual(a, b);
  assert.match(a, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.equal(await verifyPassword('correct horse battery', a), true);
  assert.equal(await verifyPassword('correct horse battery', b), true);
  assert.equal(await verifyPassword('correct horse batterY', a), false);
  assert.equal(await verifyPassword('', a), false);
  assert.equal(await verifyPassword('x', 'plain'), false);
  assert.equal(await verifyPassword('x', 'scrypt$1$1$1$$'), false);
});

test('roles include the ones below them and nothing above', () => {
  assert.equal(hasRole('viewer', 'viewer'), true);
  assert.equal(hasRole('viewer', 'operator'), false);
  assert.equal(hasRole('operator', 'viewer'), true);
  assert.equal(hasRole('operator', 'operator'), true);
  assert.equal(hasRole('operator', 'admin'), false);
  assert.equal(hasRole('admin', 'operator'), true);
  assert.equal(hasRole('admin', 'admin'), true);
});
