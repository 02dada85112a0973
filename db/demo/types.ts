import type {
  akimRegistrations,
  candidateChecks,
  candidates,
  elections,
  parties,
  ListRevisionContent,
  constituencyListRevisions,
  protocols,
  protocolEntries,
  registrationCancellations,
  users,
} from '@/db/schema';
import type { Names } from './geography';

/**
 * The demo as plain objects. Rows refer to each other by natural keys (region code, user email,
 * election slug, constituency code, candidate IIN) that the seed resolves to ids.
 */
export type DemoData = {
  regions: DemoRegion[];
  parties: DemoParty[];
  users: DemoUser[];
  elections: DemoElection[];
  listRevisions: DemoListRevision[];
  constituencies: DemoConstituency[];
  candidates: DemoCandidate[];
  cancellations: DemoCancellation[];
  akimRegistrations: DemoAkimRegistration[];
  protocols: DemoProtocol[];
};

/** One election's share of the demo. */
export type ElectionDemo = {
  election: DemoElection;
  listRevisions: DemoListRevision[];
  constituencies: DemoConstituency[];
  candidates: DemoCandidate[];
  cancellations: DemoCancellation[];
  akimRegistrations: DemoAkimRegistration[];
  protocols: DemoProtocol[];
};

export type DemoRegion = Names & { code: string };
export type DemoParty = Omit<typeof parties.$inferSelect, 'id' | 'lockVersion'>;

export type DemoUser = {
  email: string;
  fullName: string;
  role: (typeof users.$inferSelect)['role'];
  regionCode: string | null;
};

export type DemoElection = Omit<typeof elections.$inferSelect, 'id' | 'lockVersion'>;

export type DemoListRevision = {
  electionSlug: string;
  regionCode: string;
  revisionNo: number;
  status: (typeof constituencyListRevisions.$inferSelect)['status'];
  content: ListRevisionContent;
  createdBy: string;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
  submittedBy: string | null;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
};

export type DemoPrecinct = ListRevisionContent['constituencies'][number]['precincts'][number];

export type DemoConstituency = Omit<ListRevisionContent['constituencies'][number], 'precincts'> & {
  electionSlug: string;
  regionCode: string;
  /** The approved revision of the region's list this constituency comes from. */
  listRevisionNo: number;
  resultsStatus: 'counting' | 'official';
  resultsOfficialAt: Date | null;
  resultsOfficialBy: string | null;
  ballotsPrintedOn: string | null;
  precincts: DemoPrecinct[];
};

type CheckRow = typeof candidateChecks.$inferSelect;
export type DemoCheck = Pick<CheckRow, 'code' | 'kind' | 'outcome' | 'detail' | 'decidedAt'> & { decidedBy: string | null };

type CandidateRow = typeof candidates.$inferSelect;
export type DemoCandidate = Pick<
  CandidateRow,
  | 'fullName'
  | 'iin'
  | 'birthDate'
  | 'sex'
  | 'education'
  | 'currentPosition'
  | 'nominationRoute'
  | 'nominatedOn'
  | 'applicationReceived'
  | 'assetDeclarationsReceived'
  | 'depositAmount'
  | 'depositPaidOn'
  | 'supportingSignatures'
  | 'status'
  | 'ballotOrder'
  | 'decidedAt'
  | 'decisionNumber'
  | 'decisionDate'
  | 'refusalGround'
  | 'decisionNote'
  | 'withdrawnOn'
  | 'withdrawnBy'
  | 'depositRefundedOn'
  | 'createdAt'
> & {
  electionSlug: string;
  constituencyCode: string;
  partyCode: string | null;
  decidedBy: string | null;
  enteredBy: string;
  depositRefundRecordedBy: string | null;
  checks: DemoCheck[];
};

type CancellationRow = typeof registrationCancellations.$inferSelect;
/** A proposal to cancel a registration and, once decided, the commission's decision. */
export type DemoCancellation = Pick<
  CancellationRow,
  'status' | 'ground' | 'explanation' | 'proposedAt' | 'decisionNumber' | 'decisionDate' | 'dismissalReason' | 'decidedAt'
> & {
  electionSlug: string;
  candidateIin: string;
  proposedBy: string;
  decidedBy: string | null;
};

type AkimRegistrationRow = typeof akimRegistrations.$inferSelect;
export type DemoAkimRegistration = Pick<AkimRegistrationRow, 'outcome' | 'decisionNumber' | 'decisionDate' | 'reason' | 'recordedAt'> & {
  electionSlug: string;
  constituencyCode: string;
  candidateIin: string | null;
  recordedBy: string;
};

type EntryRow = typeof protocolEntries.$inferSelect;
export type ProtocolFigures = Pick<
  EntryRow,
  | 'votersOnList'
  | 'votersAtClose'
  | 'ballotsReceived'
  | 'ballotsIssuedPremises'
  | 'ballotsIssuedOutside'
  | 'ballotsFoundStationary'
  | 'ballotsFoundMobile'
  | 'ballotsSpoiled'
  | 'ballotsUnused'
  | 'ballotsInvalid'
  | 'votesAgainstAll'
  | 'chairName'
  | 'secretaryName'
  | 'membersTotal'
  | 'membersPresent'
  | 'membersSigning'
  | 'dissentAttached'
  | 'signedAt'
> & {
  /** Votes of every registered candidate of the constituency, by IIN. */
  votes: { candidateIin: string; votes: number }[];
};

export type DemoProtocolEntry = ProtocolFigures & { kind: EntryRow['kind']; enteredBy: string; enteredAt: Date };

export type DemoProtocol = {
  electionSlug: string;
  constituencyCode: string;
  precinctNumber: number;
  status: (typeof protocols.$inferSelect)['status'];
  updatedAt: Date;
  /** Every demo protocol has one version, the original. */
  version: { createdBy: string; createdAt: Date; approvedBy: string | null; approvedAt: Date | null };
  entries: DemoProtocolEntry[];
  /** Which entry holds the figures that count, once approved. */
  approvedEntryKind: EntryRow['kind'] | null;
};
