// Who may use /nmi-admin. The command's default_member_permissions is only a
// default a server can loosen, so the handler checks again: Manage Server in
// the member's permissions, or a configured admin role or user.
export const MANAGE_GUILD = 1n << 5n;
export const ADMINISTRATOR = 1n << 3n;

export interface MemberFacts {
  userId: string;
  /** Null outside a server. */
  guildId: string | null;
  /** The member's permissions in the channel, as Discord sends them (a decimal string); null outside a server. */
  permissions: string | null;
  roleIds: readonly string[];
}

export interface AdminPolicy {
  adminRoleIds: readonly string[];
  adminUserIds: readonly string[];
}

export function isAdmin(m: MemberFacts, policy: AdminPolicy): boolean {
  if (m.guildId === null) return false;
  if (policy.adminUserIds.includes(m.userId)) return true;
  if (m.roleIds.some((r) => policy.adminRoleIds.includes(r))) return true;
  if (m.permissions === null || !/^\d+$/.test(m.permissions)) return false;
  const perms = BigInt(m.permissions);
  return (perms & MANAGE_GUILD) === MANAGE_GUILD || (perms & ADMINISTRATOR) === ADMINISTRATOR;
}
