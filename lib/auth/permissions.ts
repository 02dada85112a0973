/**
 * The one permission table: which role may do what. Region scope is the second half of every
 * check (see `canAccessRegion`): operators and reviewers act only in their own region, admins and
 * all-region observers everywhere. Server guards and the UI's navigation both read this table.
 */
export const ROLES = ['admin', 'operator', 'reviewer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

const STAFF: readonly Role[] = ROLES;

export const PERMISSIONS = {
  'staff.view': STAFF,
  'users.manage': ['admin'],
  'audit.view': ['admin'],
  'elections.manage': ['admin'],
  'parties.manage': ['admin'],
  'constituencyList.view': STAFF,
  'constituencyList.edit': ['operator'],
  'constituencyList.submit': ['operator'],
  'constituencyList.review': ['reviewer', 'admin'],
  'constituencyList.overrideCalendar': ['admin'],
  'candidate.view': STAFF,
  'candidate.nominate': ['operator'],
  'candidate.attest': ['reviewer'],
  'candidate.decide': ['reviewer'],
  'candidate.withdraw': ['operator', 'reviewer'],
  'candidate.proposeCancellation': ['operator', 'reviewer'],
  'candidate.cancel': ['reviewer'],
  'candidate.recordBallotsPrinted': ['reviewer'],
  'candidate.registerElected': ['reviewer'],
  'candidate.settleDeposit': ['reviewer'],
  'protocol.view': STAFF,
  'protocol.enter': ['operator'],
  'protocol.resolve': ['reviewer'],
  'protocol.approve': ['reviewer'],
  /** Send the copies under review back to data entry with a comment. */
  'protocol.return': ['reviewer'],
  'protocol.correct': ['operator', 'reviewer'],
  /** Attach the image of the signed paper protocol (whoever holds the paper: the operator, or the reviewer settling a dispute). */
  'protocol.attachImage': ['operator', 'reviewer'],
  'results.markOfficial': ['reviewer', 'admin'],
  'screening.check': ['reviewer'],
  'results.reopen': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Actor = { role: Role; regionId: number | null };

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** `regionId: null` on the actor means every region; on the target it means "not region-bound". */
export function canAccessRegion(actor: Actor, regionId: number | null): boolean {
  return actor.regionId === null || regionId === null || actor.regionId === regionId;
}

export function isAllowed(actor: Actor, permission: Permission, regionId: number | null): boolean {
  return hasPermission(actor, permission) && canAccessRegion(actor, regionId);
}
