import { describe, expect, it } from 'vitest';
import { canAccessRegion, hasPermission, isAllowed, PERMISSIONS, ROLES, type Permission, type Role } from '@/lib/auth/permissions';

const ALMATY = 4;
const AKTOBE = 3;

/**
 * Who may do what, written out by hand: the table in lib/auth/permissions.ts must say exactly this.
 * A new permission, or a role added to one, fails here until someone writes it down on purpose.
 */
const EXPECTED: Record<string, string> = {
  //                                  admin  operator  reviewer  observer
  'staff.view': 'A O R V',
  'users.manage': 'A',
  'audit.view': 'A',
  'elections.manage': 'A',
  'parties.manage': 'A',
  'constituencyList.view': 'A O R V',
  'constituencyList.edit': 'O',
  'constituencyList.submit': 'O',
  'constituencyList.review': 'A R',
  'constituencyList.overrideCalendar': 'A',
  'candidate.view': 'A O R V',
  'candidate.nominate': 'O',
  'candidate.attest': 'R',
  'candidate.decide': 'R',
  'candidate.withdraw': 'O R',
  'candidate.proposeCancellation': 'O R',
  'candidate.cancel': 'R',
  'candidate.recordBallotsPrinted': 'R',
  'candidate.registerElected': 'R',
  'candidate.settleDeposit': 'R',
  'protocol.view': 'A O R V',
  'protocol.enter': 'O',
  'protocol.resolve': 'R',
  'protocol.approve': 'R',
  'protocol.return': 'R',
  'protocol.correct': 'O R',
  'protocol.attachImage': 'O R',
  'results.markOfficial': 'A R',
  'results.reopen': 'A',
  'screening.check': 'R',
};
const LETTER: Record<Role, string> = { admin: 'A', operator: 'O', reviewer: 'R', observer: 'V' };

describe('permission table', () => {
  it('says exactly who may do what, as written out by hand above', () => {
    const actual = Object.fromEntries(
      Object.keys(PERMISSIONS).map((permission) => [
        permission,
        ROLES.filter((role) => hasPermission({ role, regionId: null }, permission as Permission))
          .map((role) => LETTER[role])
          .join(' '),
      ]),
    );
    expect(actual).toEqual(EXPECTED);
  });

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
