/**
 * Roles, each including the ones before it. Pure: the server checks them (app/_lib/auth.ts) and
 * the client uses the same table only to hide what a role cannot do.
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(s: unknown): s is Role {
  return typeof s === 'string' && (ROLES as readonly string[]).includes(s);
}

/** Whether `role` may do what `needed` may: viewer reads, operator also removes, admin also manages users. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
