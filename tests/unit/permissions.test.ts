import { describe, expect, it } from 'vitest';
import { canAccessRegion, hasPermission, isAllowed, PERMISSIONS, ROLES } from '@/lib/auth/permissions';

const ALMATY = 4;
const AKTOBE = 3;

describe('permission table', () => {
  it('gives every permission to at least one role and only to known roles', () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it('keeps observers read-only', () => {
    const writable = Object.entries(PERMISSIONS).filter(([name, roles]) => !name.endsWith('.view') && (roles as readonly string[]).includes('observer'));
    expect(writable).toEqual([]);
  });

  it('reserves user management and the audit log for admins', () => {
    for (const role of ROLES) {
      expect(hasPermission({ role, regionId: null }, 'users.manage')).toBe(role === 'admin');
      expect(hasPermission({ role, regionId: null }, 'audit.view')).toBe(role === 'admin');
    }
  });
});

describe('region scope', () => {
  it('lets regional staff act only in their own region', () => {
    const operator = { role: 'operator' as const, regionId: AKTOBE };
    expect(isAllowed(operator, 'protocol.enter', AKTOBE)).toBe(true);
    expect(isAllowed(operator, 'protocol.enter', ALMATY)).toBe(false);
    expect(isAllowed(operator, 'protocol.approve', AKTOBE)).toBe(false);
  });

  it('lets all-region users act everywhere their role allows', () => {
    expect(canAccessRegion({ role: 'admin', regionId: null }, ALMATY)).toBe(true);
    expect(isAllowed({ role: 'observer', regionId: null }, 'protocol.view', ALMATY)).toBe(true);
    expect(isAllowed({ role: 'observer', regionId: null }, 'protocol.enter', ALMATY)).toBe(false);
  });
});
