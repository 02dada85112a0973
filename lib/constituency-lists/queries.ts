import 'server-only';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { constituenciesInForce, namesOf, orZero, sumOf } from '@/db/selections';
import { constituencies, constituencyListRevisions, constituencyTotals, elections, precincts, regions, users } from '@/db/schema';
import { DomainError } from '@/lib/commands';
import type { ListContent } from './schemas';
import { listTotals } from './schemas';
import { diffLists, type ListChange, type RevisionStatus } from './transitions';

export type RevisionSummary = {
  id: number;
  revisionNo: number;
  status: RevisionStatus;
  lockVersion: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  submittedById: number | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  calendarOverrideReason: string | null;
  totals: { constituencies: number; precincts: number; voters: number };
};

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');
const submitter = alias(users, 'submitter');
const reviewer = alias(users, 'reviewer');

type RevisionRow = {
  revision: typeof constituencyListRevisions.$inferSelect;
  createdBy: string;
  updatedBy: string | null;
  submittedBy: string | null;
  reviewedBy: string | null;
};

async function loadRevisions(db: Queryable, where: SQL | undefined, order: SQL[]): Promise<RevisionRow[]> {
  return db
    .select({
      revision: constituencyListRevisions,
      createdBy: creator.fullName,
      updatedBy: updater.fullName,
      submittedBy: submitter.fullName,
      reviewedBy: reviewer.fullName,
    })
    .from(constituencyListRevisions)
    .innerJoin(creator, eq(creator.id, constituencyListRevisions.createdBy))
    .leftJoin(updater, eq(updater.id, constituencyListRevisions.updatedBy))
    .leftJoin(submitter, eq(submitter.id, constituencyListRevisions.submittedBy))
    .leftJoin(reviewer, eq(reviewer.id, constituencyListRevisions.reviewedBy))
    .where(where)
    .orderBy(...order);
}

function toSummary(row: RevisionRow): RevisionSummary {
  const r = row.revision;
  return {
    id: r.id,
    revisionNo: r.revisionNo,
    status: r.status,
    lockVersion: r.lockVersion,
    createdAt: r.createdAt,
    createdBy: row.createdBy,
    updatedAt: r.updatedAt,
    updatedBy: row.updatedBy,
    submittedAt: r.submittedAt,
    submittedBy: row.submittedBy,
    submittedById: r.submittedBy,
    reviewedAt: r.reviewedAt,
    reviewedBy: row.reviewedBy,
    reviewComment: r.reviewComment,
    calendarOverrideReason: r.calendarOverrideReason,
    totals: listTotals(r.content),
  };
}

export type RegionListState = {
  election: typeof elections.$inferSelect;
  region: { id: number; code: string; nameKk: string; nameRu: string; nameEn: string };
  history: RevisionSummary[];
  approved: { summary: RevisionSummary; content: ListContent } | null;
  open: { summary: RevisionSummary; content: ListContent; changes: ListChange[] } | null;
};

/** Everything the list page of one region shows: the list in force, the open revision, the history. */
export async function regionListState(db: Queryable, electionId: number, regionCode: string): Promise<RegionListState | null> {
  const [election] = await db.select().from(elections).where(eq(elections.id, electionId));
  const [region] = await db.select().from(regions).where(eq(regions.code, regionCode));
  if (!election || !region) return null;
  const rows = await loadRevisions(db, and(eq(constituencyListRevisions.electionId, electionId), eq(constituencyListRevisions.regionId, region.id)), [
    desc(constituencyListRevisions.revisionNo),
  ]);
  const approvedRow = rows.find((row) => row.revision.status === 'approved');
  const openRow = rows.find((row) => ['draft', 'submitted', 'returned'].includes(row.revision.status));
  const approvedContent = approvedRow?.revision.content ?? null;
  return {
    election,
    region,
    history: rows.map(toSummary),
    approved: approvedRow ? { summary: toSummary(approvedRow), content: approvedRow.revision.content } : null,
    open: openRow ? { summary: toSummary(openRow), content: openRow.revision.content, changes: diffLists(approvedContent, openRow.revision.content) } : null,
  };
}

export type ReviewQueueItem = RevisionSummary & {
  electionId: number;
  electionName: { nameKk: string; nameRu: string; nameEn: string };
  region: { code: string; nameKk: string; nameRu: string; nameEn: string };
  changes: ListChange[];
};

/** Submitted revisions waiting for a reviewer, oldest submission first; null region = every region. */
export async function reviewQueue(db: Queryable, regionId: number | null): Promise<ReviewQueueItem[]> {
  const rows = await loadRevisions(
    db,
    and(eq(constituencyListRevisions.status, 'submitted'), regionId === null ? undefined : eq(constituencyListRevisions.regionId, regionId)),
    [asc(constituencyListRevisions.submittedAt), asc(constituencyListRevisions.id)],
  );
  if (!rows.length) return [];
  const [electionRows, regionRows, approvedRows] = await Promise.all([
    db.select().from(elections),
    db.select().from(regions),
    db
      .select({ electionId: constituencyListRevisions.electionId, regionId: constituencyListRevisions.regionId, content: constituencyListRevisions.content })
      .from(constituencyListRevisions)
      .where(eq(constituencyListRevisions.status, 'approved')),
  ]);
  return rows.map((row) => {
    const election = electionRows.find((e) => e.id === row.revision.electionId)!;
    const region = regionRows.find((r) => r.id === row.revision.regionId)!;
    const approved = approvedRows.find((a) => a.electionId === row.revision.electionId && a.regionId === row.revision.regionId);
    return {
      ...toSummary(row),
      electionId: election.id,
      electionName: { nameKk: election.nameKk, nameRu: election.nameRu, nameEn: election.nameEn },
      region: { code: region.code, nameKk: region.nameKk, nameRu: region.nameRu, nameEn: region.nameEn },
      changes: diffLists(approved?.content ?? null, row.revision.content),
    };
  });
}

export type ListStatusRow = {
  electionId: number;
  regionId: number;
  approvedRevisionNo: number | null;
  openStatus: RevisionStatus | null;
  openRevisionNo: number | null;
};

/** Per election and region: which revision is in force and whether one is open. */
export async function listStatuses(db: Queryable): Promise<ListStatusRow[]> {
  const open = inArray(constituencyListRevisions.status, ['draft', 'submitted', 'returned']);
  return db
    .select({
      electionId: constituencyListRevisions.electionId,
      regionId: constituencyListRevisions.regionId,
      approvedRevisionNo: sql<number | null>`max(${constituencyListRevisions.revisionNo}) filter (where ${eq(constituencyListRevisions.status, 'approved')})`,
      openStatus: sql<RevisionStatus | null>`max(${constituencyListRevisions.status}::text) filter (where ${open})`,
      openRevisionNo: sql<number | null>`max(${constituencyListRevisions.revisionNo}) filter (where ${open})`,
    })
    .from(constituencyListRevisions)
    .groupBy(constituencyListRevisions.electionId, constituencyListRevisions.regionId);
}

export type PublicConstituency = {
  regionCode: string;
  code: string;
  kind: 'district' | 'city';
  nameKk: string;
  nameRu: string;
  nameEn: string;
  precincts: number;
  votersOnList: number;
};

/** Approved constituencies of an election (of one region if given) by region, for the public page. */
export async function publicConstituencies(db: Queryable, electionId: number, regionCode?: string): Promise<PublicConstituency[]> {
  return db
    .select({
      regionCode: regions.code,
      code: constituencies.code,
      kind: constituencies.kind,
      ...namesOf(constituencies),
      // The running totals (decision 016): no pass over every precinct.
      precincts: orZero(constituencyTotals.precincts),
      votersOnList: orZero(constituencyTotals.votersOnList),
    })
    .from(constituencies)
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .leftJoin(constituencyTotals, eq(constituencyTotals.constituencyId, constituencies.id))
    .where(and(constituenciesInForce(electionId), regionCode === undefined ? undefined : eq(regions.code, regionCode)))
    .orderBy(regions.nameEn, constituencies.kind, constituencies.nameEn);
}

export type PublicConstituencyRegion = {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  constituencies: number;
  precincts: number;
  votersOnList: number;
};

/** The same list summed by region: what the public page shows of an election too large to list whole. */
export async function publicConstituencyRegions(db: Queryable, electionId: number): Promise<PublicConstituencyRegion[]> {
  return db
    .select({
      code: regions.code,
      ...namesOf(regions),
      constituencies: count(),
      precincts: sumOf(constituencyTotals.precincts),
      votersOnList: sumOf(constituencyTotals.votersOnList),
    })
    .from(constituencies)
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .leftJoin(constituencyTotals, eq(constituencyTotals.constituencyId, constituencies.id))
    .where(constituenciesInForce(electionId))
    .groupBy(regions.id)
    .orderBy(regions.nameEn);
}

/** The region a precinct lies in: where a command on it may be run (notFound for an unknown precinct). */
export async function precinctRegion(tx: Queryable, precinctId: number): Promise<number> {
  const [row] = await tx
    .select({ regionId: constituencies.regionId })
    .from(precincts)
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .where(eq(precincts.id, precinctId));
  if (!row) throw new DomainError('notFound');
  return row.regionId;
}
