import type { Config } from '../config.js';
import type { AdminPolicy } from './admin.js';

export const adminPolicyFrom = (c: Pick<Config, 'adminRoleIds' | 'adminUserIds'>): AdminPolicy => ({
  adminRoleIds: c.adminRoleIds,
  adminUserIds: c.adminUserIds,
});
