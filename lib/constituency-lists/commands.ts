import { and, eq, inArray, max, notInArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { constituencies, constituencyListRevisions, elections, precincts, protocols, regions } from '@/db/schema';
import { todayInKazakhstan } from '@/lib/calendar';
import { assertLockVersion, defineCommand, DomainError } from '@/lib/commands';
import { requireWorkOpen } from '@/lib/elections/queries';
import { bumpResultsVersion } from '@/lib/results/version';
import { readPrecinctFile } from './precinct-file';
import { applyPrecinctImport, PRECINCT_FILE_COLUMNS, validatePrecinctRecords } from './precinct-import';
import {
  approveRevisionSchema,
  importFileSchema,
  listContentSchema,
  listTotals,
  returnRevisionSchema,
  saveDraftSchema,
  startRevisionSchema,
  submitRevisionSchema,
  type ListContent,
} from './schemas';
import { checkApprove, checkEdit, checkReturn, checkSubmit, diffLists, type Refusal } from './transitions';

const refused = (refusal: Refusal): never => {
  throw new DomainError('invalidState', { message: refusal.reason });
};

async function revisionRegion(revisionId: number, tx: Transaction): Promise<number> {
  const [row] = await tx
    .select({ regionId: constituencyListRevisions.regionId })
    .from(constituencyListRevisions)
    .where(eq(constituencyListRevisions.id, revisionId));
  if (!row) throw new DomainError('notFound');
  return row.regionId;
}

/** Locks the revision for this transaction and checks the caller read its latest version. */
async function lockRevision(tx: Transaction, revisionId: number, lockVersion: number) {
  const [revision] = await tx.select().from(constituencyListRevisions).where(eq(constituencyListRevisions.id, revisionId)).for('update');
  if (!revision) throw new DomainError('notFound');
  assertLockVersion(revision.lockVersion, lockVersion);
  await requireWorkOpen(tx, revision.electionId, 'constituencyLists');
  return revision;
}

async function approvedContent(tx: Transaction, electionId: number, regionId: number): Promise<ListContent | null> {
  const [approved] = await tx
    .select({ content: constituencyListRevisions.content })
    .from(constituencyListRevisions)
    .where(
      and(
        eq(constituencyListRevisions.electionId, electionId),
        eq(constituencyListRevisions.regionId, regionId),
        eq(constituencyListRevisions.status, 'approved'),
      ),
    );
  return approved?.content ?? null;
}

const bump = (revision: { lockVersion: number }) => ({ lockVersion: revision.lockVersion + 1, updatedAt: new Date() });

/** Opens a new draft revision, starting from the list in force (or empty for a first list). */
export const startRevision = defineCommand({
  name: 'constituencyLists.start',
  permission: 'constituencyList.edit',
  schema: startRevisionSchema,
  regionOf: async (input, tx) => {
    const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
    const [election] = await tx.select({ id: elections.id }).from(elections).where(eq(elections.id, input.electionId));
    if (!region || !election) throw new DomainError('notFound');
    return region.id;
  },
  async run({ input, actor, tx, audit }) {
    await requireWorkOpen(tx, input.electionId, 'constituencyLists');
    const scope = and(eq(constituencyListRevisions.electionId, input.electionId), eq(constituencyListRevisions.regionId, input.regionId));
    const [open] = await tx
      .select({ id: constituencyListRevisions.id })
      .from(constituencyListRevisions)
      .where(and(scope, inArray(constituencyListRevisions.status, ['draft', 'submitted', 'returned'])));
    if (open) throw new DomainError('invalidState', { message: 'lists.errors.openRevisionExists' });
    const [{ last }] = (await tx
      .select({ last: max(constituencyListRevisions.revisionNo) })
      .from(constituencyListRevisions)
      .where(scope)) as [{ last: number | null }];
    const content = (await approvedContent(tx, input.electionId, input.regionId)) ?? { constituencies: [] };
    const [created] = await tx
      .insert(constituencyListRevisions)
      .values({ electionId: input.electionId, regionId: input.regionId, revisionNo: (last ?? 0) + 1, content, createdBy: actor.id, updatedBy: actor.id })
      .returning({ id: constituencyListRevisions.id, revisionNo: constituencyListRevisions.revisionNo });
    await audit({
      action: 'constituencyLists.start',
      entityType: 'constituencyListRevision',
      entityId: created!.id,
      after: { revisionNo: created!.revisionNo, electionId: input.electionId },
    });
    return created!;
  },
});

/**
 * Locks an editable revision at the version the caller read, replaces its content and returns
 * the new version with what the audit row records (totals and the changes made).
 */
async function replaceDraftContent(
  tx: Transaction,
  ref: { revisionId: number; lockVersion: number },
  actorId: number,
  nextContent: (current: ListContent) => ListContent,
) {
  const revision = await lockRevision(tx, ref.revisionId, ref.lockVersion);
  const allowed = checkEdit(revision);
  if (!allowed.ok) refused(allowed);
  const content = nextContent(revision.content);
  await tx
    .update(constituencyListRevisions)
    .set({ content, status: 'draft', updatedBy: actorId, ...bump(revision) })
    .where(eq(constituencyListRevisions.id, revision.id));
  const totals = listTotals(content);
  return {
    lockVersion: revision.lockVersion + 1,
    totals,
    auditEntry: {
      entityType: 'constituencyListRevision' as const,
      entityId: revision.id,
      before: listTotals(revision.content),
      after: { ...totals, changes: diffLists(revision.content, content) },
    },
  };
}

/** Saves the whole draft. A save based on an outdated version is refused, never merged. */
export const saveDraft = defineCommand({
  name: 'constituencyLists.saveDraft',
  permission: 'constituencyList.edit',
  schema: saveDraftSchema,
  regionOf: (input, tx) => revisionRegion(input.revisionId, tx),
  async run({ input, actor, tx, audit }) {
    const { auditEntry, ...result } = await replaceDraftContent(tx, input, actor.id, () => input.content);
    await audit({ action: 'constituencyLists.saveDraft', ...auditEntry });
    return result;
  },
});

/** Replaces the precincts of the constituencies a file (CSV or XLSX) names; the whole file or nothing. */
export const importPrecinctFile = defineCommand({
  name: 'constituencyLists.importFile',
  permission: 'constituencyList.edit',
  schema: importFileSchema,
  regionOf: (input, tx) => revisionRegion(input.revisionId, tx),
  async run({ input, actor, tx, audit }) {
    const reading = await readPrecinctFile(input.file, PRECINCT_FILE_COLUMNS.length);
    if (!reading.ok) throw new DomainError('invalid', { message: reading.message });
    let rows = 0;
    const { auditEntry, ...result } = await replaceDraftContent(tx, input, actor.id, (current) => {
      const validation = validatePrecinctRecords(reading.records, new Set(current.constituencies.map((c) => c.code)));
      if (!validation.ok) throw new DomainError('invalid', { message: 'lists.errors.fileInvalid', rowErrors: validation.errors });
      const content = listContentSchema.safeParse(applyPrecinctImport(current, validation.value));
      if (!content.success) throw new DomainError('invalid', { message: 'lists.errors.fileInvalid' });
      rows = validation.value.rows;
      return content.data;
    });
    await audit({ action: 'constituencyLists.importFile', ...auditEntry, after: { ...auditEntry.after, rows, source: reading.source } });
    return { ...result, rows, source: reading.source };
  },
});

export const submitRevision = defineCommand({
  name: 'constituencyLists.submit',
  permission: 'constituencyList.submit',
  schema: submitRevisionSchema,
  regionOf: (input, tx) => revisionRegion(input.revisionId, tx),
  async run({ input, actor, tx, audit }) {
    const revision = await lockRevision(tx, input.revisionId, input.lockVersion);
    const allowed = checkSubmit(revision, revision.content);
    if (!allowed.ok) refused(allowed);
    await tx
      .update(constituencyListRevisions)
      .set({ status: 'submitted', submittedBy: actor.id, submittedAt: new Date(), ...bump(revision) })
      .where(eq(constituencyListRevisions.id, revision.id));
    await audit({
      action: 'constituencyLists.submit',
      entityType: 'constituencyListRevision',
      entityId: revision.id,
      before: { status: revision.status },
      after: { status: 'submitted', ...listTotals(revision.content) },
    });
    return { lockVersion: revision.lockVersion + 1 };
  },
});

export const returnRevision = defineCommand({
  name: 'constituencyLists.return',
  permission: 'constituencyList.review',
  schema: returnRevisionSchema,
  regionOf: (input, tx) => revisionRegion(input.revisionId, tx),
  async run({ input, actor, tx, audit }) {
    const revision = await lockRevision(tx, input.revisionId, input.lockVersion);
    const allowed = checkReturn(revision);
    if (!allowed.ok) refused(allowed);
    await tx
      .update(constituencyListRevisions)
      .set({ status: 'returned', reviewedBy: actor.id, reviewedAt: new Date(), reviewComment: input.comment, ...bump(revision) })
      .where(eq(constituencyListRevisions.id, revision.id));
    await audit({
      action: 'constituencyLists.return',
      entityType: 'constituencyListRevision',
      entityId: revision.id,
      before: { status: revision.status },
      after: { status: 'returned', comment: input.comment },
    });
    return { lockVersion: revision.lockVersion + 1 };
  },
});

/** Makes the revision's content the list in force: constituencies and precincts are upserted in place. */
async function putInForce(tx: Transaction, revision: typeof constituencyListRevisions.$inferSelect) {
  const { electionId, regionId, content } = revision;
  const codes = content.constituencies.map((c) => c.code);
  if (codes.length) {
    const elsewhere = await tx
      .select({ code: constituencies.code })
      .from(constituencies)
      .where(and(eq(constituencies.electionId, electionId), inArray(constituencies.code, codes), sql`${constituencies.regionId} <> ${regionId}`));
    if (elsewhere.length) throw new DomainError('invalidState', { message: 'lists.errors.codeInOtherRegion' });
  }
  for (const constituency of content.constituencies) {
    const values = {
      kind: constituency.kind,
      nameKk: constituency.nameKk,
      nameRu: constituency.nameRu,
      nameEn: constituency.nameEn,
      listRevisionId: revision.id,
      status: 'in_force' as const,
    };
    const [row] = await tx
      .insert(constituencies)
      .values({ electionId, regionId, code: constituency.code, ...values })
      .onConflictDoUpdate({ target: [constituencies.electionId, constituencies.code], set: values })
      .returning({ id: constituencies.id });
    const numbers = constituency.precincts.map((p) => p.number);
    const dropped = await tx
      .select({ id: precincts.id, number: precincts.number })
      .from(precincts)
      .where(and(eq(precincts.constituencyId, row!.id), numbers.length ? notInArray(precincts.number, numbers) : sql`true`));
    if (dropped.length) {
      const withProtocol = await tx
        .select({ id: protocols.id })
        .from(protocols)
        .where(
          inArray(
            protocols.precinctId,
            dropped.map((p) => p.id),
          ),
        )
        .limit(1);
      if (withProtocol.length) throw new DomainError('invalidState', { message: 'lists.errors.precinctHasProtocol' });
      await tx.delete(precincts).where(
        inArray(
          precincts.id,
          dropped.map((p) => p.id),
        ),
      );
    }
    if (constituency.precincts.length) {
      await tx
        .insert(precincts)
        .values(constituency.precincts.map((p) => ({ constituencyId: row!.id, number: p.number, address: p.address, votersOnList: p.votersOnList })))
        .onConflictDoUpdate({
          target: [precincts.constituencyId, precincts.number],
          set: { address: sql`excluded.address`, votersOnList: sql`excluded.voters_on_list` },
        });
    }
  }
  await tx
    .update(constituencies)
    .set({ status: 'removed', listRevisionId: revision.id })
    .where(
      and(eq(constituencies.electionId, electionId), eq(constituencies.regionId, regionId), codes.length ? notInArray(constituencies.code, codes) : sql`true`),
    );
}

export const approveRevision = defineCommand({
  name: 'constituencyLists.approve',
  permission: 'constituencyList.review',
  schema: approveRevisionSchema,
  regionOf: (input, tx) => revisionRegion(input.revisionId, tx),
  async run({ input, actor, tx, audit }) {
    const revision = await lockRevision(tx, input.revisionId, input.lockVersion);
    const [election] = await tx.select({ nominationOpensOn: elections.nominationOpensOn }).from(elections).where(eq(elections.id, revision.electionId));
    const allowed = checkApprove(revision, actor, { today: todayInKazakhstan(), nominationOpensOn: election!.nominationOpensOn }, input.overrideReason);
    if (!allowed.ok) return refused(allowed);
    const previous = await approvedContent(tx, revision.electionId, revision.regionId);
    await tx
      .update(constituencyListRevisions)
      .set({ status: 'superseded' })
      .where(
        and(
          eq(constituencyListRevisions.electionId, revision.electionId),
          eq(constituencyListRevisions.regionId, revision.regionId),
          eq(constituencyListRevisions.status, 'approved'),
        ),
      );
    await tx
      .update(constituencyListRevisions)
      .set({
        status: 'approved',
        reviewedBy: actor.id,
        reviewedAt: new Date(),
        reviewComment: null,
        calendarOverrideReason: allowed.calendarOverride ? input.overrideReason : null,
        ...bump(revision),
      })
      .where(eq(constituencyListRevisions.id, revision.id));
    await putInForce(tx, revision);
    await bumpResultsVersion(tx, revision.electionId);
    await audit({
      action: allowed.calendarOverride ? 'constituencyLists.approveWithCalendarOverride' : 'constituencyLists.approve',
      entityType: 'constituencyListRevision',
      entityId: revision.id,
      before: { status: revision.status },
      after: {
        status: 'approved',
        ...listTotals(revision.content),
        changes: diffLists(previous, revision.content),
        ...(allowed.calendarOverride ? { calendarOverrideReason: input.overrideReason } : {}),
      },
    });
    return { lockVersion: revision.lockVersion + 1 };
  },
});
