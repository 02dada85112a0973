import 'server-only';
import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { selectRows, type Queryable } from '@/db/client';
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
import { entryFigures } from './entries';
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
  const rows = await selectRows<Omit<ProgressRow, 'region'> & { regionKk: string; regionRu: string; regionEn: string }>(
    db,
    sql`select c.id, c.code, c.name_kk as "nameKk", c.name_ru as "nameRu", c.name_en as "nameEn", c.results_status::text as "resultsStatus",
               r.code as "regionCode", r.name_kk as "regionKk", r.name_ru as "regionRu", r.name_en as "regionEn",
               count(p.id)::int as precincts,
               count(p.id) filter (where pr.id is null or pr.status = 'returned')::int as missing,
               count(pr.id) filter (where pr.status = 'entered_once')::int as "enteredOnce",
               count(pr.id) filter (where pr.status = 'awaiting_review')::int as "awaitingReview",
               count(pr.id) filter (where pr.status = 'mismatch')::int as mismatch,
               count(pr.id) filter (where pr.status = 'approved')::int as approved
        from constituencies c
        join regions r on r.id = c.region_id
        join precincts p on p.constituency_id = c.id
        left join protocols pr on pr.precinct_id = p.id
        where c.election_id = ${electionId} and c.status = 'in_force' and ${regionId === null ? sql`true` : sql`c.region_id = ${regionId}`}
        group by c.id, r.id
        order by r.name_en, c.name_en`,
  );
  return rows.map(({ regionKk, regionRu, regionEn, ...row }) => ({ ...row, region: { nameKk: regionKk, nameRu: regionRu, nameEn: regionEn } }));
}

/**
 * The next precinct this user can work on: one where lib/protocols/transitions.ts allows them a
 * queue action (for operators a protocol to type, for reviewers one to resolve or approve that they
 * typed no copy of), returned protocols and differing copies first. Null when the queue is empty.
 */
export async function nextPrecinctFor(db: Queryable, user: { id: number; role: Role; regionId: number | null }, electionId: number): Promise<number | null> {
  const election = await findElection(db, electionId);
  if (!election || !isWorkOpen('protocols', election.phase)) return null;
  const inScope = sql`c.election_id = ${electionId} and c.status = 'in_force' and c.results_status = 'counting' and ${user.regionId === null ? sql`true` : sql`c.region_id = ${user.regionId}`}`;
  const typedByUser = sql`exists (select 1 from protocol_versions v join protocol_entries e on e.version_id = v.id
                                  where v.protocol_id = pr.id and v.version_no = pr.current_version_no and e.kind <> 'resolution' and e.entered_by = ${user.id})`;
  // The rules of each queue action this user holds, as SQL over the protocol's status and copies.
  const allowed = QUEUE_ACTIONS.filter((action) => hasPermission(user, PROTOCOL_RULES[action].permission)).map((action) => {
    const { from, ownCopy } = PROTOCOL_RULES[action];
    const statuses = from.filter((status) => status !== 'missing');
    const status = sql.join(
      [
        ...(from.includes('missing') ? [sql`pr.id is null`] : []),
        ...(statuses.length
          ? [
              sql`pr.status in (${sql.join(
                statuses.map((s) => sql`${s}`),
                sql`, `,
              )})`,
            ]
          : []),
      ],
      sql` or `,
    );
    return ownCopy ? sql`((${status}) and not ${typedByUser})` : sql`(${status})`;
  });
  if (allowed.length === 0) return null;
  const [row] = await selectRows<{ id: number }>(
    db,
    sql`select p.id from precincts p join constituencies c on c.id = p.constituency_id left join protocols pr on pr.precinct_id = p.id
        where ${inScope} and (${sql.join(allowed, sql` or `)})
        order by pr.status in ('mismatch', 'returned') desc nulls last, c.name_en, p.number limit 1`,
  );
  return row?.id ?? null;
}

export type ReturnedProtocol = { precinctId: number; number: number; constituency: Names; comment: string; returnedBy: string; returnedAt: Date };

/** Protocols a reviewer returned to data entry, waiting for their first copy, with the reviewer's comment. */
export async function returnedProtocols(db: Queryable, electionId: number, regionId: number | null): Promise<ReturnedProtocol[]> {
  const rows = await selectRows<ReturnedProtocol>(
    db,
    sql`select p.id as "precinctId", p.number, json_build_object('nameKk', c.name_kk, 'nameRu', c.name_ru, 'nameEn', c.name_en) as constituency,
               v.return_comment as comment, u.full_name as "returnedBy", v.created_at as "returnedAt"
        from protocols pr
        join precincts p on p.id = pr.precinct_id
        join constituencies c on c.id = p.constituency_id
        join protocol_versions v on v.protocol_id = pr.id and v.version_no = pr.current_version_no
        join users u on u.id = v.created_by
        where pr.status = 'returned' and c.election_id = ${electionId} and c.status = 'in_force' and c.results_status = 'counting'
          and ${regionId === null ? sql`true` : sql`c.region_id = ${regionId}`}
        order by c.name_en, p.number`,
  );
  return rows.map((row) => ({ ...row, returnedAt: new Date(row.returnedAt) }));
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
          figures: entryFigures(entry, Object.fromEntries(voteRows.filter((v) => v.entryId === entry.id).map((v) => [v.candidateId, v.votes]))),
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
