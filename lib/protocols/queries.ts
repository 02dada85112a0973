import 'server-only';
import { and, asc, count, eq, exists, inArray, isNotNull, isNull, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { constituenciesInForce, countWhere, namesOf } from '@/db/selections';
import {
  candidates,
  constituencies,
  elections,
  parties,
  precincts,
  protocolEntries,
  protocolEntryVotes,
  protocols,
  protocolVersions,
  regions,
  users,
} from '@/db/schema';
import { hasPermission, type Role } from '@/lib/auth/permissions';
import { isWorkOpen } from '@/lib/elections/phase';
import { findElection } from '@/lib/elections/queries';
import type { ProtocolFigures } from './definition';
import { figuresOf } from './entries';
import { PROTOCOL_RULES, QUEUE_ACTIONS, type ProtocolStatus } from './transitions';

type Names = { nameKk: string; nameRu: string; nameEn: string };
export type { ProtocolStatus } from './transitions';

export type ProgressRow = Names & {
  id: number;
  code: string;
  regionCode: string;
  region: Names;
  resultsStatus: 'counting' | 'official';
  precincts: number;
  missing: number;
  enteredOnce: number;
  awaitingReview: number;
  mismatch: number;
  approved: number;
};

/** Per constituency: how many protocols are missing, entered once, awaiting review, mismatched, approved. */
export async function protocolProgress(db: Queryable, electionId: number, regionId: number | null): Promise<ProgressRow[]> {
  return db
    .select({
      id: constituencies.id,
      code: constituencies.code,
      ...namesOf(constituencies),
      resultsStatus: constituencies.resultsStatus,
      regionCode: regions.code,
      region: namesOf(regions),
      precincts: count(),
      missing: countWhere(or(isNull(protocols.id), eq(protocols.status, 'returned'))),
      enteredOnce: countWhere(eq(protocols.status, 'entered_once')),
      awaitingReview: countWhere(eq(protocols.status, 'awaiting_review')),
      mismatch: countWhere(eq(protocols.status, 'mismatch')),
      approved: countWhere(eq(protocols.status, 'approved')),
    })
    .from(constituencies)
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .innerJoin(precincts, eq(precincts.constituencyId, constituencies.id))
    .leftJoin(protocols, eq(protocols.precinctId, precincts.id))
    .where(and(constituenciesInForce(electionId), regionId === null ? undefined : eq(constituencies.regionId, regionId)))
    .groupBy(constituencies.id, regions.id)
    .orderBy(regions.nameEn, constituencies.nameEn);
}

/** The copies of the current version of the enclosing query's protocol (`protocols`) that meet `condition`, as a subquery. */
export const currentCopies = (db: Queryable, condition: SQL | undefined) =>
  db
    .select({ id: protocolEntries.id })
    .from(protocolVersions)
    .innerJoin(protocolEntries, eq(protocolEntries.versionId, protocolVersions.id))
    .where(and(eq(protocolVersions.protocolId, protocols.id), eq(protocolVersions.versionNo, protocols.currentVersionNo), condition));

/**
 * The next precinct this user can work on: one where lib/protocols/transitions.ts allows them a
 * queue action (for operators a protocol to type, for reviewers one to resolve or approve that they
 * typed no copy of), returned protocols and differing copies first. Null when the queue is empty.
 */
export async function nextPrecinctFor(db: Queryable, user: { id: number; role: Role; regionId: number | null }, electionId: number): Promise<number | null> {
  const election = await findElection(db, electionId);
  if (!election || !isWorkOpen('protocols', election.phase)) return null;
  const inScope = and(
    constituenciesInForce(electionId),
    eq(constituencies.resultsStatus, 'counting'),
    user.regionId === null ? undefined : eq(constituencies.regionId, user.regionId),
  );
  const typedByUser = exists(currentCopies(db, and(ne(protocolEntries.kind, 'resolution'), eq(protocolEntries.enteredBy, user.id))));
  // The rules of each queue action this user holds, as SQL over the protocol's status and copies.
  const allowed = QUEUE_ACTIONS.filter((action) => hasPermission(user, PROTOCOL_RULES[action].permission)).map((action) => {
    const { from, ownCopy } = PROTOCOL_RULES[action];
    const statuses = from.filter((status) => status !== 'missing');
    const status = or(from.includes('missing') ? isNull(protocols.id) : undefined, statuses.length ? inArray(protocols.status, statuses) : undefined);
    return ownCopy ? and(status, not(typedByUser)) : status;
  });
  if (allowed.length === 0) return null;
  const [row] = await db
    .select({ id: precincts.id })
    .from(precincts)
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .leftJoin(protocols, eq(protocols.precinctId, precincts.id))
    .where(and(inScope, or(...allowed)))
    .orderBy(sql`${inArray(protocols.status, ['mismatch', 'returned'])} desc nulls last`, constituencies.nameEn, precincts.number)
    .limit(1);
  return row?.id ?? null;
}

export type ReturnedProtocol = { precinctId: number; number: number; constituency: Names; comment: string; returnedBy: string; returnedAt: Date };

/** Protocols a reviewer returned to data entry, waiting for their first copy, with the reviewer's comment. */
export async function returnedProtocols(db: Queryable, electionId: number, regionId: number | null): Promise<ReturnedProtocol[]> {
  const rows = await db
    .select({
      precinctId: precincts.id,
      number: precincts.number,
      constituency: namesOf(constituencies),
      comment: protocolVersions.returnComment,
      returnedBy: users.fullName,
      returnedAt: protocolVersions.createdAt,
    })
    .from(protocols)
    .innerJoin(precincts, eq(precincts.id, protocols.precinctId))
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .innerJoin(protocolVersions, and(eq(protocolVersions.protocolId, protocols.id), eq(protocolVersions.versionNo, protocols.currentVersionNo)))
    .innerJoin(users, eq(users.id, protocolVersions.createdBy))
    .where(
      and(
        eq(protocols.status, 'returned'),
        constituenciesInForce(electionId),
        eq(constituencies.resultsStatus, 'counting'),
        regionId === null ? undefined : eq(constituencies.regionId, regionId),
      ),
    )
    .orderBy(constituencies.nameEn, precincts.number);
  // A returned version always carries the reviewer's comment (the return command requires one).
  return rows.map((row) => ({ ...row, comment: row.comment ?? '' }));
}

export type PrecinctRow = { id: number; number: number; address: string; votersOnList: number; status: ProtocolStatus; protocolId: number | null };

export async function constituencyPrecincts(db: Queryable, constituencyId: number): Promise<PrecinctRow[]> {
  const rows = await db
    .select({
      id: precincts.id,
      number: precincts.number,
      address: precincts.address,
      votersOnList: precincts.votersOnList,
      status: protocols.status,
      protocolId: protocols.id,
    })
    .from(precincts)
    .leftJoin(protocols, eq(protocols.precinctId, precincts.id))
    .where(eq(precincts.constituencyId, constituencyId))
    .orderBy(asc(precincts.number));
  return rows.map((row) => ({ ...row, status: row.status ?? 'missing' }));
}

export type EntryView = {
  id: number;
  kind: 'first' | 'second' | 'resolution';
  enteredById: number;
  enteredBy: string;
  enteredAt: Date;
  /** The approved list's figure when this copy was typed (line 1 is shown against it). */
  votersOnList: number;
  /** Set when the copy was typed on the earlier form and converted (migration 0010). */
  convertedAt: Date | null;
  figures: ProtocolFigures;
};
export type VersionView = {
  versionNo: number;
  correctionReason: string | null;
  /** Why a reviewer returned the previous version to data entry (this version is its re-entry). */
  returnComment: string | null;
  createdBy: string;
  createdAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  entries: EntryView[];
  /** Entries held back from this viewer (blind double entry): how many exist. */
  hiddenEntries: number;
};

export type ProtocolSheet = {
  precinct: { id: number; number: number; address: string; votersOnList: number };
  constituency: Names & { id: number; code: string; regionId: number; resultsStatus: 'counting' | 'official' };
  region: Names & { code: string };
  election: Names & { id: number; kind: 'district_city_akim' | 'rural_akim'; againstAllOnBallot: boolean; votingDay: string; votersGrowthWarnBp: number };
  /** The ballot's lines in order; `struck`: removed after the ballots were printed (no votes, number kept). */
  candidates: { id: number; fullName: string; ballotOrder: number; party: Names | null; struck: boolean }[];
  protocol: { id: number; status: ProtocolStatus; lockVersion: number; currentVersionNo: number; approvedEntryId: number | null } | null;
  versions: VersionView[];
};

const enterer = alias(users, 'enterer');
const creator = alias(users, 'creator');
const approver = alias(users, 'approver');

/**
 * Everything a protocol page shows. Blind double entry: an operator sees the figures of approved
 * versions and their own copies, never another operator's copy that is still under entry; the
 * public sees approved versions only.
 */
export async function protocolSheet(db: Queryable, precinctId: number, viewer: { id: number; role: Role } | 'public'): Promise<ProtocolSheet | null> {
  const [row] = await db
    .select({ precinct: precincts, constituency: constituencies, region: regions, election: elections })
    .from(precincts)
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .innerJoin(elections, eq(elections.id, constituencies.electionId))
    .where(eq(precincts.id, precinctId));
  if (!row) return null;
  const [candidateRows, [protocol]] = await Promise.all([
    db
      .select({ id: candidates.id, fullName: candidates.fullName, ballotOrder: candidates.ballotOrder, status: candidates.status, party: parties })
      .from(candidates)
      .leftJoin(parties, eq(parties.id, candidates.partyId))
      // On the ballot, plus the lines of candidates removed after the ballots were printed (shown struck).
      .where(and(eq(candidates.constituencyId, row.constituency.id), or(eq(candidates.status, 'registered'), isNotNull(candidates.ballotOrder))))
      .orderBy(asc(candidates.ballotOrder)),
    db.select().from(protocols).where(eq(protocols.precinctId, precinctId)),
  ]);
  const versions: VersionView[] = [];
  if (protocol) {
    const versionRows = await db
      .select({ version: protocolVersions, createdBy: creator.fullName, approvedBy: approver.fullName })
      .from(protocolVersions)
      .innerJoin(creator, eq(creator.id, protocolVersions.createdBy))
      .leftJoin(approver, eq(approver.id, protocolVersions.approvedBy))
      .where(eq(protocolVersions.protocolId, protocol.id))
      .orderBy(asc(protocolVersions.versionNo));
    const entryRows = versionRows.length
      ? await db
          .select({ entry: protocolEntries, enteredBy: enterer.fullName })
          .from(protocolEntries)
          .innerJoin(enterer, eq(enterer.id, protocolEntries.enteredBy))
          .where(
            inArray(
              protocolEntries.versionId,
              versionRows.map((v) => v.version.id),
            ),
          )
          .orderBy(asc(protocolEntries.id))
      : [];
    const voteRows = entryRows.length
      ? await db
          .select()
          .from(protocolEntryVotes)
          .where(
            inArray(
              protocolEntryVotes.entryId,
              entryRows.map((e) => e.entry.id),
            ),
          )
      : [];
    for (const { version, createdBy, approvedBy } of versionRows) {
      const entries = entryRows.filter((e) => e.entry.versionId === version.id);
      const visible = entries.filter(({ entry }) =>
        viewer === 'public' ? version.approvedAt !== null : viewer.role !== 'operator' || version.approvedAt !== null || entry.enteredBy === viewer.id,
      );
      versions.push({
        versionNo: version.versionNo,
        correctionReason: version.correctionReason,
        returnComment: version.returnComment,
        createdBy,
        createdAt: version.createdAt,
        approvedBy,
        approvedAt: version.approvedAt,
        hiddenEntries: entries.length - visible.length,
        entries: visible.map(({ entry, enteredBy }) => ({
          id: entry.id,
          kind: entry.kind,
          enteredById: entry.enteredBy,
          enteredBy,
          enteredAt: entry.enteredAt,
          votersOnList: entry.votersOnList,
          convertedAt: entry.convertedAt,
          figures: figuresOf(entry, voteRows),
        })),
      });
    }
  }
  const names = (n: Names) => ({ nameKk: n.nameKk, nameRu: n.nameRu, nameEn: n.nameEn });
  return {
    precinct: { id: row.precinct.id, number: row.precinct.number, address: row.precinct.address, votersOnList: row.precinct.votersOnList },
    constituency: {
      id: row.constituency.id,
      code: row.constituency.code,
      regionId: row.constituency.regionId,
      resultsStatus: row.constituency.resultsStatus,
      ...names(row.constituency),
    },
    region: { code: row.region.code, ...names(row.region) },
    election: {
      id: row.election.id,
      kind: row.election.kind,
      againstAllOnBallot: row.election.againstAllOnBallot,
      votingDay: row.election.votingDay,
      votersGrowthWarnBp: row.election.votersGrowthWarnBp,
      ...names(row.election),
    },
    candidates: candidateRows.map((c) => ({
      id: c.id,
      fullName: c.fullName,
      ballotOrder: c.ballotOrder ?? 0,
      party: c.party ? names(c.party) : null,
      struck: c.status !== 'registered',
    })),
    protocol: protocol
      ? {
          id: protocol.id,
          status: protocol.status,
          lockVersion: protocol.lockVersion,
          currentVersionNo: protocol.currentVersionNo,
          approvedEntryId: protocol.approvedEntryId,
        }
      : null,
    versions,
  };
}
