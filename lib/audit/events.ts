/**
 * Every action the audit log records, with the kind of record it is about. Writers (`audit({...})`
 * in commands, sign-in, seed, CLI) and the viewer share this table: a writer cannot record an
 * action the viewer has no words for (the i18n test checks a label exists in every language for
 * each), nor pair an action with the wrong kind of record.
 */
export const AUDIT_ACTIONS = {
  'auth.signIn': 'user',
  /** A security event: repeated failed sign-ins blocked an (account, address) pair or an address. */
  'auth.signInBlocked': 'signInBlock',
  'auth.signInBlockCleared': 'signInBlock',
  'sessions.endOthers': 'user',
  'sessions.endAll': 'user',
  'users.create': 'user',
  'users.create.cli': 'user',
  'users.update': 'user',
  'parties.create': 'party',
  'parties.update': 'party',
  'elections.create': 'election',
  'elections.update': 'election',
  'elections.correct': 'election',
  'elections.announce': 'election',
  'elections.archive': 'election',
  'constituencyLists.start': 'constituencyListRevision',
  'constituencyLists.saveDraft': 'constituencyListRevision',
  'constituencyLists.importFile': 'constituencyListRevision',
  /** Written before precinct files could be Excel workbooks; kept so older rows still read in words. */
  'constituencyLists.importCsv': 'constituencyListRevision',
  'constituencyLists.submit': 'constituencyListRevision',
  'constituencyLists.return': 'constituencyListRevision',
  'constituencyLists.approve': 'constituencyListRevision',
  'constituencyLists.approveWithCalendarOverride': 'constituencyListRevision',
  'candidates.nominate': 'candidate',
  'candidates.updateDocuments': 'candidate',
  'candidates.attestCheck': 'candidate',
  'candidates.register': 'candidate',
  'candidates.refuse': 'candidate',
  'candidates.withdraw': 'candidate',
  'candidates.proposeCancellation': 'candidate',
  'candidates.dismissCancellation': 'candidate',
  'candidates.cancelRegistration': 'candidate',
  'candidates.recordDepositRefund': 'candidate',
  'candidates.recordBallotsPrinted': 'constituency',
  'candidates.registerElectedAkim': 'constituency',
  'candidates.markRepeatElection': 'constituency',
  'protocols.enterFirst': 'protocol',
  'protocols.enterSecond': 'protocol',
  'protocols.resolve': 'protocol',
  'protocols.approve': 'protocol',
  'protocols.correct': 'protocol',
  'protocols.return': 'protocol',
  'results.markOfficial': 'constituency',
  'results.reopen': 'constituency',
  'screening.recordPaperCheck': 'protocol',
  'protocolImages.attach': 'precinct',
  'protocolImages.approve': 'precinct',
  'demo.seed': 'database',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type AuditEntityType = (typeof AUDIT_ACTIONS)[AuditAction];
export const AUDIT_ENTITY_TYPES = [...new Set(Object.values(AUDIT_ACTIONS))] as AuditEntityType[];

/** One audit event: the action decides the kind of record (a discriminated union on `action`). */
export type AuditEvent = {
  [A in AuditAction]: {
    action: A;
    entityType: (typeof AUDIT_ACTIONS)[A];
    entityId?: string | number | null;
    regionId?: number | null;
    before?: unknown;
    after?: unknown;
  };
}[AuditAction];

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(AUDIT_ACTIONS, value);

/** Catalogue key of an action's words: `audit.actions.<action with _ for .>` (dots would nest). */
export const auditActionKey = (action: string) => `audit.actions.${action.replaceAll('.', '_')}`;
